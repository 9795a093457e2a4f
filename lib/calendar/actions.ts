"use server";

import { revalidatePath } from "next/cache";
import { authorise } from "@/lib/auth/session";
import { replaceCalendarToken, revokeCalendarToken } from "./mutations";

export type CalendarState = { ok: boolean; message: string } | null;

export async function replaceCalendarTokenAction(_state: CalendarState, _form: FormData): Promise<CalendarState> {
  const actor = await authorise("LAWYER");
  if (!actor.lawyerId) return { ok: false, message: "您的账号没有对应的律师资料。请联系司法所。" };
  const result = await replaceCalendarToken(actor, actor.lawyerId);
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/lawyer/log");
  return { ok: true, message: "已生成新的订阅链接。以前的链接已失效，请在手机日历中改用新链接。" };
}

export async function revokeCalendarTokenAction(_state: CalendarState, _form: FormData): Promise<CalendarState> {
  const actor = await authorise("LAWYER");
  if (!actor.lawyerId) return { ok: false, message: "您的账号没有对应的律师资料。请联系司法所。" };
  const result = await revokeCalendarToken(actor, actor.lawyerId);
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/lawyer/log");
  return { ok: true, message: "订阅链接已停用。" };
}
