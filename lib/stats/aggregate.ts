// Pure shaping of the counts the database returns: weeks filled in, lead times bucketed, rates,
// the weekday × hour grid. Nothing here reads the server's TZ: instants go through lib/time.ts.
import type { DutyInterval } from "@/lib/availability/slots";
import { type EvaluationCounts, satisfactionRate } from "@/lib/evaluations/rules";
import type { Outcome } from "@/lib/generated/prisma/enums";
import { OUTCOME_NAMES, OUTCOME_REPORT_WORDS } from "@/lib/labels";
import { addDays, type DateString, formatTime, isoWeekday, toDateString, weekdayName } from "@/lib/time";

export const LEAD_BUCKETS = [
  { key: "same_day", label: "当天", min: 0, max: 0 },
  { key: "1_2", label: "1–2 天", min: 1, max: 2 },
  { key: "3_7", label: "3–7 天", min: 3, max: 7 },
  { key: "8_14", label: "8–14 天", min: 8, max: 14 },
  { key: "15_plus", label: "15 天以上", min: 15, max: Number.POSITIVE_INFINITY },
] as const;

/** Whole Shanghai calendar days between two dates ("YYYY-MM-DD"), b − a. */
export function daysBetween(a: DateString, b: DateString): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** How many calendar days ahead (Asia/Shanghai) a booking was made: 0 = for the same day. */
export function leadDays(createdAt: Date, startsAt: Date): number {
  return daysBetween(toDateString(createdAt), toDateString(startsAt));
}

/** The bucket of a lead time; a booking dated before it was made (staff back-filling) counts as the same day. */
export function leadBucketOf(days: number): (typeof LEAD_BUCKETS)[number] {
  const d = Math.max(0, days);
  return LEAD_BUCKETS.find((b) => d >= b.min && d <= b.max) ?? LEAD_BUCKETS[LEAD_BUCKETS.length - 1];
}

export type Share = { key: string; label: string; count: number; share: number };

/** Counts with each one's share of the total (0 when there is nothing). */
export function withShares(rows: { key: string; label: string; count: number }[]): Share[] {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return rows.map((r) => ({ ...r, share: total === 0 ? 0 : r.count / total }));
}

export function bucketLeadTimes(rows: { days: number; count: number }[]): Share[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const bucket = leadBucketOf(r.days);
    counts.set(bucket.key, (counts.get(bucket.key) ?? 0) + r.count);
  }
  return withShares(LEAD_BUCKETS.map((b) => ({ key: b.key, label: b.label, count: counts.get(b.key) ?? 0 })));
}

/** numerator ÷ denominator, or null when there is nothing to divide by (shown as "—", not 0 %). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** "12.5%"; "—" for no rate. */
export function formatPercent(value: number | null, digits = 1): string {
  if (value === null) return "—";
  return `${(value * 100).toFixed(digits).replace(/\.0+$/, "")}%`;
}

/** Mondays of every ISO week that touches [from, to]. */
export function weeksOf(from: DateString, to: DateString): DateString[] {
  const weeks: DateString[] = [];
  for (let monday = addDays(from, 1 - isoWeekday(from)); monday <= to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

export type WeekRow = { week: DateString; bookings: number; walkIns: number };

/** One row per week of the period, empty weeks included, so a quiet week shows as a gap and not as nothing. */
export function weeklySeries(
  rows: { week: DateString; kind: "booking" | "walk_in"; count: number }[],
  from: DateString,
  to: DateString,
): WeekRow[] {
  const byWeek = new Map(weeksOf(from, to).map((week) => [week, { week, bookings: 0, walkIns: 0 }]));
  for (const r of rows) {
    const row = byWeek.get(r.week);
    if (!row) continue;
    if (r.kind === "booking") row.bookings += r.count;
    else row.walkIns += r.count;
  }
  return [...byWeek.values()];
}

/** Weekday (1 = Monday) and hour of an instant, in Asia/Shanghai. */
export function heatCellOf(instant: Date): { weekday: number; hour: number } {
  return { weekday: isoWeekday(toDateString(instant)), hour: Number(formatTime(instant).slice(0, 2)) };
}

export type HeatGrid = {
  hours: number[];
  rows: { weekday: number; label: string; cells: number[] }[];
  max: number;
  total: number;
  busiest: { weekday: number; label: string; hour: number; count: number } | null;
};

/**
 * A weekday × hour grid. Hours run over the working day (08–18) and widen to any hour that has
 * demand, so nothing is hidden and an empty evening does not take up the width of a phone.
 */
export function heatGrid(rows: { weekday: number; hour: number; count: number }[]): HeatGrid {
  const seen = rows.filter((r) => r.count > 0).map((r) => r.hour);
  const first = Math.min(8, ...seen);
  const last = Math.max(17, ...seen);
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const grid = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, label: weekdayName(weekday), cells: hours.map(() => 0) }));
  let busiest: HeatGrid["busiest"] = null;
  let total = 0;
  for (const r of rows) {
    const row = grid[r.weekday - 1];
    if (!row) continue;
    row.cells[r.hour - first] += r.count;
    total += r.count;
  }
  let max = 0;
  for (const row of grid) {
    row.cells.forEach((count, i) => {
      if (count > max) {
        max = count;
        busiest = { weekday: row.weekday, label: row.label, hour: hours[i], count };
      }
    });
  }
  return { hours, rows: grid, max, total, busiest };
}

