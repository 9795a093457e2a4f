// A lawyer reads and changes only their own bookings and walk-ins; staff any in their town. Against the real PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { createBooking } from "@/lib/booking/mutations";
import { bookingInput, createVenueFixture, lawyerActor, prisma, testTownId, walkInInput } from "@/lib/testing/fixtures";
import { addDays, zonedInstant } from "@/lib/time";
import { checkInBooking, completeBooking, markNoShow, recordWalkIn, undoCheckIn, updateWalkIn } from "./mutations";
import { getConsultation, getWalkIn, listAgenda, openAgenda, openConsultation } from "./queries";

/** Staff of the test town, where the fixtures' venues are. */
let staff: TownScope;
beforeAll(async () => {
  const townId = await testTownId();
  staff = townScope({ id: "staff-user", role: "STAFF", displayName: "司法所", lawyerId: null, townId }) as TownScope;
});

/** `minutes` before a booking's start: check-in opens an hour before, on the booking's day only. */
const minutesBefore = (booking: { startsAt: Date }, minutes: number) => ({
  now: new Date(booking.startsAt.getTime() - minutes * 60_000),
});

async function twoLawyersWithBookings() {
  const f = await createVenueFixture({ lawyers: 2 });
  const [a, b] = f.lawyers;
  const book = async (lawyerId: string, days = 1) => {
    const result = await createBooking(bookingInput(f.venue.slug, f.slotOn(days), { lawyerId }));
    if (!result.ok) throw new Error(result.message);
    return prisma.booking.findUniqueOrThrow({ where: { code: result.booking.code } });
  };
  return { f, a: lawyerActor(a.id), b: lawyerActor(b.id), bookingOfA: await book(a.id), bookingOfB: await book(b.id), book };
}

describe("a lawyer's own bookings", () => {
  it("checks in, then records done with outcomes, minutes and a private note", async () => {
    const { a, bookingOfA } = await twoLawyersWithBookings();
    expect(await checkInBooking(a, bookingOfA.id, minutesBefore(bookingOfA, 30))).toEqual({ ok: true });
    expect(await checkInBooking(a, bookingOfA.id, minutesBefore(bookingOfA, 29))).toMatchObject({ ok: false, code: "conflict" });
    const done = await completeBooking(a, bookingOfA.id, {
      outcomes: ["CONSULTATION", "DOCUMENT"],
      minutesSpent: 45,
      lawyerNote: "已代写起诉状",
    });
    expect(done).toEqual({ ok: true });
    const view = await getConsultation(a, bookingOfA.id);
    expect(view).toMatchObject({
      status: "DONE",
      outcomes: ["CONSULTATION", "DOCUMENT"],
      minutesSpent: 45,
      lawyerNote: "已代写起诉状",
    });
    expect(view?.checkedInAt).toBeInstanceOf(Date);
    expect(await prisma.auditLog.count({ where: { subjectId: bookingOfA.id, kind: "booking" } })).toBe(2);
  });

  it("refuses an outcome before the booked time unless the villager was checked in, and writes nothing", async () => {
    const { a, bookingOfA } = await twoLawyersWithBookings();
    const input = { outcomes: ["OTHER" as const], minutesSpent: 10 };
    const early = await completeBooking(a, bookingOfA.id, input, minutesBefore(bookingOfA, 130));
    expect(early).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("还不能记录服务结果") });
    expect(await completeBooking(a, bookingOfA.id, input, minutesBefore(bookingOfA, 1))).toMatchObject({ ok: false });
    const row = await prisma.booking.findUniqueOrThrow({ where: { id: bookingOfA.id } });
    expect(row).toMatchObject({ status: "CONFIRMED", outcomes: [], completedAt: null });
    expect(await prisma.auditLog.count({ where: { subjectId: bookingOfA.id } })).toBe(0);
    // From the booked time on, and after the fact.
    expect(await completeBooking(a, bookingOfA.id, input, minutesBefore(bookingOfA, 0))).toEqual({ ok: true });
  });

  it("records an outcome early for a villager checked in early (check-in opens an hour before)", async () => {
    const { a, bookingOfA } = await twoLawyersWithBookings();
    expect(await checkInBooking(a, bookingOfA.id, minutesBefore(bookingOfA, 50))).toEqual({ ok: true });
    expect(
      await completeBooking(a, bookingOfA.id, { outcomes: ["OTHER"], minutesSpent: 10 }, minutesBefore(bookingOfA, 45)),
    ).toEqual({ ok: true });
  });

  it("marks a no-show only once the booked time has begun", async () => {
    const { a, bookingOfA } = await twoLawyersWithBookings();
    expect(await markNoShow(a, bookingOfA.id)).toMatchObject({ ok: false, code: "conflict" });
    expect(await markNoShow(a, bookingOfA.id, { now: new Date(bookingOfA.startsAt.getTime() + 60_000) })).toEqual({ ok: true });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: bookingOfA.id } })).status).toBe("NO_SHOW");
  });

  it("lists today first and the coming days' bookings, grouped by Shanghai date", async () => {
    const { f, a, bookingOfA, book } = await twoLawyersWithBookings();
    const later = await book(a.lawyerId as string, 3);
    const agenda = await listAgenda(a, a.lawyerId as string);
    expect(agenda.days.map((d) => d.date)).toEqual([f.today, f.dateOn(1), f.dateOn(3)]);
    expect(agenda.days[1].bookings.map((b) => b.id)).toEqual([bookingOfA.id]);
    expect(agenda.days[2].bookings.map((b) => b.id)).toEqual([later.id]);
    expect(agenda.days[1].bookings[0].phone).toBe(bookingOfA.phone);
  });
});

