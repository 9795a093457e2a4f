// China's statutory holidays and 调休 working days, with staff overrides on top. Pure: overrides come in as values.
// For a year whose notice is not yet published only the fixed-date holidays of the law apply (see below).
// The package is CommonJS under Node, so only its default export is reliable in both Node and the bundler.
import chineseDays from "chinese-days";
import type { DateString } from "@/lib/time";

/** A staff decision for one date, stored in the database; it wins over the published calendar and the rule. */
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

// Every notice lists 元旦 (1 January is a day off by law every year), so a year whose 1 January is not in the
// library's table is one whose notice the installed chinese-days does not carry: 1.5.7 has 2004–2026.
// When the State Council publishes a year, upgrade chinese-days in package.json to a release carrying it; this
// check, the rule below and the staff warning then follow without a change here.
const publishedYears = new Map<number, boolean>();

/** Whether the installed chinese-days carries the State Council's holiday notice for this year. */
export function isYearPublished(year: number): boolean {
  let published = publishedYears.get(year);
  if (published === undefined) {
    published = publishedDay(`${year}-01-01`).kind !== "normal";
    publishedYears.set(year, published);
  }
  return published;
}

// 《全国年节及纪念日放假办法》 as amended by State Council decree No. 795 (in force 1 January 2025), article 2:
// 元旦 1 January; 劳动节 1–2 May (two days since the amendment); 国庆节 1–3 October. Only these fall on fixed
// dates. The lunar ones (春节 with 除夕, 端午, 中秋) and 清明 (a solar term) move every year, and only the notice
// lays them out with 补休 and 调休 working days, so none of that is guessed: staff are warned (unpublishedYears)
// and set those days with overrides meanwhile. The issue text lists 1 May alone; the law says two days.
const RULE_IN_FORCE_FROM = 2025;
const FIXED_DATE_HOLIDAYS: Record<string, string> = {
  "01-01": "元旦",
  "05-01": "劳动节",
  "05-02": "劳动节",
  "10-01": "国庆节",
  "10-02": "国庆节",
  "10-03": "国庆节",
};

const yearOf = (date: DateString) => Number(date.slice(0, 4));

/**
 * The years touched by these date ranges that the law as amended governs but whose notice is not yet in the
 * library, in order: only their fixed-date holidays apply; the lunar ones and 调休 are missing until the upgrade.
 */
export function unpublishedYears(...ranges: { from: DateString; to: DateString }[]): number[] {
  const years = new Set<number>();
  for (const { from, to } of ranges)
    for (let year = Math.max(yearOf(from), RULE_IN_FORCE_FROM); year <= yearOf(to); year++)
      if (!isYearPublished(year)) years.add(year);
  return [...years].sort((a, b) => a - b);
}

function statutoryDay(date: DateString): DayInfo {
  const year = yearOf(date);
  if (year < RULE_IN_FORCE_FROM || isYearPublished(year)) return publishedDay(date);
  const name = FIXED_DATE_HOLIDAYS[date.slice(5)];
  return name ? { kind: "holiday", name } : { kind: "normal", name: null };
}

// The library's tables and the rule never change while the process runs: one cache for every calendar.
const publishedCache = new Map<DateString, DayInfo>();

function publishedOf(date: DateString): DayInfo {
  let info = publishedCache.get(date);
  if (!info) {
    info = statutoryDay(date);
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
