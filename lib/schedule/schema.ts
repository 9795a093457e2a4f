// What a lawyer (or staff for them) may send to change duty hours. Shared by the forms and the server.
import { z } from "zod";
import { VILLAGER_HOURS } from "@/lib/availability/slots";
import { plainText, serviceDate } from "@/lib/form";
import { type FormValues, textOf } from "@/lib/form-values";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" → 570. Only called on strings `time` accepted. */
export function parseTime(value: string): number {
  const [h, m] = value.split(":").map(Number);
  return h * 60 + m;
}

const date = (label: string) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, `请填写${label}。`)
    .regex(DATE, `${label}请按 年-月-日 填写，例如 2026-12-08。`)
    .check(serviceDate(`${label}不是一个真实的日期，请检查。`));

/** Wall-clock time as minutes after midnight, on the 5-minute grid slots are cut from. */
const time = (label: string) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, `请填写${label}。`)
    .regex(TIME, `${label}请按 时:分 填写，例如 09:00。`)
    .transform(parseTime)
    .refine((m) => m % 5 === 0, { message: `${label}请以 5 分钟为单位，例如 09:00、09:05。` });

const id = (message: string) => z.string({ error: message }).trim().min(1, message).check(plainText());
const note = z
  .string()
  .trim()
  .max(100, "说明请不超过 100 个字。")
  .check(plainText())
  .optional()
  .transform((v) => v || null);

function endAfterStart<T extends { startMinute: number; endMinute: number }>(value: T, ctx: z.RefinementCtx) {
  if (value.endMinute <= value.startMinute) ctx.addIssue({ code: "custom", path: ["end"], message: "结束时间要晚于开始时间。" });
}

/** Duty outside the hours villagers are offered (lib/availability/slots.ts): 07:00 to 21:00. */
export function isNightDuty({ startMinute, endMinute }: { startMinute: number; endMinute: number }): boolean {
  return startMinute < VILLAGER_HOURS.opens || endMinute > VILLAGER_HOURS.closes;
}

export const NIGHT_UNCONFIRMED =
  "这次值班在 07:00 前或 21:00 后（夜间）。如确实要在夜间值班，请勾选下面的“确认夜间值班”再保存；村民一般不能预约夜间的时间。";

const nightConfirmed = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** A session at night is kept only when it is confirmed as meant (a 01:30 typed for 13:30 is not). */
function nightIsConfirmed<T extends { startMinute: number; endMinute: number; nightConfirmed: boolean }>(
  value: T,
  ctx: z.RefinementCtx,
) {
  if (value.endMinute > value.startMinute && isNightDuty(value) && !value.nightConfirmed)
    ctx.addIssue({ code: "custom", path: ["nightConfirmed"], message: NIGHT_UNCONFIRMED });
}

/** The rota's ?week=: any day of the week to show (a link, not a form: anything else shows this week). */
export const weekParam = z.string().regex(DATE).check(serviceDate());

const weekday = z.coerce
  .number({ error: "请选择星期几。" })
  .int("请选择星期几。")
  .min(1, "请选择星期几。")
  .max(7, "请选择星期几。");

const hours = z.object({ start: time("开始时间"), end: time("结束时间") }).transform(({ start, end }) => ({
  startMinute: start,
  endMinute: end,
}));

/** A new weekly session. */
export const addSessionInput = z
  .object({
    venueId: id("请选择值班地点。"),
    weekday,
    start: time("开始时间"),
    end: time("结束时间"),
    validFrom: date("开始日期"),
    validUntil: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null)
      .pipe(z.union([z.null(), date("结束日期")])),
    nightConfirmed,
  })
  .transform(({ start, end, ...rest }) => ({ ...rest, startMinute: start, endMinute: end }))
  .superRefine((v, ctx) => {
    endAfterStart(v, ctx);
    nightIsConfirmed(v, ctx);
    if (v.validUntil && v.validUntil < v.validFrom)
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "结束日期不能早于开始日期。" });
  });
/** The confirmation of night duty is the form's: what the mutation needs is the duty. */
export type AddSessionInput = Omit<z.output<typeof addSessionInput>, "nightConfirmed">;

/**
 * New hours for a weekly session from a date on: the old row keeps the past (history is never
 * rewritten), a new row carries the change.
 */
export const changeSessionInput = z
  .object({
    sessionId: id("没有找到这个值班时间，请刷新页面。"),
    weekday,
    start: time("开始时间"),
    end: time("结束时间"),
    from: date("生效日期"),
    nightConfirmed,
  })
  .transform(({ start, end, ...rest }) => ({ ...rest, startMinute: start, endMinute: end }))
  .superRefine((v, ctx) => {
    endAfterStart(v, ctx);
    nightIsConfirmed(v, ctx);
  });
/** The confirmation of night duty is the form's: what the mutation needs is the duty. */
export type ChangeSessionInput = Omit<z.output<typeof changeSessionInput>, "nightConfirmed">;

/** A weekly session ends: `lastDate` is the last day it applies. */
export const endSessionInput = z.object({
  sessionId: id("没有找到这个值班时间，请刷新页面。"),
  lastDate: date("最后一天"),
});
export type EndSessionInput = z.output<typeof endSessionInput>;

/** Leave: everywhere or at one venue; the whole day or part of it. */
export const addLeaveInput = z
  .object({
    date: date("日期"),
    venueId: z
      .string()
      .trim()
      .check(plainText())
      .optional()
      .transform((v) => v || null),
    wholeDay: z
      .union([z.literal("on"), z.literal("true"), z.literal("yes"), z.literal(""), z.boolean()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true" || v === "yes"),
    start: z.string().optional(),
    end: z.string().optional(),
    note,
  })
  .transform((v, ctx) => {
    if (v.wholeDay) return { date: v.date, venueId: v.venueId, startMinute: null, endMinute: null, note: v.note };
    const parsed = hours.safeParse({ start: v.start ?? "", end: v.end ?? "" });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    if (parsed.data.endMinute <= parsed.data.startMinute) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "结束时间要晚于开始时间。" });
      return z.NEVER;
    }
    return { date: v.date, venueId: v.venueId, ...parsed.data, note: v.note };
  });
