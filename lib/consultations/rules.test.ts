import { describe, expect, it } from "vitest";
import { zonedInstant } from "@/lib/time";
import { canCheckIn, canUndoCheckIn, checkInRefusal, checkInWindow, defaultWalkInVenue } from "./rules";

// Runs under vitest's odd TZ: a forgotten Asia/Shanghai gives the wrong day here.
const at = (date: string, hh: number, mm = 0) => zonedInstant(date, hh * 60 + mm);
const minutes = (n: number) => n * 60_000;

describe("checkInWindow", () => {
  const start = at("2026-12-03", 9);

  it("opens an hour before the start and closes at the end of the booking's Shanghai day", () => {
    expect(checkInWindow(start)).toEqual({ opens: at("2026-12-03", 8), closes: at("2026-12-04", 0) });
    expect(canCheckIn(start, new Date(start.getTime() - minutes(61)))).toBe(false);
    expect(canCheckIn(start, new Date(start.getTime() - minutes(60)))).toBe(true);
    expect(canCheckIn(start, new Date(start.getTime() - minutes(59)))).toBe(true);
    expect(canCheckIn(start, at("2026-12-03", 23, 59))).toBe(true);
    expect(canCheckIn(start, at("2026-12-04", 0))).toBe(false);
  });

  it("never opens on the day before, even for a booking just after midnight", () => {
    const early = at("2026-12-03", 0, 30);
    expect(checkInWindow(early).opens).toEqual(at("2026-12-03", 0));
    expect(canCheckIn(early, at("2026-12-02", 23, 45))).toBe(false);
    expect(checkInRefusal(early, at("2026-12-02", 23, 45))).toContain("只能在预约当天签到");
  });

  it("says from when a check-in is possible", () => {
    expect(checkInRefusal(start, at("2026-12-03", 7, 30))).toContain("08:00 起");
    expect(checkInRefusal(start, at("2026-12-04", 9))).toContain("已经过了");
  });
});

describe("canUndoCheckIn", () => {
  it("allows an undo until the end of the booking's Shanghai day", () => {
    const start = at("2026-12-03", 9);
    expect(canUndoCheckIn(start, at("2026-12-03", 23, 59))).toBe(true);
    expect(canUndoCheckIn(start, at("2026-12-04", 0))).toBe(false);
  });
});

describe("defaultWalkInVenue", () => {
  const served = [{ id: "station" }, { id: "nanzhen" }, { id: "nanan" }];
  const session = (id: string, timing: "early" | "open" | "over", openId: string | null = null) => ({
    venue: { id },
    timing,
    openId,
  });

  it("is where the lawyer is signed in, even when another session is under way", () => {
    expect(defaultWalkInVenue(served, [session("nanan", "open"), session("nanzhen", "over", "a1")])).toBe("nanzhen");
  });

  it("is the session under way, else the day's first, without a 签到", () => {
    expect(defaultWalkInVenue(served, [session("nanan", "over"), session("nanzhen", "open")])).toBe("nanzhen");
    expect(defaultWalkInVenue(served, [session("nanan", "over"), session("nanzhen", "early")])).toBe("nanan");
  });

  it("is the first venue served on a day without duty, and never one the lawyer does not serve", () => {
    expect(defaultWalkInVenue(served, [])).toBe("station");
    expect(defaultWalkInVenue(served, [session("elsewhere", "open", "a2")])).toBe("station");
    expect(defaultWalkInVenue([], [])).toBeUndefined();
  });
});
