"use server";

import { revalidatePath } from "next/cache";
import type { Issued } from "@/lib/accounts/actions";
import { townFormAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { failure } from "@/lib/errors";
import { textOf } from "@/lib/form-values";
import { confirmStep, readChoices, type ScheduleData } from "@/lib/schedule/schema";
import { createLawyer, deactivateLawyer, resetLawyerPassword, updateLawyer } from "./mutations";
import { createLawyerInput, LAWYER_LISTS, lawyerIdInput, lawyerInput } from "./schema";

const NOT_FOUND = "没有找到这位律师，请刷新页面后再试。";

function refresh() {
  revalidatePath("/staff/lawyers", "layout");
  revalidatePath("/", "layout");
}

export const createLawyerAction = townFormAction<typeof createLawyerInput, Issued>({
  allow: can.workAsStaff,
  schema: createLawyerInput,
  lists: LAWYER_LISTS,
  invalid: "律师还没有添加，请按提示修改。",
  run: async (input, { actor: scope }) => {
    const result = await createLawyer(scope, input);
    if (!result.ok) return result;
    refresh();
    return {
      ok: true,
      message: `已添加律师 ${input.name}，登录账号 ${result.username}。请把下面的一次性密码交给本人，并请其登录后立即修改密码。`,
      data: { issued: { username: result.username, password: result.password } },
    };
  },
});

export const updateLawyerAction = townFormAction({
  allow: can.workAsStaff,
  schema: lawyerInput,
  lists: LAWYER_LISTS,
  invalid: "还没有保存，请按提示修改。",
  run: async (input, { actor: scope, values }) => {
    const lawyerId = textOf(values, "lawyerId");
    if (!lawyerId) return failure("not_found", NOT_FOUND);
    const result = await updateLawyer(scope, lawyerId, input);
    if (!result.ok) return result;
    refresh();
    return { ok: true, message: "律师资料已保存。" };
  },
});

// The forms below send only the lawyer's id: a missing one is a stale page, not a field to correct.

export const resetLawyerPasswordAction = townFormAction<typeof lawyerIdInput, Issued>({
  allow: can.workAsStaff,
  schema: lawyerIdInput,
  invalid: NOT_FOUND,
  run: async ({ lawyerId }, { actor: scope }) => {
    const result = await resetLawyerPassword(scope, lawyerId);
    if (!result.ok) return result;
    return {
      ok: true,
      message: `账号 ${result.username} 的密码已重设，旧密码已失效。请把下面的一次性密码交给本人。`,
      data: { issued: { username: result.username, password: result.password } },
    };
  },
});

/**
 * Two steps when the lawyer still has bookings, exactly like leave (lib/schedule/actions.ts): the
 * first answer lists them (`data.step === "confirm"`) and changes nothing; the second carries a
 * hand-over or a cancellation for each. "暂不停用" (`step=edit`) goes back without a word.
 */
export const deactivateLawyerAction = townFormAction<typeof lawyerIdInput, ScheduleData>({
  allow: can.workAsStaff,
  schema: lawyerIdInput,
  invalid: NOT_FOUND,
  run: async ({ lawyerId }, { actor: scope, values }) => {
    if (textOf(values, "step") === "edit") return { ok: false, code: "invalid_input", message: "" };
    const read = textOf(values, "step") === "confirm" ? readChoices(values) : { choices: undefined, errors: {} };
    const result = await deactivateLawyer(scope, lawyerId, { choices: read.choices });
    if (!result.ok) return result.code === "bookings_affected" ? confirmStep(result, read.errors) : result;
    refresh();
    const handled = read.choices?.length ?? 0;
    return {
      ok: true,
      message: `律师已停用，不能再登录；${result.endedSessions} 个每周排班已结束。${
        handled ? `${handled} 个预约已按您的选择交给其他律师或取消，已通知村民。` : "没有需要处理的预约。"
      }`,
    };
  },
});
