// The booking inputs of the JSON API, and the forms of our own pages built on them (below).
// Server code: the forms take their limits from rules.ts.
import { z } from "zod";
import { optionalText, personName, plainText, requiredText, serviceDate } from "@/lib/form";
import { isPlainText, ticked } from "@/lib/form-values";
import { BookingStatus, Channel } from "@/lib/generated/prisma/enums";
import { PRIORITY_GROUP_NAMES } from "@/lib/labels";
import { anyPhone, mobilePhone, phoneDigits } from "@/lib/phone";
import { isServiceInstant, toIsoOffset, YEARS } from "@/lib/time";
import { NOTE_MAX, STAFF_CHANNELS } from "./rules";

/** An instant with an explicit offset, e.g. 2026-12-01T09:00:00+08:00, in the service's years. */
export const instant = z.iso
  .datetime({ offset: true, error: "时间格式不对，应类似 2026-12-01T09:00:00+08:00。" })
  .transform((v) => new Date(v))
  .refine(isServiceInstant, `时间应在 ${YEARS.first} 年到 ${YEARS.last} 年之间，请检查年份。`);

/**
 * A booking code as villagers type it: spaced as the page shows it ("7 Y H Q 9 H"), in lower case,
 * or in full-width characters (NFKC reads them as plain ones).
 */
export const bookingCode = z
  .string({ error: "请填写预约号。" })
  .transform((v) => v.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase())
  .pipe(
    z
      .string()
      .min(1, { error: "请填写预约号。", abort: true })
      .regex(/^[A-Z0-9]{4,12}$/, "预约号由字母和数字组成，请核对后再输入。"),
  );

/** A chosen venue, lawyer or topic, by its slug, id or code. */
const choice = (message?: string) => z.string({ error: message }).trim().min(1, message).check(plainText());

export const createBookingInput = z.object({
  venue: choice("请选择服务地点。"),
  start: instant,
  lawyerId: choice().optional(),
  name: personName("请填写姓名。", 40),
  phone: mobilePhone,
  village: optionalText(40),
  topic: choice("请选择咨询事项。"),
  description: optionalText(NOTE_MAX, { multiline: true }),
  onBehalfOf: z
    .object({
      name: personName("请填写代为预约人的姓名。", 40),
      relation: requiredText("请填写您与当事人的关系，例如子女、社工。", 20),
    })
    .optional(),
  priorityGroup: z.enum(PRIORITY_GROUP_NAMES).optional(),
  consent: z.literal(true, { error: "请阅读个人信息告知，并勾选同意后再提交。" }),
});
export type CreateBookingInput = z.infer<typeof createBookingInput>;

/** Code and the phone the booking was made with: staff may have booked a landline for a caller. */
export const findBookingInput = z.object({ code: bookingCode, phone: anyPhone });
export type FindBookingInput = z.infer<typeof findBookingInput>;

export const cancelBookingInput = findBookingInput.extend({ reason: optionalText(200, { multiline: true }) });
export type CancelBookingInput = z.infer<typeof cancelBookingInput>;

export const rescheduleBookingInput = findBookingInput.extend({ start: instant, lawyerId: choice().optional() });
export type RescheduleBookingInput = z.infer<typeof rescheduleBookingInput>;

const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 2026-12-01。")
  .check(serviceDate())
  .optional()
  .or(z.literal("").transform(() => undefined));
const optionalValue = z
  .string()
  .trim()
  .check(plainText())
  .optional()
  .transform((v) => v || undefined);

