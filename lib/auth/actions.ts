"use server";

import { fieldErrors } from "@/lib/booking/schema";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "./password";
import { changePasswordInput } from "./schema";
import { authorise } from "./session";

export type ChangePasswordState = { ok: boolean; message: string; fields?: Record<string, string> } | null;

export async function changePassword(_state: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const user = await authorise("ADMIN", "STAFF", "LAWYER");
  const parsed = changePasswordInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: "密码没有修改，请按提示更正。", fields: fieldErrors(parsed.error) };
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, parsed.data.current))) {
    return { ok: false, message: "密码没有修改。", fields: { current: "现在的密码不正确，请重新输入。" } };
  }
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(parsed.data.next) } });
  return { ok: true, message: "密码已修改。下次登录请使用新密码。" };
}
