import "server-only";
import { db } from "@/lib/db";
import { isPlainText } from "@/lib/form";
import type { Role } from "@/lib/generated/prisma/enums";
import { verifyPassword } from "./password";
import { minutesToWait, recordAttempt } from "./rate-limit";

export type SignInResult = { ok: true; user: { id: string; role: Role; name: string } } | { ok: false; message: string };

const WRONG = "账号或密码不正确，请核对后再试。";
// Verifying against a real hash even for unknown names keeps the timing the same.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$gUeldJNfKqzUZdD2t1fg8A$8uwO7iSD6aTc6up/KknVdaRhJquHgUVujoUfy0aviqM";

export function normaliseUsername(value: string): string {
  return value.trim().toLowerCase();
}

/** Checks a name (user name or phone number) and password, slowing repeated failures per name. */
export async function signInWithPassword(rawUsername: string, password: string, now = new Date()): Promise<SignInResult> {
  const username = normaliseUsername(rawUsername);
  if (!username || !password) return { ok: false, message: "请填写账号和密码。" };
  // A control character is in no account name or password; PostgreSQL would refuse a NUL anyway.
  if (!isPlainText(username) || !isPlainText(password)) return { ok: false, message: WRONG };
  const wait = await minutesToWait(username, now);
  if (wait > 0) return { ok: false, message: `登录失败次数过多，为保护账号安全，请 ${wait} 分钟后再试。` };
  const user = await db.user.findFirst({
    where: { OR: [{ username }, { lawyer: { publicPhone: username } }], active: true },
    select: { id: true, role: true, displayName: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  await recordAttempt(username, Boolean(user && valid), now);
  if (!user || !valid) return { ok: false, message: WRONG };
  return { ok: true, user: { id: user.id, role: user.role, name: user.displayName } };
}
