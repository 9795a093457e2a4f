import "server-only";
import { db, type Tx } from "@/lib/db";
import type { VenueKind } from "@/lib/generated/prisma/enums";
import type { HolidayCalendar } from "@/lib/holidays/calendar";
import { loadHolidayCalendar } from "@/lib/holidays/queries";
import { addDays, type DateString, fromDbDate, toDbDate, todayInShanghai } from "@/lib/time";
import { sortForVillagers } from "@/lib/venues/order";
import { BOOKABLE_VENUE } from "@/lib/venues/rules";
import { EDITABLE_VENUE_FIELDS } from "@/lib/venues/schema";
import { remember } from "./cache";
import {
  type BusyInterval,
  type DateException,
  generateSlots,
  type Slot,
  type VenueRules,
  WEEKLY_SESSION_FIELDS,
  type WeeklySession,
} from "./slots";

export type SlotView = { start: Date; end: Date; lawyer: { id: string; name: string } };
export type VenueDetail = {
  id: string;
  slug: string;
  kind: VenueKind;
  name: string;
  village: string | null;
  address: string;
  phone: string | null;
  openingNotes: string | null;
  slotMinutes: number;
  horizonDays: number;
  lawyers: { id: string; name: string; firm: string; publicPhone: string; isAdviser: boolean }[];
};

const venueSelect = {
  id: true,
  slug: true,
  kind: true,
  ...EDITABLE_VENUE_FIELDS,
  lawyers: {
    where: { lawyer: { active: true } },
    orderBy: [{ isAdviser: "desc" as const }, { lawyer: { name: "asc" as const } }],
    select: { isAdviser: true, lawyer: { select: { id: true, name: true, firm: true, publicPhone: true } } },
  },
};

type VenueRow = Awaited<ReturnType<typeof loadVenues>>[number];

function loadVenues(where: { slug?: string }) {
  return db.venue.findMany({
    where: { ...BOOKABLE_VENUE, ...where },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: venueSelect,
  });
}

function toDetail(v: VenueRow): VenueDetail {
  const { lawyers, minNoticeMinutes: _notice, isDemonstration: _demo, ...rest } = v;
  return { ...rest, lawyers: lawyers.map((l) => ({ ...l.lawyer, isAdviser: l.isAdviser })) };
}

export async function getVenueDetail(slug: string): Promise<VenueDetail | null> {
  const [venue] = await loadVenues({ slug });
  return venue ? toDetail(venue) : null;
}

/**
 * The duty rows of these venues over [from, to] as slot generation reads them, with the holiday
 * calendar (statutory plus staff overrides). `activeLawyersOnly: false` keeps a deactivated
 * lawyer's past duty (the staff statistics count what was offered then).
 */
export async function loadDutyInputs(
  venueIds: string[],
  from: DateString,
  to: DateString,
  { activeLawyersOnly = true }: { activeLawyersOnly?: boolean } = {},
) {
  const lawyer = activeLawyersOnly ? { lawyer: { active: true } } : {};
  const [sessions, exceptions, calendar] = await Promise.all([
    readSessions(db, venueIds, from, to, lawyer),
    readExceptions(db, venueIds, from, to, lawyer),
    loadHolidayCalendar(),
  ]);
  return { sessions, exceptions, calendar };
}

/**
 * One lawyer's duty at these venues over [from, to], read inside a transaction (one query after
 * the other: a transaction has one connection) with a calendar read before it.
 */
export async function loadLawyerDutyInTransaction(
  tx: Tx,
  lawyerId: string,
  venueIds: string[],
  date: DateString,
  calendar: HolidayCalendar,
) {
  const only = { lawyerId, lawyer: { active: true } };
  const sessions = await readSessions(tx, venueIds, date, date, only);
  const exceptions = await readExceptions(tx, venueIds, date, date, only);
  return { sessions, exceptions, calendar, busy: [] as BusyInterval[], lawyerNames: new Map<string, string>() };
}

type Reader = Pick<Tx, "dutySession" | "dutyException">;

async function readSessions(reader: Reader, venueIds: string[], from: DateString, to: DateString, where: object) {
  const rows = await reader.dutySession.findMany({
    where: {
      venueId: { in: venueIds },
      ...where,
      validFrom: { lte: toDbDate(to) },
      OR: [{ validUntil: null }, { validUntil: { gte: toDbDate(from) } }],
    },
    select: WEEKLY_SESSION_FIELDS,
  });
  return rows.map(
    (s): WeeklySession => ({
      ...s,
      validFrom: fromDbDate(s.validFrom),
      validUntil: s.validUntil ? fromDbDate(s.validUntil) : null,
    }),
  );
}

async function readExceptions(reader: Reader, venueIds: string[], from: DateString, to: DateString, where: object) {
  const rows = await reader.dutyException.findMany({
    where: {
      date: { gte: toDbDate(from), lte: toDbDate(to) },
      OR: [{ venueId: { in: venueIds } }, { venueId: null }],
      ...where,
    },
    select: { lawyerId: true, venueId: true, kind: true, date: true, startMinute: true, endMinute: true },
  });
  return rows.map((e): DateException => ({ ...e, date: fromDbDate(e.date) }));
}

/**
 * Everything slot generation needs for these venues over [from, to], in five queries whatever
 * the number of venues. `excludeBookingId` leaves one booking out of the busy times (a move).
 */
