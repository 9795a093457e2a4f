import { describe, expect, it } from "vitest";
import { zonedInstant } from "@/lib/time";
import { isOver, monthsBefore, retentionCutoff } from "./rules";

describe("monthsBefore", () => {
  it("goes back whole calendar months, across years", () => {
    expect(monthsBefore("2026-12-02", 36)).toBe("2023-12-02");
    expect(monthsBefore("2026-03-15", 6)).toBe("2025-09-15");
    expect(monthsBefore("2026-01-31", 1)).toBe("2025-12-31");
  });

  it("takes the last day of a shorter month", () => {
    expect(monthsBefore("2026-05-31", 3)).toBe("2026-02-28");
    expect(monthsBefore("2028-03-31", 1)).toBe("2028-02-29");
  });
});

describe("retentionCutoff", () => {
  it("is midnight in Shanghai of the day months before today there, whatever the server's zone", () => {
    // 2026-12-01 20:00 UTC is already 2 December in Shanghai.
    expect(retentionCutoff(new Date("2026-12-01T20:00:00Z"), 36)).toEqual(zonedInstant("2023-12-02"));
    expect(retentionCutoff(new Date("2026-12-01T15:00:00Z"), 6)).toEqual(zonedInstant("2026-06-01"));
  });
});

describe("isOver", () => {
  const now = new Date("2026-12-02T02:00:00Z");
  const later = new Date("2026-12-03T02:00:00Z");
  const earlier = new Date("2026-12-01T02:00:00Z");

  it("is true for a cancelled, done or missed booking, or one that has ended", () => {
    expect(isOver({ status: "cancelled", end: later }, now)).toBe(true);
    expect(isOver({ status: "DONE", end: later }, now)).toBe(true);
    expect(isOver({ status: "no_show", end: later }, now)).toBe(true);
    expect(isOver({ status: "confirmed", end: earlier }, now)).toBe(true);
  });

  it("is false for a booking to come or under way", () => {
    expect(isOver({ status: "confirmed", end: later }, now)).toBe(false);
    expect(isOver({ status: "checked_in", end: later }, now)).toBe(false);
  });
});
