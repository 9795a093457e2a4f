// Duty-hour changes against the real PostgreSQL: who may change what, clashes, and the bookings a change touches.

import { describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { createBooking } from "@/lib/booking/mutations";
import { shortWhen } from "@/lib/messages/rules";
import { bookingInput, createVenueFixture, lawyerActor, prisma, testTownId } from "@/lib/testing/fixtures";
import { addDays, isoWeekday, toDbDate } from "@/lib/time";
import { addExtra, addLeave, addSession, changeSession, endSession, removeException } from "./mutations";
import { getSchedule } from "./queries";

const staff: CurrentUser = { id: "schedule-test-staff", role: "STAFF", displayName: "司法所", lawyerId: null };
/** Staff work through their town's scope: the shared test town, where the fixtures' venues are. */
const asStaff = async () => townScope({ ...staff, townId: await testTownId() }) as TownScope;

/** Two lawyers on duty 09:00–12:00 daily at a fresh venue; lawyer A has a booking at 09:00 on the third open day. */
async function setUp() {
  const f = await createVenueFixture({ lawyers: 2 });
  const [a, b] = f.lawyers;
  const result = await createBooking(bookingInput(f.venue.slug, f.slotOn(3), { lawyerId: a.id, name: "王阿婆" }));
  if (!result.ok) throw new Error(result.message);
  const booking = await prisma.booking.findUniqueOrThrow({ where: { code: result.booking.code } });
  return { f, a, b, actorA: lawyerActor(a.id), actorB: lawyerActor(b.id), booking, date: f.dateOn(3) };
}

/** Another venue, which the lawyer serves but has no duty at yet. */
async function secondVenue(lawyerId: string) {
  const { venue } = await createVenueFixture({ lawyers: 0 });
  await prisma.lawyerVenue.create({ data: { lawyerId, venueId: venue.id } });
  return venue;
}

async function snapshot(lawyerId: string) {
  const [sessions, exceptions, bookings] = await Promise.all([
    prisma.dutySession.findMany({ where: { lawyerId }, orderBy: { id: "asc" } }),
    prisma.dutyException.findMany({ where: { lawyerId }, orderBy: { id: "asc" } }),
    prisma.booking.findMany({ where: { lawyerId }, orderBy: { id: "asc" } }),
  ]);
  return { sessions, exceptions, bookings };
}

describe("who may change duty hours", () => {
  it("a lawyer can neither read nor change another lawyer's sessions or exceptions; staff can", async () => {
    const { f, b, actorA, date } = await setUp();
    const bSession = await prisma.dutySession.findFirstOrThrow({ where: { lawyerId: b.id, weekday: isoWeekday(date) } });
    const bLeave = await prisma.dutyException.create({
      data: { lawyerId: b.id, kind: "LEAVE", date: toDbDate(addDays(f.today, 5)) },
    });
    const before = await snapshot(b.id);

    expect(await getSchedule(actorA, b.id)).toBeNull();
    const attempts = [
      addSession(actorA, b.id, {
        venueId: f.venue.id,
        weekday: 1,
        startMinute: 14 * 60,
        endMinute: 15 * 60,
        validFrom: f.today,
        validUntil: null,
      }),
      changeSession(actorA, b.id, { sessionId: bSession.id, weekday: 1, startMinute: 600, endMinute: 660, from: f.today }),
      // Their own lawyer id with someone else's row is refused just the same.
      changeSession(actorA, actorA.lawyerId as string, {
        sessionId: bSession.id,
        weekday: 1,
        startMinute: 600,
        endMinute: 660,
        from: f.today,
      }),
      endSession(actorA, actorA.lawyerId as string, { sessionId: bSession.id, lastDate: f.today }),
      addLeave(actorA, b.id, { date, venueId: null, startMinute: null, endMinute: null, note: null }),
      addExtra(actorA, b.id, { date, venueId: f.venue.id, startMinute: 14 * 60, endMinute: 15 * 60, note: null }),
      removeException(actorA, actorA.lawyerId as string, { exceptionId: bLeave.id }),
    ];
    // Another lawyer's duty named outright: 没有权限 (issue 22 item 7); their own lawyer id with
    // someone else's row: not found, so ids cannot be probed.
    const results = await Promise.all(attempts);
    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual([
      "forbidden",
      "forbidden",
      "not_found",
      "not_found",
      "forbidden",
      "forbidden",
      "not_found",
    ]);
    expect(results[0]).toMatchObject({ message: expect.stringMatching(/^没有权限/) });
    expect(await snapshot(b.id)).toEqual(before);

    const schedule = await getSchedule(await asStaff(), b.id);
    expect(schedule?.sessions).toHaveLength(7);
    expect(await removeException(await asStaff(), b.id, { exceptionId: bLeave.id })).toMatchObject({ ok: true });
    // Staff change many lawyers' hours: the audit entry names whose.
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: bLeave.id, action: "delete" } });
    expect(entry.summary.startsWith(`${b.name}律师：撤销`)).toBe(true);
  });

  it("refuses a venue the lawyer does not serve", async () => {
    const { f, actorA } = await setUp();
    const other = await secondVenue((await prisma.lawyer.create({ data: { name: "别人", firm: "所", publicPhone: "1" } })).id);
    const result = await addSession(actorA, actorA.lawyerId as string, {
      venueId: other.id,
      weekday: 1,
      startMinute: 14 * 60,
      endMinute: 15 * 60,
      validFrom: f.today,
      validUntil: null,
    });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_input",
      fields: { venueId: expect.stringContaining("不在这个地点") },
    });
  });
});

