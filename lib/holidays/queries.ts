import "server-only";
import { db } from "@/lib/db";
import { type DateString, fromDbDate, toDbDate } from "@/lib/time";
import { type CalendarOverride, createHolidayCalendar, type HolidayCalendar } from "./calendar";

export type OverrideRow = CalendarOverride & { id: string; note: string | null };

/** Staff overrides, by date; narrowed to [from, to] when given. */
export async function listOverrides({ from, to }: { from?: DateString; to?: DateString } = {}): Promise<OverrideRow[]> {
  const rows = await db.calendarOverride.findMany({
    where: { date: { ...(from ? { gte: toDbDate(from) } : {}), ...(to ? { lte: toDbDate(to) } : {}) } },
    orderBy: { date: "asc" },
    select: { id: true, date: true, kind: true, note: true },
  });
  return rows.map((r) => ({ ...r, date: fromDbDate(r.date) }));
}

/**
 * The statutory calendar with today's staff overrides on top. A fresh one per call: overrides
 * change, and the calendar caches its lookups, so keep one only for a single request or run.
 */
export async function loadHolidayCalendar(): Promise<HolidayCalendar> {
  const overrides = await listOverrides();
  return createHolidayCalendar(overrides.map(({ date, kind }) => ({ date, kind })));
}
