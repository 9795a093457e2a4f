import "server-only";
// The one helper behind every server action of our own forms: FormData → input, zod parse, who is
// calling and may they (lib/auth/can.ts), the call, then one FormState. Expected failures come
// back as values with the submitted values echoed; a forbidden call answers 没有权限; anything
// unexpected is logged and answered with a plain Chinese sentence, never an error page.
// Written here rather than taken from next-safe-action: our forms need the submitted values and an
// attempt counter back in the state for no-JavaScript posts and select remounts, which that library
// leaves to each caller, and this is all of it.
import { cookies, headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { Forbidden } from "@/lib/auth/can";
import type { TownScope } from "@/lib/auth/scope";
import { type CurrentUser, getCurrentUser, getTownScope } from "@/lib/auth/session";
import { type Failure, MESSAGES, NOT_SAVED_MESSAGE } from "@/lib/errors";
import { fieldErrors } from "@/lib/form";
import { type FormState, type FormValues, formInput, formValues } from "@/lib/form-values";
import { log, requestId } from "@/lib/log-request";
import { LARGE_TEXT_COOKIE, LARGE_TEXT_FIELD, LARGE_TEXT_MAX_AGE } from "@/lib/preferences";

export type Done<Data = undefined> = { ok: true; message: string; data?: Data };
export type Outcome<Data = undefined> = Done<Data> | (Failure & { data?: Data });

type Common<S extends z.ZodType, Data, Caller> = {
  schema: S;
  /** Names sent as lists (checkbox groups): [] when none is ticked. */
  lists?: readonly string[];
  /** From the submitted input to what the schema parses, where the two differ. */
  prepare?: (input: Record<string, unknown>) => unknown;
  /** Errors found at these paths are shown on another control: `{ start: "slot" }`. */
  errorsOn?: Record<string, string>;
  /** The headline when fields must be corrected. */
  invalid: string;
  /** The work; may `redirect()`. */
  run: (input: z.output<S>, context: { actor: Caller; values: FormValues }) => Promise<Outcome<Data>>;
};

export type FormAction<Data = undefined> = (state: FormState<Data>, form: FormData) => Promise<FormState<Data>>;

/** A signed-in caller's action: `allow` decides, from lib/auth/can.ts. */
export function formAction<S extends z.ZodType, Data = undefined>(
  options: Common<S, Data, CurrentUser> & { allow: (actor: CurrentUser) => boolean },
): FormAction<Data> {
  return act(options, async () => {
    const actor = await getCurrentUser();
    return actor && options.allow(actor) ? actor : null;
  });
}

/**
 * A town staff action: the caller's town scope (lib/auth/scope.ts) is what the work gets, and
 * `allow` decides on the scope's actor; a caller without a town scope is refused (没有权限).
 */
export function townFormAction<S extends z.ZodType, Data = undefined>(
  options: Common<S, Data, TownScope> & { allow: (actor: TownScope["actor"]) => boolean },
): FormAction<Data> {
  return act(options, async () => {
    const scope = await getTownScope();
    return scope && options.allow(scope.actor) ? scope : null;
  });
}

/** An action anyone may call (the villagers' forms). */
export function publicFormAction<S extends z.ZodType, Data = undefined>(options: Common<S, Data, null>): FormAction<Data> {
  return act(options, async () => null, true);
}

function act<S extends z.ZodType, Data, Caller>(
  options: Common<S, Data, Caller>,
  identify: () => Promise<Caller | null>,
  isPublic = false,
): FormAction<Data> {
  return async (state, form) => {
    const values = formValues(form, options.lists);
    const answer = (outcome: Outcome<Data>): FormState<Data> => ({
      ok: outcome.ok,
      message: outcome.message,
      fields: outcome.ok ? {} : (outcome.fields ?? {}),
      // After a success the form starts afresh; after a refusal it shows what was sent.
      values: outcome.ok ? {} : values,
      attempt: (state?.attempt ?? 0) + 1,
      data: outcome.data,
    });
    try {
      // The 长辈模式 button beside a field, without JavaScript: switch the size and give back what
      // was typed, as if nothing had been sent (no check, no message, nothing saved).
      const largeText = values[LARGE_TEXT_FIELD];
      if (largeText === "on" || largeText === "off") {
        (await cookies()).set(LARGE_TEXT_COOKIE, largeText, { maxAge: LARGE_TEXT_MAX_AGE, sameSite: "lax", path: "/" });
        const { [LARGE_TEXT_FIELD]: _, ...typed } = values;
        return { ok: false, message: "", fields: {}, values: typed, attempt: (state?.attempt ?? 0) + 1 };
      }
      const actor = await identify();
      if (!isPublic && actor === null) return refuse(answer);
      const input = formInput(values);
      const parsed = options.schema.safeParse(options.prepare ? options.prepare(input) : input);
      if (!parsed.success) {
        const fields = fieldErrors(parsed.error);
        for (const [path, control] of Object.entries(options.errorsOn ?? {})) if (fields[path]) fields[control] ??= fields[path];
        return answer({ ok: false, code: "invalid_input", message: options.invalid, fields });
      }
      return answer(await options.run(parsed.data, { actor: actor as Caller, values }));
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof Forbidden) return refuse(answer);
      log.error({ err: error, requestId: await requestId() }, "server action failed");
      return answer({ ok: false, code: "invalid_input", message: NOT_SAVED_MESSAGE });
    }
  };
}

/**
 * 没有权限. With JavaScript the form shows it; a plain form post (no Next-Action header) is sent on
 * with a 303 to the 没有权限 page, because the page it was posted to is not the caller's and
 * cannot be shown again around the answer.
 */
async function refuse<Data>(answer: (outcome: Outcome<Data>) => FormState<Data>): Promise<FormState<Data>> {
  if (!(await headers()).has("next-action")) redirect("/me?forbidden=1");
  return answer({ ok: false, code: "forbidden", message: MESSAGES.forbidden });
}
