import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma, testTownId, uniquePhone } from "@/lib/testing/fixtures";
import { hashPassword } from "./password";
import { signInDelayMs, signInWithPassword } from "./sign-in";

const uniqueAddress = () => `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}-${randomBytes(3).toString("hex")}`;

async function account(role: Role = "STAFF") {
  const username = `user-${randomBytes(4).toString("hex")}`;
  const password = "correct-horse-9";
  const townId = role === "STAFF" || role === "ADMIN" ? await testTownId() : null;
  await prisma.user.create({
    data: { username, displayName: "测试用户", role, townId, passwordHash: await hashPassword(password) },
  });
  return { username, password };
}

describe("signInWithPassword", () => {
  it("signs in with the right password, ignoring case and spaces in the name", async () => {
    const { username, password } = await account();
    const result = await signInWithPassword(`  ${username.toUpperCase()} `, password, uniqueAddress());
    expect(result).toMatchObject({ ok: true, user: { role: "STAFF", name: "测试用户" } });
  });

  it("gives the same answer for a wrong password and for an account that does not exist", async () => {
    const { username } = await account();
    const wrong = await signInWithPassword(username, "not-the-password-1", uniqueAddress());
    const unknown = await signInWithPassword(`nobody-${randomBytes(4).toString("hex")}`, "whatever-123", uniqueAddress());
    expect(wrong).toEqual({ ok: false, message: "账号或密码不正确，请核对后再试。" });
    expect(unknown).toEqual(wrong);
  });

  it("makes an account wait after 5 failures from one address within 15 minutes, saying how long, even with the right password", async () => {
    const { username, password } = await account();
    const address = uniqueAddress();
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-01T02:00:00Z") });
    try {
      for (let i = 0; i < 5; i++) {
        await signInWithPassword(username, "wrong-password-1", address);
        vi.setSystemTime(Date.now() + 60_000);
      }
      expect(await signInWithPassword(username, password, address)).toEqual({
        ok: false,
        message: "登录失败次数过多，为保护账号安全，请 10 分钟后再试。",
      });
      // The same for a name no account has: waiting reveals nothing.
      const ghost = `ghost-${randomBytes(4).toString("hex")}`;
      for (let i = 0; i < 5; i++) await signInWithPassword(ghost, "wrong-password-1", address);
      expect(await signInWithPassword(ghost, "wrong-password-1", address)).toMatchObject({
        ok: false,
        message: expect.stringContaining("分钟后再试"),
      });
      // After the window, the right password works again.
      vi.setSystemTime(Date.now() + 16 * 60_000);
      expect(await signInWithPassword(username, password, address)).toMatchObject({ ok: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it("lets the owner sign in from another address after 20 wrong tries from a stranger's", async () => {
    const { username, password } = await account();
    const stranger = uniqueAddress();
    for (let i = 0; i < 20; i++) await signInWithPassword(username, "wrong-password-1", stranger);
    expect(await signInWithPassword(username, password, stranger)).toMatchObject({
      ok: false,
      message: expect.stringContaining("分钟后再试"),
    });
    expect(await signInWithPassword(username, password, uniqueAddress())).toMatchObject({ ok: true });
  });

  it("refuses an address after 20 wrong tries whatever the account, and not another address", async () => {
    const address = uniqueAddress();
    for (let i = 0; i < 20; i++)
      await signInWithPassword(`nobody-${i}-${randomBytes(3).toString("hex")}`, "wrong-password-1", address);
    const { username, password } = await account();
    expect(await signInWithPassword(username, password, address)).toMatchObject({
      ok: false,
      message: expect.stringContaining("分钟后再试"),
    });
    expect(await signInWithPassword(username, password, uniqueAddress())).toMatchObject({ ok: true });
  });

  it("counts a parallel burst exactly: 25 tries at once against a limit of 5 check 5 passwords", async () => {
    const { username } = await account();
    const address = uniqueAddress();
    const results = await Promise.all(
      Array.from({ length: 25 }, () => signInWithPassword(username, "wrong-password-1", address)),
    );
    expect(results.filter((r) => !r.ok && r.message === "账号或密码不正确，请核对后再试。")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.message.includes("分钟后再试"))).toHaveLength(20);
  });

  it("keeps one count per account whether the user name or the lawyer's phone number was typed", async () => {
    const username = `lawyer-${randomBytes(4).toString("hex")}`;
    const phone = uniquePhone();
    const password = "correct-horse-9";
    await prisma.user.create({
      data: {
        username,
        displayName: "测试律师",
        role: "LAWYER",
        passwordHash: await hashPassword(password),
        lawyer: { create: { name: "测试律师", firm: "测试律师事务所", publicPhone: phone } },
      },
    });
    const address = uniqueAddress();
    for (let i = 0; i < 3; i++) await signInWithPassword(username, "wrong-password-1", address);
    for (let i = 0; i < 2; i++) await signInWithPassword(phone, "wrong-password-1", address);
    expect(await signInWithPassword(phone, password, address)).toMatchObject({
      ok: false,
      message: expect.stringContaining("分钟后再试"),
    });
    expect(await signInWithPassword(username, password, address)).toMatchObject({
      ok: false,
      message: expect.stringContaining("分钟后再试"),
    });
  });

  it("clears the owner's count on the right password", async () => {
    const { username, password } = await account();
    const address = uniqueAddress();
    for (let i = 0; i < 4; i++) await signInWithPassword(username, "wrong-password-1", address);
    expect(await signInWithPassword(username, password, address)).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) await signInWithPassword(username, "wrong-password-1", address);
    expect(await signInWithPassword(username, password, address)).toMatchObject({ ok: true });
  });

  it("writes sign-ins and failed passwords against an account to the audit log, with the address", async () => {
    const { username, password } = await account();
    const user = await prisma.user.findUniqueOrThrow({ where: { username } });
    const address = uniqueAddress();
    await signInWithPassword(username, "wrong-password-1", address);
    await signInWithPassword(username, password, address);
    const entries = await prisma.auditLog.findMany({ where: { subjectId: user.id, kind: "account" }, orderBy: { at: "asc" } });
    expect(entries.map((e) => [e.action, e.actorId, e.summary])).toEqual([
      ["sign_in_failed", user.id, `登录失败：密码不正确（来自 ${address}）`],
      ["sign_in", user.id, `登录（来自 ${address}）`],
    ]);
  });

  it("refuses a deactivated account with the ordinary answer", async () => {
    const { username, password } = await account();
    await prisma.user.update({ where: { username }, data: { active: false } });
    expect(await signInWithPassword(username, password, uniqueAddress())).toEqual({
      ok: false,
      message: "账号或密码不正确，请核对后再试。",
    });
  });

  it("answers a control character in the name or password like a wrong password, without an error", async () => {
    const { username, password } = await account();
    expect(await signInWithPassword(`${username}\u0000`, password, uniqueAddress())).toEqual({
      ok: false,
      message: "账号或密码不正确，请核对后再试。",
    });
    expect(await signInWithPassword(username, `${password}\u0000`, uniqueAddress())).toEqual({
      ok: false,
      message: "账号或密码不正确，请核对后再试。",
    });
  });
});

describe("signInDelayMs", () => {
  it("slows an account only after 5 failures from anywhere, doubling to at most 4 seconds", () => {
    expect([0, 5, 6, 7, 8, 20].map(signInDelayMs)).toEqual([0, 0, 250, 500, 1000, 4000]);
  });
});
