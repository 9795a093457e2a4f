import "server-only";
import { db } from "@/lib/db";
import { addDays, zonedInstant } from "@/lib/time";
import { AUDIT_PAGE_SIZE, type AuditSearchInput } from "./schema";

export type AuditEntryView = {
  id: string;
  at: Date;
  actorName: string;
  actorRole: string;
  kind: string;
  action: string;
  summary: string;
};

function whereOf(filter: Omit<AuditSearchInput, "page">) {
  return {
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    // The dates are Shanghai calendar days: from its midnight to the next day's.
    ...(filter.from || filter.to
      ? {
          at: {
            ...(filter.from ? { gte: zonedInstant(filter.from) } : {}),
            ...(filter.to ? { lt: zonedInstant(addDays(filter.to, 1)) } : {}),
          },
        }
      : {}),
  };
}

/** One page of entries, newest first. */
export async function listAuditEntries(
  filter: AuditSearchInput,
): Promise<{ entries: AuditEntryView[]; total: number; page: number; pageCount: number }> {
  const where = whereOf(filter);
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, actorName: true, actorRole: true, kind: true, action: true, summary: true },
    }),
  ]);
  return { entries, total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** The people who appear in the log, for the "who" filter: the current name of each account. */
export async function listAuditActors(): Promise<{ id: string; name: string }[]> {
  // GROUP BY in the database: the log only grows, and Prisma's `distinct` would read it all.
  const groups = await db.auditLog.groupBy({ by: ["actorId", "actorName"], where: { actorId: { not: null } } });
  const ids = [...new Map(groups.map((g) => [g.actorId as string, g])).values()];
  const users = await db.user.findMany({
    where: { id: { in: ids.map((r) => r.actorId as string) } },
    select: { id: true, displayName: true, username: true },
  });
  const names = new Map(users.map((u) => [u.id, `${u.displayName}（${u.username}）`]));
  return ids
    .map((r) => ({ id: r.actorId as string, name: names.get(r.actorId as string) ?? r.actorName }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}
