// Accounts in a town scope (issue 23): a town's administrator sees and looks after only its own
// staff accounts and its lawyers' accounts; another town's answer as missing ones, and nothing
// changes. Against the real PostgreSQL.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { type TownScope, townScope } from "@/lib/auth/scope";
import { createLawyer } from "@/lib/lawyers/mutations";
import { createTownFixture, createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { createStaffAccount, deactivateAccount, resetPassword } from "./mutations";
import { listStaffAccounts } from "./queries";

const adminOf = (townId: string) =>
  townScope({ id: `admin-${townId}`, role: "ADMIN", displayName: "镇管理员", lawyerId: null, townId }) as TownScope;

async function twoTowns() {
  const [a, b] = [await createTownFixture("甲镇"), await createTownFixture("乙镇")];
  const staffOfA = await prisma.user.create({
    data: {
      username: `a-${randomBytes(4).toString("hex")}`,
      displayName: "甲镇工作人员",
      role: "STAFF",
      townId: a.id,
      passwordHash: await hashPassword("old-secret-2026"),
    },
  });
  const { venue } = await createVenueFixture({ townId: a.id, lawyers: 0 });
  const lawyer = await createLawyer(adminOf(a.id), {
    name: "甲镇律师",
    firm: "测试律师事务所",
    publicPhone: uniquePhone(),
    specialties: [],
    venues: [venue.id],
    advises: [],
  });
  if (!lawyer.ok) throw new Error(lawyer.message);
  return { a: adminOf(a.id), b: adminOf(b.id), staffOfA, lawyerUserId: lawyer.userId };
}

const rowOf = (id: string) => prisma.user.findUniqueOrThrow({ where: { id } });

describe("accounts in a town scope", () => {
  it("lists only the town's own staff and administrators", async () => {
    const { a, b, staffOfA } = await twoTowns();
    expect((await listStaffAccounts(a)).map((r) => r.id)).toContain(staffOfA.id);
    expect((await listStaffAccounts(b)).map((r) => r.id)).not.toContain(staffOfA.id);
  });

  it("answers another town's staff or lawyer account as a missing one, and changes nothing", async () => {
    const { a, b, staffOfA, lawyerUserId } = await twoTowns();
    for (const id of [staffOfA.id, lawyerUserId]) {
      const before = await rowOf(id);
      expect(await resetPassword(b, id)).toEqual(await resetPassword(b, "no-such-account"));
      expect(await resetPassword(b, id)).toMatchObject({ ok: false, code: "not_found" });
      expect(await deactivateAccount(b, id)).toMatchObject({ ok: false, code: "not_found" });
      expect(await rowOf(id)).toEqual(before);
      expect(await prisma.auditLog.count({ where: { subjectId: id, actorId: b.actor.id } })).toBe(0);
    }
    // The town's own administrator may.
    expect(await resetPassword(a, staffOfA.id)).toMatchObject({ ok: true });
    expect(await resetPassword(a, lawyerUserId)).toMatchObject({ ok: true });
    expect(await deactivateAccount(a, staffOfA.id)).toEqual({ ok: true });
  });

  it("gives a new staff or administrator account the scope's town", async () => {
    const { b } = await twoTowns();
    for (const role of ["STAFF", "ADMIN"] as const) {
      const made = await createStaffAccount(b, { username: `new-${randomBytes(4).toString("hex")}`, displayName: "新人", role });
      if (!made.ok) throw new Error(made.message);
      expect(await rowOf(made.userId)).toMatchObject({ role, townId: b.townId, mustChangePassword: true });
      expect((await listStaffAccounts(b)).map((r) => r.id)).toContain(made.userId);
    }
  });
});
