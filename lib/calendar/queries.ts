import "server-only";
import { loadAvailabilityInputs } from "@/lib/availability/queries";
import { dutyIntervals } from "@/lib/availability/slots";
import { db } from "@/lib/db";
import { addDays, todayInShanghai, zonedInstant } from "@/lib/time";
import type { CalendarEvent } from "./ics";

/** 32 random bytes in base64url: 43 characters. Anything else is not worth a database look-up. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 陈某: enough to recognise a booking at a glance, without putting a full name into someone else's calendar service. */
function initialOf(name: string): string {
  const first = [...name.trim()][0] ?? "";
  return `${first}某`;
}

/**
 * The private feed of the lawyer holding `token`: their duty sessions and active bookings for the
 * coming `weeks`. No phone numbers or notes: the feed is read by third-party calendar apps.
 */
export async function loadCalendarFeed(
  token: string,
  { now = new Date(), weeks = 8 }: { now?: Date; weeks?: number } = {},
): Promise<{ lawyerName: string; events: CalendarEvent[] } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const lawyer = await db.lawyer.findFirst({ where: { calendarToken: token, active: true }, select: { id: true, name: true } });
  if (!lawyer) return null;
  const from = todayInShanghai(now);
  const to = addDays(from, weeks * 7 - 1);
  const [venues, bookings] = await Promise.all([
    db.venue.findMany({
      where: { OR: [{ lawyers: { some: { lawyerId: lawyer.id } } }, { sessions: { some: { lawyerId: lawyer.id } } }] },
      select: { id: true, name: true, address: true },
    }),
    db.booking.findMany({
      where: {
        lawyerId: lawyer.id,
        status: { in: ["CONFIRMED", "CHECKED_IN"] },
        startsAt: { gte: zonedInstant(from), lt: zonedInstant(addDays(to, 1)) },
      },
      orderBy: { startsAt: "asc" },
      // Deliberately no phone, note or lawyer's note.
      select: {
        id: true,
        code: true,
        startsAt: true,
        endsAt: true,
        name: true,
        topic: { select: { name: true } },
        venue: { select: { name: true, address: true } },
      },
    }),
  ]);
  const inputs = await loadAvailabilityInputs(
    venues.map((v) => v.id),
    from,
    to,
  );
  const sessions = inputs.sessions.filter((s) => s.lawyerId === lawyer.id);
  const exceptions = inputs.exceptions.filter((e) => e.lawyerId === lawyer.id);
  const duty: CalendarEvent[] = venues.flatMap((venue) =>
    dutyIntervals({
      venue: { id: venue.id, slotMinutes: 30, minNoticeMinutes: 0, horizonDays: weeks * 7 },
      sessions,
      exceptions,
      from,
      to,
      // The calendar slots and the rota use: statutory days, the rule for unpublished years and staff overrides.
      calendar: inputs.calendar,
    }).map((d) => ({
      uid: `duty-${lawyer.id}-${venue.id}-${d.date}-${d.startMinute}@muzhou-legal`,
      start: zonedInstant(d.date, d.startMinute),
      end: zonedInstant(d.date, d.endMinute),
      summary: `坐班：${venue.name}`,
      location: venue.address,
    })),
  );
  const booked: CalendarEvent[] = bookings.map((b) => ({
    uid: `booking-${b.id}@muzhou-legal`,
    start: b.startsAt,
    end: b.endsAt,
    summary: `预约咨询：${initialOf(b.name)}（${b.topic.name}）`,
    location: `${b.venue.name}，${b.venue.address}`,
    description: `预约号 ${b.code}。联系电话等详情请登录律师工作台查看。`,
  }));
  return {
    lawyerName: lawyer.name,
    events: [...duty, ...booked].sort((a, b) => a.start.getTime() - b.start.getTime()),
  };
}

/** The lawyer's current subscription token, if any. */
export async function getCalendarToken(lawyerId: string): Promise<string | null> {
  const row = await db.lawyer.findUnique({ where: { id: lawyerId }, select: { calendarToken: true } });
  return row?.calendarToken ?? null;
}
