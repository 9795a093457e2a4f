// Phone numbers: what a form accepts, and how a number is shown to people who may not see it whole.
// Server code (zod); the browser needs none of it.
import { z } from "zod";
import { plainText } from "./form";

/**
 * A number as phones type it, ready to check: full-width digits and signs (a Chinese keyboard's
 * １３８, （, －, ＋) read as plain ones (NFKC), then spaces, dashes and brackets dropped, and a
 * leading +86/86 of a mobile number.
 */
function compactPhone(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[\s()\-\u2010-\u2015\u2212]/g, "")
    .replace(/^(\+?86)(?=1\d{10}$)/, "");
}

/**
 * A landline written one way, whatever way it was typed, so that look-ups and the booking-per-phone
 * limits compare like with like: the area code, a dash, the number. The area code is three digits
 * for 010 and 02x (Beijing, Guangzhou, ...) and four for every other (0750 Jiangmen).
 */
function withAreaCode(digits: string): string {
  const match = /^(0[12]\d|0[3-9]\d{2})(\d{7,8})$/.exec(digits);
  return match ? `${match[1]}-${match[2]}` : digits;
}

const LANDLINE = /^0\d{9,11}$/;
export const LANDLINE_MESSAGE =
  "这是固定电话，收不到短信。请填写家人的手机号码（可以勾选“我是替别人预约”），或拨打 12348 请工作人员帮您预约。";

/**
 * Mainland mobile number, as its 11 digits; full-width digits, spaces, dashes and a leading +86/86
 * are tolerated. A control character left after that is named as such (the format alone would
 * refuse it less clearly).
 */
export const mobilePhone = z
  .string({ error: "请填写手机号码。" })
  .transform(compactPhone)
  .pipe(
    z
      .string()
      .check(plainText())
      // A landline (0750-6612345, with or without its dash) cannot get the texts: say what to do instead.
      .refine((v) => !LANDLINE.test(v), { message: LANDLINE_MESSAGE, abort: true })
      .regex(/^1[3-9]\d{9}$/, "请填写 11 位手机号码，例如 13812345678。"),
  );

/**
 * Staff take bookings by phone: a landline is accepted as well as a mobile number, and stored as
 * 0750-6123456 however it was typed (07506123456, （0750）6123456, ０７５０－６１２３４５６).
 */
export const anyPhone = z
  .string({ error: "请填写联系电话。" })
  .transform((v) => withAreaCode(compactPhone(v)))
  .pipe(
    z
      .string()
      .check(plainText())
      .regex(/^(1[3-9]\d{9}|0\d{2,3}-\d{7,8})$/, "请填写手机号码（11 位）或带区号的固定电话，例如 0750-6123456。"),
  );

/**
 * How `phone` (as anyPhone or mobilePhone wrote it) may be stored: rows from before landlines were
 * written one way may hold one without its dash. Look-ups match either.
 */
export function storedSpellings(phone: string): string[] {
  return phone.includes("-") ? [phone, phone.replace(/-/g, "")] : [phone];
}

/**
 * Matches a stored number holding `digits` (part of a number): stored numbers carry at most one
 * dash (0750-6123456; an older row may have it elsewhere or not at all), so `digits` with a dash
 * at each place in it covers every way they are written. Plain strings, for a `contains` filter.
 */
export function searchSpellings(digits: string): string[] {
  return [digits, ...Array.from({ length: digits.length - 1 }, (_, i) => `${digits.slice(0, i + 1)}-${digits.slice(i + 1)}`)];
}

/** The digits of what was typed into a phone search (full-width ones too), to compare with stored numbers' digits. */
export function phoneDigits(value: string): string {
  return value.normalize("NFKC").replace(/\D/g, "");
}

/** "138****1234" for a mobile number; a landline keeps its area code and last four digits. */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/\s/g, "");
  const digits = compact.replace(/-/g, "");
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 4) return "*".repeat(digits.length);
  // The area code as written with a dash (020-… or 0750-…); else by the rule of withAreaCode: 0750 but 020.
  const area = /^(0\d{2,3})-/.exec(compact)?.[1] ?? digits.slice(0, /^0[3-9]/.test(digits) ? 4 : 3);
  return `${area}${"*".repeat(Math.max(digits.length - area.length - 4, 0))}${digits.slice(-4)}`;
}
