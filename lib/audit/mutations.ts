import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db-client";

type Writer = Pick<PrismaClient, "auditLog">;

// The log is kept whole: a trigger (migration 20261128141807_staff_console) refuses every update
// and delete, and nothing prunes it, so entries outlive the six months of 网络安全法 art. 21 and the
// personal data they name (subjectId is a plain string, not a foreign key that a purge could cascade).

/** `id` is the account's; null for someone without one (a villager on their own booking, the retention job). */
export type AuditActor = { id: string | null; displayName: string; role: string };
export type AuditEntry = { kind: string; action: string; subjectId?: string | null; summary: string };

/**
 * Writes one audit entry. Pass the transaction client of the change itself, so the entry and
 * the change are committed together or not at all.
 */
export async function recordAudit(writer: Writer, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await writer.auditLog.create({
    data: {
      actorId: actor.id,
      actorName: actor.displayName,
      actorRole: actor.role,
      kind: entry.kind,
      action: entry.action,
      subjectId: entry.subjectId ?? null,
      summary: entry.summary,
    },
  });
}

/**
 * Records that someone took a file of personal data (an export, a work log) away. On its own: a
 * download changes nothing else to commit it with.
 */
export async function recordDownload(actor: AuditActor, entry: { subjectId?: string | null; summary: string }): Promise<void> {
  await recordAudit(db, actor, { kind: "personal_data", action: "export", ...entry });
}

/** Renders of the same page by the same person this close together are one opening (a form sent, a refresh). */
export const SAME_OPENING_MS = 10 * 60_000;

/**
 * Records that someone saw personal data in full (a booking's details, a list of phone numbers, a
 * day sheet), once per opening: when the same person opened the same subject in the last ten
 * minutes, nothing is written. Returns whether an entry was written. The advisory lock makes the
 * check and the insert one step, so two renders at once still give one entry: the second waits
 * for the first to commit, then sees its entry. (Two-key lock with 2 as the first key: apart from
 * the lawyers' locks, 1, and the one-key locks per phone number; see lib/db.ts.)
 */
export async function recordView(
  actor: AuditActor,
  view: { subjectId: string; summary: string },
  now = new Date(),
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(2, hashtext(${`${actor.id}\n${view.subjectId}`}))`;
    const recent = await tx.auditLog.findFirst({
      where: {
        actorId: actor.id,
        kind: "personal_data",
        action: "view",
        subjectId: view.subjectId,
        at: { gt: new Date(now.getTime() - SAME_OPENING_MS) },
      },
      select: { id: true },
    });
    if (recent) return false;
    await recordAudit(tx, actor, { kind: "personal_data", action: "view", ...view });
    return true;
  });
}
