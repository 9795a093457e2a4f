// A minimal iCalendar (RFC 5545) writer for subscription feeds: UTC times, escaped text, folded lines, CRLF.

export type CalendarEvent = {
  /** Globally unique and stable across refreshes, so calendar apps update events instead of duplicating them. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  /** Reminders the calendar app shows, each this many minutes before the start (VALARM, DISPLAY). */
  alarmsMinutesBefore?: number[];
  /**
   * Raised by every change (a booking's version): a calendar that imported the event replaces its
   * copy with a higher SEQUENCE (RFC 5545 §3.8.7.4).
   */
  sequence?: number;
  /** CANCELLED tells an imported copy the event is off (§3.8.1.11). */
  status?: "CONFIRMED" | "CANCELLED";
};

/** 20261201T010000Z. UTC needs no VTIMEZONE and cannot be skewed by the server's own zone. */
function utc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * Lines longer than 75 octets are folded with CRLF and one space (§3.1). Chinese characters take
 * three octets in UTF-8, so fold by octets and never inside a character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines begin with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function buildCalendar({ name, events, now = new Date() }: { name: string; events: CalendarEvent[]; now?: Date }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Muzhou Public Legal Service//Booking//ZH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    "X-WR-TIMEZONE:Asia/Shanghai",
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
  ];
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${utc(now)}`,
      `DTSTART:${utc(e.start)}`,
      `DTEND:${utc(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.sequence !== undefined) lines.push(`SEQUENCE:${e.sequence}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    for (const minutes of e.alarmsMinutesBefore ?? []) {
      lines.push(
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        `TRIGGER:-PT${minutes}M`,
        `DESCRIPTION:${escapeText(e.summary)}`,
        "END:VALARM",
      );
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
