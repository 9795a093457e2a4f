// When personal data has been kept long enough, and when a villager may have a booking's removed.
// Pure: no database.
import { type DateString, todayInShanghai, zonedInstant } from "@/lib/time";

/** The date `months` calendar months before `date`; a day the shorter month lacks becomes its last day. */
export function monthsBefore(date: DateString, months: number): DateString {
  const [y, m, d] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/**
 * Records of consultations (or requests) before this instant have been kept `months` and are due
 * for anonymising: midnight in Shanghai, `months` months before today there. Whole days, so a
 * purge at any hour of one day removes the same records.
 */
export function retentionCutoff(now: Date, months: number): Date {
  return zonedInstant(monthsBefore(todayInShanghai(now), months));
}

/**
 * A villager may remove a booking's personal data once it is over: cancelled, recorded as done or
 * missed, or past its end. One still to come must be cancelled first (the lawyer and the staff
 * need the name and the phone to receive them), and one under way waits until it is over.
 */
export function isOver(booking: { status: string; end: Date }, now: Date = new Date()): boolean {
  const status = booking.status.toUpperCase();
  return status === "CANCELLED" || status === "DONE" || status === "NO_SHOW" || booking.end <= now;
}
