// Which week and which month the staff rota shows. Weeks run Monday to Sunday (ISO), on
// Asia/Shanghai calendar dates; pure, so the page and its tests agree on every edge.
import { addDays, type DateString, isoWeekday } from "@/lib/time";
import { monthOf, monthRange } from "./hours";

/** The Monday of the week `date` falls in. */
export function mondayOf(date: DateString): DateString {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven dates of the week starting on `monday`. */
export function weekDates(monday: DateString): DateString[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/**
 * The week and month to show. A week alone brings the month holding most of its days (its
 * Thursday's, as ISO numbers weeks), so "next week" across a month's end moves the overview too;
 * a month alone opens on this week when today is in it, else on the week of its first day.
 */
export function rotaView({ week, month, today }: { week?: DateString; month?: string; today: DateString }): {
  monday: DateString;
  month: string;
} {
  if (week) {
    const monday = mondayOf(week);
    return { monday, month: month ?? monthOf(addDays(monday, 3)) };
  }
  if (!month || month === monthOf(today)) return { monday: mondayOf(today), month: month ?? monthOf(today) };
  return { monday: mondayOf(monthRange(month).from), month };
}

/** The month as calendar rows, Monday first; a date outside the month is null. */
export function monthWeeks(month: string): (DateString | null)[][] {
  const { from, to } = monthRange(month);
  const rows: (DateString | null)[][] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    rows.push(weekDates(monday).map((d) => (d >= from && d <= to ? d : null)));
  }
  return rows;
}