/** Filters of the staff booking list; every one optional. */
export const bookingSearchInput = z.object({
  from: optionalDate,
  to: optionalDate,
  venue: optionalValue,
  lawyer: optionalValue,
  status: z
    .enum(BookingStatus)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  topic: optionalValue,
  channel: z
    .enum(Channel)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Any part of a number; compared digit by digit, dashes and spaces aside (queries.ts). */
  phone: optionalValue.transform((v) => (v ? phoneDigits(v) || undefined : undefined)),
  /** Absent: the page that holds today's bookings (queries.ts searchBookings). */
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type BookingSearchInput = z.infer<typeof bookingSearchInput>;

// The forms of our own pages send what the API takes as one JSON body as form fields: the slot as
// one value, a checkbox as "on" or nothing, a select left at its first choice as "". The schemas
// below read that into the API's inputs, so a form and the API check the same rules.

/** A chosen time; no lawyer means "any lawyer free then". */
export type SlotChoice = { start: Date; lawyerId?: string };

/** The one value a form sends for a slot: "<ISO start>|<lawyer id>", the lawyer part empty for any lawyer. */
export const slotValue = ({ start, lawyerId }: SlotChoice): string => `${toIsoOffset(start)}|${lawyerId ?? ""}`;

/** Reads a slot value back (the only place that does); anything else is `message`, beside the slot. */
export const slotChoice = (message: string) =>
  z.string({ error: message }).transform((value, ctx): SlotChoice => {
    const [start, lawyerId, ...rest] = value.split("|");
    const parsed = instant.safeParse(start);
    if (!parsed.success || lawyerId === undefined || rest.length > 0) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    const lawyer = lawyerId.trim();
    if (!isPlainText(lawyer)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return { start: parsed.data, lawyerId: lawyer || undefined };
  });

const checkbox = z.preprocess((value) => ticked(value) === true, z.boolean());
const chosen = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema);

/** The proxy's name and relation, checked as the API's, when `given` says they count; else dropped. */
const proxyWhen =
  (given: (form: Record<string, unknown>, proxy: Record<string, unknown> | undefined) => boolean) =>
  (raw: unknown): unknown => {
    if (typeof raw !== "object" || raw === null) return raw;
    const form = raw as Record<string, unknown>;
    const proxy = form.onBehalfOf as Record<string, unknown> | undefined;
    return { ...form, onBehalfOf: given(form, proxy) ? { ...proxy } : undefined };
  };

/**
 * The villager's form: the box decides. Its fields show only while it is ticked, so what was typed
 * there and hidden again by unticking is not a proxy; ticked, both must be filled in.
 */
const proxyWhenTicked = proxyWhen((form) => ticked(form.onBehalf) === true);

/** The staff form has no box: a proxy is given when either field is filled in. */
const proxyWhenFilled = proxyWhen((_, proxy) =>
  [proxy?.name, proxy?.relation].some((v) => typeof v === "string" && v.trim() !== ""),
);

const bookingDetails = createBookingInput.omit({ start: true, lawyerId: true }).extend({
  priorityGroup: chosen(createBookingInput.shape.priorityGroup),
  consent: z.preprocess(ticked, createBookingInput.shape.consent),
});

const NOTE_CONSENT = "您填写了备注：请勾选“同意处理备注中的敏感个人信息”，或把备注删掉。";

/** The villager's booking form: the API's booking, and the note's own consent. */
export const bookingFormInput = z
  .preprocess(
    proxyWhenTicked,
    bookingDetails.extend({
      slot: slotChoice("请选择一个预约时间。"),
      onBehalf: checkbox,
      noteConsent: checkbox,
      /** Ticked after being told the phone already holds an upcoming booking here. */
      another: checkbox,
    }),
  )
  // Art. 28–29 PIPL: a note may reveal health or family matters, so it needs its own consent. Checked
  // even while other fields are wrong, so that the villager sees every correction at once.
  .refine((form) => !(typeof form?.description === "string" && form.description.trim() && !form.noteConsent), {
    path: ["noteConsent"],
    message: NOTE_CONSENT,
    when: () => true,
  })
  .transform(({ slot, onBehalf: _, noteConsent, another, ...details }) => ({
    booking: { ...details, ...slot },
    noteConsent,
    another,
  }));

/** Staff book for someone who phoned, walked in, or was sent: a landline will do, and where they came from. */
export const staffBookingFormInput = z
  .preprocess(
    proxyWhenFilled,
    bookingDetails.extend({
      slot: slotChoice("请选择一个时间。"),
      phone: anyPhone,
      // Staff book for someone who phoned, came in or was sent: never 网上预约, which villagers do themselves.
      channel: z.enum(STAFF_CHANNELS, { error: "请选择预约来源：电话、现场或转介。" }),
    }),
  )
  .transform(({ slot, channel, ...details }) => ({ booking: { ...details, ...slot }, channel }));

const staffReason = (message: string) =>
  z.string({ error: message }).trim().min(1, message).max(200, "原因最多 200 个字。").check(plainText());

export const staffCancelFormInput = z.object({ code: bookingCode, reason: staffReason("请填写取消原因。") });
export const staffReassignFormInput = z.object({
  code: bookingCode,
  lawyerId: z.string({ error: "请选择改由哪位律师接待。" }).trim().min(1, "请选择改由哪位律师接待。").check(plainText()),
});
export const staffMoveFormInput = z.object({
  code: bookingCode,
  slot: slotChoice("请选择新的时间。"),
  reason: staffReason("请填写改期原因。"),
});

// A villager's own booking: the phone comes from this device's cookie (access.ts), never from the form.
export const cancelFormInput = cancelBookingInput.omit({ phone: true });
export const moveFormInput = findBookingInput.omit({ phone: true }).extend({ slot: slotChoice("请重新选择新的时间。") });
