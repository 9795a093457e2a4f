// The zod checks every form and API input shares (plain text, limits, dates in the service's years),
// and zod's errors as a form's field messages. Server code: the browser takes lib/form-values.ts.
import { z } from "zod";
import { INVISIBLE_MESSAGE, isPlainText, type TextOptions } from "./form-values";
import { isCalendarDate, isServiceYear, YEARS } from "./time";

/** Field errors keyed by input name ("onBehalfOf.name" for nested ones), the first message each. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * The check every text input carries, ids and slugs too: `z.string().trim().check(plainText())`.
 * A refinement, so the JSON Schema of the API's inputs (lib/api/openapi.ts) is unchanged.
 */
export const plainText = (options: TextOptions = {}) =>
  z.refine<string>((value) => isPlainText(value, options), INVISIBLE_MESSAGE);

/** Text that must be filled in: trimmed, plain (above), at most `max` characters, `message` when empty. */
export const requiredText = (message: string, max: number, options: TextOptions = {}) =>
  z.string({ error: message }).trim().min(1, message).max(max, `最多 ${max} 个字，请删减一些。`).check(plainText(options));

/** A person's name: required text (above) with at least one letter or Chinese character, not emoji or signs alone. */
export const personName = (message: string, max: number) =>
  requiredText(message, max).check(z.refine<string>((v) => /\p{L}/u.test(v), "姓名要有文字，请填写真实姓名，例如“陈阿婆”。"));

/** Text that may be left empty (then undefined): trimmed, plain (above), at most `max` characters. */
export const optionalText = (max: number, options: TextOptions = {}) =>
  z
    .string()
    .trim()
    .max(max, {
      // Say by how much: a pasted text is often far over (issue 22 item 12).
      error: (issue) => {
        const length = typeof issue.input === "string" ? [...issue.input].length : 0;
        return length > max
          ? `最多 ${max} 个字，现在有 ${length} 个字，请删减 ${length - max} 个字。`
          : `最多 ${max} 个字，请删减一些。`;
      },
    })
    .check(plainText(options))
    .transform((v) => v || undefined)
    .optional();

const DATE_RANGE_MESSAGE = `日期应在 ${YEARS.first} 年到 ${YEARS.last} 年之间，请检查年份。`;

/**
 * The check every "YYYY-MM-DD" input carries after its own format check (a value in another
 * format is left to that): a real day, `impossible` otherwise, in the service's years (lib/time.ts).
 */
export const serviceDate = (impossible = "没有这一天，请检查月份和日期。") =>
  z.superRefine<string>((value, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    if (!isCalendarDate(value)) ctx.addIssue({ code: "custom", message: impossible });
    else if (!isServiceYear(value)) ctx.addIssue({ code: "custom", message: DATE_RANGE_MESSAGE });
  });
