// Filters of the demand dashboard, the year's figures and their exports: plain GET parameters,
// every one optional, checked here once for the pages and the route handlers alike.
import { z } from "zod";
import { fieldErrors, plainText, serviceDate } from "@/lib/form";
import { OUTCOME_NAMES } from "@/lib/labels";
import { addDays, type DateString, isoWeekday, todayInShanghai } from "@/lib/time";

/** Longest period one request may cover: two years keeps every page and export small. */
export const MAX_RANGE_DAYS = 732;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const date = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 2026-12-01，请重新填写。")
    .check(serviceDate("没有这一天，请检查月份和日期。"))
    .optional(),
);

const slug = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/, "请从列表中选择。")
    .optional(),
);

const id = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^[a-z0-9]{1,40}$/, "请从列表中选择。")
    .optional(),
);

function checkRange(value: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (!value.from || !value.to) return;
  if (value.from > value.to)
    ctx.addIssue({ code: "custom", path: ["to"], message: "结束日期不能早于开始日期，请调换或重新选择。" });
  else if (addDays(value.from, MAX_RANGE_DAYS - 1) < value.to)
    ctx.addIssue({ code: "custom", path: ["to"], message: "一次最多查看两年的数据，请缩短日期范围。" });
}

export const dashboardFilterInput = z.object({ from: date, to: date, venue: slug, topic: slug }).superRefine(checkRange);

export const reportFilterInput = z.object({ from: date, to: date }).superRefine(checkRange);

export const reportItemsInput = z
  .object({
    from: date,
    to: date,
    outcome: z.preprocess(blankToUndefined, z.enum(OUTCOME_NAMES, { error: "请从列表中选择服务结果。" }).optional()),
    venue: id,
    lawyer: id,
    page: z.preprocess(blankToUndefined, z.coerce.number({ error: "页码应为数字。" }).int().min(1).max(10_000).default(1)),
  })
  .superRefine(checkRange);

export const exportFormat = z.preprocess(
  (v) => blankToUndefined(v) ?? "xlsx",
  z.enum(["xlsx", "csv"], { error: "格式只能是 xlsx 或 csv。" }),
);

export type Period = { from: DateString; to: DateString };
export type DashboardFilters = Period & { venue?: string; topic?: string };
export type ReportFilters = Period;
export type ReportItemsFilters = Period & {
  outcome?: (typeof OUTCOME_NAMES)[number];
  venue?: string;
  lawyer?: string;
  page: number;
};

/** The Monday of the ISO week a date falls in. */
export function weekStartOf(date: DateString): DateString {
  return addDays(date, 1 - isoWeekday(date));
}

/** The dashboard's default: the last twelve whole weeks, this one included. */
export function defaultDashboardPeriod(now: Date = new Date()): Period {
  const monday = weekStartOf(todayInShanghai(now));
  return { from: addDays(monday, -77), to: addDays(monday, 6) };
}

/** The report's default: this calendar year. */
export function defaultReportPeriod(now: Date = new Date()): Period {
  const year = todayInShanghai(now).slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** A lone `from` or `to` keeps the default's length, so "from 3 March" still means a sensible window. */
function withDefaults(value: { from?: string; to?: string }, fallback: Period): Period {
  const from = value.from ?? (value.to && value.to < fallback.from ? value.to : fallback.from);
  const to = value.to ?? (value.from && value.from > fallback.to ? value.from : fallback.to);
  return { from, to };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

type Raw = Record<string, string | string[] | undefined> | URLSearchParams;

/** First value of each parameter: a repeated one (?venue=a&venue=b) takes the first. */
export function firstValues(raw: Raw): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && !(key in out)) out[key] = first;
  }
  return out;
}

export function parseDashboardFilters(raw: Raw, now: Date = new Date()): Parsed<DashboardFilters> {
  const parsed = dashboardFilterInput.safeParse(firstValues(raw));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { venue, topic } = parsed.data;
  return { ok: true, value: { ...withDefaults(parsed.data, defaultDashboardPeriod(now)), venue, topic } };
}

export function parseReportFilters(raw: Raw, now: Date = new Date()): Parsed<ReportFilters> {
  const parsed = reportFilterInput.safeParse(firstValues(raw));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  return { ok: true, value: withDefaults(parsed.data, defaultReportPeriod(now)) };
}

export function parseReportItems(raw: Raw, now: Date = new Date()): Parsed<ReportItemsFilters> {
  const parsed = reportItemsInput.safeParse(firstValues(raw));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { outcome, venue, lawyer, page } = parsed.data;
  return { ok: true, value: { ...withDefaults(parsed.data, defaultReportPeriod(now)), outcome, venue, lawyer, page } };
}

/** A query string of the filters that are set, for links and export URLs. */
export function toQuery(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const handleCallbackInput = z.object({
  id: z
    .string({ error: "缺少回电请求编号，请刷新页面后再试。" })
    .trim()
    .regex(/^[a-z0-9]{1,40}$/, "回电请求编号有误，请刷新页面后再试。"),
  note: z
    .string({ error: "请简单写下处理结果，例如“已回电，约好下周一到站咨询”。" })
    .trim()
    .min(1, "请简单写下处理结果，例如“已回电，约好下周一到站咨询”。")
    .max(200, "处理说明最多 200 个字，请删减一些。")
    .check(plainText({ multiline: true })),
});
export type HandleCallbackInput = z.infer<typeof handleCallbackInput>;
