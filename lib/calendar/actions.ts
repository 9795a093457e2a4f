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
    if (input.do === "revoke") {
      const result = await revokeCalendarToken(actor, lawyerId);
      if (!result.ok) return result;
      revalidatePath("/lawyer/log");
      return { ok: true, message: "订阅链接已停用。" };
    }
    const result = await replaceCalendarToken(actor, lawyerId);
    if (!result.ok) return result;
    revalidatePath("/lawyer/log");
    return {
      ok: true,
      message: result.replaced
        ? "已生成新的订阅链接。以前的链接已失效，请在手机日历中改用新链接。"
        : "已生成订阅链接。请按上面的说明添加到手机日历。",
    };
  },
});
