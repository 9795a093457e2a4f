// Staff add lawyers with a sign-in account, reset their passwords and deactivate them. Against the real PostgreSQL.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createBooking } from "@/lib/booking/mutations";
import { bookingInput, createVenueFixture, prisma, testTownId, uniquePhone } from "@/lib/testing/fixtures";
import { addDays, fromDbDate, toDbDate } from "@/lib/time";
import { createLawyer, deactivateLawyer, resetLawyerPassword, updateLawyer } from "./mutations";
import { getLawyer, listUpcomingBookings } from "./queries";
import type { CreateLawyerInput } from "./schema";
import { createLawyerInput } from "./schema";

/** Staff of the shared test town, where the fixtures' venues are. */
const asStaff = async () =>
  townScope({
    id: "lawyer-test-staff",
    role: "STAFF",
    displayName: "司法所测试员",
    lawyerId: null,
    townId: await testTownId(),
  }) as TownScope;

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
  const result = await createLawyer(await asStaff(), input);
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
    expect(await getLawyer(await asStaff(), result.lawyerId)).toMatchObject({
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
    const again = await createLawyer(await asStaff(), lawyerInput(venue.id, { username: name }));
    expect(again).toMatchObject({ ok: false, code: "invalid_input", fields: { username: expect.stringContaining("已被使用") } });
    const phone = (await getLawyer(await asStaff(), first.lawyerId))?.publicPhone as string;
    const samePhone = await createLawyer(await asStaff(), lawyerInput(venue.id, { publicPhone: phone }));
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
    const result = await updateLawyer(await asStaff(), lawyerId, {
      ...input,
      firm: "另一家律师事务所",
      venues: [],
      advises: [b.venue.id],
    });
    expect(result).toEqual({ ok: true });
    expect(await getLawyer(await asStaff(), lawyerId)).toMatchObject({
      firm: "另一家律师事务所",
      venues: [{ id: b.venue.id, isAdviser: true }],
    });
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
    const reset = await resetLawyerPassword(await asStaff(), first.lawyerId);
    if (!reset.ok) throw new Error(reset.message);
    expect(reset.password).not.toBe(first.password);
    expect((await signInWithPassword(input.publicPhone, first.password, "test")).ok).toBe(false);
    expect((await signInWithPassword(input.publicPhone, reset.password, "test")).ok).toBe(true);
    expect(await prisma.auditLog.count({ where: { subjectId: first.userId, kind: "account", action: "reset_password" } })).toBe(
      1,
    );
  });
});

/** A new lawyer on duty 09:00–12:00 every day at the fixture's venue, beside the fixture's own lawyer (the colleague). */
async function leavingLawyer() {
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
  const book = async (day: number) => {
    const booked = await createBooking(bookingInput(f.venue.slug, f.slotOn(day), { lawyerId }));
    if (!booked.ok) throw new Error(booked.message);
    return prisma.booking.findUniqueOrThrow({ where: { code: booked.booking.code } });
  };
  return { f, input, lawyerId, password, colleague: f.lawyers[0], book };
}

/** The texts queued for a booking after it was made (the confirmation is left out). */
const toldOf = (bookingId: string) =>
  prisma.notification.findMany({
    where: { bookingId, kind: { in: ["CHANGE", "CANCELLATION"] } },
    select: { kind: true, status: true },
  });

