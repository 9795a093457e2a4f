import { describe, expect, it } from "vitest";
import { createHolidayCalendar, type DayKind, type HolidayCalendar } from "@/lib/holidays/calendar";
import {
  bookingWindow,
  type DateException,
  dutyIntervals,
  generateSlots,
  type Slot,
  type VenueRules,
  type WeeklySession,
} from "./slots";

// Expected instants are written out in UTC on purpose: Shanghai is UTC+8 all year, so 09:00 there is 01:00Z.
// The tests run with TZ=America/Los_Angeles, where a forgotten zone gives different answers.

const venue: VenueRules = { id: "station", slotMinutes: 30, minNoticeMinutes: 0, horizonDays: 28 };
const realCalendar = createHolidayCalendar();

/** A calendar with only the listed special days, so tests do not depend on the published data for later years. */
function stubCalendar(days: Record<string, DayKind> = {}): HolidayCalendar {
  return { dayKind: (date) => days[date] ?? "normal", holidayName: () => null };
}

function session(fields: Partial<WeeklySession> = {}): WeeklySession {
  return {
    lawyerId: "lawyer-a",
    venueId: "station",
    weekday: 2, // Tuesday
    startMinute: 9 * 60,
    endMinute: 12 * 60,
    validFrom: "2026-01-01",
    validUntil: null,
    ...fields,
  };
}

function exception(fields: Partial<DateException> & Pick<DateException, "kind" | "date">): DateException {
  return { lawyerId: "lawyer-a", venueId: "station", startMinute: null, endMinute: null, ...fields };
}

const starts = (slots: Slot[]) => slots.map((s) => s.start.toISOString());
const startsOf = (slots: Slot[], lawyerId: string) => starts(slots.filter((s) => s.lawyerId === lawyerId));

// Tuesday 2026-12-01 at 00:00 in Shanghai; still Monday 2026-11-30 in the process TZ.
const startOfDec1 = new Date("2026-12-01T00:00:00+08:00");

function slotsOnDec1(input: Partial<Parameters<typeof generateSlots>[0]> = {}): Slot[] {
  return generateSlots({
    venue,
    sessions: [session()],
    exceptions: [],
    busy: [],
    now: startOfDec1,
    calendar: stubCalendar(),
    from: "2026-12-01",
    to: "2026-12-01",
    ...input,
  });
}

describe("generateSlots: the hours villagers are offered", () => {
  it("offers a night session's slots only between 07:00 and 21:00, unless staff allow the venue more", () => {
    // 01:30–05:30 and 20:00–22:00 on duty (an extra night, a long evening).
    const night = [
      session({ startMinute: 90, endMinute: 330 }),
      session({ startMinute: 6 * 60 + 30, endMinute: 8 * 60 }),
      session({ startMinute: 20 * 60, endMinute: 22 * 60 }),
    ];
    const offered = slotsOnDec1({ sessions: night }).map((slot) => slot.start.toISOString());
    expect(offered).toEqual([
      "2026-11-30T23:00:00.000Z", // 07:00
      "2026-11-30T23:30:00.000Z", // 07:30
      "2026-12-01T12:00:00.000Z", // 20:00
      "2026-12-01T12:30:00.000Z", // 20:30 (ends 21:00)
    ]);
    const allowed = slotsOnDec1({ sessions: night, venue: { ...venue, offHoursBooking: true } });
    expect(allowed).toHaveLength(8 + 3 + 4);
  });
});

