import { describe, expect, it } from "vitest";
import { zonedInstant } from "@/lib/time";
import {
  arrivalTiming,
  attendanceState,
  attendedMinutes,
  effectiveEnd,
  roundHours,
  sessionMark,
  shownDeparture,
  toSession,
} from "./rules";

const at = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant(date, h * 60 + m);
};
// 09:00–12:00 in Shanghai on 2026-12-01 (the test run's TZ is far from China).
const session = toSession("V1", { lawyerId: "L1", date: "2026-12-01", startMinute: 540, endMinute: 720 });
const open = { arrivedAt: at("2026-12-01", "09:05"), leftAt: null, sessionEndsAt: session.end, autoClosed: false };

describe("the arrival window", () => {
  it("opens half an hour before the session and closes at its end", () => {
    expect(session.start).toEqual(new Date("2026-12-01T01:00:00Z"));
    expect(arrivalTiming(session, at("2026-12-01", "08:29"))).toBe("early");
    expect(arrivalTiming(session, at("2026-12-01", "08:30"))).toBe("open");
    expect(arrivalTiming(session, at("2026-12-01", "11:59"))).toBe("open");
    expect(arrivalTiming(session, at("2026-12-01", "12:00"))).toBe("over");
  });
});

describe("an attendance without a departure", () => {
  it("counts up to now while the session lasts, and as closed at the session's end after it", () => {
    expect(attendanceState(open, at("2026-12-01", "10:00"))).toBe("open");
    expect(effectiveEnd(open, at("2026-12-01", "10:00"))).toEqual(at("2026-12-01", "10:00"));
    expect(shownDeparture(open, at("2026-12-01", "10:00"))).toBeNull();
    // The worker has not closed it yet: it is closed all the same, at 12:00, and marked so.
    expect(attendanceState(open, at("2026-12-01", "15:00"))).toBe("auto_closed");
    expect(shownDeparture(open, at("2026-12-01", "15:00"))).toEqual(session.end);
  });

  it("never counts past the session's end, even with a late departure", () => {
    const late = { ...open, leftAt: at("2026-12-01", "13:00") };
    expect(attendanceState(late, at("2026-12-01", "15:00"))).toBe("left");
    const day = { start: zonedInstant("2026-12-01"), end: zonedInstant("2026-12-02") };
    expect(attendedMinutes(late, day, at("2026-12-01", "15:00"))).toBe(175);
  });
});

describe("attended minutes in a period", () => {
  it("clips to the period's Shanghai bounds", () => {
    // A corrected attendance across midnight into January: 23:30–00:30.
    const a = {
      arrivedAt: at("2026-12-31", "23:30"),
      leftAt: at("2027-01-01", "00:30"),
      sessionEndsAt: at("2027-01-01", "01:00"),
      autoClosed: false,
    };
    const december = { start: zonedInstant("2026-12-01"), end: zonedInstant("2027-01-01") };
    const january = { start: zonedInstant("2027-01-01"), end: zonedInstant("2027-02-01") };
    expect(attendedMinutes(a, december, at("2027-02-01", "00:00"))).toBe(30);
    expect(attendedMinutes(a, january, at("2027-02-01", "00:00"))).toBe(30);
  });

  it("rounds hours to one decimal", () => {
    expect(roundHours(175 / 60)).toBe(2.9);
    expect(roundHours(0.04)).toBe(0);
  });
});

describe("未签到", () => {
  const placed = { lawyerId: "L1", venueId: "V1", arrivedAt: at("2026-12-01", "08:45"), sessionEndsAt: session.end };

  it("marks a session with an attendance, and one that ended without", () => {
    expect(sessionMark(session, [placed], at("2026-12-01", "09:00"))).toBe("attended");
    expect(sessionMark(session, [], at("2026-12-01", "11:00"))).toBeNull();
    expect(sessionMark(session, [], at("2026-12-01", "12:00"))).toBe("missed");
  });

  it("does not take another lawyer's, another venue's or another session's attendance", () => {
    const after = at("2026-12-01", "18:00");
    expect(sessionMark(session, [{ ...placed, lawyerId: "L2" }], after)).toBe("missed");
    expect(sessionMark(session, [{ ...placed, venueId: "V2" }], after)).toBe("missed");
    const afternoon = { ...placed, arrivedAt: at("2026-12-01", "14:00"), sessionEndsAt: at("2026-12-01", "17:00") };
    expect(sessionMark(session, [afternoon], after)).toBe("missed");
    const yesterday = { ...placed, arrivedAt: at("2026-11-30", "09:00"), sessionEndsAt: at("2026-11-30", "12:00") };
    expect(sessionMark(session, [yesterday], after)).toBe("missed");
  });
});