export type AddLeaveInput = z.output<typeof addLeaveInput>;

/** An extra session on one date at one venue. */
export const addExtraInput = z
  .object({
    date: date("日期"),
    venueId: id("请选择值班地点。"),
    start: time("开始时间"),
    end: time("结束时间"),
    note,
    nightConfirmed,
  })
  .transform(({ start, end, ...rest }) => ({ ...rest, startMinute: start, endMinute: end }))
  .superRefine((v, ctx) => {
    endAfterStart(v, ctx);
    nightIsConfirmed(v, ctx);
  });
/** The confirmation of night duty is the form's: what the mutation needs is the duty. */
export type AddExtraInput = Omit<z.output<typeof addExtraInput>, "nightConfirmed">;

export const removeExceptionInput = z.object({ exceptionId: id("没有找到这条安排，请刷新页面。") });
export type RemoveExceptionInput = z.output<typeof removeExceptionInput>;

/** What to do with one booking whose time the change removes. */
export const bookingChoice = z.discriminatedUnion("action", [
  z.object({ bookingId: id("缺少预约。"), action: z.literal("reassign"), lawyerId: id("请选择接手的律师。") }),
  z.object({
    bookingId: id("缺少预约。"),
    action: z.literal("reschedule"),
    lawyerId: id("请选择改到的时间。"),
    start: z.date({ error: "请选择改到的时间。" }),
  }),
  z.object({
    bookingId: id("缺少预约。"),
    action: z.literal("cancel"),
    reason: z
      .string({ error: "请写明取消的原因。" })
      .trim()
      .min(1, "请写明取消的原因。")
      .max(200, "原因请不超过 200 个字。")
      .check(plainText()),
  }),
]);
export type BookingChoice = z.output<typeof bookingChoice>;

/**
 * The choices of the confirm step, from form fields `choice-<bookingId>` ("lawyer:<id>",
 * "move:<lawyer id>:<start, ms>" or "cancel") and `reason-<bookingId>`. Field errors are keyed by
 * the same names.
 */
export function parseChoices(
  values: Record<string, string>,
  bookingIds: string[],
): { choices: BookingChoice[]; errors: Record<string, string> } {
  const choices: BookingChoice[] = [];
  const errors: Record<string, string> = {};
  for (const bookingId of bookingIds) {
    const picked = values[`choice-${bookingId}`] ?? "";
    const move = /^move:([^:]+):(\d{1,15})$/.exec(picked);
    const raw = picked.startsWith("lawyer:")
      ? { bookingId, action: "reassign", lawyerId: picked.slice("lawyer:".length) }
      : move
        ? { bookingId, action: "reschedule", lawyerId: move[1], start: new Date(Number(move[2])) }
        : picked === "cancel"
          ? { bookingId, action: "cancel", reason: values[`reason-${bookingId}`] ?? "" }
          : null;
    if (!raw) {
      errors[`choice-${bookingId}`] = "请为这个预约选择：交给其他律师、改到其他时间，或取消。";
      continue;
    }
    const parsed = bookingChoice.safeParse(raw);
    if (parsed.success) choices.push(parsed.data);
    else errors[raw.action === "cancel" ? `reason-${bookingId}` : `choice-${bookingId}`] = parsed.error.issues[0].message;
  }
  return { choices, errors };
}

/** A booking a change would leave without its lawyer, as the lawyer sees it before choosing. */
export type AffectedBooking = {
  id: string;
  code: string;
  start: Date;
  end: Date;
  venue: { id: string; name: string };
  name: string;
  /** Masked: the preview is a list, and the lawyer does not need the number to choose. */
  phone: string;
  topic: string;
  /** Colleagues on duty at that venue and time who are free then. */
  colleagues: { id: string; name: string }[];
  /** Other free times at that venue with a colleague, soonest first, for when no colleague is free then. */
  moves: { lawyerId: string; lawyerName: string; start: Date; end: Date }[];
};

/** What a form with a confirm step needs beyond its fields: the bookings to choose for. */
export type ScheduleData = { step: "confirm"; affected: AffectedBooking[] };

/**
 * The confirm step's choices from a submitted form (`bookingIds`, then `choice-…` and `reason-…`
 * for each); an incomplete set is not tried, and the preview returns with the errors beside them.
 */
export function readChoices(values: FormValues): { choices?: BookingChoice[]; errors: Record<string, string> } {
  const ids = textOf(values, "bookingIds").split(",").filter(Boolean);
  const strings = Object.fromEntries(
    ids.flatMap((id) => [`choice-${id}`, `reason-${id}`].map((name) => [name, textOf(values, name)])),
  );
  const read = parseChoices(strings, ids);
  return Object.keys(read.errors).length === 0 ? { choices: read.choices, errors: {} } : { errors: read.errors };
}

/** A `bookings_affected` answer as the form's state: the bookings to choose for, with what was wrong with the choices sent. */
export function confirmStep(
  result: { message: string; affected: AffectedBooking[]; fields?: Record<string, string> },
  errors: Record<string, string>,
) {
  const incomplete = Object.keys(errors).length > 0;
  return {
    ok: false as const,
    code: "bookings_affected" as const,
    message: incomplete ? "还没有保存，请按提示为每个预约选择。" : result.message,
    fields: { ...errors, ...result.fields },
    data: { step: "confirm" as const, affected: result.affected },
  };
}
