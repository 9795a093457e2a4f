import "server-only";
// Reads of lawyers' attendance (签到 / 签退). Every figure goes through ./rules.ts: an attendance
// still open past its session's end counts as closed then, whether or not the worker has run.
import { can } from "@/lib/auth/can";
import { atVenuesIn, type Scope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { loadDutyInputs } from "@/lib/availability/queries";
import { dutyIntervals } from "@/lib/availability/slots";
import { db } from "@/lib/db";
import { addDays, type DateString, toDateString, todayInShanghai, zonedInstant } from "@/lib/time";
import {
  arrivalOpens,
  arrivalTiming,
  attendanceOf,
  attendanceState,
  attendedMinutes,
  type DutySession,
  EARLY_ARRIVAL_MINUTES,
  sessionMark,
  shownDeparture,
  toSession,
} from "./rules";
import type { AttendanceState, TodaySession } from "./schema";

export type { AttendanceState, DutySession, TodaySession };

const attendanceSelect = {
  id: true,
  lawyerId: true,
  venueId: true,
  arrivedAt: true,
  leftAt: true,
  sessionEndsAt: true,
  autoClosed: true,
  correctedAt: true,
  correctionReason: true,
} as const;

type Venue = { id: string; slug: string; name: string; village: string | null };

/** The instants of Shanghai dates [from, to]: from 00:00 of `from` to 00:00 after `to`. */
function bounds(from: DateString, to: DateString) {
  return { start: zonedInstant(from), end: zonedInstant(addDays(to, 1)) };
}

/**
 * The duty sessions of these venues over [from, to] (one lawyer's, when given), by the same
 * rules as the rota and the booking pages (lib/availability); lawyers since gone included when
 * `activeLawyersOnly` is false (their past duty was scheduled).
 */
export async function loadSessions({
  venues,
  from,
  to,
  lawyerId,
  activeLawyersOnly = true,
}: {
  venues: { id: string }[];
  from: DateString;
  to: DateString;
  lawyerId?: string;
  activeLawyersOnly?: boolean;
}): Promise<DutySession[]> {
  if (venues.length === 0) return [];
  const duty = await loadDutyInputs(
    venues.map((v) => v.id),
    from,
    to,
    { activeLawyersOnly },
  );
  const mine = <T extends { lawyerId: string }>(rows: T[]) => (lawyerId ? rows.filter((r) => r.lawyerId === lawyerId) : rows);
  const sessions = mine(duty.sessions);
  const exceptions = mine(duty.exceptions);
  return venues.flatMap((venue) =>
    dutyIntervals({
      venue: { id: venue.id, slotMinutes: 30, minNoticeMinutes: 0, horizonDays: 1 },
      sessions,
      exceptions,
      from,
      to,
      calendar: duty.calendar,
    }).map((interval) => toSession(venue.id, interval)),
  );
}

/**
 * The signed-in lawyer's duty sessions today (at `venueId` only, when given: the venue page),
 * each with its attendances. Empty for anyone who cannot record an attendance.
 */
export async function listTodaysSessions(
  actor: CurrentUser,
  { now = new Date(), venueId }: { now?: Date; venueId?: string } = {},
): Promise<TodaySession[]> {
  if (!can.recordAttendance(actor) || !actor.lawyerId) return [];
  const lawyerId = actor.lawyerId;
  const today = todayInShanghai(now);
  const venues = await db.venue.findMany({
    where: { active: true, ...(venueId ? { id: venueId } : {}) },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: { id: true, slug: true, name: true, village: true },
  });
  const [sessions, attendances] = await Promise.all([
    loadSessions({ venues, from: today, to: today, lawyerId }),
    db.attendance.findMany({
      where: {
        lawyerId,
        // A session starting just after midnight takes arrivals from the evening before.
        arrivedAt: {
          gte: new Date(zonedInstant(today).getTime() - EARLY_ARRIVAL_MINUTES * 60_000),
          lt: zonedInstant(addDays(today, 1)),
        },
      },
      orderBy: { arrivedAt: "asc" },
      select: attendanceSelect,
    }),
  ]);
  const byId = new Map(venues.map((v) => [v.id, v]));
  return sessions
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .map((session) => {
      const own = attendances
        .filter((a) => attendanceOf(session, a))
        .map((a) => ({ id: a.id, arrivedAt: a.arrivedAt, departure: shownDeparture(a, now), state: attendanceState(a, now) }));
      const venue = byId.get(session.venueId) as Venue;
      return {
        venue: { id: venue.id, slug: venue.slug, name: venue.name, village: venue.village },
        startMinute: session.startMinute,
        start: session.start,
        end: session.end,
        opensAt: arrivalOpens(session),
        timing: arrivalTiming(session, now),
        attendances: own,
        openId: own.find((a) => a.state === "open")?.id ?? null,
      };
    });
}

/** A period of Shanghai dates, named by `key` (a month "YYYY-MM", say). */
export type Period = { key: string; from: DateString; to: DateString };
export type AttendedHours = { key: string; venueId: string; lawyerId: string; hours: number };

/**
 * Hours attended per period, venue and lawyer: each attendance from its arrival to its departure
 * (or, without one, its session's end, or now while it lasts), never past its session's end, and
 * clipped to the period's Shanghai bounds.
 */
export async function loadAttendedHours({
  periods,
  venueIds,
  lawyerId,
  now = new Date(),
}: {
  periods: Period[];
  venueIds?: string[];
  lawyerId?: string;
  now?: Date;
}): Promise<AttendedHours[]> {
  if (periods.length === 0 || venueIds?.length === 0) return [];
  const ranges = periods.map((p) => ({ key: p.key, ...bounds(p.from, p.to) }));
  const first = Math.min(...ranges.map((r) => r.start.getTime()));
  const last = Math.max(...ranges.map((r) => r.end.getTime()));
  const rows = await db.attendance.findMany({
    where: {
      ...(venueIds ? { venueId: { in: venueIds } } : {}),
      ...(lawyerId ? { lawyerId } : {}),
      // Nothing counts after the session's end, so a session ending before the first period is out.
      arrivedAt: { lt: new Date(last) },
      sessionEndsAt: { gt: new Date(first) },
    },
    select: attendanceSelect,
  });
  const totals = new Map<string, AttendedHours>();
  for (const row of rows) {
    for (const range of ranges) {
      const minutes = attendedMinutes(row, range, now);
      if (minutes <= 0) continue;
      const id = `${range.key}|${row.venueId}|${row.lawyerId}`;
      const entry = totals.get(id) ?? { key: range.key, venueId: row.venueId, lawyerId: row.lawyerId, hours: 0 };
      entry.hours += minutes / 60;
      totals.set(id, entry);
    }
  }
  return [...totals.values()];
}

/** Hours of one period per venue, everyone's (or `lawyerId`'s) together. */
export function hoursByVenue(rows: AttendedHours[], key: string, lawyerId?: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const r of rows) {
    if (r.key !== key || (lawyerId && r.lawyerId !== lawyerId)) continue;
    map.set(r.venueId, (map.get(r.venueId) ?? 0) + r.hours);
  }
  return map;
}

