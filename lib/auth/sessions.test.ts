// Sessions that end (issue 11 item 3): sign-out, a password change, a reset, a deactivation, 12
// hours, and 2 idle hours for staff. Against the real PostgreSQL.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { changeOwnPassword, createStaffAccount, deactivateAccount, resetPassword } from "@/lib/accounts/mutations";
import type { Role } from "@/lib/generated/prisma/enums";
import { createLawyer, deactivateLawyer, resetLawyerPassword } from "@/lib/lawyers/mutations";
import { createVenueFixture, prisma, testTownId, uniquePhone } from "@/lib/testing/fixtures";
import { can } from "./can";
import { authOptions } from "./options";
import { hashPassword } from "./password";
import { type TownScope, townScope } from "./scope";
import type { CurrentUser } from "./session";
import { endSession, sessionUser, startSession } from "./sessions";
import { signInWithPassword } from "./sign-in";

const admin: CurrentUser = { id: "sessions-test-admin", role: "ADMIN", displayName: "测试管理员", lawyerId: null };
/** The administrator's scope in the shared test town, where `account` makes its accounts. */
const asAdmin = async () => townScope({ ...admin, townId: await testTownId() }) as TownScope;
const HOUR = 60 * 60 * 1000;

async function account(role: Role = "STAFF", password = "correct-horse-9") {
  return prisma.user.create({
    data: {
      username: `s-${randomBytes(5).toString("hex")}`,
      displayName: "测试用户",
      role,
      townId: role === "STAFF" || role === "ADMIN" ? await testTownId() : null,
      passwordHash: await hashPassword(password),
    },
  });
}

describe("a session", () => {
  it("is live after sign-in and ends for good at sign-out, so a copied cookie stops working", async () => {
    const user = await account();
    const id = await startSession(user.id);
    expect(await sessionUser(id)).toMatchObject({ id: user.id, role: "STAFF", mustChangePassword: false });
    await endSession(id);
    expect(await sessionUser(id)).toBeNull();
    expect(await sessionUser("no-such-session")).toBeNull();
  });

  it("gives /api/auth/session no name, id or session id once it has ended", async () => {
    const user = await account();
    const sid = await startSession(user.id);
    const session = authOptions.callbacks?.session as unknown as (p: {
      session: { user: { name: string }; expires: string };
      token: { sub: string; sid: string };
    }) => Promise<Record<string, unknown>>;
    const ask = () =>
      session({ session: { user: { name: "测试用户" }, expires: "2099-01-01T00:00:00.000Z" }, token: { sub: user.id, sid } });
    expect(await ask()).toMatchObject({ user: { id: user.id, sid } });
    await endSession(sid);
    expect(await ask()).toEqual({ expires: "2099-01-01T00:00:00.000Z" });
  });

  it("ends 12 hours after sign-in, however busy", async () => {
    const user = await account("LAWYER");
    const start = new Date();
    const id = await startSession(user.id, start);
    for (let hour = 1; hour <= 11; hour++) expect(await sessionUser(id, new Date(start.getTime() + hour * HOUR))).not.toBeNull();
    expect(await sessionUser(id, new Date(start.getTime() + 12 * HOUR + 60_000))).toBeNull();
  });

  it("ends after 2 idle hours for staff and admins, not for lawyers; any use restarts the clock", async () => {
    const start = new Date();
    const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
    const staff = await startSession((await account("STAFF")).id, start);
    const adminSession = await startSession((await account("ADMIN")).id, start);
    const lawyer = await startSession((await account("LAWYER")).id, start);
    expect(await sessionUser(staff, at(1.9))).not.toBeNull();
    expect(await sessionUser(staff, at(3.8))).not.toBeNull(); // 1.9 hours after its last use
    expect(await sessionUser(staff, at(5.9))).toBeNull();
    expect(await sessionUser(adminSession, at(2.1))).toBeNull();
    expect(await sessionUser(lawyer, at(5))).not.toBeNull();
  });
});

