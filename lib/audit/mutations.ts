import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db-client";

type Writer = Pick<PrismaClient, "auditLog">;

export type AuditActor = { id: string; displayName: string; role: string };
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