describe("overlapping duty", () => {
  it("the database refuses a weekly session overlapping another venue's, and the message names the clash", async () => {
    const { f, a, actorA } = await setUp();
    const venue2 = await secondVenue(a.id);
    const result = await addSession(actorA, a.id, {
      venueId: venue2.id,
      weekday: 2,
      startMinute: 11 * 60,
      endMinute: 13 * 60,
      validFrom: addDays(f.today, 7),
      validUntil: null,
    });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    if (result.ok) return;
    expect(result.message).toMatch(new RegExp(`^与 星期二 09:00–12:00 在 ${f.venue.name} 的值班时间重叠`));
    expect(await prisma.dutySession.count({ where: { venueId: venue2.id } })).toBe(0);

    // Right after the morning is fine, and is now bookable.
    const ok = await addSession(actorA, a.id, {
      venueId: venue2.id,
      weekday: 2,
      startMinute: 12 * 60,
      endMinute: 13 * 60,
      validFrom: addDays(f.today, 7),
      validUntil: null,
    });
    expect(ok).toMatchObject({ ok: true });
  });

  it("refuses an extra session overlapping the lawyer's duty that date anywhere, unless on leave then", async () => {
    const { a, actorA, date, f } = await setUp();
    const venue2 = await secondVenue(a.id);
    const extra = { date, venueId: venue2.id, startMinute: 11 * 60, endMinute: 13 * 60, note: null };
    const refused = await addExtra(actorA, a.id, extra);
    expect(refused).toMatchObject({ ok: false, code: "invalid_input" });
    if (!refused.ok) expect(refused.message).toContain(`09:00–12:00 在 ${f.venue.name} 的值班时间重叠`);
    expect(await prisma.dutyException.count({ where: { lawyerId: a.id } })).toBe(0);

    const later = await addExtra(actorA, a.id, { ...extra, date: f.dateOn(4), startMinute: 12 * 60 });
    expect(later).toMatchObject({ ok: true });
    expect(await prisma.dutyException.count({ where: { lawyerId: a.id, kind: "EXTRA" } })).toBe(1);
  });
});

describe("history", () => {
  it("a change to a session that has begun ends the old row and starts a new one; bookings outside the change stay", async () => {
    const { f, a, actorA, booking, date } = await setUp();
    const weekday = isoWeekday(date);
    const session = await prisma.dutySession.findFirstOrThrow({ where: { lawyerId: a.id, weekday } });
    await prisma.dutySession.update({ where: { id: session.id }, data: { validFrom: toDbDate(addDays(f.today, -14)) } });
    // 09:00–11:00 still covers the 09:00 booking: nothing to choose.
    const result = await changeSession(actorA, a.id, {
      sessionId: session.id,
      weekday,
      startMinute: 9 * 60,
      endMinute: 11 * 60,
      from: addDays(f.today, 1),
    });
    expect(result).toMatchObject({ ok: true });
    const rows = await prisma.dutySession.findMany({ where: { lawyerId: a.id, weekday }, orderBy: { validFrom: "asc" } });
    expect(
      rows.map((r) => [r.validFrom.toISOString().slice(0, 10), r.validUntil?.toISOString().slice(0, 10) ?? null, r.endMinute]),
    ).toEqual([
      [addDays(f.today, -14), f.today, 12 * 60],
      [addDays(f.today, 1), null, 11 * 60],
    ]);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ lawyerId: a.id, notice: null });
    const audit = await prisma.auditLog.findMany({ where: { subjectId: session.id, kind: "session" } });
    expect(audit.map((e) => e.action)).toEqual(["update"]);
  });
});

