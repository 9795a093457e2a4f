import "server-only";
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

const lawyerSelect = {
  id: true,
  name: true,
  firm: true,
  publicPhone: true,
  specialties: true,
  active: true,
  user: { select: { username: true } },
  venues: {
    orderBy: [{ venue: { kind: "asc" as const } }, { venue: { sortOrder: "asc" as const } }],
    select: { isAdviser: true, venue: { select: { id: true, name: true } } },
  },
};

type Row = { user: { username: string } | null; venues: { isAdviser: boolean; venue: { id: string; name: string } }[] };

function toLawyerRow<T extends Row>({ user, venues, ...rest }: T) {
  return {
    ...rest,
    username: user?.username ?? null,
    venues: venues.map((v) => ({ id: v.venue.id, name: v.venue.name, isAdviser: v.isAdviser })),
  };
}

/** Every lawyer, those still serving first. No password hashes. */
export async function listLawyers(): Promise<LawyerRow[]> {
  const rows = await db.lawyer.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }], select: lawyerSelect });
  return rows.map(toLawyerRow);
}

export async function getLawyer(lawyerId: string): Promise<LawyerRow | null> {
  const row = await db.lawyer.findUnique({ where: { id: lawyerId }, select: lawyerSelect });
  return row ? toLawyerRow(row) : null;
}

/** Bookings the lawyer still holds that have not ended: after a deactivation, staff reassign these. */
export async function listUpcomingBookings(lawyerId: string, now: Date = new Date()): Promise<UpcomingBooking[]> {
  const rows = await db.booking.findMany({
    where: { lawyerId, status: { in: ["CONFIRMED", "CHECKED_IN"] }, endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: { code: true, startsAt: true, endsAt: true, venue: { select: { name: true } } },
  });
  return rows.map((b) => ({ code: b.code, start: b.startsAt, end: b.endsAt, venueName: b.venue.name }));
}

export type LawyerName = { id: string; name: string };

/** Lawyers by name, for lists and filters: those still serving, or (`activeOnly: false`) everyone. */
export async function listLawyerNames({ activeOnly = true }: { activeOnly?: boolean } = {}): Promise<LawyerName[]> {
  return db.lawyer.findMany({
    where: activeOnly ? { active: true } : {},
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
