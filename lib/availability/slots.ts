// Bookable slots from duty hours: wall-clock minutes in Asia/Shanghai become instants only through lib/time.ts,
// so nothing here depends on the server's TZ. Pure: the caller loads sessions, exceptions and bookings.

import type { HolidayCalendar } from "@/lib/holidays/calendar";
import { addDays, type DateString, isoWeekday, todayInShanghai, zonedInstant } from "@/lib/time";

export type WeeklySession = {
  lawyerId: string;
  venueId: string;
  weekday: number;
  startMinute: number;
  endMinute: number;
  validFrom: DateString;
  validUntil: DateString | null;
};

/** The columns a WeeklySession is read from (its dates come as database dates: see lib/time.ts). */
export const WEEKLY_SESSION_FIELDS = {
  lawyerId: true,
  venueId: true,
  weekday: true,
  startMinute: true,
  endMinute: true,
  validFrom: true,
  validUntil: true,
} as const;

/** LEAVE with venueId null = leave everywhere; null minutes = the whole day. EXTRA always has venueId and minutes. */
export type DateException = {
  lawyerId: string;
  venueId: string | null;
  kind: "LEAVE" | "EXTRA";
  date: DateString;
  startMinute: number | null;
  endMinute: number | null;
};

/** An active booking of a lawyer, at any venue: a lawyer cannot be in two rooms at once. */
export type BusyInterval = { lawyerId: string; start: Date; end: Date };
export type VenueRules = {
  id: string;
  slotMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  /** Staff allow villagers times outside VILLAGER_HOURS at this venue (off unless given). */
  offHoursBooking?: boolean;
};

/** The hours villagers are offered, in minutes of the Shanghai day: 07:00 to 21:00 (issue 22 item 7). */
export const VILLAGER_HOURS = { opens: 7 * 60, closes: 21 * 60 } as const;
export type Slot = { lawyerId: string; start: Date; end: Date };
export type DutyInterval = { lawyerId: string; date: DateString; startMinute: number; endMinute: number };

type Range = [start: number, end: number];
const WHOLE_DAY: Range = [0, 24 * 60];

/** Sorts and joins overlapping or touching ranges, so slots run on across two adjoining sessions. */
function mergeRanges(ranges: Range[]): Range[] {
  const merged: Range[] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function subtractRange(ranges: Range[], [cutStart, cutEnd]: Range): Range[] {
  return ranges.flatMap(([start, end]): Range[] => {
    if (cutEnd <= start || end <= cutStart) return [[start, end]];
    const pieces: Range[] = [];
    if (start < cutStart) pieces.push([start, cutStart]);
    if (cutEnd < end) pieces.push([cutEnd, end]);
    return pieces;
  });
}

// Plain code-unit order: localeCompare would make the order depend on the server's locale.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sessionApplies(session: WeeklySession, date: DateString): boolean {
  return (
    session.weekday === isoWeekday(date) &&
    session.validFrom <= date && // "YYYY-MM-DD" strings compare in date order
    (session.validUntil === null || date <= session.validUntil)
  );
}

