"use server";

import { revalidatePath } from "next/cache";
import type { Issued } from "@/lib/accounts/actions";
import { formAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { failure } from "@/lib/errors";
import { textOf } from "@/lib/form";
import { createLawyer, deactivateLawyer, resetLawyerPassword, updateLawyer } from "./mutations";
import { createLawyerInput, LAWYER_LISTS, lawyerIdInput, lawyerInput } from "./schema";

const NOT_FOUND = "没有找到这位律师，请刷新页面后再试。";

function refresh() {
  revalidatePath("/staff/lawyers", "layout");
  revalidatePath("/", "layout");
}

export const createLawyerAction = formAction<typeof createLawyerInput, Issued>({
  allow: can.workAsStaff,
  schema: createLawyerInput,
  lists: LAWYER_LISTS,
  invalid: "律师还没有添加，请按提示修改。",
  run: async (input, { actor }) => {
    const result = await createLawyer(actor, input);
    if (!result.ok) return result;
    refresh();
    return {
      ok: true,
      message: `已添加律师 ${input.name}，登录账号 ${result.username}。请把下面的一次性密码交给本人，并请其登录后立即修改密码。`,
      data: { issued: { username: result.username, password: result.password } },
    };
  },
});

export const updateLawyerAction = formAction({
  allow: can.workAsStaff,
  schema: lawyerInput,
  lists: LAWYER_LISTS,
  invalid: "还没有保存，请按提示修改。",
  run: async (input, { actor, values }) => {
    const lawyerId = textOf(values, "lawyerId");
    if (!lawyerId) return failure("not_found", NOT_FOUND);
    const result = await updateLawyer(actor, lawyerId, input);
    if (!result.ok) return result;
    refresh();
    return { ok: true, message: "律师资料已保存。" };
  },
});

// The forms below send only the lawyer's id: a missing one is a stale page, not a field to correct.

export const resetLawyerPasswordAction = formAction<typeof lawyerIdInput, Issued>({
  allow: can.workAsStaff,
  schema: lawyerIdInput,
  invalid: NOT_FOUND,
  run: async ({ lawyerId }, { actor }) => {
    const result = await resetLawyerPassword(actor, lawyerId);
    if (!result.ok) return result;
    return {
      ok: true,
      message: `账号 ${result.username} 的密码已重设，旧密码已失效。请把下面的一次性密码交给本人。`,
      data: { issued: { username: result.username, password: result.password } },
    };
  },
});

export const deactivateLawyerAction = formAction({
  allow: can.workAsStaff,
  schema: lawyerIdInput,
  invalid: NOT_FOUND,
  run: async ({ lawyerId }, { actor }) => {
    const result = await deactivateLawyer(actor, lawyerId);
    if (!result.ok) return result;
    refresh();
    // The page lists the bookings to reassign once it is refreshed; the answer says how many.
    const pending = result.upcoming.length;
    return {
      ok: true,
      message: `律师已停用，不能再登录；${result.endedSessions} 个每周排班已结束。${
        pending ? `还有 ${pending} 个预约需要改派给其他律师，请逐个处理。` : "没有需要改派的预约。"
      }`,
    };
  },
});
