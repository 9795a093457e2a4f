"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { formStrings } from "@/lib/accounts/schema";
import { authorise, type CurrentUser } from "@/lib/auth/session";
import { fieldErrors } from "@/lib/booking/schema";
import { addExtra, addLeave, addSession, changeSession, endSession, removeException, type ScheduleResult } from "./mutations";
import {
  type AffectedBooking,
  addExtraInput,
  addLeaveInput,
  addSessionInput,
  type BookingChoice,
  changeSessionInput,
  endSessionInput,
  parseChoices,
  removeExceptionInput,
} from "./schema";

/**
 * `step: "confirm"` asks the lawyer to choose for each affected booking; `values` carry what was
 * typed (also through the confirm step as hidden fields), so nobody types it twice (WCAG 3.3.7).
 */
export type ScheduleFormState = {
  ok: boolean;
  message: string;
  step?: "confirm";
  affected?: AffectedBooking[];
  fields?: Record<string, string>;
  values?: Record<string, string>;
} | null;

type Mutation<T> = (
  actor: CurrentUser,
  lawyerId: string,
  input: T,
  options: { choices?: BookingChoice[] },
) => Promise<ScheduleResult>;

/** Parse, authorise, preview or apply: the same steps for every change to duty hours. */
async function submit<S extends z.ZodType>(form: FormData, schema: S, mutate: Mutation<z.output<S>>): Promise<ScheduleFormState> {
  const actor = await authorise("LAWYER", "STAFF", "ADMIN");
  const values = formStrings(form);
  // Staff pages name the lawyer; a lawyer's own page may leave it out. The mutation checks who may act for whom.
  const lawyerId = values.lawyerId || actor.lawyerId || "";
  if (values.step === "edit") return { ok: false, message: "", values };
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "还没有保存，请按提示修改。", fields: fieldErrors(parsed.error), values };

  let choices: BookingChoice[] | undefined;
  let choiceErrors: Record<string, string> = {};
  if (values.step === "confirm") {
    const ids = (values.bookingIds ?? "").split(",").filter(Boolean);
    const read = parseChoices(values, ids);
    // An incomplete choice is not tried: the preview is shown again with the errors beside the choices.
    if (Object.keys(read.errors).length === 0) choices = read.choices;
    else choiceErrors = read.errors;
  }
  const result = await mutate(actor, lawyerId, parsed.data, { choices });
  if (result.ok) {
    // Free times on the public pages and this page both change.
    revalidatePath("/", "layout");
    return { ok: true, message: result.message };
  }
  if (result.code === "bookings_affected") {
    const fields = { ...choiceErrors, ...result.fields };
    const message = Object.keys(choiceErrors).length > 0 ? "还没有保存，请按提示为每个预约选择。" : result.message;
    return { ok: false, step: "confirm", message, affected: result.affected, fields, values };
  }
  return { ok: false, message: result.message, fields: result.fields, values };
}

export async function addSessionAction(_state: ScheduleFormState, form: FormData) {
  return submit(form, addSessionInput, addSession);
}

export async function changeSessionAction(_state: ScheduleFormState, form: FormData) {
  return submit(form, changeSessionInput, changeSession);
}

export async function endSessionAction(_state: ScheduleFormState, form: FormData) {
  return submit(form, endSessionInput, endSession);
}

export async function addLeaveAction(_state: ScheduleFormState, form: FormData) {
  return submit(form, addLeaveInput, addLeave);
}

export async function addExtraAction(_state: ScheduleFormState, form: FormData) {
  return submit(form, addExtraInput, addExtra);
}

export async function removeExceptionAction(_state: ScheduleFormState, form: FormData) {
  return submit(form, removeExceptionInput, removeException);
}
