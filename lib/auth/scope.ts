// Whose staff data a call reads or changes (issue 23): a value minted here from the signed-in user
// and required by every staff and district query and mutation, so no staff data is read without
// saying in whose scope. Modelled on Rallly's AuthorizedSpaceId (features/space/types.ts): the
// brand makes a Scope impossible to make anywhere but here. Pure: no database, safe anywhere.
import type { Role } from "@/lib/generated/prisma/enums";
import { type Actor, can } from "./can";

declare const minted: unique symbol;

/** The caller as the audit log names them. */
export type ScopeActor = Actor & { displayName: string; townId?: string | null };

type ScopeFields = {
  /** The town whose data: staff and admins their own, a district account the town it acts for. */
  readonly townId: string;
  /** Who is calling: audit entries and `can` rules ask it. */
  readonly actor: ScopeActor;
  /** A district account acting as this town's staff: every change it makes is audited as such. */
  readonly acting: boolean;
};

/** A town's staff work: reads and changes in that town only. */
export type TownScope = ScopeFields & { readonly kind: "town"; readonly [minted]: true };

/** The district's view: reads across every town, changes nothing inside one. */
export type DistrictScope = {
  readonly kind: "district";
  readonly townId: null;
  readonly actor: ScopeActor;
  readonly acting: false;
  readonly [minted]: true;
};

/** What a query needs: a town's, or the district's across towns. */
export type Scope = TownScope | DistrictScope;

const isTownStaff = (actor: Pick<ScopeActor, "role">): actor is ScopeActor & { role: "STAFF" | "ADMIN" } =>
  actor.role === "STAFF" || actor.role === "ADMIN";

/**
 * A town's scope for this caller, or null when they may not work as staff there: staff and admins
 * in their own town; a district account in the town it chose to act for (`actingTownId`).
 */
export function townScope(actor: ScopeActor, actingTownId?: string | null): TownScope | null {
  if (!can.workAsStaff(actor) && !can.workAsDistrict(actor)) return null;
  if (isTownStaff(actor))
    return actor.townId ? mint<TownScope>({ kind: "town", townId: actor.townId, actor, acting: false }) : null;
  if (actor.role === "DISTRICT" && actingTownId)
    return mint<TownScope>({ kind: "town", townId: actingTownId, actor, acting: true });
  return null;
}

/** The district's scope across every town, or null for anyone but a district account. */
export function districtScope(actor: ScopeActor): DistrictScope | null {
  return can.workAsDistrict(actor) ? mint<DistrictScope>({ kind: "district", townId: null, actor, acting: false }) : null;
}

function mint<S extends Scope>(fields: Omit<S, typeof minted>): S {
  return Object.freeze(fields) as unknown as S;
}

/** For queries: the venues in scope (Prisma `VenueWhereInput`). */
export function venuesIn(scope: Scope): { townId?: string } {
  return scope.townId ? { townId: scope.townId } : {};
}

/** For queries of rows that belong to a venue: bookings, walk-ins, duty, attendance… */
export function atVenuesIn(scope: Scope): { venue: { townId?: string } } {
  return { venue: venuesIn(scope) };
}

/**
 * For queries of lawyers (Prisma `LawyerWhereInput`): a town's staff see the lawyers their town
 * registered and those serving any of its venues; the district sees all.
 */
export function lawyersIn(scope: Scope) {
  const townId = scope.townId;
  return townId ? { OR: [{ townId }, { venues: { some: { venue: { townId } } } }] } : {};
}

/** Whether a row of this town is in scope. */
export function townInScope(scope: Scope, townId: string): boolean {
  return scope.townId === null || scope.townId === townId;
}

/** The role the audit log records: a district account acting for a town says so. */
export function auditRole(scope: Scope): string {
  return scope.acting ? `${scope.actor.role}（代镇工作）` : scope.actor.role;
}

/** The audit log's actor for a change made in this scope. */
export function auditActorOf(scope: Scope): { id: string; displayName: string; role: string } {
  return { id: scope.actor.id, displayName: scope.actor.displayName, role: auditRole(scope) };
}

/** Roles that have a town of their own. */
export function hasTown(role: Role): boolean {
  return role === "STAFF" || role === "ADMIN";
}
