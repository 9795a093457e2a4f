"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { type CurrentUser, getTownScope } from "@/lib/auth/session";
import type { Recorder } from "./access";
import {
  type ConsultationResult,
  checkInBooking,
  completeBooking,
  markNoShow,
  recordWalkIn,
  undoCheckIn,
  updateWalkIn,
  voidWalkIn,
} from "./mutations";
import { completeBookingInput, updateWalkInInput, voidWalkInInput, walkInInput } from "./schema";

const INVALID = "还没有保存，请按提示修改。";
const booking = z.object({ bookingId: z.string().trim().min(1, "没有找到这个预约，请刷新页面。") });

/** Staff record in their town's scope (a booking or walk-in elsewhere is not found); a lawyer as themself. */
async function recorder(actor: CurrentUser): Promise<Recorder> {
  return (await getTownScope()) ?? actor;
}

function refresh() {
  revalidatePath("/lawyer", "layout");
}

/** A walk-in counts in the staff's figures too. */
function refreshWalkIns() {
  refresh();
  revalidatePath("/staff", "layout");
}

/** A button that moves a booking on (checked in, no-show): the same steps, another mutation. */
function statusAction(change: (by: Recorder, bookingId: string) => Promise<ConsultationResult>, done: string) {
  return formAction({
    allow: can.recordConsultations,
    schema: booking,
    invalid: INVALID,
    run: async ({ bookingId }, { actor }) => {
      const result = await change(await recorder(actor), bookingId);
      if (!result.ok) return result;
      refresh();
      return { ok: true, message: done };
    },
  });
}

export const checkInAction = statusAction(checkInBooking, "已签到。咨询结束后请记录服务结果。");
export const noShowAction = statusAction(markNoShow, "已标记为未到。");
export const undoCheckInAction = statusAction(undoCheckIn, "已撤销签到，预约恢复为待签到。");

export const completeAction = formAction({
  allow: can.recordConsultations,
  schema: completeBookingInput.extend(booking.shape),
  lists: ["outcomes"],
  invalid: INVALID,
  run: async ({ bookingId, ...input }, { actor }) => {
    const result = await completeBooking(await recorder(actor), bookingId, input);
    if (!result.ok) return result;
    refresh();
    return { ok: true, message: "服务结果已保存，已计入工作日志。" };
  },
});

export const recordWalkInAction = formAction<typeof walkInInput, { venueId: string }>({
  allow: can.recordConsultations,
  schema: walkInInput,
  lists: ["outcomes"],
  invalid: INVALID,
  run: async (input, { actor }) => {
    const result = await recordWalkIn(await recorder(actor), input);
    if (!result.ok) return result;
    refresh();
    // The next person is most likely at the same place: the form starts there again.
    return {
      ok: true,
      message: `现场咨询已记录（${input.name}，${input.date} ${input.time}），已计入工作日志。`,
      data: { venueId: input.venueId },
    };
  },
});

export const updateWalkInAction = formAction<typeof updateWalkInInput, { venueId: string }>({
  allow: can.recordConsultations,
  schema: updateWalkInInput,
  lists: ["outcomes"],
  invalid: INVALID,
  run: async ({ walkInId, ...input }, { actor }) => {
    const result = await updateWalkIn(await recorder(actor), walkInId, input);
    if (!result.ok) return result;
    refreshWalkIns();
    return {
      ok: true,
      message: `现场咨询记录已修改（${input.name}，${input.date} ${input.time}），工作日志和统计已按新内容计算。`,
      data: { venueId: input.venueId },
    };
  },
});

export const voidWalkInAction = formAction({
  allow: can.recordConsultations,
  schema: voidWalkInInput,
  invalid: "还没有作废，请按提示填写。",
  run: async ({ walkInId, reason }, { actor }) => {
    const result = await voidWalkIn(await recorder(actor), walkInId, reason);
    if (!result.ok) return result;
    refreshWalkIns();
    return { ok: true, message: "这条现场咨询记录已作废，不再计入工作日志和任何统计。" };
  },
});
