// Staff add lawyers with a sign-in account, reset their passwords and deactivate them. Against the real PostgreSQL.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createBooking } from "@/lib/booking/mutations";
import { bookingInput, createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { addDays, fromDbDate, toDbDate } from "@/lib/time";
import { createLawyer, deactivateLawyer, resetLawyerPassword, updateLawyer } from "./mutations";
import { getLawyer, listUpcomingBookings } from "./queries";
import type { CreateLawyerInput } from "./schema";
import { createLawyerInput } from "./schema";

const staff: CurrentUser = { id: "lawyer-test-staff", role: "STAFF", displayName: "司法所测试员", lawyerId: null };

function lawyerInput(venueId: string, extra: Partial<CreateLawyerInput> = {}): CreateLawyerInput {
  return {
    name: `新律师${randomBytes(2).toString("hex")}`,
    firm: "测试律师事务所",
    publicPhone: uniquePhone(),
    specialties: ["婚姻家庭", "劳动争议"],
    venues: [venueId],
    advises: [],
    ...extra,
  };
}

async function created(input: CreateLawyerInput) {
  const result = await createLawyer(staff, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

describe("createLawyer", () => {
  it("returns a one-time password that signs in with the phone number, and stores only its hash", async () => {
    const { venue } = await createVenueFixture();
    const input = lawyerInput(venue.id, { advises: [venue.id] });
    const result = await created(input);
    expect(result.username).toBe(input.publicPhone);
    expect(result.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user).toMatchObject({ role: "LAWYER", displayName: input.name, active: true });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(result.password);
    expect(await signInWithPassword(input.publicPhone, result.password, "test")).toMatchObject({
      ok: true,
      user: { id: user.id },
    });
    expect(await getLawyer(result.lawyerId)).toMatchObject({
      username: input.publicPhone,
      specialties: ["婚姻家庭", "劳动争议"],
      venues: [{ id: venue.id, isAdviser: true }],
    });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: result.lawyerId } });
    expect(entry).toMatchObject({ kind: "lawyer", action: "create" });
    expect(entry.summary).not.toContain(result.password);
  });

  it("uses a chosen account name, and refuses one already taken or a phone another lawyer uses", async () => {
    const { venue } = await createVenueFixture();
    const name = `lawyer-${randomBytes(3).toString("hex")}`;
    const first = await created(lawyerInput(venue.id, { username: name }));
    expect(first.username).toBe(name);
    expect((await signInWithPassword(name.toUpperCase(), first.password, "test")).ok).toBe(true);
    const again = await createLawyer(staff, lawyerInput(venue.id, { username: name }));
    expect(again).toMatchObject({ ok: false, code: "invalid_input", fields: { username: expect.stringContaining("已被使用") } });
    const phone = (await getLawyer(first.lawyerId))?.publicPhone as string;
    const samePhone = await createLawyer(staff, lawyerInput(venue.id, { publicPhone: phone }));
    expect(samePhone).toMatchObject({ ok: false, fields: { publicPhone: expect.stringContaining("电话号码") } });
  });

  it("splits specialties typed with commas or on separate lines", () => {
    const parsed = createLawyerInput.parse({
      name: "王律师",
      firm: "某所",
      publicPhone: "138 0013 8000",
      specialties: "婚姻家庭，继承\n劳动争议、 婚姻家庭",
      username: "",
    });
    expect(parsed).toMatchObject({
      publicPhone: "13800138000",
      specialties: ["婚姻家庭", "继承", "劳动争议"],
      username: undefined,
    });
  });
});

describe("updateLawyer", () => {
  it("changes the profile and the venues served, with an audit entry", async () => {
    const a = await createVenueFixture();
    const b = await createVenueFixture();
    const input = lawyerInput(a.venue.id);
    const { lawyerId, userId } = await created(input);
    const result = await updateLawyer(staff, lawyerId, { ...input, firm: "另一家律师事务所", venues: [], advises: [b.venue.id] });
    expect(result).toEqual({ ok: true });
    expect(await getLawyer(lawyerId)).toMatchObject({ firm: "另一家律师事务所", venues: [{ id: b.venue.id, isAdviser: true }] });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).displayName).toBe(input.name);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: lawyerId, action: "update" } });
    expect(entry.summary).toContain("律师事务所、服务地点");
  });
});

describe("resetLawyerPassword", () => {
  it("gives a new one-time password; the old one stops working", async () => {
    const { venue } = await createVenueFixture();
    const input = lawyerInput(venue.id);
    const first = await created(input);
    const reset = await resetLawyerPassword(staff, first.lawyerId);
    if (!reset.ok) throw new Error(reset.message);
    expect(reset.password).not.toBe(first.password);
    expect((await signInWithPassword(input.publicPhone, first.password, "test")).ok).toBe(false);
    expect((await signInWithPassword(input.publicPhone, reset.password, "test")).ok).toBe(true);
    expect(await prisma.auditLog.count({ where: { subjectId: first.userId, kind: "account", action: "reset_password" } })).toBe(
      1,
    );
  });
});

describe("deactivateLawyer", () => {
  it("ends their weekly sessions today, lists their upcoming bookings and blocks sign-in", async () => {
    const f = await createVenueFixture();
    const input = lawyerInput(f.venue.id);
    const { lawyerId, password } = await created(input);
    await prisma.dutySession.createMany({
      data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        lawyerId,
        venueId: f.venue.id,
        weekday,
        startMinute: 9 * 60,
        endMinute: 12 * 60,
        validFrom: toDbDate(addDays(f.today, -30)),
      })),
    });
    // One that has not begun yet: it has no history and goes.
    await prisma.dutySession.create({
      data: {
        lawyerId,
        venueId: f.venue.id,
        weekday: 1,
        startMinute: 14 * 60,
        endMinute: 17 * 60,
        validFrom: toDbDate(addDays(f.today, 10)),
      },
    });
    const booked = await createBooking(bookingInput(f.venue.slug, f.slotOn(3), { lawyerId }));
    if (!booked.ok) throw new Error(booked.message);

    const result = await deactivateLawyer(staff, lawyerId);
    if (!result.ok) throw new Error(result.message);
    expect(result.endedSessions).toBe(8);
    expect(result.upcoming).toEqual([
      { code: booked.booking.code, start: f.slotOn(3), end: expect.any(Date), venueName: f.venue.name },
    ]);
    const sessions = await prisma.dutySession.findMany({ where: { lawyerId } });
    expect(sessions).toHaveLength(7);
    expect(sessions.every((s) => s.validUntil && fromDbDate(s.validUntil) === f.today)).toBe(true);
    expect(await listUpcomingBookings(lawyerId)).toHaveLength(1);
    expect((await prisma.booking.findUniqueOrThrow({ where: { code: booked.booking.code } })).status).toBe("CONFIRMED");
    expect(await signInWithPassword(input.publicPhone, password, "test")).toMatchObject({ ok: false });
    expect(await getLawyer(lawyerId)).toMatchObject({ active: false });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: lawyerId, action: "deactivate" } });
    expect(entry.summary).toContain("1 个未到期预约待改派");

    expect(await deactivateLawyer(staff, lawyerId)).toMatchObject({ ok: false, code: "conflict" });
    expect(await resetLawyerPassword(staff, lawyerId)).toMatchObject({ ok: false, code: "conflict" });
  });
});
