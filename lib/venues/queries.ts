import "server-only";
import { type Scope, venuesIn } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import type { VenueKind } from "@/lib/generated/prisma/enums";
import { sortForVillagers } from "./order";
import { BOOKABLE_VENUE } from "./rules";
import { EDITABLE_VENUE_FIELDS } from "./schema";

export type VenueSummary = {
  slug: string;
  kind: VenueKind;
  name: string;
  village: string | null;
  address: string;
  isDemonstration: boolean;
};

/**
 * The venues villagers may book (open and confirmed): the station first, then the workrooms by
 * pinyin. In a staff scope (booking for someone, the bookings' filter), the scope's town's; for a
 * villager, those of the town of the venue `sameTownAs` (its slug), or all.
 */
export async function listVenues({ scope, sameTownAs }: { scope?: Scope; sameTownAs?: string } = {}): Promise<VenueSummary[]> {
  const venues = await db.venue.findMany({
    where: {
      ...BOOKABLE_VENUE,
      ...(scope ? venuesIn(scope) : {}),
      ...(sameTownAs ? { town: { venues: { some: { slug: sameTownAs } } } } : {}),
    },
    select: { slug: true, kind: true, name: true, village: true, address: true, isDemonstration: true },
  });
  return sortForVillagers(venues);
}

export type StaffVenue = VenueSummary & {
  id: string;
  phone: string | null;
  openingNotes: string | null;
  slotMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  offHoursBooking: boolean;
  active: boolean;
  confirmed: boolean;
};

const staffVenueSelect = { id: true, slug: true, kind: true, ...EDITABLE_VENUE_FIELDS } as const;

/** Every venue in scope, inactive ones too, for staff: the station first, then the workrooms in the town's order. */
export function listVenuesForStaff(scope: Scope): Promise<StaffVenue[]> {
  return db.venue.findMany({
    where: venuesIn(scope),
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: staffVenueSelect,
  });
}

/** A venue in scope; null for one of another town, as for a missing one. */
export function getVenueForStaff(scope: Scope, venueId: string): Promise<StaffVenue | null> {
  return db.venue.findFirst({ where: { id: venueId, ...venuesIn(scope) }, select: staffVenueSelect });
}

/** Active venues in scope as choices for a staff form (by id), the station first, then the workrooms in the town's order. */
export async function listVenueChoices(scope: Scope): Promise<{ id: string; name: string; lawyers: string[] }[]> {
  const venues = await db.venue.findMany({
    where: { active: true, ...venuesIn(scope) },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: {
      id: true,
      name: true,
      lawyers: {
        where: { lawyer: { active: true } },
        select: { lawyer: { select: { name: true } } },
        orderBy: { lawyer: { name: "asc" } },
      },
    },
  });
  return venues.map((v) => ({ id: v.id, name: v.name, lawyers: v.lawyers.map((l) => l.lawyer.name) }));
}

/** A venue as staff choose it for a lawyer's record: with the lawyers who serve there, so the pair is seen before it is sent. */
export const venueWithLawyers = (v: { name: string; lawyers: string[] }): string =>
  `${v.name} · ${v.lawyers.length > 0 ? v.lawyers.join("、") : "暂无服务律师"}`;
