import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { minutesToWait } from "@/lib/errors";
import { isPlainText } from "@/lib/form-values";
import type { Role } from "@/lib/generated/prisma/enums";
import { forget, refund, spend } from "@/lib/rate-limit";
import { limitSubjectOf, normaliseAddress } from "@/lib/security";
import { verifyPassword } from "./password";

export type SignInResult = { ok: true; user: { id: string; role: Role; name: string } } | { ok: false; message: string };

const WRONG = "账号或密码不正确，请核对后再试。";
const FIRST_PASSWORD_USED = "这个初始密码已经用过一次，不能再用来登录。请联系司法所工作人员重新设置密码。";
// Verifying against a real hash even for unknown names keeps the timing the same.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$gUeldJNfKqzUZdD2t1fg8A$8uwO7iSD6aTc6up/KknVdaRhJquHgUVujoUfy0aviqM";

export function normaliseUsername(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * How long a try waits before its password is checked, after `failures` wrong passwords for the
 * account from anywhere in the last hour: nothing for the first 5, then 0.25 s doubling to 4 s. It
 * slows guessing spread over many addresses without ever refusing the owner.
 */
export function signInDelayMs(failures: number): number {
  return failures <= 5 ? 0 : Math.min(4000, 250 * 2 ** (failures - 6));
}

/**
 * Checks a name (user name or a lawyer's phone number) and password from `address`.
 * Wrong passwords are counted per account and address (5 in 15 minutes), per address (20 in an
 * hour) and per account from anywhere (a growing delay): a stranger who knows a lawyer's public
 * phone number can make themselves wait, never the lawyer signing in from their own phone. The
 * counts are taken before the password is checked, atomically (lib/rate-limit.ts), and given back
 * by the right password.
 */
export async function signInWithPassword(rawUsername: string, password: string, from: string): Promise<SignInResult> {
  // Counted by network: an IPv6 visitor's whole /64 is one address (lib/security.ts).
  const address = limitSubjectOf(from);
  const username = normaliseUsername(rawUsername);
  if (!username || !password) return { ok: false, message: "请填写账号和密码。" };
  // A control character is in no account name or password; PostgreSQL would refuse a NUL anyway.
  if (!isPlainText(username) || !isPlainText(password)) return { ok: false, message: WRONG };
  const user = await db.user.findFirst({
    where: { OR: [{ username }, { lawyer: { publicPhone: username } }], active: true },
    select: { id: true, role: true, displayName: true, passwordHash: true, mustChangePassword: true },
  });
  // One count per account whichever of its names was typed; a name no account has counts on its own,
  // so that waiting reveals nothing about which accounts exist.
  const account = user ? `user:${user.id}` : `name:${username}`;
  const pair = `${account}@${address}`;
  // One after the other, so that a burst is counted exactly: the address counts only the tries
  // that the account's own limit let through.
  const here = await spend("signInAccountAddress", pair);
  const fromAddress = here.ok ? await spend("signInAddress", address) : here;
  if (!fromAddress.ok) {
    return {
      ok: false,
      message: `登录失败次数过多，为保护账号安全，请 ${minutesToWait(fromAddress.retryAfterSeconds)} 分钟后再试。`,
    };
  }
  const anywhere = await spend("signInAccount", account);
  const delay = signInDelayMs(anywhere.count - 1);
  if (delay > 0) await sleep(delay);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user) return { ok: false, message: WRONG };
  // 等保 2.0 audit: sign-ins and counted failures against a real account, with where they came from.
  // (Failures are bounded by the limits above; a name no account has is nobody's event.)
  const actor = { id: user.id, displayName: user.displayName, role: user.role };
  if (!valid) {
    await recordAudit(db, actor, {
      kind: "account",
      action: "sign_in_failed",
      subjectId: user.id,
      summary: `登录失败：密码不正确（来自 ${normaliseAddress(from)}）`,
    });
    return { ok: false, message: WRONG };
  }
  await Promise.all([forget("signInAccountAddress", pair), refund("signInAddress", address), forget("signInAccount", account)]);
  if (user.mustChangePassword) {
    // A first password handed over by staff works once: this sign-in marks it used, atomically.
    const { count } = await db.user.updateMany({
      where: { id: user.id, mustChangePassword: true, firstPasswordUsedAt: null },
      data: { firstPasswordUsedAt: new Date() },
    });
    if (count === 0) return { ok: false, message: FIRST_PASSWORD_USED };
  }
  await recordAudit(db, actor, {
    kind: "account",
    action: "sign_in",
    subjectId: user.id,
    summary: `登录（来自 ${normaliseAddress(from)}）`,
  });
  return { ok: true, user: { id: user.id, role: user.role, name: user.displayName } };
}
