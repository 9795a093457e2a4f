import { describe, expect, it } from "vitest";
import { mondayOf, monthWeeks, rotaView, weekDates } from "./week";

describe("mondayOf and weekDates", () => {
  it("finds the Monday of any day, across a month's and a year's end", () => {
    expect(mondayOf("2026-12-02")).toBe("2026-11-30"); // a Wednesday
    expect(mondayOf("2026-11-30")).toBe("2026-11-30"); // a Monday is its own
    expect(mondayOf("2027-01-03")).toBe("2026-12-28"); // a Sunday belongs to the week before
    expect(weekDates("2026-12-28")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
  });
});

describe("rotaView", () => {
  const today = "2026-12-02";

  it("opens on this week and this month", () => {
    expect(rotaView({ today })).toEqual({ monday: "2026-11-30", month: "2026-12" });
  });

  it("takes any day of a week as that week, with the month of its Thursday", () => {
    expect(rotaView({ week: "2026-12-31", today })).toEqual({ monday: "2026-12-28", month: "2026-12" });
    expect(rotaView({ week: "2027-01-01", today })).toEqual({ monday: "2026-12-28", month: "2026-12" });
    expect(rotaView({ week: "2026-11-25", today })).toEqual({ monday: "2026-11-23", month: "2026-11" });
    // 30 November is a Monday, but four of that week's days are December's.
    expect(rotaView({ week: "2026-11-30", today })).toEqual({ monday: "2026-11-30", month: "2026-12" });
  });

  it("keeps a month given with the week (a day chosen in the month's overview)", () => {
    expect(rotaView({ week: "2026-11-30", month: "2026-11", today })).toEqual({ monday: "2026-11-30", month: "2026-11" });
  });

  it("opens another month on the week of its first day", () => {
    expect(rotaView({ month: "2027-01", today })).toEqual({ monday: "2026-12-28", month: "2027-01" });
    expect(rotaView({ month: "2026-11", today })).toEqual({ monday: "2026-10-26", month: "2026-11" });
    expect(rotaView({ month: "2026-12", today })).toEqual({ monday: "2026-11-30", month: "2026-12" });
  });
});

describe("monthWeeks", () => {
  it("lays a month out Monday first, with the days of other months left empty", () => {
    const weeks = monthWeeks("2026-11"); // 1 November 2026 is a Sunday, the 30th a Monday
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, "2026-11-01"]);
    expect(weeks[5]).toEqual(["2026-11-30", null, null, null, null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
    expect(monthWeeks("2027-02")).toHaveLength(4); // 1 February 2027 is a Monday, the 28th a Sunday
  });
});
