import { describe, expect, it } from "vitest";
import { createHolidayCalendar, isYearPublished, unpublishedYears } from "./calendar";

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

// chinese-days 1.5.7 carries the State Council's notices for 2004–2026 only. When an upgrade brings 2027, move these
// to the first year it still lacks (the fixed dates are the same every year).
describe("a year whose notice is not yet in chinese-days", () => {
  const calendar = createHolidayCalendar();

  it("knows which years have published data", () => {
    expect([2004, 2025, 2026].map(isYearPublished)).toEqual([true, true, true]);
    expect(isYearPublished(2027)).toBe(false);
    // 28-day booking horizons (today … today + 27): the one of 5 December 2026 is the first to reach 2027-01-01.
    expect(unpublishedYears({ from: "2026-12-03", to: "2026-12-30" })).toEqual([]);
    expect(unpublishedYears({ from: "2026-12-04", to: "2026-12-31" })).toEqual([]);
    expect(unpublishedYears({ from: "2026-12-05", to: "2027-01-01" })).toEqual([2027]);
    // A month shown on the rota and the horizon, together; years before the amended law are left to the library.
    const horizon = { from: "2026-12-20", to: "2027-01-16" };
    expect(unpublishedYears({ from: "2028-03-01", to: "2028-03-31" }, horizon)).toEqual([2027, 2028]);
    expect(unpublishedYears({ from: "2003-01-01", to: "2003-12-31" })).toEqual([]);
  });

  it("closes the fixed-date statutory days: 元旦 1 Jan, 劳动节 1–2 May, 国庆节 1–3 Oct", () => {
    const expected: [string, string][] = [
      ["2027-01-01", "元旦"], // a Friday
      ["2027-05-01", "劳动节"],
      ["2027-05-02", "劳动节"],
      ["2027-10-01", "国庆节"],
      ["2027-10-02", "国庆节"],
      ["2027-10-03", "国庆节"],
    ];
    for (const [date, name] of expected) {
      expect(calendar.dayKind(date), date).toBe("holiday");
      expect(calendar.holidayName(date), date).toBe(name);
    }
  });

  it("guesses neither the lunar festivals nor any 调休", () => {
    // 2027-02-10 falls in the Spring Festival week, whose dates only the notice can give.
    for (const date of ["2027-02-10", "2027-02-06", "2027-01-04", "2027-05-03", "2027-10-04", "2027-10-09"]) {
      expect(calendar.dayKind(date), date).toBe("normal");
      expect(calendar.holidayName(date), date).toBeNull();
    }
  });

  it("leaves a published year as the notice has it", () => {
    expect(calendar.dayKind("2026-05-05")).toBe("holiday"); // 劳动节 2026 runs 1–5 May
    expect(calendar.dayKind("2026-05-09")).toBe("makeup");
    expect(calendar.dayKind("2026-12-31")).toBe("normal");
  });

  it("lets a staff override win over the rule", () => {
    const overridden = createHolidayCalendar([
      { date: "2027-01-01", kind: "WORKDAY" },
      { date: "2027-02-10", kind: "HOLIDAY" },
    ]);
    expect(overridden.dayKind("2027-01-01")).toBe("makeup");
    expect(overridden.holidayName("2027-01-01")).toBe("元旦");
    expect(overridden.dayKind("2027-02-10")).toBe("holiday");
    expect(overridden.dayKind("2027-05-01")).toBe("holiday");
  });
});
