"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, townFormAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { correctAttendance, recordArrival, recordDeparture, recordMissedAttendance } from "./mutations";
import { attendanceInput, correctAttendanceInput, recordMissedInput } from "./schema";

/** The lawyer's one button per session: 签到, then 签退 (on /lawyer and on the venue's page). */
export const attendanceAction = formAction({
  allow: can.recordAttendance,
  schema: attendanceInput,
  invalid: "没有签上，请刷新页面再试。",
  run: async (input, { actor }) => {
    const result =
      input.intent === "arrive" ? await recordArrival(actor, input) : await recordDeparture(actor, input.attendanceId);
    if (!result.ok) return result;
    revalidatePath("/lawyer");
    revalidatePath("/venues/[slug]", "page");
    return { ok: true, message: result.message };
  },
});

/** Staff's correction of an attendance, from the lawyer's page. */
export const correctAttendanceAction = townFormAction({
  allow: can.correctAttendance,
  schema: correctAttendanceInput,
  invalid: "还没有更正，请按提示修改。",
  run: async (input, { actor: scope }) => {
    const result = await correctAttendance(scope, input);
    if (!result.ok) return result;
    revalidatePath("/staff/lawyers/[id]", "page");
    return { ok: true, message: result.message };
  },
});

/** Staff's 补录 of a session nobody signed in to, from the lawyer's page. */
export const recordMissedAttendanceAction = townFormAction({
  allow: can.correctAttendance,
  schema: recordMissedInput,
  invalid: "还没有补录，请按提示修改。",
  run: async (input, { actor: scope }) => {
    const result = await recordMissedAttendance(scope, input);
    if (!result.ok) return result;
    // The session leaves the 未签到 list, and the form (with its answer) with it: the lawyer's page
    // says what was recorded above the records instead, its heading focused (with or without JavaScript).
    redirect(`/staff/lawyers/${input.lawyerId}?recorded=${result.attendanceId}#attendance-heading`);
  },
});