describe("generateSlots: cutting duty into slots", () => {
  it("cuts a 09:00–12:00 Shanghai session into consecutive slots at exact instants", () => {
    const slots = slotsOnDec1();
    expect(starts(slots)).toEqual([
      "2026-12-01T01:00:00.000Z",
      "2026-12-01T01:30:00.000Z",
      "2026-12-01T02:00:00.000Z",
      "2026-12-01T02:30:00.000Z",
      "2026-12-01T03:00:00.000Z",
      "2026-12-01T03:30:00.000Z",
    ]);
    expect(slots[0]).toEqual({
      lawyerId: "lawyer-a",
      start: new Date("2026-12-01T01:00:00.000Z"),
      end: new Date("2026-12-01T01:30:00.000Z"),
    });
    expect(slots.at(-1)?.end.toISOString()).toBe("2026-12-01T04:00:00.000Z");
  });

  it("drops a trailing partial slot when the length does not divide the session", () => {
    const slots = slotsOnDec1({ venue: { ...venue, slotMinutes: 50 } });
    // 09:00, 09:50, 10:40 (ends 11:30); 11:30–12:00 is too short.
    expect(starts(slots)).toEqual(["2026-12-01T01:00:00.000Z", "2026-12-01T01:50:00.000Z", "2026-12-01T02:40:00.000Z"]);
    expect(slots.at(-1)?.end.toISOString()).toBe("2026-12-01T03:30:00.000Z");
  });

  it("ignores sessions of other venues and other weekdays", () => {
    const slots = slotsOnDec1({
      sessions: [session({ venueId: "workroom-nanzhen" }), session({ weekday: 3 })],
    });
    expect(slots).toEqual([]);
  });

  it("merges overlapping and touching duty before cutting, so slots run on across the join", () => {
    const slots = slotsOnDec1({
      venue: { ...venue, slotMinutes: 45 },
      sessions: [session({ startMinute: 9 * 60, endMinute: 10 * 60 }), session({ startMinute: 9 * 60 + 30, endMinute: 10 * 60 })],
      exceptions: [exception({ kind: "EXTRA", date: "2026-12-01", startMinute: 10 * 60, endMinute: 11 * 60 })],
    });
    // One 09:00–11:00 interval: 09:00 and 09:45; cut separately it would have been 09:00 and 10:00.
    expect(starts(slots)).toEqual(["2026-12-01T01:00:00.000Z", "2026-12-01T01:45:00.000Z"]);
  });

  it("gives two slots when two lawyers sit at the same time, sorted by start then lawyer", () => {
    const slots = slotsOnDec1({
      venue: { ...venue, slotMinutes: 60 },
      sessions: [
        session({ lawyerId: "lawyer-b", startMinute: 9 * 60, endMinute: 10 * 60 }),
        session({ lawyerId: "lawyer-a", startMinute: 8 * 60, endMinute: 10 * 60 }),
      ],
    });
    expect(slots.map((s) => [s.start.toISOString(), s.lawyerId])).toEqual([
      ["2026-12-01T00:00:00.000Z", "lawyer-a"],
      ["2026-12-01T01:00:00.000Z", "lawyer-a"],
      ["2026-12-01T01:00:00.000Z", "lawyer-b"],
    ]);
  });

  it("refuses a slot length that would never advance", () => {
    expect(() => slotsOnDec1({ venue: { ...venue, slotMinutes: 0 } })).toThrow(/slotMinutes/);
  });
});

describe("dutyIntervals: which weekly sessions apply", () => {
  const duty = (
    sessions: WeeklySession[],
    from: string,
    to: string,
    calendar = stubCalendar(),
    exceptions: DateException[] = [],
  ) => dutyIntervals({ venue, sessions, exceptions, from, to, calendar });

  it("returns each lawyer's duty per date in minutes", () => {
    expect(duty([session()], "2026-12-01", "2026-12-07")).toEqual([
      { lawyerId: "lawyer-a", date: "2026-12-01", startMinute: 540, endMinute: 720 },
    ]);
  });

  it("applies a session from validFrom to validUntil, both inclusive", () => {
    const limited = session({ validFrom: "2026-12-08", validUntil: "2026-12-15" });
    expect(duty([limited], "2026-12-01", "2026-12-31").map((d) => d.date)).toEqual(["2026-12-08", "2026-12-15"]);
  });

  it("keeps an open-ended session going", () => {
    const open = session({ validFrom: "2026-12-08", validUntil: null });
    expect(duty([open], "2026-12-01", "2026-12-31").map((d) => d.date)).toEqual([
      "2026-12-08",
      "2026-12-15",
      "2026-12-22",
      "2026-12-29",
    ]);
  });

  it("closes on a statutory holiday (2026-10-01, National Day, a Thursday)", () => {
    const thursday = session({ weekday: 4 });
    expect(duty([thursday], "2026-09-24", "2026-10-08", realCalendar).map((d) => d.date)).toEqual(["2026-09-24", "2026-10-08"]);
  });

  it("applies the date's own weekday sessions on a 调休 makeup day", () => {
    // 2026-10-10 is a Saturday worked in exchange for National Day; Fri 10-02 and Sat 10-03 are days off.
    // The Friday lawyer works the ordinary Friday 10-09 but is not moved onto the makeup Saturday.
    const saturday = session({ lawyerId: "lawyer-sat", weekday: 6 });
    const friday = session({ lawyerId: "lawyer-fri", weekday: 5 });
    expect(duty([saturday, friday], "2026-10-01", "2026-10-10", realCalendar)).toEqual([
      { lawyerId: "lawyer-fri", date: "2026-10-09", startMinute: 540, endMinute: 720 },
      { lawyerId: "lawyer-sat", date: "2026-10-10", startMinute: 540, endMinute: 720 },
    ]);
  });

  it("adds EXTRA duty even on a holiday, but not EXTRA at another venue", () => {
    const extras = [
      exception({ kind: "EXTRA", date: "2026-10-01", startMinute: 14 * 60, endMinute: 16 * 60 }),
      exception({ kind: "EXTRA", date: "2026-10-01", venueId: "workroom-nanzhen", startMinute: 9 * 60, endMinute: 10 * 60 }),
    ];
    expect(duty([session({ weekday: 4 })], "2026-10-01", "2026-10-01", realCalendar, extras)).toEqual([
      { lawyerId: "lawyer-a", date: "2026-10-01", startMinute: 840, endMinute: 960 },
    ]);
  });
});

