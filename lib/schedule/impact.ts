// What a change to a lawyer's duty hours does: which bookings lose their duty, which duty clashes. Pure.

import { type DateException, dutyIntervals, type WeeklySession } from "@/lib/availability/slots";
import type { HolidayCalendar } from "@/lib/holidays/calendar";
import { type DateString, formatMinute, toDateString, weekdayName, zonedInstant } from "@/lib/time";

export type DutyRows = { sessions: WeeklySession[]; exceptions: DateException[] };
export type BookedTime = { id: string; venueId: string; start: Date; end: Date };
export type VenueDuty = { venueId: string; date: DateString; startMinute: number; endMinute: number };

/** Minutes after Shanghai midnight of an instant's own date. */
function minuteOfDay(date: DateString, instant: Date): number {
  return Math.round((instant.getTime() - zonedInstant(date).getTime()) / 60_000);
}

/** One lawyer's duty on one date, at each of `venueIds`: weekly sessions on working days, extras, minus leave. */
export function dutyOn(rows: DutyRows, venueIds: string[], date: DateString, calendar: HolidayCalendar): VenueDuty[] {
  return venueIds.flatMap((venueId) =>
    dutyIntervals({
      // Only the venue id matters for duty intervals; slot rules do not.
      venue: { id: venueId, slotMinutes: 30, minNoticeMinutes: 0, horizonDays: 1 },
      sessions: rows.sessions,
      exceptions: rows.exceptions,
      from: date,
      to: date,
      calendar,
    }).map((d) => ({ venueId, date: d.date, startMinute: d.startMinute, endMinute: d.endMinute })),
  );
}

/** Is the whole booked time inside the lawyer's duty at the booking's venue? */
export function isCovered(rows: DutyRows, booking: BookedTime, calendar: HolidayCalendar): boolean {
  const date = toDateString(booking.start);
  const start = minuteOfDay(date, booking.start);
  const end = start + Math.round((booking.end.getTime() - booking.start.getTime()) / 60_000);
  return dutyOn(rows, [booking.venueId], date, calendar).some((d) => d.startMinute <= start && end <= d.endMinute);
}

/**
 * The bookings a change takes the duty away from: covered by the lawyer's duty before it and not
 * after. A booking that was already outside duty (made before an earlier change) is not this change's doing.
 */
export function bookingsLosingDuty(
  before: DutyRows,
  after: DutyRows,
  bookings: BookedTime[],
  calendar: HolidayCalendar,
): BookedTime[] {
  return bookings.filter((b) => isCovered(before, b, calendar) && !isCovered(after, b, calendar));
}

export function minutesOverlap(a: { startMinute: number; endMinute: number }, b: { startMinute: number; endMinute: number }) {
  return a.startMinute < b.endMinute && b.startMinute < a.endMinute;
}

type WeeklyShape = {
  weekday: number;
  startMinute: number;
  endMinute: number;
  validFrom: DateString;
  validUntil: DateString | null;
};

/** The same test as the database's `duty_session_lawyer_no_overlap` (for one lawyer): weekday, minutes, dates. */
export function weeklyOverlap(a: WeeklyShape, b: WeeklyShape): boolean {
  const datesMeet =
    (a.validUntil === null || b.validFrom <= a.validUntil) && (b.validUntil === null || a.validFrom <= b.validUntil);
  return a.weekday === b.weekday && minutesOverlap(a, b) && datesMeet;
}

/** The first duty of the lawyer on that date (any venue) that an extra session would overlap. */
export function findDutyClash(duty: VenueDuty[], extra: { startMinute: number; endMinute: number }): VenueDuty | null {
  return duty.find((d) => minutesOverlap(d, extra)) ?? null;
}

export function hoursText(startMinute: number, endMinute: number): string {
  return `${formatMinute(startMinute)}–${formatMinute(endMinute)}`;
}

/** "与 星期二 09:00–12:00 在 南镇村公共法律服务工作室 的值班时间重叠。…" */
export function clashMessage(when: string, startMinute: number, endMinute: number, venueName: string): string {
  return `与 ${when} ${hoursText(startMinute, endMinute)} 在 ${venueName} 的值班时间重叠。同一时间只能在一个地点值班，请换一个时间。`;
}

export function weeklyClashMessage(weekday: number, startMinute: number, endMinute: number, venueName: string): string {
  return clashMessage(weekdayName(weekday), startMinute, endMinute, venueName);
}

/** What became of one booking a change took time from: handed to a colleague (named), moved (to when), or cancelled. */
export type Settled = { action: "reassign"; lawyer: string } | { action: "reschedule"; when: string } | { action: "cancel" };

/**
 * The change's answer says what became of each booking, counted by what was done:
 * "受影响的预约：1 个已交给梁嘉欣律师，1 个已取消，均已通知村民。" Empty when none was affected.
 */
export function settledSentence(settled: Settled[]): string {
  if (settled.length === 0) return "";
  const counts = new Map<string, number>();
  for (const s of settled) {
    const what = s.action === "reassign" ? `已交给${s.lawyer}律师` : s.action === "reschedule" ? `已改到${s.when}` : "已取消";
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  const parts = [...counts].map(([what, n]) => `${n} 个${what}`);
  return `受影响的预约：${parts.join("，")}，${settled.length > 1 ? "均" : ""}已通知村民。`;
}
