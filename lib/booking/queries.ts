import "server-only";
import { recordView } from "@/lib/audit/mutations";
import { atVenuesIn, auditActorOf, type Scope, type TownScope, venuesIn } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskPhone, searchSpellings, storedSpellings } from "@/lib/phone";
import { COUNTED } from "@/lib/test-mode";
import { addDays, todayInShanghai, zonedInstant } from "@/lib/time";
import type { BookingSearchInput, FindBookingInput } from "./schema";

export type BookingStatusName = "confirmed" | "checked_in" | "done" | "no_show" | "cancelled" | "held";

export type BookingView = {
  code: string;
  /** Raised by every change (a database trigger): the API's ETag. */
  version: number;
  status: BookingStatusName;
  start: Date;
  end: Date;
  venue: { slug: string; name: string; address: string };
  lawyer: { id: string; name: string; firm: string; publicPhone: string };
  topic: { code: string; name: string };
  name: string;
  phone: string;
  village: string | null;
  description: string | null;
  onBehalfOf: { name: string; relation: string } | null;
  priorityGroup: string | null;
  cancelReason: string | null;
  /** A change made for the villager (another lawyer, a cancellation by the lawyer), in words for them. */
  notice: string | null;
  /** A slot offered from the waitlist and not (yet) accepted: until when it is held (lib/waitlist). */
  heldUntil: Date | null;
  /** The secret of its calendar link (/bookings/<code>/calendar.ics?t=…), for the API's Booking. */
  calendarToken: string;
  /** Made with a test client's key (lib/test-mode.ts). */
  test: boolean;
};

/** Who a booking is for and when: every view of a booking (the villager's, the lawyer's, a day sheet) starts from these. */
export const bookingPersonSelect = {
  id: true,
  code: true,
  status: true,
  startsAt: true,
  endsAt: true,
  name: true,
  phone: true,
  village: true,
  onBehalfOfName: true,
  onBehalfOfRelation: true,
  priorityGroup: true,
} as const;

export const bookingViewSelect = {
  ...bookingPersonSelect,
  version: true,
  note: true,
  cancelReason: true,
  notice: true,
  heldUntil: true,
  calendarToken: true,
  test: true,
  venue: { select: { slug: true, name: true, address: true } },
  lawyer: { select: { id: true, name: true, firm: true, publicPhone: true } },
  topic: { select: { code: true, name: true } },
} as const;

type Row = Prisma.BookingGetPayload<{ select: typeof bookingViewSelect }>;

export function toBookingView(row: Row): BookingView {
  return {
    code: row.code,
    version: row.version,
    status: row.status.toLowerCase() as BookingStatusName,
    start: row.startsAt,
    end: row.endsAt,
    // Only the view's own fields: a row read with more (createBooking's) gives no more away.
    venue: { slug: row.venue.slug, name: row.venue.name, address: row.venue.address },
    lawyer: { id: row.lawyer.id, name: row.lawyer.name, firm: row.lawyer.firm, publicPhone: row.lawyer.publicPhone },
    topic: row.topic,
    name: row.name,
    phone: row.phone,
    village: row.village,
    description: row.note,
    onBehalfOf:
      row.onBehalfOfName && row.onBehalfOfRelation ? { name: row.onBehalfOfName, relation: row.onBehalfOfRelation } : null,
    priorityGroup: row.priorityGroup,
    cancelReason: row.cancelReason,
    notice: row.notice,
    heldUntil: row.heldUntil,
    calendarToken: row.calendarToken,
    test: row.test,
  };
}

/** A booking by its code and its calendar link's secret (issue 25 item 6): the link opens the .ics without a phone. */
export async function findBookingByCalendarToken(code: string, token: string): Promise<BookingView | null> {
  if (!/^[0-9a-f]{32}$/.test(token)) return null;
  const row = await db.booking.findFirst({ where: { code, calendarToken: token }, select: bookingViewSelect });
  return row ? toBookingView(row) : null;
}

/** A booking by its code and phone together: a wrong code and a wrong phone both give null. */
export async function findBooking({ code, phone }: FindBookingInput): Promise<BookingView | null> {
  const row = await db.booking.findFirst({ where: { code, phone: { in: storedSpellings(phone) } }, select: bookingViewSelect });
  return row ? toBookingView(row) : null;
}

export const STAFF_PAGE_SIZE = 50;

export type BookingListRow = {
  code: string;
  start: Date;
  status: BookingStatusName;
  channel: string;
  venueName: string;
  lawyerName: string;
  name: string;
  /** Masked: lists never show a full number. */
  phone: string;
  topicName: string;
  /** Made with a test client's key (lib/test-mode.ts): shown as such. */
  test: boolean;
};

