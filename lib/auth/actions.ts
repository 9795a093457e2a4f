"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { changeOwnPassword } from "@/lib/accounts/mutations";
import { type FormAction, formAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { SESSION_COOKIES } from "./cookies";
import { changePasswordInput } from "./schema";
import { getCurrentUser } from "./session";
import { endSession } from "./sessions";

const change: FormAction = formAction({
  allow: can.changeOwnPassword,
  schema: changePasswordInput,
  invalid: "密码没有修改，请按提示更正。",
  run: async ({ current, next }, { actor }) => {
    const result = await changeOwnPassword(actor, { current, next });
    if (!result.ok) return result;
    const others = result.endedSessions > 0 ? `其他 ${result.endedSessions} 处登录已退出。` : "";
    return { ok: true, message: `密码已修改。${others}下次登录请使用新密码。` };
  },
});

/** Changes the signed-in user's own password. Passwords are never sent back to the page, not even after a refusal. */
export async function changePassword(...args: Parameters<FormAction>): ReturnType<FormAction> {
  const state = await change(...args);
  return state && { ...state, values: {} };
}

/**
 * Signing out, as a plain form post (works without JavaScript, and keeps next-auth's browser
 * client off every page): the session ends in the database, so a copy of its cookie opens nothing
 * afterwards, and the cookie goes. Anyone may post it; without a live session it only clears cookies.
 */
export async function signOut(): Promise<never> {
  const user = await getCurrentUser();
  if (user?.sessionId) await endSession(user.sessionId);
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    if (jar.has(name))
      jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  redirect("/login");
}
