import "server-only";
// The audit log as staff read it, in a scope. The log has no town of its own (it names an actor and
// a subject, and a trigger keeps it as written), so a town's entries are found through what they name:
//  - the actor is one of the town's accounts (app_user.town_id), or
//  - the subject is the town's: a venue of the town, or a booking, walk-in, attendance, duty session
//    or exception, or call-back request at one; a lawyer the town sees (lawyersIn: registered by the
//    town or serving one of its venues), or that lawyer's account; one of the town's accounts; or a
//    subject written as "<what>:<venue or lawyer id>[:…]" (callback_list, day_sheet, agenda,
//    worklog) or "<what>:town:<town id>" (the whole town's call-back list, its exports), or
//  - it is about the whole deployment, which every town lives under: the site's settings, the
//    holiday calendar, the retention periods and the nightly purge.
// A district account acting for the town is found by its subjects. The district sees every entry.
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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

/** The entries of one town (the rule above), as a condition on `audit_log a`. */
function ofTown(townId: string): Prisma.Sql {
  const subject = Prisma.sql`a.subject_id`;
  const second = Prisma.sql`split_part(a.subject_id, ':', 2)`;
  return Prisma.sql`(
    a.actor_id IN (SELECT u.id FROM app_user u WHERE u.town_id = ${townId})
    OR (a.subject_id LIKE '%:town:%' AND split_part(a.subject_id, ':town:', 2) = ${townId})
    OR EXISTS (SELECT 1 FROM venue v WHERE v.town_id = ${townId} AND v.id IN (
      ${subject}, ${second},
      (SELECT venue_id FROM booking WHERE id = ${subject}),
      (SELECT venue_id FROM walk_in WHERE id = ${subject}),
      (SELECT venue_id FROM attendance WHERE id = ${subject}),
      (SELECT venue_id FROM duty_session WHERE id = ${subject}),
      (SELECT venue_id FROM duty_exception WHERE id = ${subject}),
      (SELECT venue_id FROM callback_request WHERE id = ${subject})))
    OR EXISTS (SELECT 1 FROM lawyer l
      WHERE (l.id IN (${subject}, ${second}) OR l.user_id = ${subject})
        AND (l.town_id = ${townId} OR EXISTS (
          SELECT 1 FROM lawyer_venue lv JOIN venue v ON v.id = lv.venue_id WHERE lv.lawyer_id = l.id AND v.town_id = ${townId})))
    OR EXISTS (SELECT 1 FROM app_user u WHERE u.id = ${subject} AND u.town_id = ${townId})
    OR a.kind = 'site'
    OR (a.kind = 'privacy' AND a.action IN ('update', 'anonymise'))
    OR (a.kind = 'calendar' AND NOT EXISTS (SELECT 1 FROM lawyer l WHERE l.id = ${subject}))
  )`;
}

/** The scope's entries: a town's (the rule above), the district's all, or one town's when it asks. */
function inScope(scope: Scope, town?: string): Prisma.Sql {
  const townId = scope.townId ?? town;
  return townId ? ofTown(townId) : Prisma.sql`TRUE`;
}

function whereOf(scope: Scope, filter: Omit<AuditSearchInput, "page">): Prisma.Sql {
  // The dates are Shanghai calendar days: from its midnight to the next day's.
  return Prisma.sql`${inScope(scope, filter.town)}
    ${filter.actor ? Prisma.sql`AND a.actor_id = ${filter.actor}` : Prisma.empty}
    ${filter.kind ? Prisma.sql`AND a.kind = ${filter.kind}` : Prisma.empty}
    ${filter.from ? Prisma.sql`AND a.at >= ${zonedInstant(filter.from)}` : Prisma.empty}
    ${filter.to ? Prisma.sql`AND a.at < ${zonedInstant(addDays(filter.to, 1))}` : Prisma.empty}`;
}

/** One page of the scope's entries, newest first. */
export async function listAuditEntries(
  scope: Scope,
  filter: AuditSearchInput,
): Promise<{ entries: AuditEntryView[]; total: number; page: number; pageCount: number }> {
  const where = whereOf(scope, filter);
  const [counted, entries] = await Promise.all([
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`,
    db.$queryRaw<AuditEntryView[]>`
      SELECT a.id, a.at, a.actor_name AS "actorName", a.actor_role AS "actorRole", a.kind, a.action, a.summary
      FROM audit_log a WHERE ${where}
      ORDER BY a.at DESC, a.id DESC
      LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${(filter.page - 1) * AUDIT_PAGE_SIZE}`,
  ]);
  const total = counted[0]?.total ?? 0;
  return { entries, total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** The people who appear in the scope's entries, for the "who" filter: the current name of each account. */
export async function listAuditActors(scope: Scope): Promise<{ id: string; name: string }[]> {
  // GROUP BY in the database: the log only grows, and reading it whole would not do.
  const groups = await db.$queryRaw<{ actorId: string; actorName: string }[]>`
    SELECT a.actor_id AS "actorId", max(a.actor_name) AS "actorName" FROM audit_log a
    WHERE a.actor_id IS NOT NULL AND ${inScope(scope)} GROUP BY a.actor_id`;
  const users = await db.user.findMany({
    where: { id: { in: groups.map((g) => g.actorId) } },
    select: { id: true, displayName: true, username: true },
  });
  const names = new Map(users.map((u) => [u.id, `${u.displayName}（${u.username}）`]));
  return groups
    .map((g) => ({ id: g.actorId, name: names.get(g.actorId) ?? g.actorName }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}
