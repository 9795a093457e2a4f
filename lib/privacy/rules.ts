// When personal data has been kept long enough, and when a villager may have a booking's removed.
// Pure: no database.
import { type DateString, todayInShanghai, zonedInstant } from "@/lib/time";

/**
 * Bookings and walk-ins: at least 12 months. County bureaus inspect the village adviser's ledger
 * and work log (who, phone, what was done) every month and again at year end, over the whole
 * year: a consultation of January must still name its villager at the December inspection. Six
 * months (the minimum the audit log itself is kept, 网络安全法 art. 21) would leave the year-end
 * inspection half a log. At most 10 years: anything longer is keeping data "just in case", which
 * art. 19 forbids; the figures are kept for ever either way.
 */
export const CONSULTATION_MONTHS = { min: 12, max: 120, default: 36 } as const;

/** Call-back requests (and, when it comes, an expired waitlist entry): a month at least, so one is called back first. */
export const REQUEST_MONTHS = { min: 1, max: 120, default: 6 } as const;

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