/** Each lawyer's duty at this venue per date, from..to inclusive, merged and with leave cut out. */
export function dutyIntervals(input: {
  venue: VenueRules;
  sessions: WeeklySession[];
  exceptions: DateException[];
  from: DateString;
  to: DateString;
  calendar: HolidayCalendar;
}): DutyInterval[] {
  const { venue, calendar } = input;
  const sessions = input.sessions.filter((s) => s.venueId === venue.id);
  const extras = input.exceptions.filter((e) => e.kind === "EXTRA" && e.venueId === venue.id);
  // Leave taken elsewhere does not free the lawyer here; leave with no venue covers every venue.
  const leaves = input.exceptions.filter((e) => e.kind === "LEAVE" && (e.venueId === null || e.venueId === venue.id));

  const result: DutyInterval[] = [];
  for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
    const byLawyer = new Map<string, Range[]>();
    const add = (lawyerId: string, range: Range) => {
      const ranges = byLawyer.get(lawyerId);
      if (ranges) ranges.push(range);
      else byLawyer.set(lawyerId, [range]);
    };

    // A 调休 "makeup" day is an official working day, but whose schedule it follows is not published; we apply the
    // date's own weekday sessions (a Saturday makeup day gets Saturday sessions), so nobody is put on duty
    // unannounced. Staff who want the weekday schedule add EXTRA exceptions for that date.
    if (calendar.dayKind(date) !== "holiday") {
      for (const s of sessions) if (sessionApplies(s, date)) add(s.lawyerId, [s.startMinute, s.endMinute]);
    }
    // EXTRA is an explicit promise for that date, so it holds even on a holiday.
    for (const e of extras) {
      if (e.date === date && e.startMinute !== null && e.endMinute !== null) add(e.lawyerId, [e.startMinute, e.endMinute]);
    }

    for (const [lawyerId, ranges] of [...byLawyer].sort(([a], [b]) => compareIds(a, b))) {
      // Leave is subtracted last, so it also cancels EXTRA duty on the same date.
      let free = mergeRanges(ranges);
      for (const l of leaves) {
        if (l.lawyerId !== lawyerId || l.date !== date) continue;
        free = subtractRange(free, l.startMinute === null || l.endMinute === null ? WHOLE_DAY : [l.startMinute, l.endMinute]);
      }
      for (const [startMinute, endMinute] of free) result.push({ lawyerId, date, startMinute, endMinute });
    }
  }
  return result;
}

/** Bookable from `earliest` on, on dates today (Asia/Shanghai) … today + horizonDays - 1. */
export function bookingWindow(venue: VenueRules, now: Date): { earliest: Date; firstDate: DateString; lastDate: DateString } {
  const firstDate = todayInShanghai(now);
  return {
    earliest: new Date(now.getTime() + venue.minNoticeMinutes * 60_000),
    firstDate,
    lastDate: addDays(firstDate, venue.horizonDays - 1),
  };
}

/** Free slots at one venue, sorted by start, then lawyerId. `from`/`to` narrow the booking window, never widen it. */
export function generateSlots(input: {
  venue: VenueRules;
  sessions: WeeklySession[];
  exceptions: DateException[];
  busy: BusyInterval[];
  now: Date;
  calendar: HolidayCalendar;
  from?: DateString;
  to?: DateString;
}): Slot[] {
  const { venue } = input;
  // A zero or negative length would never advance through the duty interval below.
  if (!(venue.slotMinutes > 0)) throw new Error(`venue ${venue.id}: slotMinutes must be positive`);
  const window = bookingWindow(venue, input.now);
  const from = input.from && input.from > window.firstDate ? input.from : window.firstDate;
  const to = input.to && input.to < window.lastDate ? input.to : window.lastDate;
  if (from > to) return [];

  const busyOf = (lawyerId: string) => input.busy.filter((b) => b.lawyerId === lawyerId);
  const slots: Slot[] = [];
  for (const duty of dutyIntervals({ ...input, from, to })) {
    const busy = busyOf(duty.lawyerId);
    // Slots start at the duty start; a trailing piece shorter than a slot is not offered.
    for (let minute = duty.startMinute; minute + venue.slotMinutes <= duty.endMinute; minute += venue.slotMinutes) {
      const start = zonedInstant(duty.date, minute);
      const end = zonedInstant(duty.date, minute + venue.slotMinutes);
      if (start < window.earliest) continue;
      // Duty at night is the lawyer's; villagers are offered only the day's hours unless staff allow more.
      if (!venue.offHoursBooking && (minute < VILLAGER_HOURS.opens || minute + venue.slotMinutes > VILLAGER_HOURS.closes))
        continue;
      if (busy.some((b) => b.start < end && start < b.end)) continue;
      slots.push({ lawyerId: duty.lawyerId, start, end });
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime() || compareIds(a.lawyerId, b.lawyerId));
}
