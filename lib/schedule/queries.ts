import "server-only";
import { hoursByVenue, listAttendancePlaces, loadAttendedHours } from "@/lib/attendance/queries";
import { sessionMark, toSession } from "@/lib/attendance/rules";
import type { AuditActor } from "@/lib/audit/mutations";
import { type Actor, can } from "@/lib/auth/can";
import { atVenuesIn, auditActorOf, lawyersIn, type Scope, type TownScope, venuesIn } from "@/lib/auth/scope";
import { loadAvailabilityInputs, slotsOf } from "@/lib/availability/queries";
import { dutyIntervals } from "@/lib/availability/slots";
import { db, type Tx } from "@/lib/db";
import type { VenueKind } from "@/lib/generated/prisma/enums";
import { maskPhone } from "@/lib/phone";
import { addDays, type DateString, formatMinute, fromDbDate, toDateString, toDbDate, todayInShanghai } from "@/lib/time";
import { MONTHLY_TARGET_HOURS, monthOf, monthRange, nextMonth, scheduledHours } from "./hours";
import type { BookedTime } from "./impact";
import { judgeMonth, type MonthJudgement } from "./judgement";
import type { AffectedBooking } from "./schema";

export type { AffectedBooking };

/**
 * Who reads or changes a lawyer's duty: a town's staff through their scope (their town's venues
 * only), or a lawyer for themself (every venue they serve, whichever town's).
 */
export type DutyCaller = TownScope | (Actor & { displayName: string });

/** The venues (Prisma `VenueWhereInput`) a caller's duty work reaches. */
export type VenueReach = { townId?: string };

/**
 * The duty exceptions a reach covers: at its venues, and leave "at all venues" (no venue). A reach
 * with no town (the lawyer's own) covers every exception; Prisma reads `venue: {}` on an optional
 * relation as no row at all, so that case has no condition.
 */
export function exceptionsIn(reach: VenueReach) {
  return reach.townId ? { OR: [{ venue: reach }, { venueId: null }] } : {};
}

/**
 * The venues the caller reaches for this lawyer's duty, or null when they may not act for them:
 * staff only through a town scope (a bare staff account reaches nothing), a lawyer only for themself.
 */
export function dutyReach(caller: DutyCaller, lawyerId: string): VenueReach | null {
  if ("kind" in caller) return can.actForLawyer(caller.actor, lawyerId) ? venuesIn(caller) : null;
  return can.workAsLawyer(caller) && caller.lawyerId === lawyerId ? {} : null;
}

/** The audit log's actor for a duty change: an acting district account is recorded as such. */
export function auditActorOfCaller(caller: DutyCaller): AuditActor {
  return "kind" in caller ? auditActorOf(caller) : caller;
}

/**
 * Whether all the lawyer's work is in the scope's town: no venue served, no weekly duty still to
 * come and no date's duty to come at another town's venue. A change that reaches every venue of a
 * lawyer (leave "all venues", a deactivation) is a town's to make only then.
 */
export async function servesOnlyIn(scope: Scope, lawyerId: string, reader: Tx | typeof db = db): Promise<boolean> {
  if (!scope.townId) return true;
  const elsewhere = { venue: { townId: { not: scope.townId } } };
  const today = toDbDate(todayInShanghai());
  // One after the other: a transaction has one connection.
  if (await reader.lawyerVenue.findFirst({ where: { lawyerId, ...elsewhere }, select: { venueId: true } })) return false;
  const session = await reader.dutySession.findFirst({
    where: { lawyerId, ...elsewhere, OR: [{ validUntil: null }, { validUntil: { gte: today } }] },
    select: { id: true },
  });
  if (session) return false;
  const extra = await reader.dutyException.findFirst({
    where: { lawyerId, ...elsewhere, date: { gte: today } },
    select: { id: true },
  });
  return !extra;
}

