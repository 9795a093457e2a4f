import "server-only";
import { recordView } from "@/lib/audit/mutations";
import { can } from "@/lib/auth/can";
import { lawyersIn, type Scope, venuesIn } from "@/lib/auth/scope";
import { loadDutyInputs } from "@/lib/availability/queries";
import { dutyIntervals } from "@/lib/availability/slots";
import { bookingPersonSelect } from "@/lib/booking/queries";
import { db } from "@/lib/db";
import { fieldErrors } from "@/lib/form";
import { PRIORITY_GROUPS } from "@/lib/labels";
import { monthOf, monthRange, nextMonth } from "@/lib/schedule/hours";
import { auditActorOfCaller, type DutyCaller, dutyReach, type VenueReach } from "@/lib/schedule/queries";
import { linkOn, loadPublicAddress } from "@/lib/site/queries";
import { addDays, formatMinute, fromDbDate, toDbDate, todayInShanghai, zonedInstant } from "@/lib/time";
import { dutyTable, fillSheet, placeName, weeklyDuty } from "./rules";
import { type CardFace, type CardSheet, type DaySheet, type DaySheetQuery, daySheetQuery, type VenuePoster } from "./schema";

export type { CardFace, CardSheet, DaySheet, VenuePoster };

const posterVenueSelect = {
  id: true,
  slug: true,
  kind: true,
  name: true,
  address: true,
  phone: true,
  lawyers: {
    where: { lawyer: { active: true } },
    orderBy: [{ isAdviser: "desc" as const }, { lawyer: { name: "asc" as const } }],
    select: { isAdviser: true, lawyer: { select: { id: true, name: true, firm: true, publicPhone: true } } },
  },
};

/** The poster of one venue bookable online, or null for an unknown or inactive one (public: any town's). */
export async function getVenuePoster(slug: string, { now = new Date() } = {}): Promise<VenuePoster | null> {
  const [poster] = await loadPosters({ slug }, now);
  return poster ?? null;
}

/** The posters of every venue in scope bookable online (the station, then the workrooms), from one batch of queries. */
export function listVenuePosters(scope: Scope, { now = new Date() } = {}): Promise<VenuePoster[]> {
  return loadPosters(venuesIn(scope), now);
}

