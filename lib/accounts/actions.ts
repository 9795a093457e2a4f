"use server";

import { revalidatePath } from "next/cache";
import { authorise } from "@/lib/auth/session";
import { fieldErrors } from "@/lib/booking/schema";
import { createStaffAccount, deactivateAccount, resetPassword } from "./mutations";
import { accountIdInput, staffAccountInput, formStrings as typed } from "./schema";

/** `issued` carries a one-time password to show once; it is never stored in clear. */
export type AccountFormState = {
  ok: boolean;
  message: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
  issued?: { username: string; password: string };
} | null;

// Staff and administrator accounts are an administrator's alone: a staff member's forged request stops here.
export async function createStaffAccountAction(_state: AccountFormState, form: FormData): Promise<AccountFormState> {
  const actor = await authorise("ADMIN");
  const parsed = staffAccountInput.safeParse(typed(form));
  if (!parsed.success) {
    return { ok: false, message: "账号还没有建立，请按提示修改。", fields: fieldErrors(parsed.error), values: typed(form) };
  }
  const result = await createStaffAccount(actor, parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fields: result.fields, values: typed(form) };
  revalidatePath("/staff/accounts");
  return {
    ok: true,
    message: `账号 ${result.username} 已建立。请把下面的一次性密码交给本人，并请其登录后立即修改密码。`,
    issued: { username: result.username, password: result.password },
  };
}

export async function resetStaffPasswordAction(_state: AccountFormState, form: FormData): Promise<AccountFormState> {
  const actor = await authorise("ADMIN");
  const parsed = accountIdInput.safeParse(typed(form));
  if (!parsed.success) return { ok: false, message: "没有找到这个账号，请刷新页面后再试。" };
  const result = await resetPassword(actor, parsed.data.userId);
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/staff/audit");
  return {
    ok: true,
    message: `账号 ${result.username} 的密码已重设，旧密码已失效。请把下面的一次性密码交给本人。`,
    issued: { username: result.username, password: result.password },
  };
}

export async function deactivateStaffAccountAction(_state: AccountFormState, form: FormData): Promise<AccountFormState> {
  const actor = await authorise("ADMIN");
  const parsed = accountIdInput.safeParse(typed(form));
  if (!parsed.success) return { ok: false, message: "没有找到这个账号，请刷新页面后再试。" };
  const result = await deactivateAccount(actor, parsed.data.userId);
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/staff/accounts");
  return { ok: true, message: "账号已停用，不能再登录。它做过的操作仍保留在操作记录中。" };
}
