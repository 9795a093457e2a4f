import { describe, expect, it } from "vitest";
import type { DateException, WeeklySession } from "@/lib/availability/slots";
import { createHolidayCalendar } from "@/lib/holidays/calendar";
import { zonedInstant } from "@/lib/time";
import {
  bookingsLosingDuty,
  clashMessage,
  dutyOn,
  findDutyClash,
  isCovered,
  settledSentence,
  weeklyClashMessage,
  weeklyOverlap,
} from "./impact";

const calendar = createHolidayCalendar();
// 2030-03-05 is an ordinary Tuesday.
const TUESDAY = "2030-03-05";
const session: WeeklySession = {
  lawyerId: "a",
  venueId: "v1",
  weekday: 2,
  startMinute: 9 * 60,
  endMinute: 12 * 60,
  validFrom: "2030-01-01",
  validUntil: null,
};
const rows = { sessions: [session], exceptions: [] as DateException[] };
const booking = (id: string, minute: number, venueId = "v1") => ({
  id,
  venueId,
  start: zonedInstant(TUESDAY, minute),
  end: zonedInstant(TUESDAY, minute + 30),
});
const leave = (startMinute: number | null, endMinute: number | null, venueId: string | null = null): DateException => ({
  lawyerId: "a",
  venueId,
  kind: "LEAVE",
  date: TUESDAY,
  startMinute,
  endMinute,
});

describe("bookingsLosingDuty", () => {
  it("finds the bookings that whole-day leave takes the duty from, in Shanghai time whatever the server's TZ", () => {
    const bookings = [booking("b1", 9 * 60), booking("b2", 11 * 60 + 30)];
    expect(isCovered(rows, bookings[1], calendar)).toBe(true);
    const after = { ...rows, exceptions: [leave(null, null)] };
    expect(bookingsLosingDuty(rows, after, bookings, calendar).map((b) => b.id)).toEqual(["b1", "b2"]);
  });

  it("keeps bookings outside part-day leave, and leave at another venue touches nothing here", () => {
    const bookings = [booking("early", 9 * 60), booking("late", 11 * 60)];
    const partDay = { ...rows, exceptions: [leave(10 * 60, 12 * 60)] };
    expect(bookingsLosingDuty(rows, partDay, bookings, calendar).map((b) => b.id)).toEqual(["late"]);
    const elsewhere = { ...rows, exceptions: [leave(null, null, "v2")] };
    expect(bookingsLosingDuty(rows, elsewhere, bookings, calendar)).toEqual([]);
  });

  it("counts a booking that only partly loses its duty, and ignores one that was outside duty already", () => {
    const shortened = { ...rows, sessions: [{ ...session, endMinute: 11 * 60 + 15 }] };
    const bookings = [booking("straddles", 11 * 60), booking("inside", 10 * 60), booking("stale", 14 * 60)];
    expect(bookingsLosingDuty(rows, shortened, bookings, calendar).map((b) => b.id)).toEqual(["straddles"]);
  });

  it("sees an ended session take away every booking after its last day", () => {
    const ended = { ...rows, sessions: [{ ...session, validUntil: "2030-03-04" }] };
    expect(bookingsLosingDuty(rows, ended, [booking("b", 9 * 60)], calendar).map((b) => b.id)).toEqual(["b"]);
  });
});

describe("overlaps", () => {
  it("weeklyOverlap matches the database rule: same weekday, overlapping minutes and dates; ends touching is fine", () => {
    const other = { ...session, venueId: "v2", startMinute: 11 * 60, endMinute: 13 * 60 };
    expect(weeklyOverlap(session, other)).toBe(true);
    expect(weeklyOverlap(session, { ...other, startMinute: 12 * 60 })).toBe(false);
    expect(weeklyOverlap(session, { ...other, weekday: 3 })).toBe(false);
    expect(weeklyOverlap({ ...session, validUntil: "2030-02-28" }, { ...other, validFrom: "2030-03-01" })).toBe(false);
    expect(weeklyOverlap({ ...session, validUntil: "2030-03-01" }, { ...other, validFrom: "2030-03-01" })).toBe(true);
  });

  it("findDutyClash finds duty at any venue that date, after leave", () => {
    const duty = dutyOn(rows, ["v1", "v2"], TUESDAY, calendar);
    expect(findDutyClash(duty, { startMinute: 11 * 60, endMinute: 13 * 60 })).toMatchObject({ venueId: "v1", startMinute: 540 });
    expect(findDutyClash(duty, { startMinute: 12 * 60, endMinute: 13 * 60 })).toBeNull();
    const onLeave = dutyOn({ ...rows, exceptions: [leave(null, null)] }, ["v1"], TUESDAY, calendar);
    expect(findDutyClash(onLeave, { startMinute: 9 * 60, endMinute: 10 * 60 })).toBeNull();
  });

  it("names the clash in words", () => {
    expect(weeklyClashMessage(2, 540, 720, "南镇村公共法律服务工作室")).toMatch(
      /^与 星期二 09:00–12:00 在 南镇村公共法律服务工作室 的值班时间重叠。/,
    );
    expect(clashMessage("2030年3月5日 星期二", 540, 720, "工作站")).toContain("2030年3月5日 星期二 09:00–12:00 在 工作站");
  });
});

describe("settledSentence", () => {
  it("says what became of each booking, counted by colleague and by cancellation", () => {
    expect(
      settledSentence([
        { action: "reassign", lawyer: "梁嘉欣" },
        { action: "cancel" },
        { action: "reassign", lawyer: "梁嘉欣" },
        { action: "reassign", lawyer: "陈志明" },
      ]),
    ).toBe("受影响的预约：2 个已交给梁嘉欣律师，1 个已取消，1 个已交给陈志明律师，均已通知村民。");
    expect(settledSentence([{ action: "cancel" }])).toBe("受影响的预约：1 个已取消，已通知村民。");
  });

  it("says nothing when no booking was affected", () => {
    expect(settledSentence([])).toBe("");
  });
});