describe("generateSlots: leave", () => {
  const twoTuesdays = (exceptions: DateException[]) =>
    slotsOnDec1({ venue: { ...venue, slotMinutes: 60 }, exceptions, from: "2026-12-01", to: "2026-12-08" });

  it("removes the whole day for a whole-day leave, and only that day", () => {
    const slots = twoTuesdays([exception({ kind: "LEAVE", date: "2026-12-01" })]);
    expect(starts(slots)).toEqual(["2026-12-08T01:00:00.000Z", "2026-12-08T02:00:00.000Z", "2026-12-08T03:00:00.000Z"]);
  });

  it("cuts a partial leave out of the interval instead of dropping the session", () => {
    const slots = twoTuesdays([exception({ kind: "LEAVE", date: "2026-12-01", startMinute: 10 * 60, endMinute: 10 * 60 + 30 })]);
    // 09:00–10:00 stays; 10:30–12:00 gives 10:30 (11:30–12:00 is too short).
    expect(starts(slots).filter((s) => s.startsWith("2026-12-01"))).toEqual([
      "2026-12-01T01:00:00.000Z",
      "2026-12-01T02:30:00.000Z",
    ]);
  });

  it("applies a leave with no venue everywhere, but not a leave at another venue", () => {
    const everywhere = twoTuesdays([exception({ kind: "LEAVE", date: "2026-12-01", venueId: null })]);
    expect(starts(everywhere).some((s) => s.startsWith("2026-12-01"))).toBe(false);

    const elsewhere = twoTuesdays([exception({ kind: "LEAVE", date: "2026-12-01", venueId: "workroom-nanzhen" })]);
    expect(starts(elsewhere).filter((s) => s.startsWith("2026-12-01"))).toHaveLength(3);
  });

  it("applies only to the lawyer on leave", () => {
    const slots = slotsOnDec1({
      sessions: [session(), session({ lawyerId: "lawyer-b" })],
      exceptions: [exception({ kind: "LEAVE", date: "2026-12-01" })],
    });
    expect(new Set(slots.map((s) => s.lawyerId))).toEqual(new Set(["lawyer-b"]));
  });

  it("also cancels EXTRA duty on the same date", () => {
    const slots = slotsOnDec1({
      sessions: [],
      exceptions: [
        exception({ kind: "EXTRA", date: "2026-12-01", startMinute: 14 * 60, endMinute: 15 * 60 }),
        exception({ kind: "LEAVE", date: "2026-12-01", venueId: null }),
      ],
    });
    expect(slots).toEqual([]);
  });
});

describe("generateSlots: minimum notice and horizon", () => {
  const twoHoursNotice = { ...venue, minNoticeMinutes: 120 };

  it("allows a slot starting exactly at now + minimum notice", () => {
    const slots = slotsOnDec1({ venue: twoHoursNotice, now: new Date("2026-12-01T07:00:00+08:00") });
    expect(starts(slots)[0]).toBe("2026-12-01T01:00:00.000Z");
  });

  it("drops a slot starting one minute before now + minimum notice", () => {
    const slots = slotsOnDec1({ venue: twoHoursNotice, now: new Date("2026-12-01T07:01:00+08:00") });
    expect(starts(slots)[0]).toBe("2026-12-01T01:30:00.000Z");
  });

  it("offers dates from today to today + horizonDays - 1 in Shanghai", () => {
    const weekly = { ...venue, slotMinutes: 180, horizonDays: 7 };
    const monday = session({ weekday: 1 });
    const tuesday = session({ weekday: 2 });
    const slots = generateSlots({
      venue: weekly,
      sessions: [monday, tuesday],
      exceptions: [],
      busy: [],
      now: startOfDec1,
      calendar: stubCalendar(),
    });
    // Tue 12-01 (today) and Mon 12-07 (the 7th day) are in; Tue 12-08 is not.
    expect(starts(slots)).toEqual(["2026-12-01T01:00:00.000Z", "2026-12-07T01:00:00.000Z"]);
  });

  it("takes 'today' from Shanghai, not from the server's zone", () => {
    // 01:00 on Wednesday 12-02 in Shanghai, still Tuesday 12-01 in Los Angeles.
    const now = new Date("2026-12-02T01:00:00+08:00");
    const slots = generateSlots({
      venue: { ...venue, slotMinutes: 180, horizonDays: 7 },
      sessions: [session()],
      exceptions: [],
      busy: [],
      now,
      calendar: stubCalendar(),
    });
    expect(starts(slots)).toEqual(["2026-12-08T01:00:00.000Z"]);
  });

  it("lets from/to narrow the horizon but never widen it", () => {
    const base = { venue: { ...venue, slotMinutes: 180, horizonDays: 14 }, sessions: [session()], exceptions: [], busy: [] };
    const run = (from?: string, to?: string) =>
      starts(generateSlots({ ...base, now: startOfDec1, calendar: stubCalendar(), from, to }));
    expect(run()).toEqual(["2026-12-01T01:00:00.000Z", "2026-12-08T01:00:00.000Z"]);
    expect(run("2026-11-01", "2027-03-01")).toEqual(run());
    expect(run("2026-12-02")).toEqual(["2026-12-08T01:00:00.000Z"]);
    expect(run(undefined, "2026-12-07")).toEqual(["2026-12-01T01:00:00.000Z"]);
    expect(run("2026-12-09", "2026-12-02")).toEqual([]);
  });
});