describe("the answer to a leave", () => {
  it("says 您 to the lawyer who filed it and 这位律师 to staff filing it for them", async () => {
    const f = await createVenueFixture();
    const lawyer = f.lawyers[0];
    const self: CurrentUser = { id: `user-${lawyer.id}`, role: "LAWYER", displayName: "律师", lawyerId: lawyer.id };
    const mine = await addLeave(self, lawyer.id, {
      date: f.dateOn(20),
      venueId: null,
      startMinute: null,
      endMinute: null,
      note: null,
    });
    expect(mine).toMatchObject({ ok: true, message: expect.stringContaining("村民不能再预约您") });
    const filed = await addLeave(await asStaff(), lawyer.id, {
      date: f.dateOn(21),
      venueId: null,
      startMinute: null,
      endMinute: null,
      note: null,
    });
    expect(filed).toMatchObject({ ok: true, message: expect.stringContaining("村民不能再预约这位律师") });
  });
});

describe("changes over booked time", () => {
  it("leave over a booking without choices changes nothing and lists the booking with the free colleagues", async () => {
    const { a, b, actorA, booking, date } = await setUp();
    const before = await snapshot(a.id);
    const result = await addLeave(actorA, a.id, { date, venueId: null, startMinute: null, endMinute: null, note: "开庭" });
    expect(result).toMatchObject({ ok: false, code: "bookings_affected" });
    if (result.ok || result.code !== "bookings_affected") return;
    expect(result.affected).toEqual([
      expect.objectContaining({
        id: booking.id,
        name: "王阿婆",
        phone: expect.stringMatching(/^139\*{4}\d{4}$/),
        topic: "婚姻家庭",
        colleagues: [{ id: b.id, name: b.name }],
      }),
    ]);
    expect(await snapshot(a.id)).toEqual(before);
  });

  it("with a hand-over: the booking moves to the colleague, with a notice and a notification, in one go", async () => {
    const { a, b, actorA, booking, date } = await setUp();
    // The villager has had the confirmation (the worker's part): the hand-over is news to them.
    await prisma.notification.updateMany({ where: { bookingId: booking.id, kind: "CONFIRMATION" }, data: { status: "SENT" } });
    const result = await addLeave(
      actorA,
      a.id,
      { date, venueId: null, startMinute: 9 * 60, endMinute: 10 * 60, note: null },
      { choices: [{ bookingId: booking.id, action: "reassign", lawyerId: b.id }] },
    );
    expect(result).toMatchObject({ ok: true });
    const moved = await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(moved).toMatchObject({ lawyerId: b.id, status: "CONFIRMED", startsAt: booking.startsAt });
    expect(moved.notice).toBe(`原律师临时请假，您的预约已改由 ${b.name} 律师接待，时间地点不变。`);
    // The villager's text: a change, with the same time and place (lib/messages).
    const notes = await prisma.notification.findMany({ where: { bookingId: booking.id, kind: "CHANGE" } });
    expect(notes).toEqual([expect.objectContaining({ phone: booking.phone, message: expect.stringContaining(booking.code) })]);
    // It says what changed: the lawyer, at the time it always was (issue 22 item 2).
    expect(notes[0].message).toContain(`预约${booking.code}改由${b.name}律师接待：${shortWhen(booking.startsAt)}，`);
    expect(notes[0].detail).toBe(`改由${b.name}律师接待`);
    expect(await prisma.dutyException.count({ where: { lawyerId: a.id, kind: "LEAVE" } })).toBe(1);
  });

  it("with a cancellation: the booking is cancelled with the reason, a notice and a notification", async () => {
    const { a, actorA, booking, date } = await setUp();
    const sessionThatDay = await prisma.dutySession.findFirstOrThrow({ where: { lawyerId: a.id, weekday: isoWeekday(date) } });
    const noChoice = await endSession(actorA, a.id, { sessionId: sessionThatDay.id, lastDate: addDays(date, -1) });
    expect(noChoice).toMatchObject({ ok: false, code: "bookings_affected" });
    const result = await endSession(
      actorA,
      a.id,
      { sessionId: sessionThatDay.id, lastDate: addDays(date, -1) },
      { choices: [{ bookingId: booking.id, action: "cancel", reason: "律师要出庭" }] },
    );
    expect(result).toMatchObject({ ok: true });
    const cancelled = await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: "律师要出庭", lawyerId: a.id });
    expect(cancelled.notice).toBe("很抱歉，律师临时有事，这个预约已取消：律师要出庭。请重新预约或拨打 12348。");
    expect(await prisma.notification.findMany({ where: { bookingId: booking.id, kind: "CANCELLATION" } })).toEqual([
      expect.objectContaining({ phone: booking.phone, message: expect.stringContaining("因值班调整已取消"), detail: "值班调整" }),
    ]);
    const ended = await prisma.dutySession.findUniqueOrThrow({ where: { id: sessionThatDay.id } });
    // Ended, not deleted: its past stays on record.
    expect(ended.validUntil?.toISOString().slice(0, 10)).toBe(addDays(date, -1));
  });

  it("with no colleague free then, offers other free times at the venue, and moves the booking to one (issue 22 item 15)", async () => {
    const { f, a, b, actorA, booking, date } = await setUp();
    // The colleague is booked at that very time: no hand-over is possible.
    expect((await createBooking(bookingInput(f.venue.slug, f.slotOn(3), { lawyerId: b.id }))).ok).toBe(true);
    await prisma.notification.updateMany({ where: { bookingId: booking.id, kind: "CONFIRMATION" }, data: { status: "SENT" } });
    const leave = { date, venueId: null, startMinute: null, endMinute: null, note: null };
    const asked = await addLeave(actorA, a.id, leave);
    if (asked.ok || asked.code !== "bookings_affected") throw new Error("expected the bookings to choose for");
    const [affected] = asked.affected;
    expect(affected.colleagues).toEqual([]);
    // Other times at the venue, with a colleague: never the leaving lawyer, never the booked time.
    expect(affected.moves.length).toBeGreaterThan(0);
    for (const m of affected.moves) {
      expect(m.lawyerId).toBe(b.id);
      expect(m.start.getTime()).not.toBe(booking.startsAt.getTime());
    }
    const to = affected.moves[0];
    const result = await addLeave(actorA, a.id, leave, {
      choices: [{ bookingId: booking.id, action: "reschedule", lawyerId: to.lawyerId, start: to.start }],
    });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("1 个已改到") });
    const moved = await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(moved).toMatchObject({ status: "CONFIRMED", lawyerId: b.id, startsAt: to.start, endsAt: to.end });
    const [change] = await prisma.notification.findMany({ where: { bookingId: booking.id, kind: "CHANGE" } });
    expect(change.message).toContain(shortWhen(to.start));
    // A time that is not among those offered is refused, and nothing changes.
    const other = await setUp();
    expect((await createBooking(bookingInput(other.f.venue.slug, other.f.slotOn(3), { lawyerId: other.b.id }))).ok).toBe(true);
    const before = await snapshot(other.a.id);
    const refused = await addLeave(
      other.actorA,
      other.a.id,
      { ...leave, date: other.date },
      {
        choices: [{ bookingId: other.booking.id, action: "reschedule", lawyerId: other.b.id, start: other.booking.startsAt }],
      },
    );
    expect(refused).toMatchObject({
      ok: false,
      code: "bookings_affected",
      fields: { [`choice-${other.booking.id}`]: expect.any(String) },
    });
    expect(await snapshot(other.a.id)).toEqual(before);
  });

  it("refuses a hand-over to a colleague who is no longer free, and changes nothing", async () => {
    const { f, a, b, actorA, booking, date } = await setUp();
    const session = await prisma.dutySession.findFirstOrThrow({ where: { lawyerId: a.id, weekday: isoWeekday(date) } });
    // The colleague gets booked at that time before the lawyer confirms.
    const taken = await createBooking(bookingInput(f.venue.slug, f.slotOn(3), { lawyerId: b.id }));
    expect(taken.ok).toBe(true);
    const before = await snapshot(a.id);
    const result = await changeSession(
      actorA,
      a.id,
      { sessionId: session.id, weekday: session.weekday, startMinute: 10 * 60, endMinute: 12 * 60, from: f.today },
      { choices: [{ bookingId: booking.id, action: "reassign", lawyerId: b.id }] },
    );
    expect(result).toMatchObject({
      ok: false,
      code: "bookings_affected",
      fields: { [`choice-${booking.id}`]: expect.any(String) },
    });
    if (!result.ok && result.code === "bookings_affected") expect(result.affected[0].colleagues).toEqual([]);
    expect(await snapshot(a.id)).toEqual(before);
  });
});