describe("check-in (the villager has arrived)", () => {
  const unchanged = async (id: string) => {
    expect(await prisma.booking.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CONFIRMED", checkedInAt: null });
    expect(await prisma.auditLog.count({ where: { subjectId: id, action: "check_in" } })).toBe(0);
  };

  it("is refused 61 minutes before the start and accepted 59 minutes before", async () => {
    const { a, bookingOfA } = await twoLawyersWithBookings();
    const early = await checkInBooking(a, bookingOfA.id, minutesBefore(bookingOfA, 61));
    expect(early).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("开始前 1 小时起才能签到") });
    await unchanged(bookingOfA.id);
    const { now } = minutesBefore(bookingOfA, 59);
    expect(await checkInBooking(a, bookingOfA.id, { now })).toEqual({ ok: true });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: bookingOfA.id } })).toMatchObject({
      status: "CHECKED_IN",
      checkedInAt: now,
    });
  });

  it("is refused on the day before, even within the hour (a booking just after midnight, Shanghai)", async () => {
    const { f, a, bookingOfA } = await twoLawyersWithBookings();
    // Moved straight in the database to 00:30 on its day: no duty starts that early, but bookings can be there.
    const start = zonedInstant(f.dateOn(2), 30);
    await prisma.booking.update({
      where: { id: bookingOfA.id },
      data: { startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000) },
    });
    const lateEvening = zonedInstant(f.dateOn(2), -15); // 23:45 the day before
    const refused = await checkInBooking(a, bookingOfA.id, { now: lateEvening });
    expect(refused).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("只能在预约当天签到") });
    await unchanged(bookingOfA.id);
    expect(await checkInBooking(a, bookingOfA.id, { now: zonedInstant(f.dateOn(2), 5) })).toEqual({ ok: true });
  });

  it("is undone by the booking's own lawyer on its day, not by another lawyer, and not the next day", async () => {
    const { f, a, b, bookingOfA, book } = await twoLawyersWithBookings();
    const { now } = minutesBefore(bookingOfA, 10);
    expect(await checkInBooking(a, bookingOfA.id, { now })).toEqual({ ok: true });
    expect(await undoCheckIn(b, bookingOfA.id, { now })).toMatchObject({ ok: false, code: "not_found" });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: bookingOfA.id } })).status).toBe("CHECKED_IN");
    const later = zonedInstant(f.dateOn(1), 23 * 60 + 50);
    expect(await undoCheckIn(a, bookingOfA.id, { now: later })).toEqual({ ok: true });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: bookingOfA.id } })).toMatchObject({
      status: "CONFIRMED",
      checkedInAt: null,
    });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: bookingOfA.id, action: "undo_check_in" } });
    expect(entry.summary).toBe(`撤销签到：预约 ${bookingOfA.code}`);
    // Nothing to undo any more.
    expect(await undoCheckIn(a, bookingOfA.id, { now: later })).toMatchObject({ ok: false, code: "conflict" });

    // A check-in stands once its day is over.
    const other = await book(a.lawyerId as string, 3);
    expect(await checkInBooking(a, other.id, minutesBefore(other, 5))).toEqual({ ok: true });
    const nextDay = zonedInstant(addDays(f.dateOn(3), 1), 8 * 60);
    const late = await undoCheckIn(a, other.id, { now: nextDay });
    expect(late).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("只能在预约当天撤销签到") });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("CHECKED_IN");
  });
});

