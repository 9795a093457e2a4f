"use server";

import { type FormAction, formAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { db } from "@/lib/db";
import { failure } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { changePasswordInput } from "./schema";

const change: FormAction = formAction({
  allow: can.changeOwnPassword,
  schema: changePasswordInput,
  invalid: "密码没有修改，请按提示更正。",
  run: async ({ current, next }, { actor }) => {
    const row = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(row.passwordHash, current))) {
      return failure("invalid_input", "密码没有修改。", { current: "现在的密码不正确，请重新输入。" });
    }
    await db.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(next) } });
    return { ok: true, message: "密码已修改。下次登录请使用新密码。" };
  },
});

/** Changes the signed-in user's own password. Passwords are never sent back to the page, not even after a refusal. */
export async function changePassword(...args: Parameters<FormAction>): ReturnType<FormAction> {
  const state = await change(...args);
  return state && { ...state, values: {} };
}