export async function loadAvailabilityInputs(
  venueIds: string[],
  from: DateString,
  to: DateString,
  { excludeBookingId, withNames = true }: { excludeBookingId?: string; withNames?: boolean } = {},
) {
  const duty = await loadDutyInputs(venueIds, from, to);
  const lawyerIds = [...new Set([...duty.sessions.map((s) => s.lawyerId), ...duty.exceptions.map((e) => e.lawyerId)])];
  const [bookings, lawyers] = await Promise.all([
    db.booking.findMany({
      where: {
        lawyerId: { in: lawyerIds },
        status: { not: "CANCELLED" },
        // A day either side: bookings are instants, the window is Shanghai dates.
        startsAt: { lt: toDbDate(addDays(to, 1)) },
        endsAt: { gt: toDbDate(addDays(from, -1)) },
        ...(excludeBookingId ? { id: { not: excludeBookingId } } : {}),
      },
      select: { lawyerId: true, startsAt: true, endsAt: true },
    }),
    withNames ? db.lawyer.findMany({ where: { id: { in: lawyerIds } }, select: { id: true, name: true } }) : [],
  ]);
  return {
    ...duty,
    busy: bookings.map((b): BusyInterval => ({ lawyerId: b.lawyerId, start: b.startsAt, end: b.endsAt })),
    lawyerNames: new Map(lawyers.map((l) => [l.id, l.name])),
  };
}

type Inputs = Awaited<ReturnType<typeof loadAvailabilityInputs>>;

export function slotsOf(
  venue: VenueRules,
  inputs: Inputs,
  opts: { now: Date; from?: DateString; to?: DateString; ignoreBookings?: boolean },
): Slot[] {
  return generateSlots({
    venue,
    sessions: inputs.sessions.filter((s) => s.venueId === venue.id),
    exceptions: inputs.exceptions.filter((e) => e.venueId === venue.id || e.venueId === null),
    busy: opts.ignoreBookings ? [] : inputs.busy,
    now: opts.now,
    calendar: inputs.calendar,
    from: opts.from,
    to: opts.to,
  });
}

function toView(slot: Slot, names: Map<string, string>): SlotView {
  return { start: slot.start, end: slot.end, lawyer: { id: slot.lawyerId, name: names.get(slot.lawyerId) ?? "" } };
}

/** Free slots of one venue, the whole booking horizon unless narrowed. Null for an unknown or inactive venue. */
export function listVenueSlots(
  slug: string,
  { from, to, now }: { from?: DateString; to?: DateString; now?: Date } = {},
): Promise<{ venue: VenueDetail; slots: SlotView[] } | null> {
  // An explicit `now` (tests, what-if) is computed afresh; the live answer is briefly cached.
  if (now) return computeVenueSlots(slug, from, to, now);
  return remember(slug, `slots|${slug}|${from ?? ""}|${to ?? ""}`, () => computeVenueSlots(slug, from, to, new Date()));
}

async function computeVenueSlots(slug: string, from: DateString | undefined, to: DateString | undefined, now: Date) {
  const [venue] = await loadVenues({ slug });
  if (!venue) return null;
  const today = todayInShanghai(now);
  const windowFrom = from && from > today ? from : today;
  const last = addDays(today, venue.horizonDays - 1);
  const windowTo = to && to < last ? to : last;
  if (windowTo < windowFrom) return { venue: toDetail(venue), slots: [] };
  const inputs = await loadAvailabilityInputs([venue.id], windowFrom, windowTo);
  const slots = slotsOf(venue, inputs, { now, from: windowFrom, to: windowTo });
  return { venue: toDetail(venue), slots: slots.map((s) => toView(s, inputs.lawyerNames)) };
}

/** The dates bookable anywhere today: today … the last day of the longest horizon of an active venue. */
export async function loadBookingHorizon(now: Date = new Date()): Promise<{ from: DateString; to: DateString }> {
  const { _max } = await db.venue.aggregate({ where: BOOKABLE_VENUE, _max: { horizonDays: true } });
  const today = todayInShanghai(now);
  return { from: today, to: addDays(today, Math.max(1, _max.horizonDays ?? 1) - 1) };
}

/** The soonest free slot of every active venue over its whole horizon, from one batch of queries. */
async function firstSlotPerVenue(now: Date) {
  const venues = await loadVenues({});
  const today = todayInShanghai(now);
  const horizon = Math.max(1, ...venues.map((v) => v.horizonDays));
  const inputs = await loadAvailabilityInputs(
    venues.map((v) => v.id),
    today,
    addDays(today, horizon - 1),
  );
  return venues.map((venue) => {
    const [first] = slotsOf(venue, inputs, { now });
    return { venue, first: first ? toView(first, inputs.lawyerNames) : null };
  });
}

export async function listVenuesWithNextSlot(now: Date = new Date()) {
  const rows = await firstSlotPerVenue(now);
  const venues = rows.map(({ venue, first }) => ({
    slug: venue.slug,
    kind: venue.kind,
    name: venue.name,
    village: venue.village,
    address: venue.address,
    isDemonstration: venue.isDemonstration,
    lawyers: venue.lawyers.map((l) => ({ id: l.lawyer.id, name: l.lawyer.name })),
    nextSlot: first?.start ?? null,
  }));
  return sortForVillagers(venues);
}

/** The soonest free slots at other venues, for the "nothing free here" page. */
export async function findAlternatives(
  exceptSlug: string,
  { now = new Date(), limit = 5 }: { now?: Date; limit?: number } = {},
): Promise<{ venue: { slug: string; name: string; kind: VenueKind }; slot: SlotView }[]> {
  const rows = await firstSlotPerVenue(now);
  return rows
    .filter((r) => r.venue.slug !== exceptSlug && r.first !== null)
    .map((r) => ({ venue: { slug: r.venue.slug, name: r.venue.name, kind: r.venue.kind }, slot: r.first as SlotView }))
    .sort((a, b) => a.slot.start.getTime() - b.slot.start.getTime())
    .slice(0, limit);
}
