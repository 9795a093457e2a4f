import "server-only";
import { recordView } from "@/lib/audit/mutations";
import { atVenuesIn, auditActorOf, type Scope, type TownScope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind, NotificationStatus } from "@/lib/generated/prisma/enums";
import { maskPhone } from "@/lib/phone";
import { COUNTED } from "@/lib/test-mode";
import { addDays, todayInShanghai, zonedInstant } from "@/lib/time";
import { callScript, FROM_NOTIFICATION_KIND } from "./rules";
import { MESSAGE_PAGE_SIZE, type MessageSearchInput } from "./schema";
import { mayResend } from "./status";

// Reads of the text-message outbox: the staff list (numbers masked), the call list (numbers in
// full, so its opening is audited), and what the villager's own booking page shows.

export type MessageRow = {
  key: string;
  kind: NotificationKind;
  status: NotificationStatus;
  /** Masked: the list is for following the queue, not for ringing anyone. */
  phone: string;
  bookingCode: string;
  createdAt: Date;
  sendAfter: Date;
  sentAt: Date | null;
  attempts: number;
  /** The gateway's answer to the last failed try. */
  reason: string | null;
  calledAt: Date | null;
  calledBy: string | null;
  resendable: boolean;
  /** Of a test client's booking (lib/test-mode.ts): kept in the outbox, never sent. */
  test: boolean;
};

/** Every message about a booking in the scope, newest first, a page at a time. */
export async function listMessages(
  scope: Scope,
  filters: MessageSearchInput,
  now = new Date(),
): Promise<{ rows: MessageRow[]; total: number }> {
  const where: Prisma.NotificationWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.date ? { createdAt: { gte: zonedInstant(filters.date), lt: zonedInstant(addDays(filters.date, 1)) } } : {}),
    booking: { ...atVenuesIn(scope), ...(filters.code ? { code: filters.code } : {}) },
  };
  const [rows, total] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { sendAfter: "desc" }, { key: "asc" }],
      skip: (filters.page - 1) * MESSAGE_PAGE_SIZE,
      take: MESSAGE_PAGE_SIZE,
      select: {
        key: true,
        kind: true,
        status: true,
        phone: true,
        createdAt: true,
        sendAfter: true,
        sentAt: true,
        attempts: true,
        reason: true,
        calledAt: true,
        calledBy: true,
        booking: { select: { code: true, status: true, startsAt: true, test: true } },
      },
    }),
    db.notification.count({ where }),
  ]);
  return {
    total,
    rows: rows.map(({ booking, ...m }) => ({
      ...m,
      phone: maskPhone(m.phone),
      bookingCode: booking.code,
      resendable: mayResend(m, booking, now),
      test: booking.test,
    })),
  };
}

const EVALUATION_DAYS = 14;

/**
 * Messages staff must still follow up by phone (of bookings in the scope): a landline's, or one
 * that failed for good, not yet phoned, and still worth a call: the consultation not over (an
 * evaluation request for two weeks).
 */
function toCall(scope: Scope, now: Date): Prisma.NotificationWhereInput {
  // A test client's booking (lib/test-mode.ts) has nobody to phone.
  return {
    booking: { ...atVenuesIn(scope), ...COUNTED },
    status: { in: ["CALL", "FAILED"] },
    calledAt: null,
    OR: [
      { kind: { not: "EVALUATION" }, booking: { endsAt: { gt: now } } },
      { kind: "EVALUATION", createdAt: { gt: new Date(now.getTime() - EVALUATION_DAYS * 24 * 60 * 60_000) } },
    ],
  };
}

export function countToCall(scope: Scope, now = new Date()): Promise<number> {
  return db.notification.count({ where: toCall(scope, now) });
}

export type CallRow = {
  key: string;
  kind: NotificationKind;
  status: NotificationStatus;
  /** In full: staff ring it from here. */
  phone: string;
  /** Whom to ask for: a shared phone's owner may not be the villager. */
  name: string;
  bookingCode: string;
  start: Date;
  end: Date;
  venueName: string;
  venueAddress: string;
  /** What to tell them: the message's facts as a sentence to say, with the code spelled out (rules.ts callScript). */
  script: string;
  reason: string | null;
  createdAt: Date;
  resendable: boolean;
};

export type CalledRow = { key: string; kind: NotificationKind; bookingCode: string; calledAt: Date; calledBy: string | null };

/**
 * The call list of the town, for the staff page that shows it: the soonest consultation first. It carries
 * full phone numbers, so each opening is audited once (lib/audit recordView), with how many.
 * Beside it, what was phoned today, so a click's result shows even without JavaScript.
 */
export async function openCallList(scope: TownScope, now = new Date()): Promise<{ rows: CallRow[]; calledToday: CalledRow[] }> {
  const [found, called] = await Promise.all([
    db.notification.findMany({
      where: toCall(scope, now),
      orderBy: [{ booking: { startsAt: "asc" } }, { createdAt: "asc" }],
      take: 200,
      select: {
        key: true,
        kind: true,
        status: true,
        phone: true,
        detail: true,
        reason: true,
        createdAt: true,
        booking: {
          select: {
            code: true,
            name: true,
            status: true,
            startsAt: true,
            endsAt: true,
            venue: { select: { name: true, address: true } },
          },
        },
      },
    }),
    db.notification.findMany({
      where: {
        booking: atVenuesIn(scope),
        status: { in: ["CALL", "FAILED"] },
        calledAt: { gte: zonedInstant(todayInShanghai(now)) },
      },
      orderBy: { calledAt: "desc" },
      take: 100,
      select: { key: true, kind: true, calledAt: true, calledBy: true, booking: { select: { code: true } } },
    }),
  ]);
  const rows = found.map(({ booking, detail, ...m }) => ({
    ...m,
    script: callScript(FROM_NOTIFICATION_KIND[m.kind], {
      name: booking.name,
      code: booking.code,
      start: booking.startsAt,
      place: booking.venue.name,
      address: booking.venue.address,
      detail,
    }),
    name: booking.name,
    bookingCode: booking.code,
    start: booking.startsAt,
    end: booking.endsAt,
    venueName: booking.venue.name,
    venueAddress: booking.venue.address,
    resendable: mayResend(m, booking, now),
  }));
  const numbers = new Set(rows.map((r) => r.phone)).size;
  if (numbers > 0)
    await recordView(
      auditActorOf(scope),
      { subjectId: "message_call_list", summary: `查看电话通知名单（${numbers} 个完整电话号码）` },
      now,
    );
  return {
    rows,
    calledToday: called.map(({ booking, calledAt, ...m }) => ({ ...m, calledAt: calledAt as Date, bookingCode: booking.code })),
  };
}

export type BookingMessage = {
  key: string;
  kind: NotificationKind;
  status: NotificationStatus;
  sendAfter: Date;
  sentAt: Date | null;
  calledAt: Date | null;
};

/**
 * The messages about one booking, for its villager's own page (the caller has proved the phone):
 * what and when, never the number, the text or the gateway's answer. Those no longer to be sent
 * (a reminder of a moved or cancelled booking) are left out.
 */
export function messagesForBooking(code: string): Promise<BookingMessage[]> {
  return db.notification.findMany({
    where: { booking: { code }, status: { not: "DROPPED" } },
    orderBy: [{ createdAt: "asc" }, { sendAfter: "asc" }],
    select: { key: true, kind: true, status: true, sendAfter: true, sentAt: true, calledAt: true },
  });
}
