// On-site hours against the Guangdong rule: each village gets at least 8 hours of on-site service
// a month from its adviser. Hours are the duty actually scheduled at the village's venue (weekly
// sessions on working days, extra sessions, minus leave), whoever the lawyer.

import { type DateException, dutyIntervals, type WeeklySession } from "@/lib/availability/slots";
import { createHolidayCalendar, type HolidayCalendar } from "@/lib/holidays/calendar";
import { addDays, type DateString } from "@/lib/time";

export const MONTHLY_TARGET_HOURS = 8;

const statutory = createHolidayCalendar();

/** First and last date of a month given as "YYYY-MM". */
export function monthRange(month: string): { from: DateString; to: DateString } {
  const [y, m] = month.split("-").map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return { from: `${month}-01`, to: addDays(next, -1) };
}

/** "YYYY-MM" of a date, and the month after it. */
export function monthOf(date: DateString): string {
  return date.slice(0, 7);
}

export function nextMonth(month: string): string {
  return monthOf(addDays(monthRange(month).to, 1));
}

export type VenueHours = { venueId: string; lawyerId: string | null; hours: number };

/**
 * Scheduled on-site hours per venue in the month (per lawyer when `perLawyer`), from the
 * sessions and exceptions given. Pure: callers load the rows.
 */
export function scheduledHours(input: {
  venueIds: string[];
  sessions: WeeklySession[];
  exceptions: DateException[];
  month: string;
  perLawyer?: boolean;
  /** With staff overrides (lib/holidays/queries.ts loadHolidayCalendar); the statutory calendar by default. */
  calendar?: HolidayCalendar;
}): VenueHours[] {
  const calendar = input.calendar ?? statutory;
  const { from, to } = monthRange(input.month);
  const totals = new Map<string, VenueHours>();
  for (const venueId of input.venueIds) {
    // Slot length and notice do not matter for duty intervals; only the venue id does.
    const venue = { id: venueId, slotMinutes: 30, minNoticeMinutes: 0, horizonDays: 1 };
    for (const interval of dutyIntervals({ venue, sessions: input.sessions, exceptions: input.exceptions, from, to, calendar })) {
      const lawyerId = input.perLawyer ? interval.lawyerId : null;
      const key = `${venueId}|${lawyerId ?? ""}`;
      const entry = totals.get(key) ?? { venueId, lawyerId, hours: 0 };
      entry.hours += (interval.endMinute - interval.startMinute) / 60;
      totals.set(key, entry);
    }
    if (!input.perLawyer && !totals.has(`${venueId}|`)) totals.set(`${venueId}|`, { venueId, lawyerId: null, hours: 0 });
  }
  return [...totals.values()];
}
