// A lawyer's proof of sitting in (签到 / 签退): when an arrival is accepted, what an attendance
// without a departure counts as, and how many hours it gives to a period. Pure: the queries, the
// mutations and the figures all count with these, so a page and an export never disagree.
import type { DutyInterval } from "@/lib/availability/slots";
import { type DateString, formatTime, formatTimeRange, zonedInstant } from "@/lib/time";
import type { AttendanceState } from "./schema";

export const CORRECTION_REASON_MAX = 200;

/** An arrival is accepted this long before the session starts (and until it ends). */
export const EARLY_ARRIVAL_MINUTES = 30;

/** One duty session of one lawyer at one venue on one date, as instants. */
export type DutySession = {
  lawyerId: string;
  venueId: string;
  date: DateString;
  startMinute: number;
  endMinute: number;
  start: Date;
  end: Date;
};

export function toSession(venueId: string, interval: DutyInterval): DutySession {
  return {
    lawyerId: interval.lawyerId,
    venueId,
    date: interval.date,
    startMinute: interval.startMinute,
    endMinute: interval.endMinute,
    start: zonedInstant(interval.date, interval.startMinute),
    end: zonedInstant(interval.date, interval.endMinute),
  };
}

/** From when an arrival for the session is accepted: half an hour before it starts. */
export function arrivalOpens(session: Pick<DutySession, "start">): Date {
  return new Date(session.start.getTime() - EARLY_ARRIVAL_MINUTES * 60_000);
}

/** Whether an arrival at `now` is too early, in time, or too late for the session. */
export function arrivalTiming(session: Pick<DutySession, "start" | "end">, now: Date): "early" | "open" | "over" {
  if (now < arrivalOpens(session)) return "early";
  return now < session.end ? "open" : "over";
}

export type AttendanceTimes = { arrivedAt: Date; leftAt: Date | null; sessionEndsAt: Date; autoClosed: boolean };

/**
 * When an attendance ended as every figure counts it: its departure, or (still open) now, and
 * never after its session's end. An open attendance past its session's end is closed then, even
 * before the worker's job has written so.
 */
export function effectiveEnd(a: AttendanceTimes, now: Date): Date {
  return new Date(Math.min((a.leftAt ?? now).getTime(), a.sessionEndsAt.getTime()));
}

export function attendanceState(a: AttendanceTimes, now: Date): AttendanceState {
  if (a.leftAt === null) return now < a.sessionEndsAt ? "open" : "auto_closed";
  return a.autoClosed ? "auto_closed" : "left";
}

/** The departure to show: the recorded one, or the session's end for one closed automatically. */
export function shownDeparture(a: AttendanceTimes, now: Date): Date | null {
  return attendanceState(a, now) === "open" ? null : effectiveEnd(a, now);
}

/** Minutes of the attendance inside [start, end): from arrival to its effective end, clipped. */
export function attendedMinutes(a: AttendanceTimes, range: { start: Date; end: Date }, now: Date): number {
  const from = Math.max(a.arrivedAt.getTime(), range.start.getTime());
  const to = Math.min(effectiveEnd(a, now).getTime(), range.end.getTime());
  return Math.max(0, to - from) / 60_000;
}

type Placed = Pick<AttendanceTimes, "arrivedAt" | "sessionEndsAt"> & { lawyerId: string; venueId: string };

/**
 * Whether an attendance was recorded for the session: the same lawyer at the same venue, with an
 * arrival before the session's end and a session ending after its arrival window opened. (A
 * correction may move the arrival; the session's end stays as it was recorded.)
 */
export function attendanceOf(session: DutySession, a: Placed): boolean {
  return (
    a.lawyerId === session.lawyerId &&
    a.venueId === session.venueId &&
    a.arrivedAt < session.end &&
    a.sessionEndsAt > arrivalOpens(session)
  );
}

/**
 * 已签到 when an attendance was recorded for the session, 未签到 once it has ended without one;
 * null while nobody can tell yet (not ended, no arrival).
 */
export function sessionMark(session: DutySession, attendances: readonly Placed[], now: Date): "attended" | "missed" | null {
  if (attendances.some((a) => attendanceOf(session, a))) return "attended";
  return session.end <= now ? "missed" : null;
}

/** Hours to one decimal, as pages and files show them. */
export function roundHours(hours: number): number {
  return Math.round(hours * 10) / 10;
}

/** "09:02–11:58", "09:02–12:00（未签退，自动结束）" or "09:02–（在场）": one attendance in a line of the log. */
export function formatAttendance(a: {
  arrivedAt: Date;
  departure: Date | null;
  state: AttendanceState;
  correction: { reason: string } | null;
}): string {
  if (!a.departure) return `${formatTime(a.arrivedAt)}–（在场）`;
  const note = a.state === "auto_closed" ? "（未签退，自动结束）" : a.correction ? "（已更正）" : "";
  return `${formatTimeRange(a.arrivedAt, a.departure)}${note}`;
}
