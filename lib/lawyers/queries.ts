import "server-only";
import { atVenuesIn, lawyersIn, type Scope, venuesIn } from "@/lib/auth/scope";
import { db } from "@/lib/db";

export type UpcomingBooking = { code: string; start: Date; end: Date; venueName: string };

export type LawyerRow = {
  id: string;
  name: string;
  firm: string;
  publicPhone: string;
  specialties: string[];
  active: boolean;
  username: string | null;
  venues: { id: string; name: string; isAdviser: boolean }[];
};

/** A lawyer as a scope's staff see them: the venues they serve in scope only. */
const lawyerSelect = (scope: Scope) => ({
  id: true,
  name: true,
  firm: true,
  publicPhone: true,
  specialties: true,
  active: true,
  user: { select: { username: true } },
  venues: {
    where: { venue: venuesIn(scope) },
    orderBy: [{ venue: { kind: "asc" as const } }, { venue: { sortOrder: "asc" as const } }],
    select: { isAdviser: true, venue: { select: { id: true, name: true } } },
  },
});

type Row = { user: { username: string } | null; venues: { isAdviser: boolean; venue: { id: string; name: string } }[] };

function toLawyerRow<T extends Row>({ user, venues, ...rest }: T) {
  return {
    ...rest,
    username: user?.username ?? null,
    venues: venues.map((v) => ({ id: v.venue.id, name: v.venue.name, isAdviser: v.isAdviser })),
  };
}

/** Every lawyer in scope, those still serving first. No password hashes. */
export async function listLawyers(scope: Scope): Promise<LawyerRow[]> {
  const rows = await db.lawyer.findMany({
    where: lawyersIn(scope),
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: lawyerSelect(scope),
  });
  return rows.map(toLawyerRow);
}

/** A lawyer in scope; null for one the scope's town neither registered nor has serve it, as for a missing one. */
export async function getLawyer(scope: Scope, lawyerId: string): Promise<LawyerRow | null> {
  const row = await db.lawyer.findFirst({ where: { id: lawyerId, ...lawyersIn(scope) }, select: lawyerSelect(scope) });
  return row ? toLawyerRow(row) : null;
}

/** Bookings at venues in scope that the lawyer still holds and that have not ended: after a deactivation, staff reassign these. */
export async function listUpcomingBookings(scope: Scope, lawyerId: string, now: Date = new Date()): Promise<UpcomingBooking[]> {
  const rows = await db.booking.findMany({
    where: { lawyerId, ...atVenuesIn(scope), status: { in: ["CONFIRMED", "CHECKED_IN"] }, endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: { code: true, startsAt: true, endsAt: true, venue: { select: { name: true } } },
  });
  return rows.map((b) => ({ code: b.code, start: b.startsAt, end: b.endsAt, venueName: b.venue.name }));
}

export type LawyerName = { id: string; name: string };

/** Lawyers in scope by name, for lists and filters: those still serving, or (`activeOnly: false`) everyone. */
export async function listLawyerNames(scope: Scope, { activeOnly = true }: { activeOnly?: boolean } = {}): Promise<LawyerName[]> {
  return db.lawyer.findMany({
    where: { ...lawyersIn(scope), ...(activeOnly ? { active: true } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
