"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { MESSAGES } from "@/lib/errors";
import { forgetBooking, rememberBooking, rememberedPhone } from "./access";
import { cancelBooking, createBooking, rescheduleBooking } from "./mutations";
import { findBooking } from "./queries";
import {
  bookingCode,
  cancelBookingInput,
  createBookingInput,
  fieldErrors,
  findBookingInput,
  rescheduleBookingInput,
} from "./schema";

/** What a public form gets back when something must be fixed: the message, errors by field, and everything typed. */
export type PublicFormState = {
  ok: false;
  message: string;
  fields: Record<string, string>;
  values: Record<string, string>;
  /** Counts submissions, so the form can remount its fields with the values sent back. */
  attempt: number;
} | null;

function typed(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

const answer = (
  state: PublicFormState,
  message: string,
  fields: Record<string, string>,
  values: Record<string, string>,
): PublicFormState => ({ ok: false, message, fields, values, attempt: (state?.attempt ?? 0) + 1 });

const NOTE_CONSENT = "您填写了备注：请勾选“同意处理备注中的敏感个人信息”，或把备注删掉。";

/** The public booking form: a slot ("<ISO start>|<lawyer id or empty>") and the villager's details. */
export async function createBookingAction(state: PublicFormState, form: FormData): Promise<PublicFormState> {
  const values = typed(form);
  const [start = "", lawyerId] = (values.slot ?? "").split("|");
  const onBehalf = values.onBehalf === "on" || Boolean(values.onBehalfOfName?.trim() || values.onBehalfOfRelation?.trim());
  const parsed = createBookingInput.safeParse({
    venue: values.venue,
    start,
    lawyerId: lawyerId || undefined,
    name: values.name,
    phone: values.phone,
    village: values.village,
    topic: values.topic,
    description: values.description,
    onBehalfOf: onBehalf ? { name: values.onBehalfOfName ?? "", relation: values.onBehalfOfRelation ?? "" } : undefined,
    priorityGroup: values.priorityGroup || undefined,
    consent: values.consent === "on" ? true : undefined,
  });
  const fields = parsed.success ? {} : fieldErrors(parsed.error);
  // Art. 28–29 PIPL: a note may reveal health or family matters, so it needs its own consent.
  const noteConsent = values.noteConsent === "on";
  if (values.description?.trim() && !noteConsent) fields.noteConsent = NOTE_CONSENT;
  if (fields.start || fields.venue || fields.lawyerId) fields.slot = "请选择一个预约时间。";
  if (!parsed.success || Object.keys(fields).length > 0) {
    return answer(state, "还没有预约成功，请按提示修改后再提交。", fields, values);
  }
  const result = await createBooking(parsed.data, { noteConsent });
  if (!result.ok) {
    const slotProblem = result.code === "slot_taken" || result.code === "slot_unavailable";
    return answer(state, result.message, { ...(result.fields ?? {}), ...(slotProblem ? { slot: result.message } : {}) }, values);
  }
  await rememberBooking(result.booking.code, parsed.data.phone);
  redirect(`/bookings/${result.booking.code}?done=created`);
}

/** Code and phone together open a booking; a wrong code and a wrong phone get the same answer. */
export async function lookupBookingAction(state: PublicFormState, form: FormData): Promise<PublicFormState> {
  const values = typed(form);
  const parsed = findBookingInput.safeParse(values);
  if (!parsed.success) return answer(state, "请按提示修改后再查询。", fieldErrors(parsed.error), values);
  const booking = await findBooking(parsed.data);
  if (!booking) return answer(state, MESSAGES.not_found, {}, values);
  await rememberBooking(booking.code, parsed.data.phone);
  redirect(`/bookings/${booking.code}`);
}

/** The phone comes from this device's cookie for the booking, never from the form. */
async function ownCode(values: Record<string, string>) {
  const code = bookingCode.safeParse(values.code);
  if (!code.success) return null;
  const phone = await rememberedPhone(code.data);
  return phone ? { code: code.data, phone } : null;
}

export async function cancelBookingAction(state: PublicFormState, form: FormData): Promise<PublicFormState> {
  const values = typed(form);
  const own = await ownCode(values);
  if (!own) return answer(state, MESSAGES.not_found, {}, values);
  const parsed = cancelBookingInput.safeParse({ ...own, reason: values.reason });
  if (!parsed.success) return answer(state, "还没有取消，请按提示修改。", fieldErrors(parsed.error), values);
  const result = await cancelBooking(parsed.data);
  if (!result.ok) return answer(state, result.message, {}, values);
  redirect(`/bookings/${own.code}?done=cancelled`);
}

export async function rescheduleBookingAction(state: PublicFormState, form: FormData): Promise<PublicFormState> {
  const values = typed(form);
  const own = await ownCode(values);
  if (!own) return answer(state, MESSAGES.not_found, {}, values);
  const parsed = rescheduleBookingInput.safeParse({ ...own, start: values.start, lawyerId: values.lawyerId || undefined });
  if (!parsed.success) return answer(state, "请重新选择新的时间。", fieldErrors(parsed.error), values);
  const result = await rescheduleBooking(parsed.data);
  if (!result.ok) {
    // The list of free times on the page is stale now: render it again with this answer.
    revalidatePath(`/bookings/${own.code}/move`);
    return answer(state, `没有改成：${result.message}原来的预约没有改变。`, {}, values);
  }
  redirect(`/bookings/${own.code}?done=moved`);
}

/** "Hide it on this phone": forget the remembered phone, e.g. on a shared phone. */
export async function forgetBookingAction(form: FormData): Promise<void> {
  const code = bookingCode.safeParse(form.get("code"));
  if (code.success) await forgetBooking(code.data);
  redirect("/bookings/lookup?forgotten=1");
}
