// What staff may change about a venue; checked by the server action (the form takes its limits from rules.ts).
import { z } from "zod";
import { plainText, requiredText } from "@/lib/form";
import { anyPhone } from "@/lib/phone";
import { HORIZON_DAYS, MIN_NOTICE_MAX, SLOT_MINUTES } from "./rules";

const optionalText = (max: number, options: { multiline?: boolean } = {}) =>
  z
    .string()
    .trim()
    .max(max, `最多 ${max} 个字，请删减一些。`)
    .check(plainText(options))
    .transform((v) => v || null)
    .nullish()
    .transform((v) => v ?? null);

/** A whole number typed in a form; an empty box is "not filled in", not zero. */
const wholeNumber = (message: string, range: { min: [number, string]; max: [number, string] }) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
    z.number({ error: message }).int(message).min(range.min[0], range.min[1]).max(range.max[0], range.max[1]),
  );

/** An HTML checkbox: sent as "on" when ticked, absent when not. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const optionalPhone = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  anyPhone.optional().transform((v) => v ?? null),
);

export const venueInput = z.object({
  name: requiredText("请填写地点名称。", 60),
  village: optionalText(40),
  address: requiredText("请填写地址，村民要靠它找到地方。", 200),
  phone: optionalPhone,
  openingNotes: optionalText(300, { multiline: true }),
  slotMinutes: wholeNumber("请填写每个预约时段的分钟数（整数），例如 30。", {
    min: [SLOT_MINUTES.min, `每个时段至少 ${SLOT_MINUTES.min} 分钟。`],
    max: [SLOT_MINUTES.max, `每个时段最多 ${SLOT_MINUTES.max} 分钟。`],
  }),
  minNoticeMinutes: wholeNumber("请填写最少提前多少分钟预约（整数），不需要提前请填 0。", {
    min: [0, "提前时间不能是负数，不需要提前请填 0。"],
    max: [MIN_NOTICE_MAX, `提前时间最多 ${MIN_NOTICE_MAX} 分钟（30 天）。`],
  }),
  horizonDays: wholeNumber("请填写可以提前多少天预约（整数），例如 28。", {
    min: [HORIZON_DAYS.min, `至少要能提前 ${HORIZON_DAYS.min} 天预约。`],
    max: [HORIZON_DAYS.max, `最多只能提前 ${HORIZON_DAYS.max} 天预约。`],
  }),
  isDemonstration: checkbox,
  offHoursBooking: checkbox,
  active: checkbox,
  confirmed: checkbox,
});
export type VenueInput = z.infer<typeof venueInput>;

/** Names of the fields, for audit summaries that say what changed. */
/** The columns staff edit, as a Prisma select (the keys of VENUE_FIELD_NAMES below). */
export const EDITABLE_VENUE_FIELDS = {
  name: true,
  village: true,
  address: true,
  phone: true,
  openingNotes: true,
  slotMinutes: true,
  minNoticeMinutes: true,
  horizonDays: true,
  isDemonstration: true,
  offHoursBooking: true,
  active: true,
  confirmed: true,
} as const satisfies Record<keyof VenueInput, true>;

export const VENUE_FIELD_NAMES: Record<keyof VenueInput, string> = {
  name: "名称",
  village: "所属村居",
  address: "地址",
  phone: "电话",
  openingNotes: "开放说明",
  slotMinutes: "每个时段分钟数",
  minNoticeMinutes: "最少提前预约分钟数",
  horizonDays: "可提前预约天数",
  isDemonstration: "示范点",
  offHoursBooking: "可预约 07:00 前和 21:00 后的时间",
  active: "接受预约",
  confirmed: "已核实",
};