describe("the audit entries of a lawyer's work", () => {
  it("say which booking a check-in, a result or a no-show concerns, and where and when a walk-in was, without a name", async () => {
    const { f, a, bookingOfA } = await twoLawyersWithBookings();
    expect(await checkInBooking(a, bookingOfA.id, minutesBefore(bookingOfA, 30))).toEqual({ ok: true });
    const walk = await recordWalkIn(a, walkInInput(f));
    if (!walk.ok) throw new Error(walk.message);
    const checkIn = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: bookingOfA.id, action: "check_in" } });
    expect(checkIn.summary).toBe(`签到：预约 ${bookingOfA.code}`);
    const created = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: walk.id, kind: "walk_in" } });
    expect(created.summary).toBe(`记录现场咨询：${f.venue.name} ${f.today} 10:15`);
    expect(created.summary).not.toContain("现场村民");
  });
});

describe("a lawyer opening personal data", () => {
  const viewsBy = (actorId: string) =>
    prisma.auditLog.findMany({
      where: { actorId, kind: "personal_data", action: "view" },
      select: { subjectId: true, summary: true },
    });

  it("writes one audit entry per opening of a booking's details, none for another lawyer's", async () => {
    const { a, bookingOfA, bookingOfB } = await twoLawyersWithBookings();
    expect((await openConsultation(a, bookingOfA.id))?.phone).toBe(bookingOfA.phone);
    // The page renders again after the result form is saved: the same opening.
    expect(await openConsultation(a, bookingOfA.id)).not.toBeNull();
    expect(await openConsultation(a, bookingOfB.id)).toBeNull();
    expect(await viewsBy(a.id)).toEqual([{ subjectId: bookingOfA.id, summary: `查看预约 ${bookingOfA.code} 的个人信息` }]);
  });

  it("writes one audit entry per opening of the agenda, which shows every booking's phone", async () => {
    const { a, b, book } = await twoLawyersWithBookings();
    await book(a.lawyerId as string, 2);
    expect((await openAgenda(a, a.lawyerId as string)).days.flatMap((d) => d.bookings)).toHaveLength(2);
    await openAgenda(a, a.lawyerId as string);
    expect(await viewsBy(a.id)).toEqual([{ subjectId: `agenda:${a.lawyerId}`, summary: "查看预约列表（2 个预约的个人信息）" }]);
    // Another lawyer's agenda shows nothing, so nothing was seen.
    expect(await openAgenda(b, a.lawyerId as string)).toEqual({ unrecorded: [], days: [] });
    expect(await viewsBy(b.id)).toEqual([]);
  });
});