describe("ending an account's sessions", () => {
  it("a password change ends the account's other sessions and keeps the one that changed it", async () => {
    const user = await account("STAFF");
    const [here, office, copied] = [await startSession(user.id), await startSession(user.id), await startSession(user.id)];
    const result = await changeOwnPassword(
      { id: user.id, sessionId: here },
      { current: "correct-horse-9", next: "a-new-secret-2026" },
    );
    expect(result).toEqual({ ok: true, endedSessions: 2 });
    expect(await sessionUser(here)).not.toBeNull();
    expect(await sessionUser(office)).toBeNull();
    expect(await sessionUser(copied)).toBeNull();
  });

  it("a wrong current password changes nothing and ends nothing", async () => {
    const user = await account("STAFF");
    const other = await startSession(user.id);
    const result = await changeOwnPassword({ id: user.id, sessionId: "x" }, { current: "wrong-1", next: "a-new-secret-2026" });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await sessionUser(other)).not.toBeNull();
  });

  it("a reset by an administrator or a deactivation ends every session of the account", async () => {
    const reset = await account("STAFF");
    const resetSessions = [await startSession(reset.id), await startSession(reset.id)];
    expect((await resetPassword(await asAdmin(), reset.id)).ok).toBe(true);
    for (const id of resetSessions) expect(await sessionUser(id)).toBeNull();

    const leaving = await account("STAFF");
    const leavingSession = await startSession(leaving.id);
    expect(await deactivateAccount(await asAdmin(), leaving.id)).toEqual({ ok: true });
    expect(await prisma.userSession.findUniqueOrThrow({ where: { id: leavingSession } })).toMatchObject({
      endedAt: expect.any(Date),
    });
    expect(await sessionUser(leavingSession)).toBeNull();
  });

  it("a lawyer's reset and deactivation end the lawyer's sessions", async () => {
    const { venue } = await createVenueFixture();
    const created = await createLawyer(await asAdmin(), {
      name: "会话测试律师",
      firm: "测试律师事务所",
      publicPhone: uniquePhone(),
      specialties: [],
      venues: [venue.id],
      advises: [],
    });
    if (!created.ok) throw new Error(created.message);
    const first = await startSession(created.userId);
    expect((await resetLawyerPassword(await asAdmin(), created.lawyerId)).ok).toBe(true);
    expect(await sessionUser(first)).toBeNull();
    const second = await startSession(created.userId);
    expect((await deactivateLawyer(await asAdmin(), created.lawyerId)).ok).toBe(true);
    expect(await sessionUser(second)).toBeNull();
  });
});

describe("a first password handed over by staff", () => {
  it("signs in once, opens nothing but the password page, and works no more after that", async () => {
    const issued = await createStaffAccount(await asAdmin(), {
      username: `first-${randomBytes(4).toString("hex")}`,
      displayName: "新同事",
      role: "STAFF",
    });
    if (!issued.ok) throw new Error(issued.message);
    const username = (await prisma.user.findUniqueOrThrow({ where: { id: issued.userId } })).username;
    const first = await signInWithPassword(username, issued.password, "test");
    expect(first).toMatchObject({ ok: true });
    const id = await startSession(issued.userId);
    const user = await sessionUser(id);
    expect(user).toMatchObject({ mustChangePassword: true });
    const actor = { id: issued.userId, role: "STAFF" as const, lawyerId: null, mustChangePassword: true };
    expect(can.workAsStaff(actor)).toBe(false);
    expect(can.changeOwnPassword(actor)).toBe(true);

    expect(await signInWithPassword(username, issued.password, "test")).toEqual({
      ok: false,
      message: "这个初始密码已经用过一次，不能再用来登录。请联系司法所工作人员重新设置密码。",
    });
    expect(
      await changeOwnPassword({ id: issued.userId, sessionId: id }, { current: issued.password, next: "my-own-secret-2026" }),
    ).toMatchObject({
      ok: true,
    });
    expect(await sessionUser(id)).toMatchObject({ mustChangePassword: false });
    expect(await signInWithPassword(username, "my-own-secret-2026", "test")).toMatchObject({ ok: true });
    expect(await signInWithPassword(username, "my-own-secret-2026", "test")).toMatchObject({ ok: true });
  });

  it("is used once even when two sign-ins race with it", async () => {
    const issued = await createStaffAccount(await asAdmin(), {
      username: `race-${randomBytes(4).toString("hex")}`,
      displayName: "新同事",
      role: "STAFF",
    });
    if (!issued.ok) throw new Error(issued.message);
    const username = (await prisma.user.findUniqueOrThrow({ where: { id: issued.userId } })).username;
    const results = await Promise.all([0, 1, 2].map((i) => signInWithPassword(username, issued.password, `race-${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});
