import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/mutations";
import { can, Forbidden } from "@/lib/auth/can";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { auditActorOf, type TownScope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { endSessionsOf } from "@/lib/auth/sessions";
import { db, type Tx } from "@/lib/db";
import { violatedConstraint } from "@/lib/db-errors";
import { type Failure, failure } from "@/lib/errors";
import { ROLE_NAMES } from "@/lib/labels";
import { generateOneTimePassword } from "./one-time-password";
import { accountsIn, identifierInUse } from "./queries";
import type { StaffAccountInput } from "./schema";

/** The clear password exists only in this value, to be shown once; the database keeps its hash. */
export type PasswordIssued = { ok: true; userId: string; username: string; password: string };

const ACCOUNT_NOT_FOUND = "没有找到这个账号，请刷新页面后再试。";
export const USERNAME_TAKEN = "这个账号名已被使用（或是某位律师的电话号码），请换一个。";

/** A new password and its hash; hashing is slow on purpose, so it is done before any transaction opens. */
export async function issuePassword(): Promise<{ password: string; passwordHash: string }> {
  const password = generateOneTimePassword();
  return { password, passwordHash: await hashPassword(password) };
}

export type NewStaffAccount = {
  username: string;
  displayName: string;
  role: "STAFF" | "ADMIN";
  townId: string;
  passwordHash: string;
};

/**
 * Writes a staff or administrator account whose first password must be replaced, with its audit
 * entry, in the caller's transaction. Returns its id, or null when the name is in use (as an
 * account's, or a lawyer's phone). A town's administrator and the district (lib/towns) both use it.
 */
export async function insertStaffAccount(
  tx: Tx,
  actor: AuditActor,
  account: NewStaffAccount,
  summary: string,
): Promise<string | null> {
  if (await identifierInUse(tx, account.username)) return null;
  const user = await tx.user.create({ data: { ...account, mustChangePassword: true }, select: { id: true } });
  await recordAudit(tx, actor, { kind: "account", action: "create", subjectId: user.id, summary });
  return user.id;
}

/** A staff or administrator account of the scope's town. Only an administrator may create one. */
export async function createStaffAccount(scope: TownScope, input: StaffAccountInput): Promise<PasswordIssued | Failure> {
  if (!can.manageAccount(scope.actor, input.role)) throw new Forbidden();
  const { password, passwordHash } = await issuePassword();
  try {
    return await db.$transaction(async (tx) => {
      const userId = await insertStaffAccount(
        tx,
        auditActorOf(scope),
        { username: input.username, displayName: input.displayName, role: input.role, townId: scope.townId, passwordHash },
        `新建${ROLE_NAMES[input.role]}账号 ${input.username}（${input.displayName}）`,
      );
      if (!userId) return failure("invalid_input", undefined, { username: USERNAME_TAKEN });
      return { ok: true as const, userId, username: input.username, password };
    });
  } catch (error) {
    // Two administrators choosing the same name at once: the unique index decides.
    if (violatedConstraint(error) === "app_user_username_key") {
      return failure("invalid_input", undefined, { username: USERNAME_TAKEN });
    }
    throw error;
  }
}

/**
 * A new one-time password for an active account in scope (lib/accounts/queries.ts accountsIn); the
 * old one stops working at once. An account of another town answers as a missing one.
 */
export async function resetPassword(scope: TownScope, userId: string): Promise<PasswordIssued | Failure> {
  const target = await db.user.findFirst({
    where: { id: userId, ...accountsIn(scope) },
    select: { role: true, username: true, active: true },
  });
  if (!target) return failure("not_found", ACCOUNT_NOT_FOUND);
  if (!can.manageAccount(scope.actor, target.role)) throw new Forbidden();
  if (!target.active) return failure("conflict", "这个账号已停用，不能重设密码。");
  const { password, passwordHash } = await issuePassword();
  return db.$transaction(async (tx) => {
    // The role and the scope are part of the condition, so the permission checked above is the one that applies.
    const { count } = await tx.user.updateMany({
      where: { id: userId, role: target.role, active: true, ...accountsIn(scope) },
      data: { passwordHash, mustChangePassword: true, firstPasswordUsedAt: null },
    });
    if (count === 0) return failure("not_found", ACCOUNT_NOT_FOUND);
    await endSessionsOf(tx, userId);
    await recordAudit(tx, auditActorOf(scope), {
      kind: "account",
      action: "reset_password",
      subjectId: userId,
      summary: `重设${ROLE_NAMES[target.role]}账号 ${target.username} 的密码`,
    });
    return { ok: true as const, userId, username: target.username, password };
  });
}

/**
 * Stops a staff or administrator account of the scope's town from signing in; its name stays in
 * the audit log. Lawyers are deactivated with their profile (lib/lawyers/mutations.ts), which also
 * ends their duty.
 */
export async function deactivateAccount(scope: TownScope, userId: string): Promise<{ ok: true } | Failure> {
  const target = await db.user.findFirst({
    where: { id: userId, ...accountsIn(scope) },
    select: { role: true, username: true, active: true },
  });
  if (!target) return failure("not_found", ACCOUNT_NOT_FOUND);
  if (!can.manageAccount(scope.actor, target.role)) throw new Forbidden();
  if (target.role === "LAWYER") return failure("invalid_input", "律师的账号请在“律师与账号”页面停用，这样会同时结束其排班。");
  // Otherwise the last administrator could lock everyone out.
  if (userId === scope.actor.id) return failure("invalid_input", "不能停用您自己的账号。请让另一位管理员操作。");
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, role: target.role, active: true, ...accountsIn(scope) },
      data: { active: false },
    });
    if (count === 0) return failure("conflict", "这个账号已经停用了。");
    await endSessionsOf(tx, userId);
    await recordAudit(tx, auditActorOf(scope), {
      kind: "account",
      action: "deactivate",
      subjectId: userId,
      summary: `停用${ROLE_NAMES[target.role]}账号 ${target.username}`,
    });
    return { ok: true as const };
  });
}

/**
 * A signed-in user replaces their own password (also the first one staff handed over). The
 * account's other sessions end with it, in the same transaction: a copied cookie or a forgotten
 * office computer is signed out; the session that made the change stays.
 */
export async function changeOwnPassword(
  actor: Pick<CurrentUser, "id" | "sessionId">,
  { current, next }: { current: string; next: string },
): Promise<{ ok: true; endedSessions: number } | Failure> {
  const row = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, current))) {
    return failure("invalid_input", "密码没有修改。", { current: "现在的密码不正确，请重新输入。" });
  }
  const passwordHash = await hashPassword(next);
  const endedSessions = await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, mustChangePassword: false, firstPasswordUsedAt: null },
    });
    return endSessionsOf(tx, actor.id, { except: actor.sessionId });
  });
  return { ok: true, endedSessions };
}