describe("another lawyer's bookings and walk-ins", () => {
  it("are not found for check-in, done, no-show or reading, and stay unchanged", async () => {
    const { a, bookingOfB } = await twoLawyersWithBookings();
    const before = await prisma.booking.findUniqueOrThrow({ where: { id: bookingOfB.id } });
    const after = new Date(bookingOfB.startsAt.getTime() + 60_000);
    expect(await checkInBooking(a, bookingOfB.id, minutesBefore(bookingOfB, 30))).toMatchObject({ ok: false, code: "not_found" });
    expect(await undoCheckIn(a, bookingOfB.id, minutesBefore(bookingOfB, 30))).toMatchObject({ ok: false, code: "not_found" });
    expect(await completeBooking(a, bookingOfB.id, { outcomes: ["CONSULTATION"], minutesSpent: 5 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await markNoShow(a, bookingOfB.id, { now: after })).toMatchObject({ ok: false, code: "not_found" });
    expect(await getConsultation(a, bookingOfB.id)).toBeNull();
    expect(await listAgenda(a, bookingOfB.lawyerId)).toEqual({ unrecorded: [], days: [] });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: bookingOfB.id } })).toEqual(before);
    expect(await prisma.auditLog.count({ where: { subjectId: bookingOfB.id } })).toBe(0);
  });

  it("a walk-in of one lawyer cannot be read or changed by another", async () => {
    const { f, a, b } = await twoLawyersWithBookings();
    const created = await recordWalkIn(b, walkInInput(f));
    if (!created.ok) throw new Error(created.message);
    expect(await getWalkIn(a, created.id)).toBeNull();
    expect(await updateWalkIn(a, created.id, walkInInput(f, { name: "改名" }))).toMatchObject({ ok: false, code: "not_found" });
    expect((await prisma.walkIn.findUniqueOrThrow({ where: { id: created.id } })).name).toBe("现场村民");
    expect(await getWalkIn(b, created.id)).toMatchObject({ name: "现场村民", phone: "13900000000", lawyerId: b.lawyerId });
  });

  it("staff may act on any lawyer's booking in their town", async () => {
    const { bookingOfB } = await twoLawyersWithBookings();
    expect(await checkInBooking(staff, bookingOfB.id, minutesBefore(bookingOfB, 30))).toEqual({ ok: true });
    expect(await getConsultation(staff, bookingOfB.id)).toMatchObject({ status: "CHECKED_IN" });
  });

  it("a lawyer account without a lawyer profile sees and changes nothing", async () => {
    const { bookingOfA } = await twoLawyersWithBookings();
    const orphan: CurrentUser = { id: "orphan", role: "LAWYER", displayName: "无", lawyerId: null };
    expect(await checkInBooking(orphan, bookingOfA.id, minutesBefore(bookingOfA, 30))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await getConsultation(orphan, bookingOfA.id)).toBeNull();
  });
});

describe("recordWalkIn", () => {
  it("records a walk-in at a venue the lawyer serves, at the Shanghai wall-clock time given", async () => {
    const { f, a } = await twoLawyersWithBookings();
    const result = await recordWalkIn(a, walkInInput(f, { lawyerId: "ignored-for-lawyers" }));
    if (!result.ok) throw new Error(result.message);
    const row = await prisma.walkIn.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.lawyerId).toBe(a.lawyerId);
    expect(row.at.toISOString()).toBe(new Date(`${f.today}T10:15:00+08:00`).toISOString());
  });

  it("refuses a venue the lawyer does not serve, an unknown topic and a future date, beside the fields", async () => {
    const { f, a } = await twoLawyersWithBookings();
    const other = await createVenueFixture();
    const result = await recordWalkIn(
      a,
      walkInInput(f, { venueId: other.venue.id, topic: "no-such-topic", date: addDays(f.today, 1) }),
    );
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!result.ok && Object.keys(result.fields ?? {}).sort()).toEqual(["date", "topic", "venueId"]);
    expect(await prisma.walkIn.count({ where: { lawyerId: a.lawyerId as string } })).toBe(0);
  });
});