describe("generateSlots: busy bookings", () => {
  it("removes slots overlapping a booking of the same lawyer only", () => {
    const slots = slotsOnDec1({
      sessions: [session(), session({ lawyerId: "lawyer-b" })],
      busy: [{ lawyerId: "lawyer-a", start: new Date("2026-12-01T09:40:00+08:00"), end: new Date("2026-12-01T10:10:00+08:00") }],
    });
    // 09:30–10:00 and 10:00–10:30 overlap the booking.
    expect(startsOf(slots, "lawyer-a")).toEqual([
      "2026-12-01T01:00:00.000Z",
      "2026-12-01T02:30:00.000Z",
      "2026-12-01T03:00:00.000Z",
      "2026-12-01T03:30:00.000Z",
    ]);
    expect(startsOf(slots, "lawyer-b")).toHaveLength(6);
  });

  it("keeps slots that only touch a booking", () => {
    const slots = slotsOnDec1({
      busy: [
        { lawyerId: "lawyer-a", start: new Date("2026-12-01T08:00:00+08:00"), end: new Date("2026-12-01T09:00:00+08:00") },
        { lawyerId: "lawyer-a", start: new Date("2026-12-01T12:00:00+08:00"), end: new Date("2026-12-01T13:00:00+08:00") },
      ],
    });
    expect(slots).toHaveLength(6);
  });
});

describe("month and year boundaries", () => {
  it("runs from 2026-12-31 into 2027-01-01, including an early slot whose UTC date is the day before", () => {
    const sessions = [4, 5].map((weekday) => session({ weekday, startMinute: 7 * 60, endMinute: 8 * 60 })); // Thu, Fri
    const slots = generateSlots({
      venue: { ...venue, slotMinutes: 60, horizonDays: 2 },
      sessions,
      exceptions: [],
      busy: [],
      now: new Date("2026-12-31T00:00:00+08:00"),
      calendar: stubCalendar(),
    });
    expect(slots).toEqual([
      { lawyerId: "lawyer-a", start: new Date("2026-12-30T23:00:00.000Z"), end: new Date("2026-12-31T00:00:00.000Z") },
      { lawyerId: "lawyer-a", start: new Date("2026-12-31T23:00:00.000Z"), end: new Date("2027-01-01T00:00:00.000Z") },
    ]);
  });

  it("crosses a month end in the booking window", () => {
    expect(bookingWindow({ ...venue, horizonDays: 3 }, new Date("2026-11-30T23:59:00+08:00"))).toEqual({
      earliest: new Date("2026-11-30T23:59:00+08:00"),
      firstDate: "2026-11-30",
      lastDate: "2026-12-02",
    });
  });
});

describe("bookingWindow", () => {
  it("starts at now + minimum notice and spans horizonDays Shanghai dates", () => {
    const now = new Date("2026-12-01T17:00:00.000Z"); // 01:00 on 12-02 in Shanghai, 09:00 on 12-01 in Los Angeles
    expect(bookingWindow({ ...venue, minNoticeMinutes: 90, horizonDays: 28 }, now)).toEqual({
      earliest: new Date("2026-12-01T18:30:00.000Z"),
      firstDate: "2026-12-02",
      lastDate: "2026-12-29",
    });
  });
});
