import { describe, expect, it } from "vitest";
import { relativeDay } from "./time";

describe("relativeDay", () => {
  it("names today, tomorrow and the day after, across a month's end, and nothing else", () => {
    expect(relativeDay("2026-12-01", "2026-12-01")).toBe("今天");
    expect(relativeDay("2027-01-01", "2026-12-31")).toBe("明天");
    expect(relativeDay("2026-12-03", "2026-12-01")).toBe("后天");
    expect(relativeDay("2026-12-04", "2026-12-01")).toBeNull();
    expect(relativeDay("2026-11-30", "2026-12-01")).toBeNull();
  });
});
