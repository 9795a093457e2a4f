// Phone numbers: what a form accepts, and how a number is shown to people who may not see it whole.
// Safe to import in the browser.
import { z } from "zod";
import { plainText } from "./form";

/**
 * Mainland mobile number; spaces, dashes and a leading +86/86 are tolerated and removed. A control
 * character left after that is named as such (the format alone would refuse it less clearly).
 */
export const mobilePhone = z
  .string({ error: "请填写手机号码。" })
  .transform((v) => v.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, ""))
  .pipe(
    z
      .string()
      .check(plainText())
      .regex(/^1[3-9]\d{9}$/, "请填写 11 位手机号码，例如 13812345678。"),
  );

/** Staff take bookings by phone: a landline (0750-1234567) is accepted as well as a mobile number. */
export const anyPhone = z
  .string({ error: "请填写联系电话。" })
  .transform((v) => v.replace(/[\s()（）]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, ""))
  .pipe(
    z
      .string()
      .check(plainText())
      .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, "请填写手机号码（11 位）或带区号的固定电话，例如 0750-6123456。"),
  );

/** "138****1234" for a mobile number; a landline keeps its area code and last four digits. */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/\s/g, "");
  const digits = compact.replace(/-/g, "");
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 4) return "*".repeat(digits.length);
  // The area code is unambiguous only when written with a dash (020-… or 0750-…); otherwise keep three digits.
  const area = /^(0\d{2,3})-/.exec(compact)?.[1] ?? digits.slice(0, 3);
  return `${area}${"*".repeat(Math.max(digits.length - area.length - 4, 0))}${digits.slice(-4)}`;
}
