// How long personal data is kept (PIPL arts. 19 and 47): the staff form's schema and its bounds,
// checked by the server action (the form takes the bounds from rules.ts). The database checks the same bounds
// (migration 20261202003229_personal_data_retention).
import { z } from "zod";
import { bookingCode } from "@/lib/booking/schema";
import { CONSULTATION_MONTHS, REQUEST_MONTHS } from "./rules";

export type RetentionSettings = { consultationMonths: number; callbackMonths: number; waitlistMonths: number };

export const DEFAULT_RETENTION: RetentionSettings = {
  consultationMonths: CONSULTATION_MONTHS.default,
  callbackMonths: REQUEST_MONTHS.default,
  waitlistMonths: REQUEST_MONTHS.default,
};

/** A whole number of months typed in a form; an empty box is "not filled in", not zero. */
const months = (what: string, range: { min: number; max: number }) => {
  const unit = (n: number) => (n % 12 === 0 ? `${n} 个月（${n / 12} 年）` : `${n} 个月`);
  return z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z
      .number({ error: `请填写${what}保存多少个月（整数），例如 ${range.min === 1 ? 6 : 36}。` })
      .int(`请填写${what}保存多少个月，只能是整数。`)
      .min(range.min, `${what}至少保存 ${unit(range.min)}，请改大一些。`)
      .max(range.max, `${what}最多保存 ${unit(range.max)}，请改小一些。`),
  );
};

export const retentionInput = z.object({
  consultationMonths: months("预约和现场咨询记录", CONSULTATION_MONTHS),
  callbackMonths: months("回电请求", REQUEST_MONTHS),
  waitlistMonths: months("过期的候补登记", REQUEST_MONTHS),
});
export type RetentionInput = z.infer<typeof retentionInput>;

export const RETENTION_FIELD_NAMES: Record<keyof RetentionSettings, string> = {
  consultationMonths: "预约和现场咨询",
  callbackMonths: "回电请求",
  waitlistMonths: "过期的候补登记",
};

/** The villager's request to delete a booking's personal data: the code (the phone comes from this device's cookie). */
export const deleteOwnDataInput = z.object({ code: bookingCode });
