import { describe, expect, it } from "vitest";
import { createHolidayCalendar } from "@/lib/holidays/calendar";
import { listHolidayRuns } from "./published";

describe("listHolidayRuns", () => {
  it("joins the National Day days off into one run and lists its make-up working days", () => {
    const runs = listHolidayRuns(createHolidayCalendar(), 2025);
    const national = runs.filter((r) => r.name === "国庆节");
    // 2025: 10月1日–8日 off (the 6th listed as 中秋), 9月28日 and 10月11日 worked.
    expect(national.filter((r) => r.kind === "makeup").map((r) => r.from)).toEqual(["2025-09-28", "2025-10-11"]);
    expect(national.find((r) => r.kind === "holiday")?.from).toBe("2025-10-01");
    const springDays = runs.filter((r) => r.name === "春节" && r.kind === "holiday").reduce((n, r) => n + r.days, 0);
    expect(springDays).toBe(8);
  });

  it("shows a staff override as its own day", () => {
    const runs = listHolidayRuns(createHolidayCalendar([{ date: "2025-03-03", kind: "HOLIDAY" }]), 2025);
    expect(runs).toContainEqual({ kind: "holiday", name: null, from: "2025-03-03", to: "2025-03-03", days: 1 });
  });

  it("lists only the fixed-date statutory days for a year without a published notice", () => {
    expect(listHolidayRuns(createHolidayCalendar(), 2027)).toEqual([
      { kind: "holiday", name: "元旦", from: "2027-01-01", to: "2027-01-01", days: 1 },
      { kind: "holiday", name: "劳动节", from: "2027-05-01", to: "2027-05-02", days: 2 },
      { kind: "holiday", name: "国庆节", from: "2027-10-01", to: "2027-10-03", days: 3 },
    ]);
  });
});
