"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { replaceCalendarToken, revokeCalendarToken } from "./mutations";

/** The button pressed: one form with both, so one status line says what happened. */
const choice = z.object({ do: z.enum(["replace", "revoke"], { error: "请选择要做的操作。" }) });

export const calendarLinkAction = formAction({
  allow: can.workAsLawyer,
  schema: choice,
  invalid: "还没有保存，请再试一次。",
  run: async (input, { actor }) => {
    const lawyerId = actor.lawyerId as string;
    const result =
      input.do === "replace" ? await replaceCalendarToken(actor, lawyerId) : await revokeCalendarToken(actor, lawyerId);
    if (!result.ok) return result;
    revalidatePath("/lawyer/log");
    return {
      ok: true,
      message: input.do === "replace" ? "已生成新的订阅链接。以前的链接已失效，请在手机日历中改用新链接。" : "订阅链接已停用。",
    };
  },
});
