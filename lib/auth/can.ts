// Every "may this person do this" rule, in one place. Pages, server actions, route handlers and
// mutations ask here; nothing checks a role inline. Pure: no database, safe anywhere.
import type { Role } from "@/lib/generated/prisma/enums";

/** `mustChangePassword`: signed in with a first password handed over by staff, not yet replaced. */
export type Actor = { id: string; role: Role; lawyerId: string | null; mustChangePassword?: boolean };

/** Raised by a mutation called by someone who may not make it; actions and route handlers answer 没有权限. */
export class Forbidden extends Error {
  constructor() {
    super("没有权限进行这个操作。");
  }
}

// An account still on its handed-over first password may do one thing: replace it.
const ready = (actor: Pick<Actor, "mustChangePassword">) => !actor.mustChangePassword;
// A district account works as staff only inside a town it acts for (a TownScope, lib/auth/scope.ts),
// with an administrator's rights there; without one it reaches no town's data.
const isStaff = (actor: Pick<Actor, "role" | "mustChangePassword">) =>
  ready(actor) && (actor.role === "STAFF" || actor.role === "ADMIN" || actor.role === "DISTRICT");
const isAdmin = (actor: Pick<Actor, "role" | "mustChangePassword">) =>
  ready(actor) && (actor.role === "ADMIN" || actor.role === "DISTRICT");
const isDistrict = (actor: Pick<Actor, "role" | "mustChangePassword">) => ready(actor) && actor.role === "DISTRICT";
const isLawyer = (actor: Actor) => ready(actor) && actor.role === "LAWYER" && actor.lawyerId !== null;

/** The questions a caller can be asked about; each names a capability, not a role. */
export const can = {
  /** The staff console: the rota, bookings for others, venues, lawyers, holidays, figures and exports. */
  workAsStaff: isStaff,
  /** The district's console (区司法局): every town's figures, the towns and their administrators. */
  workAsDistrict: isDistrict,
  /** A lawyer's own workspace (needs an active lawyer profile). */
  workAsLawyer: isLawyer,
  /** Record consultations and change duty hours: a lawyer for themself, staff for any lawyer. */
  recordConsultations: (actor: Actor) => isStaff(actor) || isLawyer(actor),
  /** Type in the answers of a villager's paper evaluation form (评价表). */
  enterPaperEvaluations: isStaff,
  /** Record one's own arrival and departure at a venue (签到 / 签退): a lawyer only, as proof of sitting in. */
  recordAttendance: isLawyer,
  /** Correct a lawyer's attendance, with a reason (audited). */
  correctAttendance: isStaff,
  /** A lawyer acts only for themself; staff and admins for any lawyer. */
  actForLawyer: (actor: Actor, lawyerId: string) => isStaff(actor) || (isLawyer(actor) && actor.lawyerId === lawyerId),
  /** Staff look after lawyers' sign-in accounts; only an administrator looks after staff and admins. */
  /** A town's administrator looks after its staff; only the district looks after district accounts. */
  manageAccount: (actor: Pick<Actor, "role" | "mustChangePassword">, target: Role) =>
    target === "DISTRICT" ? isDistrict(actor) : isAdmin(actor) || (isStaff(actor) && target === "LAWYER"),
  /** The staff and admin accounts page. */
  manageStaffAccounts: isAdmin,
  /**
   * The holiday calendar's overrides (lib/holidays): one calendar for the whole deployment (national
   * holidays, every town's duty), so an administrator's or the district's, not any town's staff.
   */
  manageHolidays: isAdmin,
  /** The site's own settings (its public address, lib/site): an administrator's. */
  manageSite: isAdmin,
  /** How long personal data is kept (lib/privacy): one setting for the whole deployment, an administrator's or the district's. */
  manageRetention: isAdmin,
  /** Register, rotate and revoke the API's clients (lib/api-clients): a town's administrator for their town, the district for all. */
  manageApiClients: isAdmin,
  /** Add and edit towns, and give each its first administrator. */
  manageTowns: isDistrict,
  /** Any signed-in account: its own password. */
  changeOwnPassword: (_actor: Actor) => true,
};

/**
 * The rows of lawyers' work an actor may read and change: a lawyer only their own, staff any.
 * Null means none at all (a lawyer account without an active lawyer profile).
 */
export function lawyerScope(actor: Actor): { lawyerId?: string } | null {
  if (isStaff(actor)) return {};
  return isLawyer(actor) ? { lawyerId: actor.lawyerId as string } : null;
}

/** Throws Forbidden unless the rule allows: for mutations, whose callers have checked already. */
export function assertCan(allowed: boolean): void {
  if (!allowed) throw new Forbidden();
}
