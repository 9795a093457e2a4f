import { describe, expect, it } from "vitest";
import { monthRange, nextMonth, scheduledHours } from "./hours";

const session = (weekday: number, startMinute: number, endMinute: number, lawyerId = "L1", venueId = "V1") => ({
  lawyerId,
  venueId,
  weekday,
  startMinute,
  endMinute,
  validFrom: "2026-01-01",
  validUntil: null,
});

describe("monthRange and nextMonth", () => {
  it("knows month lengths, leap years and the year's end", () => {
    expect(monthRange("2026-02")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(monthRange("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthRange("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(nextMonth("2026-12")).toBe("2027-01");
  });
});

describe("scheduledHours", () => {
  it("adds up a weekly 3-hour session over the month (December 2026 has five Tuesdays)", () => {
    const rows = scheduledHours({ venueIds: ["V1"], sessions: [session(2, 540, 720)], exceptions: [], month: "2026-12" });
    expect(rows).toEqual([{ venueId: "V1", lawyerId: null, hours: 15 }]);
  });

  it("skips statutory holidays, counts extra sessions and subtracts leave", () => {
    // October 2026: Thursdays 1 (National Day), 8, 15, 22, 29.
    const rows = scheduledHours({
      venueIds: ["V1"],
      sessions: [session(4, 540, 720)],
      exceptions: [
        { lawyerId: "L1", venueId: "V1", kind: "EXTRA", date: "2026-10-10", startMinute: 540, endMinute: 600 },
        { lawyerId: "L1", venueId: null, kind: "LEAVE", date: "2026-10-15", startMinute: null, endMinute: null },
        { lawyerId: "L1", venueId: "V1", kind: "LEAVE", date: "2026-10-22", startMinute: 540, endMinute: 630 },
      ],
      month: "2026-10",
    });
    // 8th: 3 h, 15th: leave, 22nd: 1.5 h, 29th: 3 h, extra on the 10th: 1 h.
    expect(rows).toEqual([{ venueId: "V1", lawyerId: null, hours: 8.5 }]);
  });

  it("reports a venue with no duty as zero hours, and splits per lawyer when asked", () => {
    const sessions = [session(2, 540, 720, "L1"), session(2, 540, 600, "L2")];
    expect(scheduledHours({ venueIds: ["V1", "V2"], sessions, exceptions: [], month: "2026-12" })).toEqual([
      { venueId: "V1", lawyerId: null, hours: 20 },
      { venueId: "V2", lawyerId: null, hours: 0 },
    ]);
    expect(scheduledHours({ venueIds: ["V1"], sessions, exceptions: [], month: "2026-12", perLawyer: true })).toEqual([
      { venueId: "V1", lawyerId: "L1", hours: 15 },
      { venueId: "V1", lawyerId: "L2", hours: 5 },
    ]);
  });

  it("skips 元旦 2027 though chinese-days has no 2027 notice yet", () => {
    // January 2027: Fridays 1 (元旦), 8, 15, 22, 29.
    const rows = scheduledHours({ venueIds: ["V1"], sessions: [session(5, 540, 720)], exceptions: [], month: "2027-01" });
    expect(rows).toEqual([{ venueId: "V1", lawyerId: null, hours: 12 }]);
  });
});
