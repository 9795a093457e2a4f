import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/testing/fixtures";
import { hashPassword } from "./password";
import { signInWithPassword } from "./sign-in";

async function account(role: Role = "STAFF") {
  const username = `user-${randomBytes(4).toString("hex")}`;
  const password = "correct-horse-9";
  await prisma.user.create({ data: { username, displayName: "测试用户", role, passwordHash: await hashPassword(password) } });
  return { username, password };
}

describe("signInWithPassword", () => {
  it("signs in with the right password, ignoring case and spaces in the name", async () => {
    const { username, password } = await account();
    const result = await signInWithPassword(`  ${username.toUpperCase()} `, password);
    expect(result).toMatchObject({ ok: true, user: { role: "STAFF", name: "测试用户" } });
  });

  it("gives the same answer for a wrong password and for an account that does not exist", async () => {
    const { username } = await account();
    const wrong = await signInWithPassword(username, "not-the-password-1");
    const unknown = await signInWithPassword(`nobody-${randomBytes(4).toString("hex")}`, "whatever-123");
    expect(wrong).toEqual({ ok: false, message: "账号或密码不正确，请核对后再试。" });
    expect(unknown).toEqual(wrong);
  });

  it("makes a name wait after 5 failures within 15 minutes, saying how long, even with the right password", async () => {
    const { username, password } = await account();
    const start = new Date("2026-12-01T02:00:00Z");
    for (let i = 0; i < 5; i++) {
      await signInWithPassword(username, "wrong-password-1", new Date(start.getTime() + i * 60_000));
    }
    const at = new Date(start.getTime() + 5 * 60_000);
    expect(await signInWithPassword(username, password, at)).toEqual({
      ok: false,
      message: "登录失败次数过多，为保护账号安全，请 10 分钟后再试。",
    });
    // The same for a name no account has: waiting reveals nothing.
    const ghost = `ghost-${randomBytes(4).toString("hex")}`;
    for (let i = 0; i < 5; i++) await signInWithPassword(ghost, "wrong-password-1", start);
    expect(await signInWithPassword(ghost, "wrong-password-1", at)).toMatchObject({
      ok: false,
      message: expect.stringContaining("分钟后再试"),
    });
    // After the window, the right password works again.
    expect(await signInWithPassword(username, password, new Date(start.getTime() + 16 * 60_000))).toMatchObject({ ok: true });
  });

  it("refuses a deactivated account with the ordinary answer", async () => {
    const { username, password } = await account();
    await prisma.user.update({ where: { username }, data: { active: false } });
    expect(await signInWithPassword(username, password)).toEqual({ ok: false, message: "账号或密码不正确，请核对后再试。" });
  });

  it("answers a control character in the name or password like a wrong password, without an error", async () => {
    const { username, password } = await account();
    expect(await signInWithPassword(`${username}\u0000`, password)).toEqual({
      ok: false,
      message: "账号或密码不正确，请核对后再试。",
    });
    expect(await signInWithPassword(username, `${password}\u0000`)).toEqual({
      ok: false,
      message: "账号或密码不正确，请核对后再试。",
    });
  });
});
