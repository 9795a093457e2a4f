// China's statutory holidays and 调休 working days, with staff overrides on top. Pure: overrides come in as values.
// The package is CommonJS under Node, so only its default export is reliable in both Node and the bundler.
import chineseDays from "chinese-days";
import type { DateString } from "@/lib/time";

/** A staff decision for one date, stored in the database; it wins over the published calendar. */
export type CalendarOverride = { date: DateString; kind: "HOLIDAY" | "WORKDAY" };

/** holiday = statutory festival day off (not an ordinary weekend); makeup = official 调休 working day on a weekend. */
export type DayKind = "normal" | "holiday" | "makeup";

export type HolidayCalendar = {
  dayKind(date: DateString): DayKind;
  /** The festival's Chinese name, e.g. 国庆节, on its days off and its make-up working days. */
  holidayName(date: DateString): string | null;
};

type DayInfo = { kind: DayKind; name: string | null };

// chinese-days parses "YYYY-MM-DD" as UTC midnight but reads it back with local getters, so west of UTC it looks
// up the previous day. Its own tables are keyed the same way, so a festival/调休 entry is still found correctly
// for a date string in any process TZ; only its weekday fallback (ordinary days) is shifted. So we trust just the
// table entries, recognised by their "English,中文,days" name, and never the library's idea of the weekday.
function publishedDay(date: DateString): DayInfo {
  const detail = chineseDays.getDayDetail(date);
  const parts = detail.name.split(",");
  if (parts.length < 2) return { kind: "normal", name: null };
  return { kind: detail.work ? "makeup" : "holiday", name: parts[1] };
}

// The published calendar never changes while the process runs: one cache for every calendar.
const publishedCache = new Map<DateString, DayInfo>();

function publishedOf(date: DateString): DayInfo {
  let info = publishedCache.get(date);
  if (!info) {
    info = publishedDay(date);
    publishedCache.set(date, info);
  }
  return info;
}

export function createHolidayCalendar(overrides: CalendarOverride[] = []): HolidayCalendar {
  const overrideByDate = new Map(overrides.map((o) => [o.date, o.kind]));
  const cache = new Map<DateString, DayInfo>();

  function lookup(date: DateString): DayInfo {
    let info = cache.get(date);
    if (!info) {
      const published = publishedOf(date);
      const override = overrideByDate.get(date);
      // An override keeps the festival name when there is one, so a staff-confirmed 国庆节 still reads as such.
      if (override === "HOLIDAY") info = { kind: "holiday", name: published.name };
      else if (override === "WORKDAY") info = { kind: "makeup", name: published.name };
      else info = published;
      cache.set(date, info);
    }
    return info;
  }

  return {
    dayKind: (date) => lookup(date).kind,
    holidayName: (date) => lookup(date).name,
  };
}
