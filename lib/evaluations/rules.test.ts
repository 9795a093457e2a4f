import { describe, expect, it } from "vitest";
import { zonedInstant } from "@/lib/time";
import { changeableUntil, countAnswers, isChangeable, linkExpiry, NO_EVALUATIONS, satisfactionRate } from "./rules";

describe("the 7 days to change an evaluation", () => {
  const given = zonedInstant("2026-03-01", 10 * 60);

  it("ends 7 × 24 hours after it was first given", () => {
    expect(changeableUntil(given).toISOString()).toBe(zonedInstant("2026-03-08", 10 * 60).toISOString());
    expect(isChangeable(given, new Date(changeableUntil(given).getTime() - 1))).toBe(true);
    expect(isChangeable(given, changeableUntil(given))).toBe(false);
  });

  it("a walk-in's link lasts 24 hours", () => {
    expect(linkExpiry(given).toISOString()).toBe(zonedInstant("2026-03-02", 10 * 60).toISOString());
  });
});

describe("满意度", () => {
  it("is the share of 满意 and 基本满意 among all evaluations", () => {
    const counts = countAnswers([
      { satisfaction: "SATISFIED", resolution: "SOLVED" },
      { satisfaction: "SATISFIED", resolution: "PARTLY_SOLVED" },
      { satisfaction: "BASICALLY_SATISFIED", resolution: "UNSOLVED" },
      { satisfaction: "DISSATISFIED", resolution: "UNSOLVED" },
    ]);
    expect(counts).toEqual({
      total: 4,
      SATISFIED: 2,
      BASICALLY_SATISFIED: 1,
      DISSATISFIED: 1,
      SOLVED: 1,
      PARTLY_SOLVED: 1,
      UNSOLVED: 2,
    });
    expect(satisfactionRate(counts)).toBe(0.75);
  });

  it("is no figure at all when nobody has evaluated", () => {
    expect(satisfactionRate(NO_EVALUATIONS)).toBeNull();
    expect(satisfactionRate(countAnswers([{ satisfaction: "DISSATISFIED", resolution: "SOLVED" }]))).toBe(0);
  });
});
