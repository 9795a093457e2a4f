// Lawyers' attendance (签到 / 签退) against the real PostgreSQL, with the odd TZ of the test run:
// the arrival window, one open attendance per lawyer by the database (arrivals at once), departure
// after arrival, the job closing a missed departure, staff's audited correction, and the attended
// hours per village per month across month and year ends.
import { describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { createVenueFixture, lawyerActor, prisma, testTownId } from "@/lib/testing/fixtures";
import { toDbDate, zonedInstant } from "@/lib/time";
import { autoCloseAttendance, correctAttendance, recordArrival, recordDeparture, recordMissedAttendance } from "./mutations";
import { listAttendances, listMissedSessions, listTodaysSessions, loadAttendedHours } from "./queries";
import { correctAttendanceInput, recordMissedInput } from "./schema";

const staff: CurrentUser = { id: "staff-attendance", role: "STAFF", displayName: "司法所", lawyerId: null };
/** The staff member's scope in the shared test town, where the fixtures' venues are. */
const asStaff = async () => townScope({ ...staff, townId: await testTownId() }) as TownScope;
const MORNING = 9 * 60; // the fixture's lawyers sit in 09:00–12:00 every day

/** A lawyer on duty 09:00–12:00 at a venue of their own; `at(n, "08:45")` is that time on the n-th open day. */
async function onDuty() {
  const f = await createVenueFixture();
  const lawyer = f.lawyers[0];
  const at = (days: number, hhmm: string) => {
    const [h, m] = hhmm.split(":").map(Number);
    return zonedInstant(f.dateOn(days), h * 60 + m);
  };
  const arrive = (now: Date, startMinute = MORNING) =>
    recordArrival(lawyerActor(lawyer.id), { venueId: f.venue.id, startMinute }, { now });
  return { f, lawyer, actor: lawyerActor(lawyer.id), at, arrive };
}

const rowsOf = (lawyerId: string) => prisma.attendance.findMany({ where: { lawyerId }, orderBy: { arrivedAt: "asc" } });

describe("arrival (签到)", () => {
  it("is accepted from 30 minutes before the session until its end, and queues the job for its end", async () => {
    const { lawyer, at, arrive } = await onDuty();
    const early = await arrive(at(1, "08:29"));
    expect(early).toMatchObject({
      ok: false,
      code: "conflict",
      message: "还没到签到时间：这次坐班是 09:00–12:00，08:30 起可以签到。",
    });
    const late = await arrive(at(1, "12:00"));
    expect(late).toMatchObject({ ok: false, code: "conflict" });
    expect(late.message).toContain("已在 12:00 结束，不能再签到");
    expect(await rowsOf(lawyer.id)).toEqual([]);

    const result = await arrive(at(1, "08:30"));
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toContain("已签到");
    const [row] = await rowsOf(lawyer.id);
    expect(row).toMatchObject({ arrivedAt: at(1, "08:30"), leftAt: null, sessionEndsAt: at(1, "12:00"), autoClosed: false });
    const jobs = await prisma.$queryRaw<{ task: string; runAt: Date }[]>`
      SELECT task_identifier AS task, run_at AS "runAt" FROM graphile_worker.jobs WHERE key = ${`attendance:${row.id}`}`;
    expect(jobs).toEqual([{ task: "close_attendance", runAt: at(1, "12:00") }]);
  });

  it("is refused where the lawyer has no session that day, and for a session that does not exist", async () => {
    const { f, lawyer, at, arrive } = await onDuty();
    const other = await createVenueFixture();
    const elsewhere = await recordArrival(
      lawyerActor(lawyer.id),
      { venueId: other.venue.id, startMinute: MORNING },
      { now: at(1, "09:00") },
    );
    expect(elsewhere).toMatchObject({ ok: false, code: "not_found" });
    expect((await arrive(at(1, "14:00"), 14 * 60)).ok).toBe(false);
    // Leave for the whole day: no session left to sign in to.
    await prisma.dutyException.create({
      data: { lawyerId: lawyer.id, venueId: null, kind: "LEAVE", date: toDbDate(f.dateOn(2)) },
    });
    expect(await arrive(at(2, "09:00"))).toMatchObject({ ok: false, code: "not_found" });
    expect(await rowsOf(lawyer.id)).toEqual([]);
  });

  it("keeps one open attendance per lawyer by the database: of arrivals at once exactly one is written", async () => {
    const { lawyer, at, arrive } = await onDuty();
    const results = await Promise.all(Array.from({ length: 6 }, () => arrive(at(1, "09:01"))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r.message).toBe("您已经签到了（09:01），不用再签。离开时请点“签退”。");
    expect(await rowsOf(lawyer.id)).toHaveLength(1);
  });

  it("refuses an arrival at a second venue while the first is open, naming it", async () => {
    const { f, lawyer, at, arrive } = await onDuty();
    const second = await createVenueFixture();
    await prisma.dutyException.create({
      data: {
        lawyerId: lawyer.id,
        venueId: second.venue.id,
        kind: "EXTRA",
        date: toDbDate(f.dateOn(1)),
        startMinute: 600,
        endMinute: 720,
      },
    });
    expect((await arrive(at(1, "09:00"))).ok).toBe(true);
    const there = await recordArrival(
      lawyerActor(lawyer.id),
      { venueId: second.venue.id, startMinute: 600 },
      { now: at(1, "10:00") },
    );
    expect(there).toMatchObject({
      ok: false,
      message: `您在${f.venue.name}的签到（09:00）还没有签退。请先在那里签退，再在这里签到。`,
    });
    expect(await rowsOf(lawyer.id)).toHaveLength(1);
  });
});

describe("departure (签退)", () => {
  it("is after the arrival, once, and only the lawyer's own", async () => {
    const { f, lawyer, actor, at, arrive } = await onDuty();
    const arrived = await arrive(at(1, "09:10"));
    if (!arrived.ok) throw new Error(arrived.message);
    const before = await recordDeparture(actor, arrived.attendanceId, { now: at(1, "09:09") });
    expect(before).toMatchObject({ ok: false, message: "签退时间不能早于签到时间（09:10）。请在签到之后再签退。" });
    const sameMinute = await recordDeparture(actor, arrived.attendanceId, { now: at(1, "09:10") });
    expect(sameMinute.ok).toBe(false);
    expect((await rowsOf(lawyer.id))[0].leftAt).toBeNull();

    const colleague = (await createVenueFixture()).lawyers[0];
    expect(await recordDeparture(lawyerActor(colleague.id), arrived.attendanceId, { now: at(1, "11:00") })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const left = await recordDeparture(actor, arrived.attendanceId, { now: at(1, "11:40") });
    expect(left).toMatchObject({ ok: true, message: `已签退：${f.venue.name}，11:40。这次在场 150 分钟（09:10 签到）。` });
    const again = await recordDeparture(actor, arrived.attendanceId, { now: at(1, "11:45") });
    expect(again).toMatchObject({ ok: false, message: "这次签到已经在 11:40 结束，不用再签退。" });
    expect((await rowsOf(lawyer.id))[0]).toMatchObject({ leftAt: at(1, "11:40"), autoClosed: false });
  });
});

describe("a missed departure", () => {
  it("is closed at the session's end by the job, and marked as such", async () => {
    const { lawyer, at, arrive } = await onDuty();
    const arrived = await arrive(at(1, "08:50"));
    if (!arrived.ok) throw new Error(arrived.message);
    // Run early (a clock ahead of the database's), the job asks to be run again at the end.
    expect(await autoCloseAttendance(arrived.attendanceId, at(1, "11:00"))).toEqual({ closed: false, later: at(1, "12:00") });
    expect((await rowsOf(lawyer.id))[0].leftAt).toBeNull();
    expect(await autoCloseAttendance(arrived.attendanceId, at(1, "12:00"))).toEqual({ closed: true });
    expect((await rowsOf(lawyer.id))[0]).toMatchObject({ leftAt: at(1, "12:00"), autoClosed: true });
    expect(await autoCloseAttendance(arrived.attendanceId, at(1, "12:05"))).toEqual({ closed: false });
    const [view] = await listAttendances(
      { lawyerId: lawyer.id },
      { from: "2000-01-01", to: "2100-12-31", lawyerId: lawyer.id, now: at(1, "13:00") },
    );
    expect(view).toMatchObject({ state: "auto_closed", departure: at(1, "12:00"), minutes: 190 });
  });

  it("counts as closed at the session's end before the job has run, and does not block the next day's arrival", async () => {
    const { f, lawyer, actor, at, arrive } = await onDuty();
    const first = await arrive(at(1, "09:00"));
    if (!first.ok) throw new Error(first.message);
    const hours = await loadAttendedHours({
      periods: [{ key: "day", from: f.dateOn(1), to: f.dateOn(1) }],
      lawyerId: lawyer.id,
      now: at(1, "18:00"),
    });
    expect(hours).toEqual([{ key: "day", venueId: f.venue.id, lawyerId: lawyer.id, hours: 3 }]);
    const [today] = await listTodaysSessions(actor, { now: at(1, "18:00") });
    expect(today).toMatchObject({
      timing: "over",
      openId: null,
      attendances: [{ state: "auto_closed", departure: at(1, "12:00") }],
    });
    // A departure tapped after the end is the end, as the figures already have it.
    const late = await recordDeparture(actor, first.attendanceId, { now: at(1, "12:30") });
    expect(late.message).toBe("这次坐班已在 12:00 结束，已按结束时间记为未签退（自动结束）。如有出入，请联系司法所更正。");
    expect((await rowsOf(lawyer.id))[0]).toMatchObject({ leftAt: at(1, "12:00"), autoClosed: true });

    // The next open day, the worker never having run for a second missed departure either.
    const second = await arrive(at(2, "09:00"));
    expect(second.ok).toBe(true);
    const third = await arrive(at(3, "08:40"));
    expect(third.ok).toBe(true);
    const rows = await rowsOf(lawyer.id);
    expect(rows.map((r) => [r.leftAt, r.autoClosed])).toEqual([
      [at(1, "12:00"), true],
      [at(2, "12:00"), true],
      [null, false],
    ]);
  });
});

describe("staff correction", () => {
  async function closedAttendance() {
    const d = await onDuty();
    const arrived = await d.arrive(d.at(1, "09:20"));
    if (!arrived.ok) throw new Error(arrived.message);
    await autoCloseAttendance(arrived.attendanceId, d.at(1, "12:00"));
    return { ...d, id: arrived.attendanceId };
  }
  /** The staff's entries of an attendance (its 签到 and automatic close are audited too). */
  const audits = (id: string) => prisma.auditLog.findMany({ where: { subjectId: id, kind: "attendance", action: "correct" } });

  it("changes the times with a reason, kept with the record and in the audit log", async () => {
    const { lawyer, at, id } = await closedAttendance();
    const input = correctAttendanceInput.parse({
      attendanceId: id,
      arrived: "09:00",
      left: "11:30",
      reason: "律师忘了签退，实际 11:30 离开",
    });
    const result = await correctAttendance(await asStaff(), input, { now: at(1, "15:00") });
    expect(result).toMatchObject({ ok: true });
    expect((await rowsOf(lawyer.id))[0]).toMatchObject({
      arrivedAt: at(1, "09:00"),
      leftAt: at(1, "11:30"),
      autoClosed: false,
      correctedBy: staff.id,
      correctionReason: "律师忘了签退，实际 11:30 离开",
    });
    const [entry] = await audits(id);
    expect(entry).toMatchObject({ actorId: staff.id, action: "correct" });
    expect(entry.summary).toContain(
      "签到 09:20 → 09:00，签退 12:00（未签退（自动结束）） → 11:30；原因：律师忘了签退，实际 11:30 离开",
    );
  });

  it("changes nothing without a reason, by a lawyer, into the future, or over another attendance", async () => {
    const { lawyer, actor, at, arrive, id } = await closedAttendance();
    const before = await rowsOf(lawyer.id);
    const blank = correctAttendanceInput.safeParse({ attendanceId: id, arrived: "09:00", left: "11:30", reason: "  " });
    expect(blank.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["reason", "请写明更正的原因，例如“律师忘了签退，实际 11:30 离开”。"],
    ]);
    const backwards = correctAttendanceInput.safeParse({ attendanceId: id, arrived: "11:00", left: "10:00", reason: "补录" });
    expect(backwards.error?.issues[0]).toMatchObject({ path: ["left"], message: "签退时间要晚于签到时间。" });

    const input = correctAttendanceInput.parse({ attendanceId: id, arrived: "09:00", left: "11:30", reason: "补录" });
    // A lawyer has no town scope (lib/auth/scope.ts townScope), so cannot call correctAttendance at all.
    expect(townScope(actor)).toBeNull();
    const future = await correctAttendance(await asStaff(), input, { now: at(1, "11:00") });
    expect(future).toMatchObject({ ok: false, code: "invalid_input", fields: { left: "签退时间不能晚于现在。" } });

    // The next day's attendance, then a correction of it back onto the first one's hours.
    const next = await arrive(at(2, "09:00"));
    if (!next.ok) throw new Error(next.message);
    await recordDeparture(actor, next.attendanceId, { now: at(2, "11:00") });
    await prisma.attendance.update({
      where: { id: next.attendanceId },
      data: { arrivedAt: at(1, "13:00"), leftAt: at(1, "14:00") },
    });
    const overlapping = correctAttendanceInput.parse({ attendanceId: id, arrived: "09:00", left: "13:30", reason: "补录" });
    expect(await correctAttendance(await asStaff(), overlapping, { now: at(2, "15:00") })).toMatchObject({
      ok: false,
      code: "conflict",
    });

    expect((await rowsOf(lawyer.id))[0]).toEqual(before[0]);
    expect(await audits(id)).toEqual([]);
  });
});

describe("staff's 补录 of a session nobody signed in to", () => {
  it("records the times with a reason and an audit entry, and the session is no longer 未签到", async () => {
    const { f, lawyer, at } = await onDuty();
    const venue = { id: f.venue.id, slug: f.venue.slug, name: f.venue.name, village: f.venue.village };
    const now = at(2, "18:00");
    const session = { lawyerId: lawyer.id, venueId: f.venue.id, date: f.dateOn(1), startMinute: MORNING };
    const input = recordMissedInput.parse({ ...session, arrived: "09:10", left: "11:50", reason: "忘了签到，村委会证明在场" });
    const result = await recordMissedAttendance(await asStaff(), input, { now });
    expect(result).toMatchObject({ ok: true });
    expect(await rowsOf(lawyer.id)).toEqual([
      expect.objectContaining({
        venueId: f.venue.id,
        arrivedAt: at(1, "09:10"),
        leftAt: at(1, "11:50"),
        sessionEndsAt: at(1, "12:00"),
        correctedBy: staff.id,
        correctionReason: "忘了签到，村委会证明在场",
      }),
    ]);
    const audit = await prisma.auditLog.findMany({
      where: { kind: "attendance", subjectId: result.ok ? result.attendanceId : "" },
    });
    expect(audit).toEqual([
      expect.objectContaining({ action: "record_missed", summary: expect.stringContaining("补录律师签到") }),
    ]);
    const missed = await listMissedSessions({ venues: [venue], from: f.dateOn(1), to: f.dateOn(2), now });
    expect(missed.map((m) => m.date)).toEqual([f.dateOn(2)]);
  });

  it("writes nothing for a session the lawyer did not have, by a lawyer, into the future, or over another attendance", async () => {
    const { f, lawyer, actor, at, arrive } = await onDuty();
    const base = { lawyerId: lawyer.id, venueId: f.venue.id, date: f.dateOn(1), arrived: "09:00", left: "12:00", reason: "补录" };
    const noSession = await recordMissedAttendance(await asStaff(), { ...base, startMinute: 14 * 60 }, { now: at(2, "18:00") });
    expect(noSession).toMatchObject({ ok: false, code: "not_found" });
    expect(townScope(actor)).toBeNull();
    const future = await recordMissedAttendance(await asStaff(), { ...base, startMinute: MORNING }, { now: at(1, "11:00") });
    expect(future).toMatchObject({ ok: false, fields: { left: "签退时间不能晚于现在。" } });
    // The lawyer signed in on day 2; a 补录 over that time is the database's to refuse.
    expect((await arrive(at(2, "09:00"))).ok).toBe(true);
    const overlap = await recordMissedAttendance(
      await asStaff(),
      { ...base, date: f.dateOn(2), startMinute: MORNING, arrived: "10:00", left: "11:00" },
      { now: at(2, "18:00") },
    );
    expect(overlap).toMatchObject({ ok: false, code: "conflict" });
    expect((await rowsOf(lawyer.id)).length).toBe(1);
    expect(recordMissedInput.safeParse({ ...base, startMinute: MORNING, left: "08:00" }).error?.issues[0]).toMatchObject({
      path: ["left"],
      message: "签退时间要晚于签到时间。",
    });
  });
});

describe("attended hours per village per month", () => {
  /** An attendance written as it would be after a correction: any times. */
  const write = (lawyerId: string, venueId: string, from: string, to: string | null, sessionEnds: string) =>
    prisma.attendance.create({
      data: {
        lawyerId,
        venueId,
        arrivedAt: new Date(from),
        leftAt: to ? new Date(to) : null,
        sessionEndsAt: new Date(sessionEnds),
      },
    });

  it("clips to Shanghai month bounds across a month's end and the year's, whatever the server's TZ", async () => {
    const f = await createVenueFixture({ lawyers: 2 });
    const [a, b] = f.lawyers;
    // Shanghai 2026-11-30 23:00 → 2026-12-01 01:00 (UTC+8): an hour in each month.
    await write(a.id, f.venue.id, "2026-11-30T15:00:00Z", "2026-11-30T17:00:00Z", "2026-11-30T17:00:00Z");
    // Shanghai 2026-12-31 23:30 → 2027-01-01 00:30, no departure: closed at its session's end.
    await write(a.id, f.venue.id, "2026-12-31T15:30:00Z", null, "2026-12-31T16:30:00Z");
    // Shanghai 2027-01-05 09:00–10:30 by another lawyer, with a departure after the session's end (10:00).
    await write(b.id, f.venue.id, "2027-01-05T01:00:00Z", "2027-01-05T02:30:00Z", "2027-01-05T02:00:00Z");
    const months = [
      { key: "2026-11", from: "2026-11-01", to: "2026-11-30" },
      { key: "2026-12", from: "2026-12-01", to: "2026-12-31" },
      { key: "2027-01", from: "2027-01-01", to: "2027-01-31" },
    ];
    const rows = await loadAttendedHours({ periods: months, venueIds: [f.venue.id], now: new Date("2027-02-01T00:00:00Z") });
    const sorted = rows.map((r) => [r.key, r.lawyerId === a.id ? "a" : "b", r.hours]).sort();
    expect(sorted).toEqual([
      ["2026-11", "a", 1],
      ["2026-12", "a", 1.5],
      ["2027-01", "a", 0.5],
      ["2027-01", "b", 1],
    ]);
  });

  it("flags a session that ended with no attendance as 未签到, and not one with", async () => {
    const { f, at, arrive } = await onDuty();
    expect((await arrive(at(1, "09:00"))).ok).toBe(true);
    const venue = { id: f.venue.id, slug: f.venue.slug, name: f.venue.name, village: f.venue.village };
    const missed = await listMissedSessions({ venues: [venue], from: f.dateOn(1), to: f.dateOn(3), now: at(2, "12:00") });
    // Day 1 attended; day 2 ended at 12:00 with nobody; day 3 is still to come.
    expect(missed.map((m) => [m.date, m.lawyer.id])).toEqual([[f.dateOn(2), f.lawyers[0].id]]);
  });
});

describe("the audit log of attendance (律师签到签退)", () => {
  it("holds every 签到, 签退 and automatic close, with who, where and when", async () => {
    const { lawyer, actor, at, arrive } = await onDuty();
    const first = await arrive(at(1, "09:20"));
    if (!first.ok) throw new Error(first.message);
    expect((await recordDeparture(actor, first.attendanceId, { now: at(1, "11:05") })).ok).toBe(true);
    const second = await arrive(at(2, "09:00"));
    if (!second.ok) throw new Error(second.message);
    expect((await autoCloseAttendance(second.attendanceId, at(2, "12:00"))).closed).toBe(true);
    const entries = await prisma.auditLog.findMany({
      where: { kind: "attendance", subjectId: { in: [first.attendanceId, second.attendanceId] } },
      orderBy: { at: "asc" },
    });
    expect(entries.map((e) => [e.subjectId, e.action, e.actorRole])).toEqual([
      [first.attendanceId, "check_in", "LAWYER"],
      [first.attendanceId, "check_out", "LAWYER"],
      [second.attendanceId, "check_in", "LAWYER"],
      [second.attendanceId, "auto_close", "系统"],
    ]);
    expect(entries[0].summary).toMatch(/^律师签到：.+，\d{4}-\d{2}-\d{2} 09:20/);
    expect(entries[1].summary).toContain("在场 105 分钟");
    expect(entries[3].summary).toContain(lawyer.name);
    // A close run twice (the job after a later 签到 closed it) is audited once.
    expect((await autoCloseAttendance(second.attendanceId, at(2, "12:05"))).closed).toBe(false);
    expect(await prisma.auditLog.count({ where: { subjectId: second.attendanceId, action: "auto_close" } })).toBe(1);
  });
});
