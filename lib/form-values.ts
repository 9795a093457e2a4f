// What a form sent and what its action answers (FormState), and the checks that need no zod. The
// browser's form system (components/form) imports these; lib/form.ts builds the zod checks on them.

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
 * The submitted values, flat and by input name: what a form echoes back. Every text value, `lists`
 * always as arrays (none ticked is []), a name that repeats as an array. React's own `$ACTION_…`
 * fields are left out.
 */
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

/** The submitted values as the input a zod schema parses: dotted names ("onBehalfOf.name") as nested objects. */
export function formInput(values: FormValues): Record<string, unknown> {
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

/** One submitted value as text ("" when absent; the first of a list). */
export function textOf(values: FormValues | undefined, name: string): string {
  const value = values?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** A checkbox counts as ticked when it was sent ("on", or its value). */
export const ticked = (value: unknown): true | undefined => (typeof value === "string" && value !== "" ? true : undefined);

// Characters nobody types: NUL, which PostgreSQL refuses outright (error 22021, a 500 if it got
// that far), the other control characters (C0, DEL, C1) and a lone half of a surrogate pair, which
// would be stored as "�"; the direction overrides and isolates (U+202A–202E, U+2066–2069, and the
// marks U+200E, U+200F, U+061C), which turn "阿明" + U+202E into text that reads otherwise on the
// page and in exports; and the line and paragraph separators (U+2028, U+2029), which break a line
// where none was typed. A note typed in a textarea keeps its line breaks (sent as \r\n) and tabs.
const INVISIBLE = /[\p{Cc}\p{Cs}\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]/u;
const INVISIBLE_IN_NOTE = /[^\P{Cc}\t\n\r]|[\p{Cs}\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]/u;

export const INVISIBLE_MESSAGE = "请删去看不见的特殊字符后再提交。";

export type TextOptions = { multiline?: boolean };

/** Whether `value` holds none of the characters nobody types (line breaks and tabs allowed when `multiline`). */
export const isPlainText = (value: string, { multiline = false }: TextOptions = {}): boolean =>
  !(multiline ? INVISIBLE_IN_NOTE : INVISIBLE).test(value);
