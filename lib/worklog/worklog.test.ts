// The month's work log from done bookings and walk-ins, its totals and its exports. Against the real PostgreSQL.

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { recordArrival, recordDeparture } from "@/lib/attendance/mutations";
import type { CurrentUser } from "@/lib/auth/session";
import { createBooking } from "@/lib/booking/mutations";
import { completeBooking, recordWalkIn } from "@/lib/consultations/mutations";
import { createHolidayCalendar } from "@/lib/holidays/calendar";
import { monthOf, monthRange } from "@/lib/schedule/hours";
import { judgementLabel } from "@/lib/schedule/judgement";
import { bookingInput, createVenueFixture, prisma } from "@/lib/testing/fixtures";
import { addDays, toDateString, zonedInstant } from "@/lib/time";
import { LOG_COLUMNS, workLogCsv, workLogXlsx } from "./export";
import { loadWorkLog, openWorkLog } from "./queries";

const actorFor = (lawyerId: string): CurrentUser => ({ id: `user-${lawyerId}`, role: "LAWYER", displayName: "律师", lawyerId });

/** The fixture's 3 hours a day, from today (when its sessions begin) to the month's end, holidays closed. */
function fixtureHours(month: string, today: string): number {
  const calendar = createHolidayCalendar();
  const { from, to } = monthRange(month);
  let days = 0;
  for (let d = from > today ? from : today; d <= to; d = addDays(d, 1)) if (calendar.dayKind(d) !== "holiday") days++;
  return days * 3;
}

/** One done booking (two outcomes, 40 min) and one walk-in (one outcome, 25 min) on the same Shanghai date. */
async function monthWithServices() {
  const f = await createVenueFixture();
  const lawyer = actorFor(f.lawyers[0].id);
  const booked = await createBooking(bookingInput(f.venue.slug, f.slotOn(1), { name: "张三", village: "南镇村" }));
  if (!booked.ok) throw new Error(booked.message);
  const booking = await prisma.booking.findUniqueOrThrow({ where: { code: booked.booking.code } });
  expect(
    await completeBooking(
      lawyer,
      booking.id,
      { outcomes: ["CONSULTATION", "DOCUMENT"], minutesSpent: 40 },
      { now: new Date(booking.startsAt.getTime() + 45 * 60_000) },
    ),
  ).toEqual({ ok: true });
  const date = toDateString(booking.startsAt);
  const walkIn = await recordWalkIn(
    lawyer,
    {
      venueId: f.venue.id,
      date,
      time: "11:30",
      name: "=李四",
      phone: "0750-6123456",
      topic: "marriage",
      outcomes: ["CONSULTATION"],
      minutesSpent: 25,
    },
    { now: new Date(booking.startsAt.getTime() + 3 * 60 * 60_000) },
  );
  if (!walkIn.ok) throw new Error(walkIn.message);
  return { f, lawyer, booking, month: monthOf(date), date };
}

