import { describe, expect, it } from "vitest";
import { DEFAULT_QUIET_HOURS, parseQuietHours } from "./quiet-hours";

describe("SMS_QUIET_HOURS", () => {
  it("defaults to 21:00–08:00, reads two times of day, and refuses anything else", () => {
    expect(parseQuietHours(undefined)).toEqual(DEFAULT_QUIET_HOURS);
    expect(parseQuietHours(" ")).toEqual(DEFAULT_QUIET_HOURS);
    expect(parseQuietHours("22:30-07:00")).toEqual({ from: 22 * 60 + 30, until: 7 * 60 });
    expect(parseQuietHours("00:00-00:00")).toEqual({ from: 0, until: 0 });
    for (const bad of ["9pm-8am", "24:00-08:00", "21:00", "21:00-8:00"]) expect(parseQuietHours(bad), bad).toBeNull();
  });
});