/** The rows the rota's marks are made from: where and when each attendance in [from, to] was. */
export async function listAttendancePlaces(venueIds: string[], from: DateString, to: DateString) {
  const { start, end } = bounds(from, to);
  return db.attendance.findMany({
    where: { venueId: { in: venueIds }, arrivedAt: { lt: end }, sessionEndsAt: { gt: start } },
    select: { lawyerId: true, venueId: true, arrivedAt: true, sessionEndsAt: true },
  });
}

export type AttendanceView = {
  id: string;
  lawyer: { id: string; name: string };
  venue: { id: string; name: string };
  /** The Shanghai date of the arrival. */
  date: DateString;
  arrivedAt: Date;
  /** As shown: the departure, or the session's end for one closed automatically; null while open. */
  departure: Date | null;
  state: AttendanceState;
  sessionEndsAt: Date;
  /** Attended minutes as the figures count them. */
  minutes: number;
  correction: { at: Date; reason: string } | null;
};

/**
 * Attendances over Shanghai dates [from, to], by arrival, oldest first. For staff, at their scope's
 * venues: one lawyer's (the lawyer's staff page, the work log) or everyone's; for a lawyer
 * (`{ lawyerId }`, the caller having checked it is theirs), their own everywhere.
 */
export async function listAttendances(
  within: Scope | { lawyerId: string },
  {
    from,
    to,
    lawyerId,
    now = new Date(),
  }: {
    from: DateString;
    to: DateString;
    lawyerId?: string;
    now?: Date;
  },
): Promise<AttendanceView[]> {
  const range = bounds(from, to);
  const whose = "kind" in within ? { ...atVenuesIn(within), ...(lawyerId ? { lawyerId } : {}) } : { lawyerId: within.lawyerId };
  const rows = await db.attendance.findMany({
    where: { ...whose, arrivedAt: { gte: range.start, lt: range.end } },
    orderBy: { arrivedAt: "asc" },
    select: { ...attendanceSelect, lawyer: { select: { id: true, name: true } }, venue: { select: { id: true, name: true } } },
  });
  return rows.map((a) => ({
    id: a.id,
    lawyer: a.lawyer,
    venue: a.venue,
    date: toDateString(a.arrivedAt),
    arrivedAt: a.arrivedAt,
    departure: shownDeparture(a, now),
    state: attendanceState(a, now),
    sessionEndsAt: a.sessionEndsAt,
    minutes: Math.round(attendedMinutes(a, { start: a.arrivedAt, end: a.sessionEndsAt }, now)),
    correction: a.correctedAt && a.correctionReason ? { at: a.correctedAt, reason: a.correctionReason } : null,
  }));
}

export type MissedSession = {
  date: DateString;
  startMinute: number;
  start: Date;
  end: Date;
  venue: Venue;
  lawyer: { id: string; name: string };
};

/**
 * The sessions over [from, to] that ended by `now` with no attendance recorded (未签到), newest
 * first: what an inspection is meant to catch. Lawyers since gone included: their duty was scheduled.
 */
export async function listMissedSessions({
  venues,
  from,
  to,
  now = new Date(),
}: {
  venues: Venue[];
  from: DateString;
  to: DateString;
  now?: Date;
}): Promise<MissedSession[]> {
  const [sessions, places] = await Promise.all([
    loadSessions({ venues, from, to, activeLawyersOnly: false }),
    listAttendancePlaces(
      venues.map((v) => v.id),
      from,
      to,
    ),
  ]);
  const missed = sessions.filter((s) => sessionMark(s, places, now) === "missed");
  const lawyers = await db.lawyer.findMany({
    where: { id: { in: [...new Set(missed.map((s) => s.lawyerId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(lawyers.map((l) => [l.id, l]));
  const byId = new Map(venues.map((v) => [v.id, v]));
  return missed
    .sort((a, b) => b.start.getTime() - a.start.getTime())
    .map((s) => ({
      date: s.date,
      startMinute: s.startMinute,
      start: s.start,
      end: s.end,
      venue: byId.get(s.venueId) as Venue,
      lawyer: names.get(s.lawyerId) ?? { id: s.lawyerId, name: "" },
    }));
}