/** The details of the bookings and, for each, who could take it over at the same time and place. */
export async function describeAffected(lawyerId: string, bookings: BookedTime[], now: Date): Promise<AffectedBooking[]> {
  if (bookings.length === 0) return [];
  const rows = await db.booking.findMany({
    where: { id: { in: bookings.map((b) => b.id) } },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      code: true,
      startsAt: true,
      endsAt: true,
      name: true,
      phone: true,
      topic: { select: { name: true } },
      venue: { select: { id: true, name: true, slotMinutes: true, horizonDays: true } },
    },
  });
  return Promise.all(
    rows.map(async (b) => {
      const date = toDateString(b.startsAt);
      const inputs = await loadAvailabilityInputs([b.venue.id], date, date, { excludeBookingId: b.id });
      // No notice period and no horizon: the booking exists already; only the colleague's duty and bookings matter.
      const rules = { id: b.venue.id, slotMinutes: b.venue.slotMinutes, minNoticeMinutes: 0, horizonDays: 3660 };
      const colleagues = slotsOf(rules, inputs, { now, from: date, to: date })
        .filter((s) => s.lawyerId !== lawyerId && s.start.getTime() === b.startsAt.getTime() && s.end >= b.endsAt)
        .map((s) => ({ id: s.lawyerId, name: inputs.lawyerNames.get(s.lawyerId) ?? "" }));
      const moves = colleagues.length > 0 ? [] : await otherTimes(lawyerId, b, now);
      return {
        id: b.id,
        code: b.code,
        start: b.startsAt,
        end: b.endsAt,
        venue: { id: b.venue.id, name: b.venue.name },
        name: b.name,
        phone: maskPhone(b.phone),
        topic: b.topic.name,
        colleagues,
        moves,
      };
    }),
  );
}

/** How many other times the confirm step offers a booking no colleague can take, and how far ahead it looks. */
export const MOVE_CHOICES = 4;
const MOVE_DAYS = 14;

/**
 * Free times at the booking's venue with a colleague (never the lawyer whose duty changes: their
 * duty is what is changing), under the venue's usual rules (notice, horizon), soonest first, at most
 * one a day, for a booking nobody can take at its own time.
 */
async function otherTimes(
  lawyerId: string,
  b: { id: string; startsAt: Date; venue: { id: string } },
  now: Date,
): Promise<AffectedBooking["moves"]> {
  const venue = await db.venue.findUniqueOrThrow({
    where: { id: b.venue.id },
    select: { id: true, slotMinutes: true, minNoticeMinutes: true, horizonDays: true, offHoursBooking: true },
  });
  const from = todayInShanghai(now);
  const to = addDays(from, MOVE_DAYS);
  const inputs = await loadAvailabilityInputs([venue.id], from, to, { excludeBookingId: b.id });
  const days = new Set<string>();
  const moves: AffectedBooking["moves"] = [];
  for (const s of slotsOf(venue, inputs, { now, from, to })) {
    const day = toDateString(s.start);
    if (s.lawyerId === lawyerId || s.start.getTime() === b.startsAt.getTime() || days.has(day)) continue;
    days.add(day);
    moves.push({ lawyerId: s.lawyerId, lawyerName: inputs.lawyerNames.get(s.lawyerId) ?? "", start: s.start, end: s.end });
    if (moves.length === MOVE_CHOICES) break;
  }
  return moves;
}

/**
 * Colleagues free to take over one confirmed future booking at a venue in scope, at its time and
 * place (staff's hand-over); none for a booking of another town.
 */
export async function listFreeColleagues(scope: Scope, code: string, now = new Date()): Promise<{ id: string; name: string }[]> {
  const b = await db.booking.findFirst({
    where: { code, ...atVenuesIn(scope) },
    select: { id: true, lawyerId: true, venueId: true, startsAt: true, endsAt: true, status: true },
  });
  if (b?.status !== "CONFIRMED" || b.startsAt <= now) return [];
  const [affected] = await describeAffected(
    b.lawyerId,
    [{ id: b.id, venueId: b.venueId, start: b.startsAt, end: b.endsAt }],
    now,
  );
  return affected?.colleagues ?? [];
}

export type SessionView = {
  id: string;
  venue: { id: string; name: string };
  weekday: number;
  startMinute: number;
  endMinute: number;
  validFrom: DateString;
  validUntil: DateString | null;
};

