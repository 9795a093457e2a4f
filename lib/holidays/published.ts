// The statutory calendar laid out for reading: runs of days off and the 调休 working days, per festival.

import { addDays, type DateString } from "@/lib/time";
import type { HolidayCalendar } from "./calendar";

export type HolidayRun = { kind: "holiday" | "makeup"; name: string | null; from: DateString; to: DateString; days: number };

/** Days of `year` that are not ordinary, consecutive days of the same kind and name joined into one run. */
export function listHolidayRuns(calendar: HolidayCalendar, year: number): HolidayRun[] {
  const runs: HolidayRun[] = [];
  const last = `${year}-12-31`;
  for (let date = `${year}-01-01`; date <= last; date = addDays(date, 1)) {
    const kind = calendar.dayKind(date);
    if (kind === "normal") continue;
    const name = calendar.holidayName(date);
    const previous = runs.at(-1);
    if (previous && previous.kind === kind && previous.name === name && addDays(previous.to, 1) === date) {
      previous.to = date;
      previous.days += 1;
    } else {
      runs.push({ kind, name, from: date, to: date, days: 1 });
    }
  }
  return runs;
}
