"use server";

// The evaluation forms: the villager's on their booking page, a walk-in's through the one-time
// link, the lawyer's button that shows that link as a QR code, and the staff's paper entry. Each
// parses with its schema and is authorised through lib/action.ts, then calls a mutation.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, publicFormAction, townFormAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { getTownScope } from "@/lib/auth/session";
import { changeOwnBooking, rememberedPhone } from "@/lib/booking/access";
import { failure } from "@/lib/errors";
import { requestAddress } from "@/lib/rate-limit";
import { createEvaluationLink, enterPaperEvaluation, giveBookingEvaluation, giveLinkEvaluation } from "./mutations";
import { bookingEvaluationInput, evaluationLinkInput, linkEvaluationInput, paperEvaluationInput } from "./schema";

const INVALID = "还没有提交评价，请按提示选择后再提交。";

/** On the booking page, with the phone this device proved (a cookie) and under the look-up limits. */
export const evaluateBookingAction = publicFormAction({
  schema: bookingEvaluationInput,
  invalid: INVALID,
  run: async ({ code, ...answers }) => {
    const phone = await rememberedPhone(code);
    if (!phone) return failure("not_found");
    const result = await changeOwnBooking({ phone, address: await requestAddress() }, () =>
      giveBookingEvaluation({ code, phone }, answers),
    );
    if (!result.ok) return result;
    redirect(`/bookings/${code}?done=${result.changed ? "evaluation_changed" : "evaluated"}`);
  },
});

/** Through the QR code a lawyer showed a walk-in: the token is the only proof, and works once. */
export const evaluateByLinkAction = publicFormAction({
  schema: linkEvaluationInput,
  invalid: INVALID,
  run: async ({ token, ...answers }) => {
    const result = await giveLinkEvaluation(token, answers);
    if (!result.ok) return result;
    redirect(`/evaluate/${token}?done=1`);
  },
});

/** The lawyer's "show the QR code" for a walk-in: the page then shows it. */
export const createEvaluationLinkAction = formAction({
  allow: can.recordConsultations,
  schema: evaluationLinkInput,
  invalid: "没有找到这条现场咨询记录，请刷新页面。",
  run: async ({ walkInId }, { actor }) => {
    // Staff in their town's scope (a walk-in elsewhere is not found); a lawyer as themself.
    const result = await createEvaluationLink((await getTownScope()) ?? actor, walkInId);
    if (!result.ok) return result;
    redirect(`/lawyer/evaluation-qr/${walkInId}`);
  },
});

/** Staff type in a paper form's answers, from the booking's page or the walk-in's. */
export const enterPaperEvaluationAction = townFormAction({
  allow: can.enterPaperEvaluations,
  schema: paperEvaluationInput,
  invalid: "还没有保存评价表，请按提示选择后再保存。",
  run: async ({ target, ...answers }, { actor: scope }) => {
    const result = await enterPaperEvaluation(scope, target, answers);
    if (!result.ok) return result;
    revalidatePath("/staff", "layout");
    return { ok: true, message: result.changed ? "纸质评价表的录入已修改。" : "纸质评价表已录入，已计入满意度统计。" };
  },
});
