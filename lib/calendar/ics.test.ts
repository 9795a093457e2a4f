import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine } from "./ics";

describe("buildCalendar", () => {
  it("writes events in UTC with Z, CRLF line ends and the required properties", () => {
    const ics = buildCalendar({
      name: "值班",
      now: new Date("2026-11-28T06:00:00Z"),
      events: [
        {
          uid: "duty-1@muzhou",
          start: new Date("2026-12-01T09:00:00+08:00"),
          end: new Date("2026-12-01T12:00:00+08:00"),
          summary: "坐班：南镇村公共法律服务工作室",
        },
      ],
    });
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("\r\nDTSTART:20261201T010000Z\r\nDTEND:20261201T040000Z\r\n");
    expect(ics).toContain("\r\nDTSTAMP:20261128T060000Z\r\n");
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("writes an event's SEQUENCE and STATUS when given, so an imported copy updates or is struck off", () => {
    const event = {
      uid: "booking-K7MPXA@muzhou",
      start: new Date("2026-12-01T09:00:00+08:00"),
      end: new Date("2026-12-01T09:30:00+08:00"),
      summary: "咨询",
    };
    const plain = buildCalendar({ name: "预约", events: [event] });
    expect(plain).not.toMatch(/SEQUENCE|STATUS/);
    const cancelled = buildCalendar({ name: "预约", events: [{ ...event, sequence: 3, status: "CANCELLED" }] });
    expect(cancelled).toContain("\r\nSEQUENCE:3\r\nSTATUS:CANCELLED\r\n");
  });

  it("gives an event its reminders: one VALARM per time before the start", () => {
    const ics = buildCalendar({
      name: "预约",
      events: [
        {
          uid: "b@x",
          start: new Date("2026-12-03T01:00:00Z"),
          end: new Date("2026-12-03T01:30:00Z"),
          summary: "咨询",
          alarmsMinutesBefore: [1440, 120],
        },
      ],
    });
    const alarms = ics.split("BEGIN:VALARM").slice(1);
    expect(alarms).toHaveLength(2);
    expect(alarms[0]).toContain("TRIGGER:-PT1440M");
    expect(alarms[1]).toContain("TRIGGER:-PT120M");
    expect(alarms[1]).toContain("ACTION:DISPLAY");
    // Inside the event, before it ends.
    expect(ics.indexOf("END:VALARM")).toBeLessThan(ics.indexOf("END:VEVENT"));
  });
});

describe("escapeText", () => {
  it("escapes backslashes, semicolons, commas and newlines", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });
});

describe("foldLine", () => {
  it("folds at 75 octets without splitting a Chinese character, and unfolds to the original", () => {
    const line = `SUMMARY:${"睦洲镇公共法律服务".repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it("leaves a short line alone", () => {
    expect(foldLine("VERSION:2.0")).toBe("VERSION:2.0");
  });
});
