// Who records consultations and walk-ins (and their evaluation links): a lawyer for their own work,
// or staff in their town's scope (lib/auth/scope.ts). Both reach the same mutations; which rows
// each may read and change is decided here, once, and applied in every query's `where`.
import type { AuditActor } from "@/lib/audit/mutations";
import { can } from "@/lib/auth/can";
import { atVenuesIn, auditActorOf, type TownScope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";

/** A town's staff (their scope), or a signed-in user who counts only as a lawyer. */
export type Recorder = TownScope | CurrentUser;

export function isStaffRecorder(by: Recorder): by is TownScope {
  return "kind" in by && by.kind === "town";
}

/**
 * The bookings and walk-ins the recorder may read and change (a Prisma `where` part): staff those
 * at their town's venues, a lawyer their own. Null: none at all (an account that is neither).
 */
export function recordsOf(by: Recorder): { venue: { townId?: string } } | { lawyerId: string } | null {
  if (isStaffRecorder(by)) return can.recordConsultations(by.actor) ? atVenuesIn(by) : null;
  return can.workAsLawyer(by) ? { lawyerId: by.lawyerId as string } : null;
}

/** The audit log's actor for the recorder's change or look. */
export function recorderInAudit(by: Recorder): AuditActor {
  return isStaffRecorder(by) ? auditActorOf(by) : by;
}

/** The lawyer the recorder is, if a lawyer. */
export function ownLawyerId(by: Recorder): string | null {
  return isStaffRecorder(by) ? null : by.lawyerId;
}

/** Who is recording (the account, for `can` rules and `createdById`). */
export function recorderAccount(by: Recorder): TownScope["actor"] | CurrentUser {
  return isStaffRecorder(by) ? by.actor : by;
}
