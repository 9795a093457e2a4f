import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/form";
import { addExtraInput, addLeaveInput, addSessionInput, changeSessionInput, NIGHT_UNCONFIRMED, parseChoices } from "./schema";

describe("schedule inputs", () => {
  it("reads HH:MM on the 5-minute grid as minutes", () => {
    const parsed = addSessionInput.parse({ venueId: "v", weekday: "2", start: "09:00", end: "12:30", validFrom: "2030-01-01" });
    expect(parsed).toEqual({
      venueId: "v",
      weekday: 2,
      startMinute: 540,
      endMinute: 750,
      validFrom: "2030-01-01",
      validUntil: null,
      nightConfirmed: false,
    });
  });

  it("keeps duty before 07:00 or after 21:00 only when confirmed as meant (issue 22 item 7)", () => {
    const night = { date: "2030-01-08", venueId: "v", start: "01:30", end: "05:30" };
    const unconfirmed = addExtraInput.safeParse(night);
    expect(unconfirmed.success).toBe(false);
    if (!unconfirmed.success) expect(fieldErrors(unconfirmed.error)).toEqual({ nightConfirmed: NIGHT_UNCONFIRMED });
    expect(addExtraInput.parse({ ...night, nightConfirmed: "on" })).toMatchObject({ startMinute: 90, endMinute: 330 });
    // 07:00–21:00 needs nothing; one minute past either edge does.
    expect(addExtraInput.safeParse({ ...night, start: "07:00", end: "21:00" }).success).toBe(true);
    expect(addExtraInput.safeParse({ ...night, start: "06:55", end: "09:00" }).success).toBe(false);
    expect(
      addSessionInput.safeParse({ venueId: "v", weekday: "2", start: "19:00", end: "21:30", validFrom: "2030-01-01" }).success,
    ).toBe(false);
    expect(
      changeSessionInput.safeParse({ sessionId: "s", weekday: "2", start: "05:00", end: "08:00", from: "2030-01-01" }).success,
    ).toBe(false);
  });

  it("refuses end before start, times off the grid, bad dates and validUntil before validFrom, beside each field", () => {
    const bad = addSessionInput.safeParse({
      venueId: "v",
      weekday: "2",
      start: "12:00",
      end: "09:00",
      validFrom: "2030-01-10",
      validUntil: "2030-01-09",
    });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(Object.keys(fieldErrors(bad.error)).sort()).toEqual(["end", "validUntil"]);
    const grid = changeSessionInput.safeParse({ sessionId: "s", weekday: "8", start: "09:03", end: "25:00", from: "2030-02-30" });
    expect(grid.success).toBe(false);
    if (!grid.success) expect(Object.keys(fieldErrors(grid.error)).sort()).toEqual(["end", "from", "start", "weekday"]);
  });

  it("takes leave for the whole day without times, and part of a day only with valid times", () => {
    expect(addLeaveInput.parse({ date: "2030-01-01", wholeDay: "on", start: "", end: "" })).toMatchObject({
      startMinute: null,
      endMinute: null,
      venueId: null,
    });
    const part = addLeaveInput.safeParse({ date: "2030-01-01", start: "10:00", end: "10:00" });
    expect(part.success).toBe(false);
    if (!part.success) expect(fieldErrors(part.error)).toHaveProperty("end");
  });

  it("requires a choice for each booking and a reason for each cancellation", () => {
    const { choices, errors } = parseChoices(
      { "choice-a": "lawyer:L2", "choice-b": "cancel", "reason-b": "  ", "choice-d": "cancel", "reason-d": "台风" },
      ["a", "b", "c", "d"],
    );
    expect(choices).toEqual([
      { bookingId: "a", action: "reassign", lawyerId: "L2" },
      { bookingId: "d", action: "cancel", reason: "台风" },
    ]);
    expect(Object.keys(errors).sort()).toEqual(["choice-c", "reason-b"]);
  });

  it("reads a move to another time as the lawyer and the instant it names, and nothing else as one", () => {
    const start = Date.UTC(2026, 11, 10, 1, 0);
    const { choices, errors } = parseChoices(
      { "choice-a": `move:L2:${start}`, "choice-b": "move:L2:tomorrow", "choice-c": "move::123" },
      ["a", "b", "c"],
    );
    expect(choices).toEqual([{ bookingId: "a", action: "reschedule", lawyerId: "L2", start: new Date(start) }]);
    expect(Object.keys(errors).sort()).toEqual(["choice-b", "choice-c"]);
  });
});
