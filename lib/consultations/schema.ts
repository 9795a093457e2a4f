// What a lawyer records about a consultation: checked by the server actions (the forms take their limits from rules.ts).
import { z } from "zod";
import { optionalText, plainText, requiredText, serviceDate } from "@/lib/form";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { Outcome } from "@/lib/generated/prisma/enums";
import { PRIORITY_GROUP_NAMES } from "@/lib/labels";
import { anyPhone } from "@/lib/phone";
import { LAWYER_NOTE_MAX, MINUTES_MAX, VOID_REASON_MAX } from "./rules";

const outcomes = z
  .array(z.enum(Outcome, { error: "请从列表中选择服务结果。" }), { error: "请至少选择一项服务结果。" })
  .min(1, "请至少选择一项服务结果。");

const minutesSpent = z.coerce
  .number({ error: "请填写用时（分钟），例如 30。" })
  .int("用时请填写整数分钟，例如 30。")
  .min(1, "用时至少 1 分钟。")
  .max(MINUTES_MAX, `用时最多 ${MINUTES_MAX} 分钟；超过的请分次记录。`);

const lawyerNote = z
  .string()
  .trim()
  .max(LAWYER_NOTE_MAX, `备注最多 ${LAWYER_NOTE_MAX} 个字，请删减一些。`)
  .check(plainText({ multiline: true }))
  .transform((v) => v || undefined)
  .optional();

export const completeBookingInput = z.object({ outcomes, minutesSpent, lawyerNote });
export type CompleteBookingInput = z.infer<typeof completeBookingInput>;

export const walkInInput = z.object({
  venueId: z.string({ error: "请选择服务地点。" }).trim().min(1, "请选择服务地点。").check(plainText()),
  /** Staff record walk-ins for a lawyer; a lawyer's own are always theirs. */
  lawyerId: optionalText(40),
  date: z
    .string({ error: "请填写日期。" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "请填写日期，例如 2026-12-01。")
    .check(serviceDate()),
  time: z.string({ error: "请填写时间。" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "请填写时间，例如 09:30。"),
  name: z
    .string({ error: "请填写服务对象姓名。" })
    .trim()
    .min(1, "请填写服务对象姓名。")
    .max(40, "姓名最多 40 个字。")
    .check(plainText()),
  phone: z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .pipe(anyPhone.optional())
    .optional(),
  village: optionalText(40),
  topic: z.string({ error: "请选择咨询事项。" }).trim().min(1, "请选择咨询事项。").check(plainText()),
  priorityGroup: z
    .enum(PRIORITY_GROUP_NAMES, { error: "请从列表中选择。" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  outcomes,
  minutesSpent,
  lawyerNote,
});
export type WalkInInput = z.infer<typeof walkInInput>;

/** The hidden id of the walk-in a form corrects or voids: missing is a stale page, not a field to fix. */
const walkInId = z
  .string({ error: "没有找到这条现场咨询记录，请刷新页面。" })
  .trim()
  .min(1, "没有找到这条现场咨询记录，请刷新页面。")
  .check(plainText());

/** A walk-in's id in a page's address: anything else is not found. */
export const walkInIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const updateWalkInInput = walkInInput.extend({ walkInId });

export const voidWalkInInput = z.object({
  walkInId,
  reason: requiredText("请写明作废的原因，例如“重复登记”。", VOID_REASON_MAX),
});
export type VoidWalkInInput = z.infer<typeof voidWalkInInput>;

/** A month as "YYYY-MM"; anything else falls back to the caller's default. */
export const monthParam = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/);

/** A booking as its own lawyer and staff see it: full phone number, the villager's note and the lawyer's note. */
export type ConsultationView = {
  id: string;
  code: string;
  status: BookingStatus;
  start: Date;
  end: Date;
  venue: { id: string; name: string };
  lawyer: { id: string; name: string };
  name: string;
  phone: string;
  village: string | null;
  topic: string;
  note: string | null;
  onBehalfOf: { name: string; relation: string } | null;
  priorityGroup: string | null;
  channel: string;
  outcomes: string[];
  minutesSpent: number | null;
  lawyerNote: string | null;
  checkedInAt: Date | null;
  completedAt: Date | null;
  /** A test client's booking (lib/test-mode.ts): nobody will come; shown as such. */
  test: boolean;
};

/** One walk-in as its own lawyer and staff see it. */
export type WalkInView = {
  id: string;
  at: Date;
  venue: { id: string; name: string };
  lawyerId: string;
  lawyer: string;
  name: string;
  phone: string | null;
  village: string | null;
  /** The topic's name, and its code for the correction form. */
  topic: string;
  topicCode: string;
  priorityGroup: string | null;
  outcomes: string[];
  minutesSpent: number | null;
  lawyerNote: string | null;
  /** Voided by mistake: kept with its reason, counted nowhere. */
  voidedAt: Date | null;
  voidReason: string | null;
  anonymisedAt: Date | null;
};
