"use server";

// Every change to duty hours takes two steps when it removes booked time: the first answer lists the
// bookings (`data.step === "confirm"`) and nothing is saved; the second carries a choice for each.
// Without JavaScript the first step's values travel as hidden fields, and `step` is the button pressed.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { formAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { getTownScope } from "@/lib/auth/session";
import { failure } from "@/lib/errors";
import { textOf } from "@/lib/form-values";
import {
  addExtra,
  addLeave,
  addSession,
  changeSession,
  type DutyCaller,
  endSession,
  removeException,
  type ScheduleResult,
} from "./mutations";
import {
  addExtraInput,
  addLeaveInput,
  addSessionInput,
  type BookingChoice,
  changeSessionInput,
  confirmStep,
  endSessionInput,
  readChoices,
  removeExceptionInput,
  type ScheduleData,
} from "./schema";

export type { ScheduleData };

type Mutation<T> = (
  caller: DutyCaller,
  lawyerId: string,
  input: T,
  options: { choices?: BookingChoice[] },
) => Promise<ScheduleResult>;

/** Preview or apply: the same steps for every change to duty hours. */
function scheduleAction<S extends z.ZodType>(schema: S, mutate: Mutation<z.output<S>>) {
  return formAction<S, ScheduleData>({
    allow: can.recordConsultations,
    schema,
    invalid: "还没有保存，请按提示修改。",
    run: async (input, { actor, values }) => {
      // "返回修改": the first step again, filled in as it was; nothing to say.
      if (textOf(values, "step") === "edit") return { ok: false, code: "invalid_input", message: "" };
      // Staff pages name the lawyer; a lawyer's own page may leave it out. The mutation checks who may act for whom.
      const lawyerId = textOf(values, "lawyerId") || actor.lawyerId || "";
      // A lawyer acts for themself; staff only within their town's scope (lib/auth/scope.ts).
      const caller = can.workAsLawyer(actor) ? actor : await getTownScope();
      if (!caller) return failure("forbidden");
      const read = textOf(values, "step") === "confirm" ? readChoices(values) : { choices: undefined, errors: {} };
      const result = await mutate(caller, lawyerId, input, { choices: read.choices });
      if (result.ok) {
        // Free times on the public pages and this page both change.
        revalidatePath("/", "layout");
        return result;
      }
      if (result.code !== "bookings_affected") return result;
      return confirmStep(result, read.errors);
    },
  });
}

export const addSessionAction = scheduleAction(addSessionInput, addSession);
export const changeSessionAction = scheduleAction(changeSessionInput, changeSession);
export const endSessionAction = scheduleAction(endSessionInput, endSession);
export const addLeaveAction = scheduleAction(addLeaveInput, addLeave);
export const addExtraAction = scheduleAction(addExtraInput, addExtra);
export const removeExceptionAction = scheduleAction(removeExceptionInput, removeException);