async function loadPosters(where: { slug?: string; townId?: string }, now: Date): Promise<VenuePoster[]> {
  const venues = await db.venue.findMany({
    where: { active: true, ...where },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: posterVenueSelect,
  });
  if (venues.length === 0) return [];
  const from = todayInShanghai(now);
  const months = [monthOf(from), nextMonth(monthOf(from))];
  const to = monthRange(months[1]).to;
  const [duty, address] = await Promise.all([
    loadDutyInputs(
      venues.map((v) => v.id),
      from,
      to,
    ),
    loadPublicAddress(),
  ]);
  // Anyone on duty here is listed with their phone, linked to the venue or not.
  const onDuty = await db.lawyer.findMany({
    where: { id: { in: [...new Set(duty.sessions.map((s) => s.lawyerId).concat(duty.exceptions.map((e) => e.lawyerId)))] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, firm: true, publicPhone: true },
  });
  const names = new Map(onDuty.map((l) => [l.id, l.name]));
  return venues.map((venue) => {
    const rules = { id: venue.id, slotMinutes: 30, minNoticeMinutes: 0, horizonDays: 1 };
    const intervals = dutyIntervals({ venue: rules, ...duty, from, to });
    const linked = venue.lawyers.map((l) => ({ ...l.lawyer, isAdviser: l.isAdviser }));
    const here = new Set(intervals.map((i) => i.lawyerId));
    const others = onDuty.filter((l) => here.has(l.id) && !linked.some((x) => x.id === l.id));
    return {
      venue: { slug: venue.slug, kind: venue.kind, name: venue.name, address: venue.address, phone: venue.phone },
      url: linkOn(address, `/venues/${venue.slug}`),
      privacyUrl: linkOn(address, "/privacy"),
      from,
      to,
      months,
      duty: dutyTable(intervals, months, names),
      lawyers: [...linked, ...others.map((l) => ({ ...l, isAdviser: false }))],
    };
  });
}

/**
 * The card sheet of one serving lawyer: for staff, of a lawyer in scope with their town's venues and
 * duty only; for the lawyer themself, everywhere they serve. Null otherwise.
 */
export async function getCardSheet(caller: DutyCaller, lawyerId: string, { now = new Date() } = {}): Promise<CardSheet | null> {
  const reach = dutyReach(caller, lawyerId);
  if (!reach) return null;
  const lawyers = "kind" in caller ? lawyersIn(caller) : {};
  const [sheet] = await loadCardSheets({ id: lawyerId, ...lawyers }, reach, now);
  return sheet ?? null;
}

/** A sheet for every serving lawyer in scope, with the scope's venues and duty only; null for a caller who may not work as staff. */
export async function listCardSheets(scope: Scope, { now = new Date() } = {}): Promise<CardSheet[] | null> {
  if (!can.workAsStaff(scope.actor)) return null;
  return loadCardSheets(lawyersIn(scope), venuesIn(scope), now);
}

const cardVenue = { select: { slug: true, kind: true, name: true, village: true, townId: true } } as const;

/**
 * The sheets of these lawyers, with their venues and duty within `reach`. A lawyer with no
 * workroom there is sent to the station: of the town whose venues these are (one town's staff),
 * else the lawyer's own town, else the town of a venue they serve.
 */
async function loadCardSheets(where: object, reach: VenueReach, now: Date): Promise<CardSheet[]> {
  const today = todayInShanghai(now);
  // Sessions starting within the next five weeks are printed with their first date; later ones wait for a reprint.
  const soon = addDays(today, 35);
  const [address, lawyers, station] = await Promise.all([
    loadPublicAddress(),
    db.lawyer.findMany({
      where: { active: true, ...where },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        firm: true,
        publicPhone: true,
        townId: true,
        venues: {
          where: { venue: { active: true, ...reach } },
          orderBy: [{ venue: { kind: "asc" } }, { venue: { sortOrder: "asc" } }],
          select: { isAdviser: true, venue: cardVenue },
        },
        sessions: {
          where: {
            venue: { active: true, ...reach },
            validFrom: { lte: toDbDate(soon) },
            OR: [{ validUntil: null }, { validUntil: { gte: toDbDate(today) } }],
          },
          select: { weekday: true, startMinute: true, endMinute: true, validFrom: true, validUntil: true, venue: cardVenue },
        },
      },
    }),
    db.venue.findMany({
      where: { kind: "STATION", active: true, ...reach },
      orderBy: { sortOrder: "asc" },
      select: cardVenue.select,
    }),
  ]);
  const stationOf = (townId: string | null | undefined) => station.find((s) => s.townId === townId);
  return lawyers.map((lawyer) => {
    const workrooms = lawyer.venues.filter((v) => v.venue.kind === "WORKROOM");
    const duty = weeklyDuty(
      lawyer.sessions.map((s) => ({
        ...s,
        place: placeName(s.venue),
        validFrom: fromDbDate(s.validFrom),
        validUntil: s.validUntil ? fromDbDate(s.validUntil) : null,
      })),
      today,
    );
    const common = {
      lawyer: { id: lawyer.id, name: lawyer.name, firm: lawyer.firm, publicPhone: lawyer.publicPhone },
      villages: workrooms.map((v) => ({ name: placeName(v.venue), isAdviser: v.isAdviser })),
      servesStation: lawyer.venues.some((v) => v.venue.kind === "STATION"),
      duty,
    };
    // Each village the lawyer advises gets cards opening its own booking page; else the villages
    // they serve; else the town station.
    const advised = workrooms.filter((v) => v.isAdviser).map((v) => v.venue);
    const home = stationOf(reach.townId) ?? stationOf(lawyer.townId) ?? stationOf(lawyer.venues[0]?.venue.townId);
    const targets = advised.length ? advised : workrooms.length ? workrooms.map((v) => v.venue) : home ? [home] : [];
    const faces: CardFace[] = targets.length
      ? targets.map((venue) => ({
          ...common,
          target: { place: placeName(venue), url: linkOn(address, `/venues/${venue.slug}`) },
        }))
      : [{ ...common, target: null }];
    return { lawyer: { id: lawyer.id, name: lawyer.name }, cards: fillSheet(faces) };
  });
}

/**
 * Whose bookings a day sheet shows and at which venues: everyone's at the scope's venues for staff,
 * a lawyer's own at any venue; null for anyone else (a staff account without a town scope too).
 */
function sheetReach(caller: DutyCaller): { lawyerId?: string; venue: VenueReach } | null {
  if ("kind" in caller) return can.workAsStaff(caller.actor) ? { venue: venuesIn(caller) } : null;
  return can.workAsLawyer(caller) ? { lawyerId: caller.lawyerId as string, venue: {} } : null;
}

/**
 * A venue's day sheet (预约名单): its bookings of the date in time order, the lawyer's own only
 * for a lawyer, and who is on duty. Null for an unknown venue, one of another town for staff, or a
 * caller with no reach.
 */