/**
 * Every booking matching the staff filters, latest first, 50 a page; phone numbers masked. Without
 * a page asked for, the page that holds today (Asia/Shanghai): the bookings after today come first
 * in this order, and staff open the list for today's, not next year's.
 */
export async function searchBookings(
  scope: Scope,
  filters: BookingSearchInput,
  now = new Date(),
): Promise<{ rows: BookingListRow[]; total: number; page: number }> {
  const where: Prisma.BookingWhereInput = {
    ...(filters.from || filters.to
      ? {
          startsAt: {
            ...(filters.from ? { gte: zonedInstant(filters.from) } : {}),
            ...(filters.to ? { lt: zonedInstant(addDays(filters.to, 1)) } : {}),
          },
        }
      : {}),
    venue: { ...venuesIn(scope), ...(filters.venue ? { slug: filters.venue } : {}) },
    ...(filters.lawyer ? { lawyerId: filters.lawyer } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.topic ? { topic: { code: filters.topic } } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.phone ? { OR: searchSpellings(filters.phone).map((part) => ({ phone: { contains: part } })) } : {}),
  };
  const tomorrow = zonedInstant(addDays(todayInShanghai(now), 1));
  const [total, later] = await Promise.all([
    db.booking.count({ where }),
    filters.page ? 0 : db.booking.count({ where: { AND: [where, { startsAt: { gte: tomorrow } }] } }),
  ]);
  const page = filters.page ?? Math.min(Math.floor(later / STAFF_PAGE_SIZE) + 1, Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)));
  const rows = await db.booking.findMany({
    where,
    // The code breaks ties, so that a page holds the same rows however often it is asked for.
    orderBy: [{ startsAt: "desc" }, { code: "asc" }],
    skip: (page - 1) * STAFF_PAGE_SIZE,
    take: STAFF_PAGE_SIZE,
    select: {
      code: true,
      startsAt: true,
      status: true,
      channel: true,
      name: true,
      phone: true,
      test: true,
      venue: { select: { name: true } },
      lawyer: { select: { name: true } },
      topic: { select: { name: true } },
    },
  });
  return {
    total,
    page,
    rows: rows.map((r) => ({
      code: r.code,
      start: r.startsAt,
      status: r.status.toLowerCase() as BookingStatusName,
      channel: r.channel,
      venueName: r.venue.name,
      lawyerName: r.lawyer.name,
      name: r.name,
      phone: maskPhone(r.phone),
      topicName: r.topic.name,
      test: r.test,
    })),
  };
}

/**
 * One booking in full for staff (full phone, note), or null when there is none in the scope.
 * Opening personal data is written to the audit log, so every look is accounted for: once per
 * opening, not again when the page renders after a form on it is sent.
 */
export async function openBookingForStaff(scope: TownScope, code: string) {
  const row = await db.booking.findFirst({
    where: { code, ...atVenuesIn(scope) },
    select: {
      ...bookingViewSelect,
      channel: true,
      createdAt: true,
      outcomes: true,
      minutesSpent: true,
      lawyerNote: true,
      venue: { select: { slug: true, name: true, address: true } },
    },
  });
  if (!row) return null;
  await recordView(auditActorOf(scope), { subjectId: row.id, summary: `查看预约 ${row.code} 的个人信息` });
  return {
    ...toBookingView(row),
    id: row.id,
    channel: row.channel,
    createdAt: row.createdAt,
    outcomes: row.outcomes,
    minutesSpent: row.minutesSpent,
    lawyerNote: row.lawyerNote,
  };
}

/**
 * What staff want to know first thing: today's and this week's bookings in the scope, and who is
 * waiting for a call. A call-back request names a venue only if the villager chose one; one
 * without is anyone's to take, so every town counts it.
 */
export async function loadStaffOverview(scope: Scope, now = new Date()) {
  const today = todayInShanghai(now);
  const start = zonedInstant(today);
  const active = { status: { in: ["CONFIRMED" as const, "CHECKED_IN" as const, "DONE" as const] }, ...COUNTED };
  const venues = await db.venue.findMany({ where: venuesIn(scope), select: { id: true } });
  const [todayCount, weekCount, callbacks] = await Promise.all([
    db.booking.count({
      where: { ...active, ...atVenuesIn(scope), startsAt: { gte: start, lt: zonedInstant(addDays(today, 1)) } },
    }),
    db.booking.count({
      where: { ...active, ...atVenuesIn(scope), startsAt: { gte: start, lt: zonedInstant(addDays(today, 7)) } },
    }),
    db.callbackRequest.count({
      where: { handledAt: null, OR: [{ venueId: null }, { venueId: { in: venues.map((v) => v.id) } }] },
    }),
  ]);
  return { todayCount, weekCount, callbacks };
}
