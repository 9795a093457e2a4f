// The booking inputs, shared by the public form (browser and server action) and the JSON API.
// Safe to import in the browser.
import { z } from "zod";

// Messages that a schema does not word itself come out in Simplified Chinese, never English.
z.config(z.locales.zhCN());

export const PRIORITY_GROUPS = {
  elderly: "60岁及以上老人",
  disability: "残疾人",
  migrant: "外来务工人员",
  "low-income": "低收入家庭",
  other: "其他需要照顾的情况",
} as const;
export type PriorityGroup = keyof typeof PRIORITY_GROUPS;

export const NOTE_MAX = 500;

/** Mainland mobile number; spaces, dashes and a leading +86/86 are tolerated and removed. */
export const mobilePhone = z
  .string({ error: "请填写手机号码。" })
  .transform((v) => v.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, ""))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, "请填写 11 位手机号码，例如 13812345678。"));

const trimmed = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `最多 ${max} 个字，请删减一些。`);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `最多 ${max} 个字，请删减一些。`)
    .transform((v) => v || undefined)
    .optional();

/** An instant with an explicit offset, e.g. 2026-12-01T09:00:00+08:00. */
export const instant = z.iso
  .datetime({ offset: true, error: "时间格式不对，应类似 2026-12-01T09:00:00+08:00。" })
  .transform((v) => new Date(v));

export const bookingCode = z
  .string({ error: "请填写预约号。" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{4,12}$/, "预约号由字母和数字组成，请核对后再输入。");

export const createBookingInput = z.object({
  venue: z.string({ error: "请选择服务地点。" }).trim().min(1, "请选择服务地点。"),
  start: instant,
  lawyerId: z.string().trim().min(1).optional(),
  name: trimmed("请填写姓名。", 40),
  phone: mobilePhone,
  village: optionalText(40),
  topic: z.string({ error: "请选择咨询事项。" }).trim().min(1, "请选择咨询事项。"),
  description: optionalText(NOTE_MAX),
  onBehalfOf: z
    .object({
      name: trimmed("请填写代为预约人的姓名。", 40),
      relation: trimmed("请填写您与当事人的关系，例如子女、社工。", 20),
    })
    .optional(),
  priorityGroup: z.enum(Object.keys(PRIORITY_GROUPS) as [PriorityGroup, ...PriorityGroup[]]).optional(),
  consent: z.literal(true, { error: "请阅读个人信息告知，并勾选同意后再提交。" }),
});
export type CreateBookingInput = z.infer<typeof createBookingInput>;

export const findBookingInput = z.object({ code: bookingCode, phone: mobilePhone });
export type FindBookingInput = z.infer<typeof findBookingInput>;

export const cancelBookingInput = findBookingInput.extend({ reason: optionalText(200) });
export type CancelBookingInput = z.infer<typeof cancelBookingInput>;

export const rescheduleBookingInput = findBookingInput.extend({ start: instant, lawyerId: z.string().trim().min(1).optional() });
export type RescheduleBookingInput = z.infer<typeof rescheduleBookingInput>;

/** Field errors keyed by input name ("onBehalfOf.name" for nested ones), first message each. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Staff take bookings by phone: a landline (0750-1234567) is accepted as well as a mobile number. */
export const anyPhone = z
  .string({ error: "请填写联系电话。" })
  .transform((v) => v.replace(/[\s()（）]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, ""))
  .pipe(z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, "请填写手机号码（11 位）或带区号的固定电话，例如 0750-6123456。"));

export const CHANNELS = {
  ONLINE: "网上预约",
  PHONE: "电话预约",
  WALK_IN: "现场预约",
  SOCIAL_WORKER: "社工转介",
  VILLAGE_CADRE: "村干部转介",
} as const;
export type ChannelName = keyof typeof CHANNELS;

export const staffBookingInput = createBookingInput.extend({
  phone: anyPhone,
  channel: z.enum(Object.keys(CHANNELS) as [ChannelName, ...ChannelName[]], { error: "请选择预约来源。" }),
});
export type StaffBookingInput = z.infer<typeof staffBookingInput>;

const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 2026-12-01。")
  .optional()
  .or(z.literal("").transform(() => undefined));
const optionalValue = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined);

/** Filters of the staff booking list; every one optional. */
export const bookingSearchInput = z.object({
  from: optionalDate,
  to: optionalDate,
  venue: optionalValue,
  lawyer: optionalValue,
  status: z
    .enum(["CONFIRMED", "CHECKED_IN", "DONE", "NO_SHOW", "CANCELLED"])
    .optional()
    .or(z.literal("").transform(() => undefined)),
  topic: optionalValue,
  channel: z
    .enum(Object.keys(CHANNELS) as [ChannelName, ...ChannelName[]])
    .optional()
    .or(z.literal("").transform(() => undefined)),
  phone: optionalValue,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type BookingSearchInput = z.infer<typeof bookingSearchInput>;

export const STATUS_NAMES: Record<string, string> = {
  confirmed: "已预约",
  checked_in: "已签到",
  done: "已完成",
  no_show: "未到",
  cancelled: "已取消",
};

/** A slot chosen in a form: "<ISO start>|<lawyer id>" (the lawyer part may be empty for "any lawyer"). */
export function splitSlotChoice(value: unknown): { start?: string; lawyerId?: string } {
  if (typeof value !== "string" || !value.includes("|")) return {};
  const [start, lawyerId] = value.split("|");
  return { start, lawyerId: lawyerId || undefined };
}
