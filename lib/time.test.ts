import { describe, expect, it } from "vitest";
import {
  formatDayOfMonth,
  formatMonthDay,
  formatMonthDayWeekday,
  formatTimeOn,
  formatTimeRange,
  formatTimeRangeWithPeriod,
  formatTimeWithPeriod,
  relativeDay,
  shortWeekdayName,
  zonedInstant,
} from "./time";

describe("relativeDay", () => {
  it("names today, tomorrow and the day after, across a month's end, and nothing else", () => {
    expect(relativeDay("2026-12-01", "2026-12-01")).toBe("今天");
    expect(relativeDay("2027-01-01", "2026-12-31")).toBe("明天");
    expect(relativeDay("2026-12-03", "2026-12-01")).toBe("后天");
    expect(relativeDay("2026-12-04", "2026-12-01")).toBeNull();
    expect(relativeDay("2026-11-30", "2026-12-01")).toBeNull();
  });
});

describe("formatTimeRange", () => {
  it("gives the Shanghai times, and 24:00 for a range that ends at the following midnight", () => {
    expect(formatTimeRange(zonedInstant("2026-12-02", 9 * 60), zonedInstant("2026-12-02", 9 * 60 + 30))).toBe("09:00–09:30");
    expect(formatTimeRange(zonedInstant("2026-12-02", 21 * 60 + 12), zonedInstant("2026-12-03", 0))).toBe("21:12–24:00");
    expect(formatTimeRange(zonedInstant("2026-12-02", 0), zonedInstant("2026-12-03", 0))).toBe("00:00–24:00");
    // Midnight at the start stays 00:00.
    expect(formatTimeRange(zonedInstant("2026-12-03", 0), zonedInstant("2026-12-03", 30))).toBe("00:00–00:30");
  });
});

describe("times with 上午 or 下午", () => {
  it("say 上午 before noon and 下午 from noon, in Shanghai whatever the server's zone", () => {
    expect(formatTimeWithPeriod(zonedInstant("2026-12-02", 9 * 60))).toBe("上午 09:00");
    expect(formatTimeWithPeriod(zonedInstant("2026-12-02", 11 * 60 + 59))).toBe("上午 11:59");
    expect(formatTimeWithPeriod(zonedInstant("2026-12-02", 12 * 60))).toBe("下午 12:00");
    expect(formatTimeWithPeriod(zonedInstant("2026-12-02", 14 * 60 + 30))).toBe("下午 14:30");
    expect(formatTimeWithPeriod(zonedInstant("2026-12-02", 0))).toBe("上午 00:00");
  });

  it("give a range the period of its start", () => {
    expect(formatTimeRangeWithPeriod(zonedInstant("2026-12-02", 11 * 60 + 30), zonedInstant("2026-12-02", 12 * 60))).toBe(
      "上午 11:30–12:00",
    );
    expect(formatTimeRangeWithPeriod(zonedInstant("2026-12-02", 14 * 60 + 30), zonedInstant("2026-12-02", 15 * 60))).toBe(
      "下午 14:30–15:00",
    );
  });
});

describe("formatTimeOn", () => {
  it("gives the Shanghai time alone on the same Shanghai day, and the date too on another", () => {
    // 23:50 on 5 March in Shanghai; 07:50 that morning in this test's Los Angeles.
    const lateEvening = new Date("2026-03-05T15:50:00Z");
    expect(formatTimeOn(lateEvening, "2026-03-05")).toBe("23:50");
    expect(formatTimeOn(lateEvening, "2026-03-06")).toBe("2026-03-05 23:50");
    // 00:10 on 6 March in Shanghai is still 5 March in UTC and in Los Angeles.
    expect(formatTimeOn(new Date("2026-03-05T16:10:00Z"), "2026-03-06")).toBe("00:10");
  });
});

describe("short dates", () => {
  it("writes a date for a narrow column or a list line, without leading zeros", () => {
    expect(formatMonthDay("2026-12-01")).toBe("12月1日");
    expect(formatDayOfMonth("2026-11-30")).toBe("30日");
    expect(formatDayOfMonth("2027-01-03")).toBe("3日");
    expect(shortWeekdayName(1)).toBe("周一");
    expect(shortWeekdayName(7)).toBe("周日");
  });

  it("writes a one-off date first and in full, with its weekday", () => {
    expect(formatMonthDayWeekday("2026-12-08")).toBe("12月8日（星期二）");
  });
});