export type ExceptionView = {
  id: string;
  kind: "LEAVE" | "EXTRA";
  date: DateString;
  venue: { id: string; name: string } | null;
  startMinute: number | null;
  endMinute: number | null;
  note: string | null;
};

/** One date of the preview: the lawyer's slots there, and how many are still free. */
export type PreviewDay = { date: DateString; slots: { start: Date; end: Date; free: boolean }[] };
export type VenuePreview = { venue: { id: string; slug: string; name: string }; days: PreviewDay[] };

export type VillageHours = {
  venue: { id: string; name: string; village: string | null };
  month: string;
  /** Everyone's scheduled on-site hours at the village's workroom that month. */
  total: number;
  mine: number;
  /** Scheduled hours still to arrange for 8 (a plan, not a verdict). */
  shortfall: number;
  /** Hours actually attended there that month (签到 to 签退), everyone's and this lawyer's. */
  attended: number;
  mineAttended: number;
  /** The month judged on hours served (lib/schedule/judgement.ts). */
  judgement: MonthJudgement;
};

export type Schedule = {
  lawyer: { id: string; name: string };
  venues: { id: string; slug: string; name: string; kind: VenueKind }[];
  sessions: SessionView[];
  exceptions: ExceptionView[];
  preview: VenuePreview[];
  hours: VillageHours[];
  today: DateString;
};

export const PREVIEW_DAYS = 28;

/**
 * A lawyer's weekly sessions (current and coming), coming exceptions, the public slots they give and
 * monthly hours: for staff, of a lawyer in scope at their town's venues (and leave "at all venues",
 * which reaches them too); for a lawyer, their own everywhere. Null for anyone else.
 */
