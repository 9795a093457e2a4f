"use server";

import { revalidatePath } from "next/cache";
import { authorise } from "@/lib/auth/session";
import { fieldErrors } from "@/lib/booking/schema";
import { createLawyer, deactivateLawyer, resetLawyerPassword, updateLawyer } from "./mutations";
import type { UpcomingBooking } from "./queries";
import { createLawyerInput, lawyerFormValues, lawyerIdInput, lawyerInput } from "./schema";

export type LawyerFormState = {
  ok: boolean;
  message: string;
  fields?: Record<string, string>;
  /** What was typed, echoed after a refusal so nothing has to be entered again. */
  values?: Record<string, string | string[]>;
  /** A one-time password, shown once and never stored in clear. */
  issued?: { username: string; password: string };
  /** After a deactivation: the bookings to reassign. */
  upcoming?: UpcomingBooking[];
} | null;

const NOT_FOUND = "没有找到这位律师，请刷新页面后再试。";

function refresh() {
  revalidatePath("/staff/lawyers", "layout");
  revalidatePath("/", "layout");
}

export async function createLawyerAction(_state: LawyerFormState, form: FormData): Promise<LawyerFormState> {
  const actor = await authorise("STAFF", "ADMIN");
  const values = lawyerFormValues(form);
  const parsed = createLawyerInput.safeParse(values);
  if (!parsed.success) return { ok: false, message: "律师还没有添加，请按提示修改。", fields: fieldErrors(parsed.error), values };
  const result = await createLawyer(actor, parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fields: result.fields, values };
  refresh();
  return {
    ok: true,
    message: `已添加律师 ${parsed.data.name}，登录账号 ${result.username}。请把下面的一次性密码交给本人，并请其登录后立即修改密码。`,
    issued: { username: result.username, password: result.password },
  };
}

export async function updateLawyerAction(_state: LawyerFormState, form: FormData): Promise<LawyerFormState> {
  const actor = await authorise("STAFF", "ADMIN");
  const values = lawyerFormValues(form);
  const id = lawyerIdInput.safeParse(values);
  if (!id.success) return { ok: false, message: NOT_FOUND };
  const parsed = lawyerInput.safeParse(values);
  if (!parsed.success) return { ok: false, message: "还没有保存，请按提示修改。", fields: fieldErrors(parsed.error), values };
  const result = await updateLawyer(actor, id.data.lawyerId, parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fields: result.fields, values };
  refresh();
  return { ok: true, message: "律师资料已保存。" };
}

export async function resetLawyerPasswordAction(_state: LawyerFormState, form: FormData): Promise<LawyerFormState> {
  const actor = await authorise("STAFF", "ADMIN");
  const id = lawyerIdInput.safeParse(lawyerFormValues(form));
  if (!id.success) return { ok: false, message: NOT_FOUND };
  const result = await resetLawyerPassword(actor, id.data.lawyerId);
  if (!result.ok) return { ok: false, message: result.message };
  return {
    ok: true,
    message: `账号 ${result.username} 的密码已重设，旧密码已失效。请把下面的一次性密码交给本人。`,
    issued: { username: result.username, password: result.password },
  };
}

export async function deactivateLawyerAction(_state: LawyerFormState, form: FormData): Promise<LawyerFormState> {
  const actor = await authorise("STAFF", "ADMIN");
  const id = lawyerIdInput.safeParse(lawyerFormValues(form));
  if (!id.success) return { ok: false, message: NOT_FOUND };
  const result = await deactivateLawyer(actor, id.data.lawyerId);
  if (!result.ok) return { ok: false, message: result.message };
  refresh();
  const pending = result.upcoming.length;
  return {
    ok: true,
    message: `律师已停用，不能再登录；${result.endedSessions} 个每周排班已结束。${
      pending ? `还有 ${pending} 个预约需要改派给其他律师，请逐个处理。` : "没有需要改派的预约。"
    }`,
    upcoming: result.upcoming,
  };
}
