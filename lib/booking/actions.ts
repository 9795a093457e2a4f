"use server";

// The booking forms of our own pages, the villagers' and the staff's. Each parses with its schema
// (schema.ts) and is authorised through lib/action.ts, then calls a mutation and shows the result.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { publicFormAction, townFormAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { type Failure, failure } from "@/lib/errors";
import type { FormValues } from "@/lib/form-values";
import { limitByAddress, requestAddress } from "@/lib/rate-limit";
import { changeOwnBooking, forgetBooking, lookUpBooking, rememberBooking, rememberedPhone } from "./access";
import {
  cancelBooking,
  createBooking,
  rescheduleBooking,
  staffCancelBooking,
  staffCreateBooking,
  staffReassignBooking,
  staffRescheduleBooking,
} from "./mutations";
import {
  bookingCode,
  bookingFormInput,
  cancelFormInput,
  findBookingInput,
  moveFormInput,
  staffBookingFormInput,
  staffCancelFormInput,
  staffMoveFormInput,
  staffReassignFormInput,
} from "./schema";

/** A time gone or not on offer (or an unknown venue) is said beside the slot, where one chooses again. */
function onSlot(result: Failure): Failure {
  const slot = result.code === "slot_taken" || result.code === "slot_unavailable" ? result.message : result.fields?.venue;
  return slot ? { ...result, fields: { ...result.fields, slot } } : result;
}

/** The booking form's one-time key (a hidden field made with the page); anything else is no key. */
function formKeyOf(values: FormValues): string | undefined {
  const value = values.formKey;
  return typeof value === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : undefined;
}

/** The public booking form. */
export const createBookingAction = publicFormAction({
  schema: bookingFormInput,
  errorsOn: { venue: "slot" },
  invalid: "还没有预约成功，请按提示修改后再提交。",
  run: async ({ booking, noteConsent, another }, { values }) => {
    const limited = await limitByAddress("bookingAddress", "预约", await requestAddress());
    if (limited) return limited;
    const result = await createBooking(booking, { noteConsent, formKey: formKeyOf(values), warnIfBookedHere: !another });
    if (result.ok === false && result.code === "already_booked") {
      return { ...result, fields: { another: "这个手机号码在这里已有未到期的预约。确实还要再约，请勾选这一项。" } };
    }
    if (!result.ok) return onSlot(result);
    await rememberBooking(result.booking.code, booking.phone);
    redirect(`/bookings/${result.booking.code}?done=created`);
  },
});

/** Code and phone together open a booking; a wrong code and a wrong phone get the same answer. */
export const lookupBookingAction = publicFormAction({
  schema: findBookingInput,
  invalid: "请按提示修改后再查询。",
  run: async (input) => {
    const booking = await lookUpBooking(input.code, { phone: input.phone, address: await requestAddress() });
    if (!booking) return failure("not_found");
    if ("ok" in booking) return booking;
    await rememberBooking(booking.code, input.phone);
    redirect(`/bookings/${booking.code}`);
  },
});

export const cancelBookingAction = publicFormAction({
  schema: cancelFormInput,
  invalid: "还没有取消，请按提示修改。",
  run: async ({ code, reason }) => {
    const phone = await rememberedPhone(code);
    if (!phone) return failure("not_found");
    const result = await changeOwnBooking({ phone, address: await requestAddress() }, () =>
      cancelBooking({ code, phone, reason }),
    );
    if (!result.ok) return result;
    redirect(`/bookings/${code}?done=cancelled`);
  },
});

export const rescheduleBookingAction = publicFormAction({
  schema: moveFormInput,
  invalid: "请重新选择新的时间。",
  run: async ({ code, slot }) => {
    const phone = await rememberedPhone(code);
    if (!phone) return failure("not_found");
    const result = await changeOwnBooking({ phone, address: await requestAddress() }, () =>
      rescheduleBooking({ code, phone, ...slot }),
    );
    if (!result.ok) {
      // The list of free times on the page is stale now: render it again with this answer.
      revalidatePath(`/bookings/${code}/move`);
      return failure(result.code, `没有改成：${result.message}原来的预约没有改变。`);
    }
    redirect(`/bookings/${code}?done=moved`);
  },
});

/** "Hide it on this phone": forget the remembered phone, e.g. on a shared phone. */
export async function forgetBookingAction(form: FormData): Promise<void> {
  const code = bookingCode.safeParse(form.get("code"));
  if (code.success) await forgetBooking(code.data);
  redirect("/bookings/lookup?forgotten=1");
}

/** Staff book for someone who phoned, walked in, or was sent by a social worker or village cadre. */
export const staffCreateBookingAction = townFormAction({
  allow: can.workAsStaff,
  schema: staffBookingFormInput,
  invalid: "还没有预约成功，请按提示修改。",
  run: async ({ booking, channel }, { actor: scope, values }) => {
    const result = await staffCreateBooking(scope, booking, { channel, noteConsent: true, formKey: formKeyOf(values) });
    if (!result.ok) return onSlot(result);
    redirect(`/staff/bookings/${result.booking.code}?created=1`);
  },
});

export const staffCancelAction = townFormAction({
  allow: can.workAsStaff,
  schema: staffCancelFormInput,
  invalid: "还没有取消，请填写原因。",
  run: async ({ code, reason }, { actor: scope }) => {
    const result = await staffCancelBooking(scope, code, reason);
    if (!result.ok) return result;
    revalidatePath(`/staff/bookings/${code}`);
    redirect(`/staff/bookings/${code}?done=cancelled`);
  },
});

export const staffMoveAction = townFormAction({
  allow: can.workAsStaff,
  schema: staffMoveFormInput,
  invalid: "还没有改期，请按提示修改。",
  run: async ({ code, slot, reason }, { actor: scope }) => {
    const result = await staffRescheduleBooking(scope, code, { ...slot, reason });
    // Whatever stopped it, the answer belongs beside the new time.
    if (!result.ok) return { ...result, fields: { slot: result.message } };
    revalidatePath(`/staff/bookings/${code}`);
    redirect(`/staff/bookings/${code}?done=moved`);
  },
});

export const staffReassignAction = townFormAction({
  allow: can.workAsStaff,
  schema: staffReassignFormInput,
  invalid: "还没有改派，请选择接待的律师。",
  run: async ({ code, lawyerId }, { actor: scope }) => {
    const result = await staffReassignBooking(scope, code, lawyerId);
    if (!result.ok) return result;
    revalidatePath(`/staff/bookings/${code}`);
    revalidatePath(`/bookings/${code}`);
    redirect(`/staff/bookings/${code}?done=reassigned`);
  },
});
