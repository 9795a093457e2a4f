// The waitlist's inputs (issue 8): joining from our own form or the JSON API, and the answers to an
// offer. Server code.
import { z } from "zod";
import { personName, plainText, serviceDate } from "@/lib/form";
import { ticked } from "@/lib/form-values";
import { mobilePhone } from "@/lib/phone";

/** How long a freed slot is held for the person it is offered to. */
export const HOLD_MINUTES = 30;

/** A date one can come, "2026-12-01". */
const comeDate = (label: string) =>
  z
    .string({ error: `请选择${label}。` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}的格式应为 2026-12-01，请重新选择。`)
    .check(serviceDate());

/**
 * Joining a venue's waitlist (the JSON API's body; the venue is the path's): a mobile number (the
 * offer comes by text message), the dates one can come (both optional: today to the end of the
 * venue's booking horizon), and consent.
 */
export const waitlistBody = z.object({
  name: personName("请填写姓名。", 40),
  phone: mobilePhone,
  topic: z.string({ error: "请选择咨询事项。" }).trim().min(1, "请选择咨询事项。").check(plainText()),
  from: comeDate("最早日期").optional(),
  to: comeDate("最晚日期").optional(),
  consent: z.literal(true, { error: "请勾选同意我们保存您的姓名和手机号码，用于有空位时发短信通知您。" }),
});

export const joinWaitlistInput = waitlistBody
  .extend({ venue: z.string({ error: "请选择服务地点。" }).trim().min(1, "请选择服务地点。").check(plainText()) })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ["to"],
    message: "最晚日期不能早于最早日期，请重新选择。",
  });
export type JoinWaitlistInput = z.infer<typeof joinWaitlistInput>;

/** The same from our form: a ticked box is "on", an empty date is no date. */
export const joinWaitlistFormInput = z.preprocess((input) => {
  if (!input || typeof input !== "object") return input;
  const values = input as Record<string, unknown>;
  const date = (v: unknown) => (v === "" ? undefined : v);
  return { ...values, from: date(values.from), to: date(values.to), consent: ticked(values.consent) };
}, joinWaitlistInput);

/** A waitlist entry's id as it appears in a link or an API path. */
export const waitlistEntryId = z
  .string({ error: "没有找到这条候补登记。" })
  .trim()
  .regex(/^[a-z0-9]{20,40}$/, "没有找到这条候补登记，请核对链接。");

/** A waitlist entry is seen or left with its id and the phone it was made with. */
export const waitlistEntryInput = z.object({ id: waitlistEntryId, phone: mobilePhone });
export type WaitlistEntryInput = z.infer<typeof waitlistEntryInput>;
