// The one shape every form action answers with, and the helpers between FormData, zod and it.
// Safe to import in the browser.
import { z } from "zod";

/** What was submitted, by input name: a list for names that repeat (checkbox groups). */
export type FormValues = Record<string, string | string[]>;

/**
 * A form's answer. `values` echo exactly what was submitted, so every control can show it again
 * after a refusal (WCAG 3.3.7); `attempt` counts answers, so the form remounts its controls with
 * them (a select ignores a changed defaultValue once mounted). `data` is what one form needs
 * beyond that (a one-time password, the bookings a change affects).
 */
export type FormState<Data = undefined> = {
  ok: boolean;
  message: string;
  fields: Record<string, string>;
  values: FormValues;
  attempt: number;
  data?: Data;
} | null;

/**
 * FormData as the input a zod schema parses: every text value by name, `lists` always as arrays
 * (none ticked is []), a name that repeats as an array, and dotted names ("onBehalfOf.name") as
 * nested objects. React's own `$ACTION_…` fields are left out.
 */
export function formInput(form: FormData, lists: readonly string[] = []): Record<string, unknown> {
  return nest(formValues(form, lists));
}

/** The submitted values, flat and by input name: what a form echoes back. */
export function formValues(form: FormData, lists: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const name of lists) values[name] = [];
  for (const [name, value] of form) {
    if (typeof value !== "string" || name.startsWith("$")) continue;
    const before = values[name];
    if (before === undefined) values[name] = value;
    else values[name] = [...(Array.isArray(before) ? before : [before]), value];
  }
  return values;
}

function nest(values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const path = name.split(".");
    let node = out;
    for (const part of path.slice(0, -1)) {
      if (typeof node[part] !== "object" || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return out;
}

/** Field errors keyed by input name ("onBehalfOf.name" for nested ones), the first message each. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** One submitted value as text ("" when absent; the first of a list). */
export function textOf(values: FormValues | undefined, name: string): string {
  const value = values?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** One submitted value as a list (a checkbox group). */
export function listOf(values: FormValues | undefined, name: string): string[] {
  const value = values?.[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A checkbox counts as ticked when it was sent ("on", or its value). */
export const ticked = (value: unknown): true | undefined => (typeof value === "string" && value !== "" ? true : undefined);

/** Text that must be filled in: trimmed, at most `max` characters, `message` when empty. */
export const requiredText = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `最多 ${max} 个字，请删减一些。`);

/** Text that may be left empty (then undefined): trimmed, at most `max` characters. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `最多 ${max} 个字，请删减一些。`)
    .transform((v) => v || undefined)
    .optional();
