"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorise } from "@/lib/auth/session";
import { createBooking, staffCancelBooking, staffRescheduleBooking } from "./mutations";
import { bookingCode, fieldErrors, instant, splitSlotChoice, staffBookingInput } from "./schema";

export type StaffFormState = {
  ok: boolean;
  message: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
} | null;

function typed(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

/** Staff book for someone who phoned, walked in, or was sent by a social worker or village cadre. */
export async function staffCreateBookingAction(_state: StaffFormState, form: FormData): Promise<StaffFormState> {
  const actor = await authorise("STAFF", "ADMIN");
  const values = typed(form);
  const { start, lawyerId } = splitSlotChoice(values.slot);
  const onBehalfOf =
    values.onBehalfOfName || values.onBehalfOfRelation
      ? { name: values.onBehalfOfName, relation: values.onBehalfOfRelation }
      : undefined;
  const parsed = staffBookingInput.safeParse({
    ...values,
    start: start ?? "",
    lawyerId,
    onBehalfOf,
    priorityGroup: values.priorityGroup || undefined,
    consent: values.consent === "on" ? true : undefined,
  });
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    if (fields.start) fields.slot = "请选择一个时间。";
    return { ok: false, message: "还没有预约成功，请按提示修改。", fields, values };
  }
  const { channel, ...input } = parsed.data;
  const result = await createBooking(input, { channel, noteConsent: true, actor });
  if (!result.ok) {
    const fields =
      result.fields ??
      (result.code === "slot_taken" || result.code === "slot_unavailable" ? { slot: result.message } : undefined);
    return { ok: false, message: result.message, fields, values };
  }
  redirect(`/staff/bookings/${result.booking.code}?created=1`);
}

const cancelInput = z.object({
  code: bookingCode,
  reason: z.string({ error: "请填写取消原因。" }).trim().min(1, "请填写取消原因。").max(200, "原因最多 200 个字。"),
});

export async function staffCancelAction(_state: StaffFormState, form: FormData): Promise<StaffFormState> {
  const actor = await authorise("STAFF", "ADMIN");
  const parsed = cancelInput.safeParse(typed(form));
  if (!parsed.success)
    return { ok: false, message: "还没有取消，请填写原因。", fields: fieldErrors(parsed.error), values: typed(form) };
  const result = await staffCancelBooking(actor, parsed.data.code, parsed.data.reason);
  if (!result.ok) return { ok: false, message: result.message, values: typed(form) };
  revalidatePath(`/staff/bookings/${parsed.data.code}`);
  redirect(`/staff/bookings/${parsed.data.code}?done=cancelled`);
}

const moveInput = z.object({
  code: bookingCode,
  start: instant,
  lawyerId: z.string().optional(),
  reason: z.string({ error: "请填写改期原因。" }).trim().min(1, "请填写改期原因。").max(200, "原因最多 200 个字。"),
});

export async function staffMoveAction(_state: StaffFormState, form: FormData): Promise<StaffFormState> {
  const actor = await authorise("STAFF", "ADMIN");
  const values = typed(form);
  const parsed = moveInput.safeParse({ ...values, ...splitSlotChoice(values.slot) });
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    if (fields.start) fields.slot = "请选择新的时间。";
    return { ok: false, message: "还没有改期，请按提示修改。", fields, values };
  }
  const { code, ...target } = parsed.data;
  const result = await staffRescheduleBooking(actor, code, target);
  if (!result.ok) return { ok: false, message: result.message, fields: { slot: result.message }, values };
  revalidatePath(`/staff/bookings/${code}`);
  redirect(`/staff/bookings/${code}?done=moved`);
}
