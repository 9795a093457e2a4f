import { describe, expect, it } from "vitest";
import { createHolidayCalendar } from "./calendar";

// These run with TZ=America/Los_Angeles, where chinese-days' own weekday logic lands a day early.
describe("createHolidayCalendar", () => {
  const calendar = createHolidayCalendar();

  it("marks statutory festival days off as holidays, with the Chinese name", () => {
    expect(calendar.dayKind("2026-10-01")).toBe("holiday");
    expect(calendar.holidayName("2026-10-01")).toBe("国庆节");
    expect(calendar.dayKind("2026-10-07")).toBe("holiday");
    expect(calendar.dayKind("2026-01-01")).toBe("holiday");
    expect(calendar.holidayName("2026-01-01")).toBe("元旦");
    expect(calendar.dayKind("2026-02-15")).toBe("holiday");
    expect(calendar.holidayName("2026-02-15")).toBe("春节");
  });

  it("marks a festival day off that falls on a weekend as a holiday too", () => {
    expect(calendar.dayKind("2026-10-03")).toBe("holiday"); // Saturday
  });

  it("marks official 调休 working days on weekends as makeup, named after their festival", () => {
    expect(calendar.dayKind("2026-10-10")).toBe("makeup"); // Saturday
    expect(calendar.holidayName("2026-10-10")).toBe("国庆节");
    expect(calendar.dayKind("2026-09-20")).toBe("makeup"); // Sunday
    expect(calendar.dayKind("2026-02-14")).toBe("makeup");
    expect(calendar.holidayName("2026-02-14")).toBe("春节");
  });

  it("treats ordinary weekends and weekdays as normal, without a name", () => {
    for (const date of ["2026-11-28", "2026-11-29", "2026-09-30", "2026-10-08", "2026-10-09", "2026-12-01"]) {
      expect(calendar.dayKind(date), date).toBe("normal");
      expect(calendar.holidayName(date), date).toBeNull();
    }
  });

  it("answers the same on repeated calls (cached)", () => {
    expect(calendar.dayKind("2026-10-01")).toBe("holiday");
    expect(calendar.dayKind("2026-10-01")).toBe("holiday");
  });
});

describe("createHolidayCalendar with staff overrides", () => {
  const calendar = createHolidayCalendar([
    { date: "2026-12-01", kind: "HOLIDAY" }, // an ordinary Tuesday closed locally
    { date: "2026-11-28", kind: "WORKDAY" }, // an ordinary Saturday opened
    { date: "2026-10-02", kind: "WORKDAY" }, // a festival day the station works anyway
    { date: "2026-10-10", kind: "HOLIDAY" }, // a 调休 Saturday the station keeps closed
  ]);

  it("HOLIDAY makes a day a holiday, WORKDAY makes it a makeup day", () => {
    expect(calendar.dayKind("2026-12-01")).toBe("holiday");
    expect(calendar.dayKind("2026-11-28")).toBe("makeup");
  });

  it("wins over the published calendar and keeps the festival name", () => {
    expect(calendar.dayKind("2026-10-02")).toBe("makeup");
    expect(calendar.holidayName("2026-10-02")).toBe("国庆节");
    expect(calendar.dayKind("2026-10-10")).toBe("holiday");
  });

  it("has no name for an overridden ordinary day", () => {
    expect(calendar.holidayName("2026-12-01")).toBeNull();
  });

  it("leaves other dates to the published calendar", () => {
    expect(calendar.dayKind("2026-10-01")).toBe("holiday");
    expect(calendar.dayKind("2026-12-02")).toBe("normal");
  });
});
