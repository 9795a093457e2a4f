// The only place that converts or formats times. People live in Asia/Shanghai; the database
// holds instants. Nothing here may depend on the server's own TZ.
import { TZDate } from "@date-fns/tz";

export const TIME_ZONE = "Asia/Shanghai";

/** A calendar date in Asia/Shanghai, "YYYY-MM-DD". */
export type DateString = string;

const dateParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function toDateString(instant: Date): DateString {
  return dateParts.format(instant);
}

export function todayInShanghai(now: Date = new Date()): DateString {
  return toDateString(now);
}

// Midnight of each date, from the time-zone database once per date (TZDate is slow: slot
// generation asks for hundreds of instants a request). Asia/Shanghai has kept one offset all
// day, every day, since 1991, so the minutes of a day can be added to its midnight.
const midnights = new Map<DateString, number>();

function midnight(date: DateString): number {
  let value = midnights.get(date);
  if (value === undefined) {
    const [y, m, d] = date.split("-").map(Number);
    value = new TZDate(y, m - 1, d, 0, 0, TIME_ZONE).getTime();
    if (midnights.size > 20_000) midnights.clear();
    midnights.set(date, value);
  }
  return value;
}

/** The instant at `minute` minutes after midnight of `date` in Asia/Shanghai. */
export function zonedInstant(date: DateString, minute = 0): Date {
  return new Date(midnight(date) + minute * 60_000);
}

/** A `date` column (read by Prisma as UTC midnight) as a calendar date. */
export function fromDbDate(value: Date): DateString {
  return value.toISOString().slice(0, 10);
}

/** A calendar date as the value Prisma writes to a `date` column. */
export function toDbDate(date: DateString): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/**
 * The years a date of this service can fall in. Anything outside is a typing slip or a probe, and
 * would not survive formatting: Intl writes the year 500 as "500", not "0500".
 */
export const YEARS = { first: 2000, last: 2100 } as const;

/** Whether `value` is a real calendar date written "YYYY-MM-DD" (2026-02-30 is not), in any year. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = toDbDate(value);
  return !Number.isNaN(t.getTime()) && fromDbDate(t) === value;
}

/** Whether the year of a "YYYY-MM-DD" date is one of YEARS. */
export function isServiceYear(date: DateString): boolean {
  const year = Number(date.slice(0, 4));
  return year >= YEARS.first && year <= YEARS.last;
}

// Asia/Shanghai has kept UTC+8 all year since 1991: the bounds of YEARS as instants.
const FIRST_INSTANT = Date.UTC(YEARS.first, 0, 1) - 8 * 60 * 60 * 1000;
const AFTER_LAST_INSTANT = Date.UTC(YEARS.last + 1, 0, 1) - 8 * 60 * 60 * 1000;

/** Whether `instant` falls, in Asia/Shanghai, in one of YEARS. */
export function isServiceInstant(instant: Date): boolean {
  const t = instant.getTime();
  return t >= FIRST_INSTANT && t < AFTER_LAST_INSTANT;
}

export function addDays(date: DateString, days: number): DateString {
  const t = toDbDate(date);
  t.setUTCDate(t.getUTCDate() + days);
  return fromDbDate(t);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: DateString): number {
  const day = toDbDate(date).getUTCDay();
  return day === 0 ? 7 : day;
}

const WEEKDAY_NAMES = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];

export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? "";
}

const SHORT_WEEKDAY_NAMES = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

/** "周六" for 6: where a table column or a list line has no room for 星期六. */
export function shortWeekdayName(weekday: number): string {
  return SHORT_WEEKDAY_NAMES[weekday - 1] ?? "";
}

/** 11月28日 */
export function formatMonthDay(date: DateString): string {
  const [, m, d] = date.split("-").map(Number);
  return `${m}月${d}日`;
}

/** 12月8日（星期二）: a one-off date on paper, the date first and in full. */
export function formatMonthDayWeekday(date: DateString): string {
  return `${formatMonthDay(date)}（${weekdayName(isoWeekday(date))}）`;
}

/** 28日 */
export function formatDayOfMonth(date: DateString): string {
  return `${Number(date.slice(8, 10))}日`;
}

/** 2026年11月28日 星期六 */
export function formatDate(date: DateString): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日 ${weekdayName(isoWeekday(date))}`;
}

const clock = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hour12: false });

/** 14:30, in Asia/Shanghai. */
export function formatTime(instant: Date): string {
  return clock.format(instant);
}

/**
 * "14:30–15:00", in Asia/Shanghai. A range that ends at the midnight after it began ends at
 * "24:00", not "00:00" (a session until the end of the day reads "21:00–24:00").
 */
export function formatTimeRange(start: Date, end: Date): string {
  const span = end.getTime() - start.getTime();
  const untilMidnight = formatTime(end) === "00:00" && span > 0 && span <= 24 * 60 * 60 * 1000;
  return `${formatTime(start)}–${untilMidnight ? "24:00" : formatTime(end)}`;
}

/**
 * "上午" before noon and "下午" from noon (Asia/Shanghai): said beside a 24-hour time, for
 * villagers who read "14:30" less readily than "下午".
 */
export function dayPeriod(instant: Date): "上午" | "下午" {
  return formatTime(instant) < "12:00" ? "上午" : "下午";
}

/** "下午 14:30", in Asia/Shanghai. */
export function formatTimeWithPeriod(instant: Date): string {
  return `${dayPeriod(instant)} ${formatTime(instant)}`;
}

/** "上午 09:00–09:30": the period of the start, then the range as `formatTimeRange` gives it. */
export function formatTimeRangeWithPeriod(start: Date, end: Date): string {
  return `${dayPeriod(start)} ${formatTimeRange(start, end)}`;
}

/** "14:30" of an instant on `day`, and "2026-03-05 14:30" when it fell on another day (Asia/Shanghai). */
export function formatTimeOn(instant: Date, day: DateString): string {
  const date = toDateString(instant);
  return date === day ? formatTime(instant) : `${date} ${formatTime(instant)}`;
}

/** "09:00" for 540 minutes after midnight. */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** ISO 8601 with the +08:00 offset, as the API promises. */
export function toIsoOffset(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 60 * 60 * 1000);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

/** "今天", "明天" or "后天" for a date seen from `today` (both Shanghai dates); null for any other day. */
export function relativeDay(date: DateString, today: DateString): string | null {
  if (date === today) return "今天";
  if (date === addDays(today, 1)) return "明天";
  if (date === addDays(today, 2)) return "后天";
  return null;
}
