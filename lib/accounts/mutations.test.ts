// Only an administrator manages staff and administrator accounts. Against the real PostgreSQL.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Forbidden } from "@/lib/auth/can";
import { hashPassword } from "@/lib/auth/password";
import { type TownScope, townScope } from "@/lib/auth/scope";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { prisma, testTownId } from "@/lib/testing/fixtures";
import { createStaffAccount, deactivateAccount, resetPassword } from "./mutations";
import { listStaffAccounts } from "./queries";

const scopeOf = (role: "STAFF" | "ADMIN", id: string, townId: string) =>
  townScope({ id, role, displayName: role === "ADMIN" ? "测试管理员" : "测试工作人员", lawyerId: null, townId }) as TownScope;
const admin = async () => scopeOf("ADMIN", "accounts-test-admin", await testTownId());
const staff = async () => scopeOf("STAFF", "accounts-test-staff", await testTownId());

const uniqueName = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

async function existingAccount(role: "STAFF" | "ADMIN", townId?: string) {
  return prisma.user.create({
    data: {
      username: uniqueName(role.toLowerCase()),
      displayName: "已有账号",
      role,
      townId: townId ?? (await testTownId()),
      passwordHash: await hashPassword("old-secret-2026"),
    },
  });
}

describe("an administrator", () => {
  it("creates a staff account whose one-time password signs in and is stored hashed", async () => {
    const username = uniqueName("Zhang");
    const result = await createStaffAccount(await admin(), {
      username: username.toLowerCase(),
      displayName: "张三",
      role: "STAFF",
    });
    if (!result.ok) throw new Error(result.message);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(row).toMatchObject({ role: "STAFF", active: true, townId: await testTownId() });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await signInWithPassword(username, result.password, "test")).toMatchObject({ ok: true, user: { role: "STAFF" } });
    expect((await listStaffAccounts(await admin())).find((a) => a.id === result.userId)).toEqual({
      id: result.userId,
      username: username.toLowerCase(),
      displayName: "张三",
      role: "STAFF",
      active: true,
    });
    expect(await prisma.auditLog.count({ where: { subjectId: result.userId, kind: "account", action: "create" } })).toBe(1);
    const again = await createStaffAccount(await admin(), {
      username: username.toLowerCase(),
      displayName: "重名",
      role: "ADMIN",
    });
    expect(again).toMatchObject({ ok: false, fields: { username: expect.stringContaining("已被使用") } });
  });

  it("resets and deactivates a staff account, but not their own", async () => {
    const target = await existingAccount("STAFF");
    const reset = await resetPassword(await admin(), target.id);
    if (!reset.ok) throw new Error(reset.message);
    expect((await signInWithPassword(target.username, "old-secret-2026", "test")).ok).toBe(false);
    expect((await signInWithPassword(target.username, reset.password, "test")).ok).toBe(true);
    expect(await deactivateAccount(await admin(), target.id)).toEqual({ ok: true });
    expect((await signInWithPassword(target.username, reset.password, "test")).ok).toBe(false);
    expect(await resetPassword(await admin(), target.id)).toMatchObject({ ok: false, code: "conflict" });
    const actions = await prisma.auditLog.findMany({ where: { subjectId: target.id }, orderBy: { at: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["reset_password", "sign_in_failed", "sign_in", "deactivate"]);

    const self = await existingAccount("ADMIN");
    const selfActor = scopeOf("ADMIN", self.id, await testTownId());
    expect(await deactivateAccount(selfActor, self.id)).toMatchObject({ ok: false, code: "invalid_input" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: self.id } })).active).toBe(true);
  });
});

describe("a staff member", () => {
  it("cannot create, reset or deactivate staff or administrator accounts, and nothing changes", async () => {
    for (const role of ["STAFF", "ADMIN"] as const) {
      const username = uniqueName("forged");
      await expect(createStaffAccount(await staff(), { username, displayName: "伪造", role })).rejects.toThrow(Forbidden);
      expect(await prisma.user.count({ where: { username } })).toBe(0);

      const target = await existingAccount(role);
      await expect(resetPassword(await staff(), target.id)).rejects.toThrow(Forbidden);
      await expect(deactivateAccount(await staff(), target.id)).rejects.toThrow(Forbidden);
      expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
        passwordHash: target.passwordHash,
        active: true,
      });
      expect(await prisma.auditLog.count({ where: { subjectId: target.id } })).toBe(0);
    }
    expect(await prisma.auditLog.count({ where: { actorId: "accounts-test-staff" } })).toBe(0);
  });
});
