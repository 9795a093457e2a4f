"use server";

import { revalidatePath } from "next/cache";
import { authorise } from "@/lib/auth/session";
import { fieldErrors } from "@/lib/booking/schema";
import { checkInBooking, completeBooking, markNoShow, recordWalkIn } from "./mutations";
import { completeBookingInput, formValues, walkInInput } from "./schema";

/** `values` echo what was typed after a refusal, so nobody has to enter it again (WCAG 3.3.7). */
export type FormState = {
  ok: boolean;
  message: string;
  fields?: Record<string, string>;
  values?: Record<string, string | string[]>;
} | null;

function bookingId(form: FormData): string {
  return String(form.get("bookingId") ?? "");
}

function typed(form: FormData) {
  return formValues(form) as Record<string, string | string[]>;
}

function refresh() {
  revalidatePath("/lawyer", "layout");
}

export async function checkInAction(_state: FormState, form: FormData): Promise<FormState> {
  const actor = await authorise("LAWYER", "STAFF", "ADMIN");
  const result = await checkInBooking(actor, bookingId(form));
  if (!result.ok) return { ok: false, message: result.message };
  refresh();
  return { ok: true, message: "已签到。咨询结束后请记录服务结果。" };
}

export async function noShowAction(_state: FormState, form: FormData): Promise<FormState> {
  const actor = await authorise("LAWYER", "STAFF", "ADMIN");
  const result = await markNoShow(actor, bookingId(form));
  if (!result.ok) return { ok: false, message: result.message };
  refresh();
  return { ok: true, message: "已标记为未到。" };
}

export async function completeAction(_state: FormState, form: FormData): Promise<FormState> {
  const actor = await authorise("LAWYER", "STAFF", "ADMIN");
  const parsed = completeBookingInput.safeParse(formValues(form));
  if (!parsed.success) {
    return { ok: false, message: "还没有保存，请按提示修改。", fields: fieldErrors(parsed.error), values: typed(form) };
  }
  const result = await completeBooking(actor, bookingId(form), parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fields: result.fields, values: typed(form) };
  refresh();
  return { ok: true, message: "服务结果已保存，已计入工作日志。" };
}

export async function recordWalkInAction(_state: FormState, form: FormData): Promise<FormState> {
  const actor = await authorise("LAWYER", "STAFF", "ADMIN");
  const parsed = walkInInput.safeParse(formValues(form));
  if (!parsed.success) {
    return { ok: false, message: "还没有保存，请按提示修改。", fields: fieldErrors(parsed.error), values: typed(form) };
  }
  const result = await recordWalkIn(actor, parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fields: result.fields, values: typed(form) };
  refresh();
  return {
    ok: true,
    message: `现场咨询已记录（${parsed.data.name}，${parsed.data.date} ${parsed.data.time}），已计入工作日志。`,
  };
}