/** Whole slots in each duty interval: a trailing piece shorter than a slot is not offered. */
export function offeredSlots(intervals: Pick<DutyInterval, "startMinute" | "endMinute">[], slotMinutes: number): number {
  if (!(slotMinutes > 0)) return 0;
  return intervals.reduce((sum, i) => sum + Math.floor((i.endMinute - i.startMinute) / slotMinutes), 0);
}

/** Services, and per outcome the services that recorded it: one count for each value of the Outcome enum. */
export type OutcomeCounts = { services: number } & Record<Outcome, number>;

export const EMPTY_COUNTS: OutcomeCounts = {
  services: 0,
  ...(Object.fromEntries(OUTCOME_NAMES.map((o) => [o, 0])) as Record<Outcome, number>),
};

/** The annual report's lines, in its own words and units. */
export const REPORT_LINES = [
  { key: "services", verb: "接待服务对象", unit: "人次", outcome: undefined },
  { key: "CONSULTATION", verb: OUTCOME_REPORT_WORDS.CONSULTATION, unit: "条", outcome: "CONSULTATION" },
  { key: "DOCUMENT", verb: OUTCOME_REPORT_WORDS.DOCUMENT, unit: "件", outcome: "DOCUMENT" },
  { key: "CONTRACT", verb: OUTCOME_REPORT_WORDS.CONTRACT, unit: "份", outcome: "CONTRACT" },
  { key: "MEDIATION", verb: OUTCOME_REPORT_WORDS.MEDIATION, unit: "宗", outcome: "MEDIATION" },
  { key: "LEGAL_AID_REFERRAL", verb: OUTCOME_REPORT_WORDS.LEGAL_AID_REFERRAL, unit: "件", outcome: "LEGAL_AID_REFERRAL" },
  { key: "MEDIATION_REFERRAL", verb: OUTCOME_REPORT_WORDS.MEDIATION_REFERRAL, unit: "件", outcome: "MEDIATION_REFERRAL" },
] as const satisfies readonly { key: keyof OutcomeCounts; verb: string; unit: string; outcome?: string }[];

/** The month before "YYYY-MM". */
export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** The evaluations (评价表) in the report's words and units; 满意度 = (满意 + 基本满意) ÷ 评价份数. */
export const EVALUATION_LINES = [
  { key: "total", verb: "收到群众评价", unit: "份" },
  { key: "SATISFIED", verb: "满意", unit: "份" },
  { key: "BASICALLY_SATISFIED", verb: "基本满意", unit: "份" },
  { key: "DISSATISFIED", verb: "不满意", unit: "份" },
  { key: "SOLVED", verb: "问题已解决", unit: "份" },
  { key: "PARTLY_SOLVED", verb: "问题部分解决", unit: "份" },
  { key: "UNSOLVED", verb: "问题未解决", unit: "份" },
] as const satisfies readonly { key: keyof EvaluationCounts; verb: string; unit: string }[];

/** "满意度 96%" or "满意度 —" when nobody evaluated. */
export const satisfactionText = (c: EvaluationCounts): string => formatPercent(satisfactionRate(c));

/**
 * "收到群众评价 25 份，其中满意 20 份、基本满意 4 份、不满意 1 份，满意度 96%；问题已解决 18 份、
 * 部分解决 5 份、未解决 2 份": the year's evaluations as one sentence of the report.
 */
export function evaluationSentence(c: EvaluationCounts): string {
  if (c.total === 0) return "没有收到群众评价";
  return `收到群众评价 ${c.total} 份，其中满意 ${c.SATISFIED} 份、基本满意 ${c.BASICALLY_SATISFIED} 份、不满意 ${c.DISSATISFIED} 份，满意度 ${satisfactionText(c)}；问题已解决 ${c.SOLVED} 份、部分解决 ${c.PARTLY_SOLVED} 份、未解决 ${c.UNSOLVED} 份`;
}