export async function getDaySheet(caller: DutyCaller, query: DaySheetQuery): Promise<DaySheet | null> {
  const reach = sheetReach(caller);
  if (!reach) return null;
  const scope = reach.lawyerId ? { lawyerId: reach.lawyerId } : {};
  const venue = await db.venue.findFirst({
    where: { OR: [{ slug: query.venue }, { id: query.venue }], ...reach.venue },
    select: { id: true, slug: true, name: true, address: true },
  });
  if (!venue) return null;
  const { date } = query;
  const [rows, duty] = await Promise.all([
    db.booking.findMany({
      where: {
        venueId: venue.id,
        ...scope,
        // A held slot is nobody's appointment yet; a cancelled one is none.
        status: { notIn: ["CANCELLED", "HELD"] },
        startsAt: { gte: zonedInstant(date), lt: zonedInstant(addDays(date, 1)) },
      },
      orderBy: [{ startsAt: "asc" }, { code: "asc" }],
      select: {
        ...bookingPersonSelect,
        test: true,
        topic: { select: { name: true } },
        lawyer: { select: { name: true } },
      },
    }),
    loadDutyInputs([venue.id], date, date, { activeLawyersOnly: false }),
  ]);
  const rules = { id: venue.id, slotMinutes: 30, minNoticeMinutes: 0, horizonDays: 1 };
  const intervals = dutyIntervals({ venue: rules, ...duty, from: date, to: date }).filter(
    (i) => !scope.lawyerId || i.lawyerId === scope.lawyerId,
  );
  const names = new Map(
    (await db.lawyer.findMany({ where: { id: { in: intervals.map((i) => i.lawyerId) } }, select: { id: true, name: true } })).map(
      (l) => [l.id, l.name],
    ),
  );
  const groups: Record<string, string> = PRIORITY_GROUPS;
  const bookings = rows.map((b) => ({
    id: b.id,
    code: b.code,
    start: b.startsAt,
    end: b.endsAt,
    name: b.name,
    phone: b.phone,
    village: b.village,
    topic: b.topic.name,
    onBehalfOf: b.onBehalfOfName ? `${b.onBehalfOfName}${b.onBehalfOfRelation ? `（${b.onBehalfOfRelation}）` : ""}` : null,
    // A group no longer offered is still a priority case: never its code.
    priorityGroup: b.priorityGroup ? (groups[b.priorityGroup] ?? PRIORITY_GROUPS.other) : null,
    lawyer: b.lawyer.name,
    checkedIn: b.status === "CHECKED_IN" || b.status === "DONE",
    test: b.test,
  }));
  return {
    venue,
    date,
    duty: intervals.map((i) => ({
      lawyer: names.get(i.lawyerId) ?? "",
      from: formatMinute(i.startMinute),
      to: formatMinute(i.endMinute),
    })),
    bookings,
    showLawyer: new Set(bookings.map((b) => b.lawyer)).size > 1,
  };
}

/** The day sheet for the page that shows and prints it: names and full phone numbers, so the opening is audited. */
export async function openDaySheet(caller: DutyCaller, query: DaySheetQuery): Promise<DaySheet | null> {
  const sheet = await getDaySheet(caller, query);
  if (sheet && sheet.bookings.length > 0) {
    await recordView(auditActorOfCaller(caller), {
      subjectId: `day_sheet:${sheet.venue.id}:${sheet.date}`,
      summary: `查看当天预约名单：${sheet.venue.name} ${sheet.date}（${sheet.bookings.length} 个预约的个人信息）`,
    });
  }
  return sheet;
}

/** The venues a caller can ask a day sheet for: every active one in scope for staff, their own for a lawyer. */
export async function listSheetVenues(caller: DutyCaller): Promise<{ slug: string; name: string }[]> {
  const reach = sheetReach(caller);
  if (!reach) return [];
  return db.venue.findMany({
    where: {
      active: true,
      ...reach.venue,
      ...(reach.lawyerId ? { lawyers: { some: { lawyerId: reach.lawyerId } } } : {}),
    },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: { slug: true, name: true },
  });
}

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * What the day sheet's page shows for its address (`?venue=…&date=…`), for staff and lawyers
 * alike: the venues to choose from, the choice, why it was refused, and the sheet once chosen.
 */
export async function daySheetPage(caller: DutyCaller, search: Search) {
  const values = { venue: first(search.venue) ?? "", date: first(search.date) ?? todayInShanghai() };
  const parsed = daySheetQuery.safeParse(values);
  const [venues, sheet] = await Promise.all([listSheetVenues(caller), parsed.success ? openDaySheet(caller, parsed.data) : null]);
  const asked = first(search.venue) !== undefined;
  const errors: Record<string, string> =
    !asked || sheet ? {} : parsed.success ? { venue: "没有这个服务地点，请从列表中选择。" } : fieldErrors(parsed.error);
  return { venues, values: sheet ? { ...values, venue: sheet.venue.slug } : values, errors, sheet };
}