describe("loadWorkLog", () => {
  it("lists done bookings and walk-ins of the month with totals per outcome and per village", async () => {
    const { f, lawyer, booking, month, date } = await monthWithServices();
    // Read during the month: its hours are judged so far, on hours served (none: no 签到).
    const log = await loadWorkLog(lawyer, f.lawyers[0].id, month, new Date(booking.startsAt.getTime() + 3 * 60 * 60_000));
    if (!log) throw new Error("no log");
    expect(log.entries.map((e) => [e.source, e.date, e.time, e.name, e.village])).toEqual([
      ["booking", date, "09:00", "张三", "南镇村"],
      ["walk_in", date, "11:30", "=李四", "测试村"],
    ]);
    expect(log.entries[0].phone).toBe(booking.phone);
    // Neither was recorded with the lawyer signed in at the venue that day (issue 22 item 6).
    expect(log.entries.map((e) => e.withoutLawyerAttendance)).toEqual([true, true]);
    expect(log.totals.services).toBe(2);
    expect(log.totals.minutes).toBe(65);
    const counts = Object.fromEntries(log.totals.byOutcome.map((o) => [o.outcome, o.count]));
    expect(counts).toEqual({
      CONSULTATION: 2,
      DOCUMENT: 1,
      CONTRACT: 0,
      MEDIATION: 0,
      LEGAL_AID_REFERRAL: 0,
      MEDIATION_REFERRAL: 0,
      OTHER: 0,
    });
    expect(log.totals.byVillage).toEqual([
      { village: "南镇村", services: 1, minutes: 40 },
      { village: "测试村", services: 1, minutes: 25 },
    ]);
    const hours = fixtureHours(month, f.today);
    expect(log.hours).toEqual([
      expect.objectContaining({
        venueId: f.venue.id,
        venue: f.venue.name,
        kind: "WORKROOM",
        hours,
        target: 8,
        attended: 0,
        shortfall: 8,
        summary: `本月到目前到岗 0 小时（排班 ${hours} 小时），还差 8 小时才达到每月 8 小时。`,
      }),
    ]);
  });

  it("judges a month gone by on hours served: scheduled hours without a 签到 fall short, in words", async () => {
    const { f, lawyer, month } = await monthWithServices();
    const after = zonedInstant(addDays(monthRange(month).to, 1), 9 * 60);
    const log = await loadWorkLog(lawyer, f.lawyers[0].id, month, after);
    const hours = fixtureHours(month, f.today);
    expect(hours).toBeGreaterThanOrEqual(8);
    expect(log?.hours[0]).toMatchObject({ hours, attended: 0, shortfall: 8, judgement: { state: "short", met: false } });
    expect(log?.hours[0].summary).toBe(`到岗 0 小时（排班 ${hours} 小时），比每月 8 小时的要求少 8 小时。`);
  });

  it("does not judge a month before the workroom's service began", async () => {
    const { f, lawyer, month } = await monthWithServices();
    const before = monthOf(addDays(`${month}-01`, -1));
    const log = await loadWorkLog(lawyer, f.lawyers[0].id, before);
    expect(log?.entries).toEqual([]);
    expect(log?.hours[0]).toMatchObject({
      hours: 0,
      target: 8,
      shortfall: 0,
      judgement: { state: "before_service", counted: false },
    });
    expect(log?.hours[0].summary).toBe("这个工作室的服务还没有开始，这个月不计入每月 8 小时要求。");
  });

  it("is not another lawyer's to read", async () => {
    const { f, month } = await monthWithServices();
    const other = await createVenueFixture();
    expect(await loadWorkLog(actorFor(other.lawyers[0].id), f.lawyers[0].id, month)).toBeNull();
  });
});

describe("openWorkLog", () => {
  it("writes one audit entry per opening of a month with names and phones, none for an empty month", async () => {
    const { f, lawyer, month } = await monthWithServices();
    const lawyerId = f.lawyers[0].id;
    expect((await openWorkLog(lawyer, lawyerId, month))?.entries).toHaveLength(2);
    await openWorkLog(lawyer, lawyerId, month);
    await openWorkLog(lawyer, lawyerId, monthOf(addDays(`${month}-01`, -1)));
    const views = await prisma.auditLog.findMany({
      where: { actorId: lawyer.id, kind: "personal_data", action: "view" },
      select: { subjectId: true, summary: true },
    });
    expect(views).toEqual([{ subjectId: `worklog:${lawyerId}:${month}`, summary: `查看工作日志 ${month}（2 条个人信息）` }]);
  });
});

describe("a booking the villager did not come to", () => {
  it("is on the log and in its exports as 未到, and counts as no service in the totals", async () => {
    const { f, lawyer, month } = await monthWithServices();
    const missed = await createBooking(bookingInput(f.venue.slug, f.slotOn(1, 10 * 60), { name: "王五" }));
    if (!missed.ok) throw new Error(missed.message);
    const row = await prisma.booking.findUniqueOrThrow({ where: { code: missed.booking.code } });
    await prisma.booking.update({ where: { id: row.id }, data: { status: "NO_SHOW" } });
    const log = await loadWorkLog(lawyer, f.lawyers[0].id, month);
    if (!log) throw new Error("no log");
    expect(log.entries.map((e) => [e.name, e.noShow])).toEqual([
      ["张三", false],
      ["王五", true],
      ["=李四", false],
    ]);
    expect(log.totals.services).toBe(2);
    expect(workLogCsv(log).split("\r\n")[2]).toContain(",未到（预约了没有来）,");
  });
});

