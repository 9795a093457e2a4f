"use server";

import { revalidatePath } from "next/cache";
import { townFormAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { createStaffAccount, deactivateAccount, resetPassword } from "./mutations";
import { accountIdInput, staffAccountInput } from "./schema";

/** A one-time password to show once; it is never stored in clear. */
export type Issued = { issued: { username: string; password: string } };

const NOT_FOUND = "没有找到这个账号，请刷新页面后再试。";

// Staff and administrator accounts are an administrator's alone: a staff member's forged request stops here.
// Each works in the caller's town scope: another town's account answers as a missing one.

export const createStaffAccountAction = townFormAction<typeof staffAccountInput, Issued>({
  allow: can.manageStaffAccounts,
  schema: staffAccountInput,
  invalid: "账号还没有建立，请按提示修改。",
  run: async (input, { actor: scope }) => {
    const result = await createStaffAccount(scope, input);
    if (!result.ok) return result;
    revalidatePath("/staff/accounts");
    return {
      ok: true,
      message: `账号 ${result.username} 已建立。请把下面的一次性密码交给本人，并请其登录后立即修改密码。`,
      data: { issued: { username: result.username, password: result.password } },
    };
  },
});

export const resetStaffPasswordAction = townFormAction<typeof accountIdInput, Issued>({
  allow: can.manageStaffAccounts,
  schema: accountIdInput,
  invalid: NOT_FOUND,
  run: async ({ userId }, { actor: scope }) => {
    const result = await resetPassword(scope, userId);
    if (!result.ok) return result;
    revalidatePath("/staff/audit");
    return {
      ok: true,
      message: `账号 ${result.username} 的密码已重设，旧密码已失效。请把下面的一次性密码交给本人。`,
      data: { issued: { username: result.username, password: result.password } },
    };
  },
});

export const deactivateStaffAccountAction = townFormAction({
  allow: can.manageStaffAccounts,
  schema: accountIdInput,
  invalid: NOT_FOUND,
  run: async ({ userId }, { actor: scope }) => {
    const result = await deactivateAccount(scope, userId);
    if (!result.ok) return result;
    revalidatePath("/staff/accounts");
    return { ok: true, message: "账号已停用，不能再登录。它做过的操作仍保留在操作记录中。" };
  },
});