describe("deactivateLawyer", () => {
  it("ends their weekly sessions today and blocks sign-in; with no bookings to come, in one step", async () => {
    const { f, input, lawyerId, password } = await leavingLawyer();
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

    const result = await deactivateLawyer(await asStaff(), lawyerId);
    if (!result.ok) throw new Error(result.message);
    expect(result.endedSessions).toBe(8);
    const sessions = await prisma.dutySession.findMany({ where: { lawyerId } });
    expect(sessions).toHaveLength(7);
    expect(sessions.every((s) => s.validUntil && fromDbDate(s.validUntil) === f.today)).toBe(true);
    expect(await signInWithPassword(input.publicPhone, password, "test")).toMatchObject({ ok: false });
    expect(await getLawyer(await asStaff(), lawyerId)).toMatchObject({ active: false });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: lawyerId, action: "deactivate" } });
    expect(entry.summary).toContain("结束 8 个每周排班");

    expect(await deactivateLawyer(await asStaff(), lawyerId)).toMatchObject({ ok: false, code: "conflict" });
    expect(await resetLawyerPassword(await asStaff(), lawyerId)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("first lists the bookings to come with the colleagues free then, and changes nothing", async () => {
    const { input, lawyerId, password, colleague, book } = await leavingLawyer();
    const booking = await book(3);
    const result = await deactivateLawyer(await asStaff(), lawyerId);
    expect(result).toMatchObject({
      ok: false,
      code: "bookings_affected",
      affected: [{ id: booking.id, code: booking.code, colleagues: [{ id: colleague.id, name: colleague.name }] }],
    });
    expect(await getLawyer(await asStaff(), lawyerId)).toMatchObject({ active: true });
    expect(await prisma.dutySession.count({ where: { lawyerId, validUntil: null } })).toBe(7);
    expect((await signInWithPassword(input.publicPhone, password, "test")).ok).toBe(true);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toEqual(booking);
    expect(await toldOf(booking.id)).toEqual([]);
  });

  it("hands each booking to a free colleague or cancels it with a reason, in one step, and tells each villager", async () => {
    const { lawyerId, colleague, book } = await leavingLawyer();
    const [handed, cancelled] = [await book(3), await book(4)];
    // Both villagers have had their confirmations (the worker's part): what follows is news to them.
    await prisma.notification.updateMany({
      where: { bookingId: { in: [handed.id, cancelled.id] }, kind: "CONFIRMATION" },
      data: { status: "SENT" },
    });
    const result = await deactivateLawyer(await asStaff(), lawyerId, {
      choices: [
        { bookingId: handed.id, action: "reassign", lawyerId: colleague.id },
        { bookingId: cancelled.id, action: "cancel", reason: "律师已离职，请重新预约" },
      ],
    });
    expect(result).toMatchObject({ ok: true, endedSessions: 7 });
    expect(await getLawyer(await asStaff(), lawyerId)).toMatchObject({ active: false });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: handed.id } })).toMatchObject({
      lawyerId: colleague.id,
      status: "CONFIRMED",
      notice: `原律师已不再驻点服务，您的预约已改由 ${colleague.name} 律师接待，时间地点不变。`,
    });
    const gone = await prisma.booking.findUniqueOrThrow({ where: { id: cancelled.id } });
    expect(gone).toMatchObject({ status: "CANCELLED", cancelReason: "律师已离职，请重新预约", lawyerId });
    expect(gone.notice).toContain("律师已离职，请重新预约");
    expect(await toldOf(handed.id)).toEqual([{ kind: "CHANGE", status: "QUEUED" }]);
    expect(await toldOf(cancelled.id)).toEqual([{ kind: "CANCELLATION", status: "QUEUED" }]);
    const entries = await prisma.auditLog.findMany({
      where: { subjectId: { in: [handed.id, cancelled.id] }, kind: "booking" },
      select: { action: true },
      orderBy: { action: "asc" },
    });
    expect(entries.map((e) => e.action)).toEqual(["cancel", "reassign"]);
    expect(await listUpcomingBookings(await asStaff(), lawyerId)).toEqual([]);
  });

  it("without a choice for every booking (or with a colleague who is not free) changes nothing at all", async () => {
    const { f, lawyerId, colleague, book } = await leavingLawyer();
    const [first, second] = [await book(3), await book(4)];
    const missing = await deactivateLawyer(await asStaff(), lawyerId, {
      choices: [{ bookingId: first.id, action: "reassign", lawyerId: colleague.id }],
    });
    expect(missing).toMatchObject({
      ok: false,
      code: "bookings_affected",
      fields: { [`choice-${second.id}`]: expect.stringContaining("请为这个预约选择") },
    });
    // The colleague is busy at the second booking's time: not one to hand it to.
    const busy = await createBooking(bookingInput(f.venue.slug, f.slotOn(4), { lawyerId: colleague.id }));
    expect(busy.ok).toBe(true);
    const notFree = await deactivateLawyer(await asStaff(), lawyerId, {
      choices: [
        { bookingId: first.id, action: "reassign", lawyerId: colleague.id },
        { bookingId: second.id, action: "reassign", lawyerId: colleague.id },
      ],
    });
    expect(notFree).toMatchObject({
      ok: false,
      code: "bookings_affected",
      fields: { [`choice-${second.id}`]: expect.stringContaining("没有空") },
    });
    expect(await getLawyer(await asStaff(), lawyerId)).toMatchObject({ active: true });
    expect(await prisma.dutySession.count({ where: { lawyerId, validUntil: null } })).toBe(7);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: first.id } })).toEqual(first);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: second.id } })).toEqual(second);
    expect([...(await toldOf(first.id)), ...(await toldOf(second.id))]).toEqual([]);
    expect(await prisma.auditLog.count({ where: { subjectId: lawyerId, action: "deactivate" } })).toBe(0);
  });
});