export async function getSchedule(caller: DutyCaller, lawyerId: string, { now = new Date() } = {}): Promise<Schedule | null> {
  const reach = dutyReach(caller, lawyerId);
  if (!reach) return null;
  const today = todayInShanghai(now);
  const lawyer = await db.lawyer.findFirst({
    where: { id: lawyerId, ...("kind" in caller ? lawyersIn(caller) : {}) },
    select: {
      id: true,
      name: true,
      venues: {
        where: { venue: { active: true, ...reach } },
        orderBy: [{ venue: { kind: "asc" } }, { venue: { sortOrder: "asc" } }],
        select: {
          venue: {
            select: {
              id: true,
              slug: true,
              name: true,
              kind: true,
              village: true,
              slotMinutes: true,
              minNoticeMinutes: true,
              horizonDays: true,
              offHoursBooking: true,
            },
          },
        },
      },
    },
  });
  if (!lawyer) return null;
  const venues = lawyer.venues.map((v) => v.venue);
  const [sessions, exceptions] = await Promise.all([
    db.dutySession.findMany({
      where: { lawyerId, venue: reach, OR: [{ validUntil: null }, { validUntil: { gte: toDbDate(today) } }] },
      orderBy: [{ weekday: "asc" }, { startMinute: "asc" }, { validFrom: "asc" }],
      select: {
        id: true,
        weekday: true,
        startMinute: true,
        endMinute: true,
        validFrom: true,
        validUntil: true,
        venue: { select: { id: true, name: true } },
      },
    }),
    db.dutyException.findMany({
      where: { lawyerId, date: { gte: toDbDate(today) }, ...exceptionsIn(reach) },
      orderBy: [{ date: "asc" }, { startMinute: "asc" }],
      select: {
        id: true,
        kind: true,
        date: true,
        startMinute: true,
        endMinute: true,
        note: true,
        venue: { select: { id: true, name: true } },
      },
    }),
  ]);

  const month = monthOf(today);
  const following = nextMonth(month);
  const previewTo = addDays(today, PREVIEW_DAYS - 1);
  // The next month ends at least 28 days from today, so this window also covers the preview.
  const inputs = await loadAvailabilityInputs(
    venues.map((v) => v.id),
    monthRange(month).from,
    monthRange(following).to,
  );

  const preview = venues.map((venue) => {
    const opts = { now, from: today, to: previewTo };
    const mine = (s: { lawyerId: string }) => s.lawyerId === lawyerId;
    const free = new Set(
      slotsOf(venue, inputs, opts)
        .filter(mine)
        .map((s) => s.start.getTime()),
    );
    const days = new Map<DateString, PreviewDay>();
    for (const slot of slotsOf(venue, inputs, { ...opts, ignoreBookings: true }).filter(mine)) {
      const date = toDateString(slot.start);
      const day = days.get(date) ?? { date, slots: [] };
      day.slots.push({ start: slot.start, end: slot.end, free: free.has(slot.start.getTime()) });
      days.set(date, day);
    }
    return { venue: { id: venue.id, slug: venue.slug, name: venue.name }, days: [...days.values()] };
  });

  const workrooms = venues.filter((v) => v.kind === "WORKROOM");
  const [attended, serviceSince] = await Promise.all([
    loadAttendedHours({
      periods: [month, following].map((m) => ({ key: m, ...monthRange(m) })),
      venueIds: workrooms.map((v) => v.id),
      now,
    }),
    loadServiceSince(workrooms.map((v) => v.id)),
  ]);
  const hours = [month, following].flatMap((m) => {
    const rows = scheduledHours({
      venueIds: workrooms.map((v) => v.id),
      sessions: inputs.sessions,
      exceptions: inputs.exceptions,
      month: m,
      perLawyer: true,
      calendar: inputs.calendar,
    });
    return workrooms.map((venue) => {
      const here = rows.filter((r) => r.venueId === venue.id);
      const total = here.reduce((sum, r) => sum + r.hours, 0);
      const mine = here.find((r) => r.lawyerId === lawyerId)?.hours ?? 0;
      const served = hoursByVenue(attended, m).get(venue.id) ?? 0;
      return {
        venue: { id: venue.id, name: venue.name, village: venue.village },
        month: m,
        total,
        mine,
        shortfall: Math.max(0, MONTHLY_TARGET_HOURS - total),
        attended: served,
        mineAttended: hoursByVenue(attended, m, lawyerId).get(venue.id) ?? 0,
        judgement: judgeMonth({
          month: m,
          currentMonth: monthOf(today),
          scheduled: total,
          attended: served,
          workroom: true,
          serviceSince: serviceSince.get(venue.id) ?? null,
        }),
      };
    });
  });

  return {
    lawyer: { id: lawyer.id, name: lawyer.name },
    venues: venues.map(({ id, slug, name, kind }) => ({ id, slug, name, kind })),
    sessions: sessions.map((s) => ({
      ...s,
      validFrom: fromDbDate(s.validFrom),
      validUntil: s.validUntil ? fromDbDate(s.validUntil) : null,
    })),
    exceptions: exceptions.map((e) => ({ ...e, date: fromDbDate(e.date) })),
    preview,
    hours,
    today,
  };
}

/** `mark`: 已签到, or 未签到 for a session that ended without an attendance; null while it is to come. */
export type RotaCell = { lawyer: string; from: string; to: string; mark: "attended" | "missed" | null };
export type RotaRow = {
  venue: { id: string; slug: string; name: string; village: string | null; kind: VenueKind };
  /** Who is on duty each day, from the first to the last date asked for. */
  days: Map<DateString, RotaCell[]>;
  /** Scheduled hours in the month. */
  hours: number;
  /** Hours attended in the month (签到 to 签退). */
  attended: number;
  /** Workrooms only: scheduled hours still to arrange for the Guangdong 8-hour rule (per village). */
  shortfall: number | null;
  /** The month judged on hours served (lib/schedule/judgement.ts). */
  judgement: MonthJudgement;
  /** Who can make a shortfall up: the village's legal advisers, else every lawyer serving the venue. */
  lawyers: { id: string; name: string }[];
};

/**
 * Who is on duty where in scope, day by day, from the month's first day or the week's, whichever is
 * earlier, to the later of their last days; and each village's on-site hours in the month.
 */
