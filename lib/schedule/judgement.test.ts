import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MONTHLY_TARGET_HOURS } from "./hours";
import { judgeMonth, judgementLabel, judgementSentence } from "./judgement";

const base = { month: "2026-11", currentMonth: "2026-12", workroom: true, serviceSince: "2026-03-01" };

describe("judgeMonth", () => {
  it("judges a past month on hours served, not on hours scheduled", () => {
    const scheduledOnly = judgeMonth({ ...base, scheduled: 12, attended: 3 });
    expect(scheduledOnly).toMatchObject({ state: "short", met: false, shortfall: 5, counted: true });
    expect(judgementSentence(scheduledOnly)).toBe("到岗 3 小时（排班 12 小时），比每月 8 小时的要求少 5 小时。");
    const served = judgeMonth({ ...base, scheduled: 4, attended: 8 });
    expect(served).toMatchObject({ state: "met", met: true, counted: true });
    expect(judgementLabel(served)).toBe("达标");
  });

  it("does not count months before the workroom's service began, nor a workroom with none yet", () => {
    expect(judgeMonth({ ...base, month: "2026-02", scheduled: 0, attended: 0 })).toMatchObject({
      state: "before_service",
      counted: false,
    });
    expect(judgeMonth({ ...base, serviceSince: null, scheduled: 0, attended: 0 }).counted).toBe(false);
    expect(judgeMonth({ ...base, month: "2026-03", scheduled: 0, attended: 0 }).state).toBe("short");
  });

  it("gives the month in progress no verdict yet, and a month to come only its plan", () => {
    expect(judgeMonth({ ...base, month: "2026-12", scheduled: 10, attended: 2 })).toMatchObject({
      state: "in_progress",
      counted: false,
      shortfall: 6,
    });
    expect(judgeMonth({ ...base, month: "2027-01", scheduled: 6, attended: 0 })).toMatchObject({
      state: "planned",
      shortfall: 2,
    });
  });

  it("never calls a month met on fewer than 8 hours served, whatever was scheduled", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.constantFrom("2026-01", "2026-11", "2026-12", "2027-02"),
        (scheduled, attended, month) => {
          const j = judgeMonth({ ...base, month, scheduled, attended });
          if (j.met) expect(j.attended).toBeGreaterThanOrEqual(MONTHLY_TARGET_HOURS);
          if (j.counted) expect(month >= "2026-03" && month <= "2026-12").toBe(true);
          if (month === "2026-12" && j.counted) expect(j.met).toBe(true);
        },
      ),
    );
  });
});
