"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import type { CurrentUser } from "@/lib/auth/session";
import { type ConsultationResult, checkInBooking, completeBooking, markNoShow, recordWalkIn } from "./mutations";
import { completeBookingInput, walkInInput } from "./schema";

const INVALID = "还没有保存，请按提示修改。";
const booking = z.object({ bookingId: z.string().trim().min(1, "没有找到这个预约，请刷新页面。") });

function refresh() {
  revalidatePath("/lawyer", "layout");
}

/** A button that moves a booking on (checked in, no-show): the same steps, another mutation. */
function statusAction(change: (actor: CurrentUser, bookingId: string) => Promise<ConsultationResult>, done: string) {
  return formAction({
    allow: can.recordConsultations,
    schema: booking,
    invalid: INVALID,
    run: async ({ bookingId }, { actor }) => {
      const result = await change(actor, bookingId);
      if (!result.ok) return result;
      refresh();
      return { ok: true, message: done };
    },
  });
}

export const checkInAction = statusAction(checkInBooking, "已签到。咨询结束后请记录服务结果。");
export const noShowAction = statusAction(markNoShow, "已标记为未到。");

export const completeAction = formAction({
  allow: can.recordConsultations,
  schema: completeBookingInput.extend(booking.shape),
  lists: ["outcomes"],
  invalid: INVALID,
  run: async ({ bookingId, ...input }, { actor }) => {
    const result = await completeBooking(actor, bookingId, input);
    if (!result.ok) return result;
    refresh();
    return { ok: true, message: "服务结果已保存，已计入工作日志。" };
  },
});

export const recordWalkInAction = formAction({
  allow: can.recordConsultations,
  schema: walkInInput,
  lists: ["outcomes"],
  invalid: INVALID,
  run: async (input, { actor }) => {
    const result = await recordWalkIn(actor, input);
    if (!result.ok) return result;
    refresh();
    return { ok: true, message: `现场咨询已记录（${input.name}，${input.date} ${input.time}），已计入工作日志。` };
  },
});