describe("work log exports", () => {
  it("CSV starts with a byte-order mark and the inspector's header, and keeps formulas out", async () => {
    const { f, lawyer, month, date } = await monthWithServices();
    const log = await loadWorkLog(lawyer, f.lawyers[0].id, month);
    if (!log) throw new Error("no log");
    const csv = workLogCsv(log);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "日期,时间,服务地点,律师,村居,服务对象姓名,联系电话,咨询事项,服务结果,用时（分钟）,来源（预约/现场）,到场时间,律师签到签退",
    );
    // A walk-in was there at its own time.
    expect(lines[2]).toBe(
      `${date},11:30,${f.venue.name},${f.lawyers[0].name},测试村,'=李四,0750-6123456,婚姻家庭,法律咨询解答,25,现场,11:30,无律师签到记录`,
    );
  });

  it("XLSX opens again with the header and one row per service", async () => {
    const { f, lawyer, booking, month, date } = await monthWithServices();
    const log = await loadWorkLog(lawyer, f.lawyers[0].id, month);
    if (!log) throw new Error("no log");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workLogXlsx(log)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("工作日志");
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual([...LOG_COLUMNS]);
    expect(rows[1]).toEqual([
      date,
      "09:00",
      f.venue.name,
      f.lawyers[0].name,
      "南镇村",
      "张三",
      booking.phone,
      "婚姻家庭",
      "法律咨询解答、代写法律文书",
      40,
      "预约",
      // Completed without a check-in: no time of arrival.
      "",
      // The lawyer did not sign in that day: flagged for the inspector (issue 22 item 6).
      "无律师签到记录",
    ]);
    expect(rows).toHaveLength(3);
    // Blank separator rows are left out by getSheetValues' sparse array.
    const summary = (book.getWorksheet("汇总")?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(summary).toEqual([
      [`${f.lawyers[0].name} ${month} 工作日志汇总`],
      ["服务人次", 2],
      ["用时合计（分钟）", 65],
      ["服务结果", "次数"],
      ["法律咨询解答", 2],
      ["代写法律文书", 1],
      ["起草/审查合同", 0],
      ["参与调解", 0],
      ["转介法律援助", 0],
      ["转介人民调解", 0],
      ["其他", 0],
      ["村居", "服务人次", "用时（分钟）"],
      ["南镇村", 1, 40],
      ["测试村", 1, 25],
      ["服务地点", "签到在场（小时）", "本月排班（小时）", "每月 8 小时", "说明"],
      [f.venue.name, 0, fixtureHours(month, f.today), judgementLabel(log.hours[0].judgement), log.hours[0].summary],
    ]);
  });
});

describe("the lawyer's own arrivals and departures (签到 / 签退) in the log", () => {
  it("stand beside each service of that day and venue, and every one in a sheet with the hours attended", async () => {
    const { f, lawyer, month, date } = await monthWithServices();
    const arrived = await recordArrival(
      lawyer,
      { venueId: f.venue.id, startMinute: 540 },
      { now: zonedInstant(date, 8 * 60 + 50) },
    );
    if (!arrived.ok) throw new Error(arrived.message);
    expect((await recordDeparture(lawyer, arrived.attendanceId, { now: zonedInstant(date, 11 * 60 + 45) })).ok).toBe(true);

    const log = await loadWorkLog(lawyer, f.lawyers[0].id, month);
    if (!log) throw new Error("no log");
    expect(log.hours[0].attended).toBe(2.9);
    expect(log.attendances.map((a) => [a.date, a.venue.name, a.minutes, a.state])).toEqual([[date, f.venue.name, 175, "left"]]);
    // Signed in there that day: no service of the day is flagged.
    expect(log.entries.map((e) => e.withoutLawyerAttendance)).toEqual([false, false]);
    const lines = workLogCsv(log).slice(1).split("\r\n");
    expect(lines[1].endsWith(",08:50–11:45")).toBe(true);
    expect(lines[2].endsWith(",11:30,08:50–11:45")).toBe(true);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workLogXlsx(log)) as unknown as ArrayBuffer);
    const sheet = (book.getWorksheet("律师签到")?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(sheet).toContainEqual([f.venue.name, 2.9]);
    expect(sheet).toContainEqual([date, f.venue.name, "08:50", "11:45", 175, ""]);
  });
});