export async function loadRota(
  scope: Scope,
  {
    month,
    week,
    now = new Date(),
  }: {
    month: string;
    week: { from: DateString; to: DateString };
    now?: Date;
  },
): Promise<RotaRow[]> {
  const range = monthRange(month);
  // "YYYY-MM-DD" strings sort as the dates do.
  const [from] = [week.from, range.from].sort();
  const [, to] = [week.to, range.to].sort();
  const venues = await db.venue.findMany({
    where: { active: true, ...venuesIn(scope) },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      village: true,
      kind: true,
      lawyers: {
        where: { lawyer: { active: true } },
        orderBy: { lawyer: { name: "asc" } },
        select: { isAdviser: true, lawyer: { select: { id: true, name: true } } },
      },
    },
  });
  const venueIds = venues.map((v) => v.id);
  const [inputs, places, attendedRows, serviceSince] = await Promise.all([
    loadAvailabilityInputs(venueIds, from, to),
    listAttendancePlaces(venueIds, from, to),
    loadAttendedHours({ periods: [{ key: month, ...range }], venueIds, now }),
    loadServiceSince(venueIds),
  ]);
  const attended = hoursByVenue(attendedRows, month);
  const hours = new Map(
    scheduledHours({
      venueIds: venues.map((v) => v.id),
      sessions: inputs.sessions,
      exceptions: inputs.exceptions,
      month,
      calendar: inputs.calendar,
    }).map((h) => [h.venueId, h.hours]),
  );
  return venues.map(({ lawyers, ...venue }) => {
    const days = new Map<DateString, RotaCell[]>();
    const rules = { id: venue.id, slotMinutes: 30, minNoticeMinutes: 0, horizonDays: 1 };
    for (const i of dutyIntervals({
      venue: rules,
      sessions: inputs.sessions,
      exceptions: inputs.exceptions,
      from,
      to,
      calendar: inputs.calendar,
    })) {
      const cell = {
        lawyer: inputs.lawyerNames.get(i.lawyerId) ?? "",
        from: formatMinute(i.startMinute),
        to: formatMinute(i.endMinute),
        mark: sessionMark(toSession(venue.id, i), places, now),
      };
      days.set(i.date, [...(days.get(i.date) ?? []), cell]);
    }
    const total = hours.get(venue.id) ?? 0;
    const advisers = lawyers.filter((l) => l.isAdviser);
    return {
      venue,
      days,
      hours: total,
      attended: attended.get(venue.id) ?? 0,
      shortfall: venue.kind === "WORKROOM" ? Math.max(0, MONTHLY_TARGET_HOURS - total) : null,
      judgement: judgeMonth({
        month,
        currentMonth: monthOf(todayInShanghai(now)),
        scheduled: total,
        attended: attended.get(venue.id) ?? 0,
        workroom: venue.kind === "WORKROOM",
        serviceSince: serviceSince.get(venue.id) ?? null,
      }),
      lawyers: (advisers.length > 0 ? advisers : lawyers).map((l) => l.lawyer),
    };
  });
}

/**
 * When each venue's service began (lib/schedule/judgement.ts): its first weekly duty, or its
 * first attendance when a lawyer served there before any was entered. Venues with neither are absent.
 */
export async function loadServiceSince(venueIds: string[]): Promise<Map<string, DateString>> {
  const [sessions, attendances] = await Promise.all([
    db.dutySession.groupBy({ by: ["venueId"], where: { venueId: { in: venueIds } }, _min: { validFrom: true } }),
    // Each venue's first 签到 from the index on (venue_id, arrived_at), not by grouping every 签到 ever made.
    db.$queryRaw<{ venueId: string; arrivedAt: Date | null }[]>`
      SELECT v.id AS "venueId", (SELECT min(a.arrived_at) FROM attendance a WHERE a.venue_id = v.id) AS "arrivedAt"
      FROM unnest(${venueIds}::text[]) AS v(id)`,
  ]);
  const since = new Map<string, DateString>();
  const keep = (venueId: string, date: DateString) => {
    const known = since.get(venueId);
    if (!known || date < known) since.set(venueId, date);
  };
  for (const s of sessions) if (s._min.validFrom) keep(s.venueId, fromDbDate(s._min.validFrom));
  for (const a of attendances) if (a.arrivedAt) keep(a.venueId, toDateString(a.arrivedAt));
  return since;
}
