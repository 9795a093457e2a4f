import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import { atVenuesIn, auditActorOf, type TownScope } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { type Failure, failure } from "@/lib/errors";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { dequeue, enqueue, enqueueMany, MAX_SEND_ATTEMPTS } from "@/lib/jobs";
import { NOTIFICATION_KINDS } from "@/lib/labels";
import { linkOn, loadPublicAddress } from "@/lib/site/queries";
import type { SmsGateway } from "@/lib/sms/gateway";
import { outboxGateway } from "@/lib/sms/outbox";
import {
  CANCEL_CAUSES,
  type CancelCause,
  CHANGE_DETAIL,
  FROM_NOTIFICATION_KIND,
  isMobile,
  type MessageKind,
  messageText,
  NOTIFICATION_KIND,
  type ReminderRule,
  reminders,
  sendTime,
  shortWhen,
  type TextKind,
} from "./rules";
import type { MessageKeyInput } from "./schema";
import { mayResend } from "./status";

// The outbox of text messages (issue 8). A change a villager must hear of queues its message in
// the change's own transaction, with a graphile-worker job that sends it, so a change without its
// message, or a message without its change, cannot exist. Each message has a key (event + booking
// + kind): replaying an event queues nothing twice. The worker (scripts/worker.ts) calls deliver().

/** What happened to a booking that its villager must hear of. */
export type BookingEvent = "created" | "moved" | "reassigned" | "cancelled" | "done" | "offered";

/** What the villager's messages say of a booking (tellNewBooking takes it from the insert that made the row). */
export const bookingFacts = {
  id: true,
  code: true,
  phone: true,
  startsAt: true,
  updatedAt: true,
  venue: { select: { name: true, reminderDayBeforeMinute: true, reminderHoursBefore: true } },
  lawyer: { select: { name: true } },
} as const;

type Facts = {
  id: string;
  code: string;
  phone: string;
  startsAt: Date;
  updatedAt: Date;
  venue: { name: string; reminderDayBeforeMinute: number | null; reminderHoursBefore: number | null };
  lawyer: { name: string };
  /** The booking page's address in its texts: short, on the site's public address (lib/site), not a request's host. */
  link: string;
};

/**
 * Queues what the villager must hear after `event`, in the caller's transaction (the change's own).
 * Call it after the booking row has changed.
 */
export async function tellVillager(
  tx: Tx,
  bookingId: string,
  event: BookingEvent,
  now = new Date(),
  { cause = "villager" }: { cause?: CancelCause } = {},
): Promise<void> {
  const [row, address] = await Promise.all([
    tx.booking.findUniqueOrThrow({ where: { id: bookingId }, select: bookingFacts }),
    loadPublicAddress(tx),
  ]);
  const booking: Facts = { ...row, link: linkOn(address, `/b/${row.code}`) };
  switch (event) {
    case "created":
      return announceNewBooking(tx, booking, now);
    case "moved":
    case "reassigned": {
      // A confirmation not yet sent (the quiet hours) says the booking as it is now, and no change
      // is announced of a booking the villager has not heard of yet.
      if (await restateConfirmation(tx, booking, now)) {
        await overtakeMessages(tx, booking.id, ["CHANGE"], OVERTAKEN.restated);
        return planReminders(tx, booking, now);
      }
      // Each change is its own event: the booking's updatedAt tells one change from the next. Only the latest is sent.
      await overtakeMessages(tx, booking.id, ["CHANGE"], OVERTAKEN.changedAgain);
      // Say what changed: the lawyer (the time and place stay), or the time and place.
      const detail = event === "reassigned" ? CHANGE_DETAIL.lawyer(booking.lawyer.name) : CHANGE_DETAIL.moved;
      await queue(tx, booking, "change", `change:${booking.id}:${booking.updatedAt.getTime()}`, now, detail);
      return planReminders(tx, booking, now);
    }
    case "cancelled":
      await overtakeMessages(tx, booking.id, ["CONFIRMATION", "CHANGE", "WAITLIST_OFFER"], OVERTAKEN.cancelled);
      await queue(tx, booking, "cancellation", `cancellation:${booking.id}`, now, CANCEL_CAUSES[cause]);
      return dropReminders(tx, booking.id);
    case "done":
      await overtakeMessages(tx, booking.id, ["CONFIRMATION", "CHANGE"], OVERTAKEN.done);
      await queue(tx, booking, "evaluation", `evaluation:${booking.id}`, now);
      return dropReminders(tx, booking.id);
    case "offered":
      // A slot held for someone on the waitlist (lib/waitlist): the hold is a booking of its own.
      return queue(tx, booking, "waitlist_offer", `offer:${booking.id}`, now);
  }
}

/**
 * tellVillager(…, "created") for a booking row inserted in this very transaction (createBooking):
 * the row the insert returned is used as it is, not read again.
 */
export async function tellNewBooking(tx: Tx, row: Omit<Facts, "link">, now = new Date()): Promise<void> {
  await announceNewBooking(tx, { ...row, link: linkOn(await loadPublicAddress(tx), `/b/${row.code}`) }, now);
}

/**
 * A new booking's confirmation and reminders: no message of it can exist yet (a key already there
 * is skipped), so they are written by one insert and their jobs queued by one statement.
 */
async function announceNewBooking(tx: Tx, booking: Facts, now: Date): Promise<void> {
  const mobile = isMobile(booking.phone);
  const messages = [
    {
      key: `confirmation:${booking.id}`,
      kind: NOTIFICATION_KIND.confirmation,
      message: text("confirmation", booking),
      status: mobile ? ("QUEUED" as const) : ("CALL" as const),
      sendAfter: sendTime("confirmation", now, booking.startsAt),
    },
    ...(mobile ? [...plannedReminders(booking, now)] : []).map(([slot, at]) => ({
      key: reminderKey(booking.id, slot),
      kind: "REMINDER" as const,
      message: text(slot === "day_before" ? "reminder" : "reminder_soon", booking),
      status: "QUEUED" as const,
      sendAfter: at,
    })),
  ];
  const written = await tx.notification.createManyAndReturn({
    data: messages.map((m) => ({ ...m, bookingId: booking.id, phone: booking.phone })),
    skipDuplicates: true,
    select: { key: true, status: true, sendAfter: true },
  });
  await enqueueMany(
    tx,
    "sendMessage",
    written.filter((m) => m.status === "QUEUED").map((m) => ({ payload: { key: m.key }, runAt: m.sendAfter })),
  );
}

/** Why a queued message was not sent: staff read it beside the message (the villager's page leaves it out). */
export const OVERTAKEN = {
  accepted: "候补空位已确认预约，不用再发候补通知",
  restated: "确认短信还没发出，改为按新的时间地点发确认短信",
  changedAgain: "预约又有了变动，只发最新的变动通知",
  cancelled: "预约已取消，只发取消通知",
  done: "咨询已结束",
  evaluated: "村民已经评价，不用再发评价邀请",
} as const;

/**
 * Drops the booking's messages of `kinds` that are still waiting to go, with the reason, in the
 * transaction of the change that made them untrue: they are never sent, and their jobs are gone.
 */
export async function overtakeMessages(tx: Tx, bookingId: string, kinds: NotificationKind[], reason: string): Promise<void> {
  const waiting = await tx.notification.findMany({
    where: { bookingId, kind: { in: kinds }, status: "QUEUED" },
    select: { id: true, key: true },
  });
  if (waiting.length === 0) return;
  await tx.notification.updateMany({
    where: { id: { in: waiting.map((m) => m.id) }, status: "QUEUED" },
    data: { status: "DROPPED", reason },
  });
  for (const { key } of waiting) await removeJob(tx, key);
}

/** Rewrites a confirmation still waiting to go with the booking as it is now; false when there is none. */
async function restateConfirmation(tx: Tx, booking: Facts, now: Date): Promise<boolean> {
  const key = `confirmation:${booking.id}`;
  const sendAfter = sendTime("confirmation", now, booking.startsAt);
  const { count } = await tx.notification.updateMany({
    where: { key, status: "QUEUED" },
    data: { message: text("confirmation", booking), sendAfter },
  });
  if (count > 0) await addJob(tx, key, sendAfter);
  return count > 0;
}

function text(kind: TextKind, booking: Facts, detail: string | null = null): string {
  return messageText(kind, {
    code: booking.code,
    start: booking.startsAt,
    place: booking.venue.name,
    link: booking.link,
    detail,
  });
}

/** One message; a landline gets none but a line on the staff call list. Nothing if the key exists. */
async function queue(
  tx: Tx,
  booking: Facts,
  kind: MessageKind,
  key: string,
  now: Date,
  detail: string | null = null,
): Promise<void> {
  const mobile = isMobile(booking.phone);
  const sendAfter = sendTime(kind, now, booking.startsAt);
  const { count } = await tx.notification.createMany({
    data: [
      {
        key,
        bookingId: booking.id,
        kind: NOTIFICATION_KIND[kind],
        phone: booking.phone,
        message: text(kind, booking, detail),
        detail,
        status: mobile ? "QUEUED" : "CALL",
        sendAfter,
      },
    ],
    skipDuplicates: true,
  });
  if (count > 0 && mobile) await addJob(tx, key, sendAfter);
}

/** The message's job, in this transaction: the job exists exactly when the message does (lib/jobs.ts). */
const addJob = (tx: Tx, key: string, runAt: Date) => enqueue(tx, "sendMessage", { key }, { runAt });
const removeJob = (tx: Tx, key: string) => dequeue(tx, "sendMessage", { key });

const REMINDER_SLOTS = ["day_before", "hours_before"] as const;
const reminderKey = (bookingId: string, slot: (typeof REMINDER_SLOTS)[number]) => `reminder:${bookingId}:${slot}`;

/** When the booking's reminders go, as its time and its venue's rule say (a slot missing: none). */
function plannedReminders(booking: Omit<Facts, "link">, now: Date): Map<(typeof REMINDER_SLOTS)[number], Date> {
  const rule: ReminderRule = {
    dayBeforeMinute: booking.venue.reminderDayBeforeMinute ?? null,
    hoursBefore: booking.venue.reminderHoursBefore ?? null,
  };
  return new Map(reminders(booking.startsAt, now, rule).map((r) => [r.slot, r.at]));
}

/** The booking's reminders as its time and venue rule now say: planned, moved, or dropped. */
async function planReminders(tx: Tx, booking: Facts, now: Date): Promise<void> {
  if (!isMobile(booking.phone)) return;
  const planned = plannedReminders(booking, now);
  for (const slot of REMINDER_SLOTS) {
    const key = reminderKey(booking.id, slot);
    const at = planned.get(slot);
    if (!at) {
      await tx.notification.updateMany({ where: { key, status: "QUEUED" }, data: { status: "DROPPED" } });
      await removeJob(tx, key);
      continue;
    }
    const message = text(slot === "day_before" ? "reminder" : "reminder_soon", booking);
    await tx.notification.upsert({
      where: { key },
      create: { key, bookingId: booking.id, kind: "REMINDER", phone: booking.phone, message, sendAfter: at },
      update: {
        phone: booking.phone,
        message,
        sendAfter: at,
        status: "QUEUED",
        attempts: 0,
        reason: null,
        sentAt: null,
        gatewayId: null,
      },
    });
    await addJob(tx, key, at);
  }
}

async function dropReminders(tx: Tx, bookingId: string): Promise<void> {
  for (const slot of REMINDER_SLOTS) {
    const key = reminderKey(bookingId, slot);
    await tx.notification.updateMany({ where: { key, status: "QUEUED" }, data: { status: "DROPPED" } });
    await removeJob(tx, key);
  }
}

/** The SMS gateway as the worker sees it (lib/sms/gateway.ts SmsGateway); the template is chosen by the kind. */
export type Gateway = Pick<SmsGateway, "send">;

export type Delivery =
  | { outcome: "sent" }
  | { outcome: "skipped"; why: string }
  | { outcome: "later"; at: Date }
  | { outcome: "retry"; reason: string }
  | { outcome: "failed"; reason: string };

const UNCERTAIN = "上次发送中断，不知道是否已经送达：为免重复没有再发。请核对后电话联系，或在消息页重发。";

/**
 * Sends one queued message through `gateway`: at most once. The row is marked SENDING before the
 * gateway is called and SENT after; a worker killed in between leaves SENDING, which the next try
 * does not send again but hands to staff (the call list). A reminder of a booking no longer
 * confirmed at that time is dropped; the quiet hours are checked again at the moment of sending.
 */
export async function deliver(key: string, gateway: Gateway, now = new Date()): Promise<Delivery> {
  const claimed = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM notification WHERE key = ${key} FOR UPDATE`;
    if (!row) return { outcome: "skipped", why: "no such message" } as const;
    const message = await tx.notification.findUniqueOrThrow({
      where: { id: row.id },
      select: {
        id: true,
        kind: true,
        status: true,
        phone: true,
        attempts: true,
        detail: true,
        booking: {
          select: { name: true, code: true, status: true, startsAt: true, test: true, venue: { select: { name: true } } },
        },
      },
    });
    if (message.status === "SENDING") {
      await tx.notification.update({ where: { id: message.id }, data: { status: "FAILED", reason: UNCERTAIN } });
      return { outcome: "skipped", why: "interrupted before" } as const;
    }
    if (message.status !== "QUEUED") return { outcome: "skipped", why: message.status } as const;
    const kind = FROM_NOTIFICATION_KIND[message.kind];
    const { booking } = message;
    const stale =
      (kind === "reminder" && (booking.status !== "CONFIRMED" || booking.startsAt <= now)) ||
      (kind === "waitlist_offer" && booking.status !== "HELD");
    if (stale) {
      await tx.notification.update({ where: { id: message.id }, data: { status: "DROPPED" } });
      return { outcome: "skipped", why: "no longer true" } as const;
    }
    const at = sendTime(kind, now, booking.startsAt);
    if (at > now) {
      await tx.notification.update({ where: { id: message.id }, data: { sendAfter: at } });
      return { outcome: "later", at } as const;
    }
    await tx.notification.update({ where: { id: message.id }, data: { status: "SENDING", attempts: { increment: 1 } } });
    return { outcome: "send", message: { ...message, kind, attempts: message.attempts + 1 } } as const;
  });
  if (claimed.outcome !== "send") return claimed;
  const { message } = claimed;
  const { booking } = message;
  const params = templateVariables(booking, message.detail);
  // A test client's booking (lib/test-mode.ts): its text goes to the outbox, never to the SMS
  // gateway, so an integrator's trial never reaches a real phone; staff see it marked as a test.
  const sender = booking.test ? outboxGateway() : gateway;
  const result = await sender
    .send(message.phone, message.kind, params)
    .catch(
      (error: unknown) =>
        ({ ok: false, retryable: true, reason: error instanceof Error ? error.message : String(error) }) as const,
    );
  if (result.ok) {
    await db.notification.update({
      where: { id: message.id },
      data: { status: "SENT", sentAt: new Date(), gatewayId: result.id, reason: null },
    });
    return { outcome: "sent" };
  }
  const giveUp = !result.retryable || message.attempts >= MAX_SEND_ATTEMPTS;
  await db.notification.update({
    where: { id: message.id },
    data: { status: giveUp ? "FAILED" : "QUEUED", reason: result.reason },
  });
  return giveUp ? { outcome: "failed", reason: result.reason } : { outcome: "retry", reason: result.reason };
}

/**
 * The variables of the approved templates (lib/sms/gateway.ts TEMPLATE_PARAMS, docs/sms.md): the
 * same facts as the text, never the topic or the note. The link is fixed text of each template
 * around the code, since gateways refuse a URL in a variable.
 */
export function templateVariables(
  booking: { name: string; code: string; startsAt: Date; venue: { name: string } },
  detail: string | null = null,
): Record<string, string> {
  const [date, time] = shortWhen(booking.startsAt).split(" ");
  // What changed or why it was cancelled; a message queued before it was kept reads in general words.
  return {
    name: booking.name,
    code: booking.code,
    date,
    time,
    place: booking.venue.name,
    change: detail ?? CHANGE_DETAIL.moved,
    reason: detail ?? CANCEL_CAUSES.staff,
  };
}

// Staff follow-up of messages that did not go (the /staff/messages pages).

export type MessageDone = { ok: true; message: string };

/**
 * Records that staff phoned the villager about a message on the call list (a landline's, or one
 * that failed for good). The update only takes a row not yet marked, so of two clicks at once,
 * from one person or two, exactly one counts; the other is told who did it and when.
 */
export async function markCalled(scope: TownScope, { key }: MessageKeyInput, now = new Date()): Promise<MessageDone | Failure> {
  assertCan(can.workAsStaff(scope.actor));
  const inTown = { booking: atVenuesIn(scope) };
  return db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { key, ...inTown, calledAt: null, status: { in: ["CALL", "FAILED"] } },
      data: { calledAt: now, calledBy: scope.actor.displayName },
    });
    const row = await tx.notification.findFirst({
      where: { key, ...inTown },
      select: { kind: true, status: true, calledAt: true, calledBy: true, booking: { select: { id: true, code: true } } },
    });
    if (!row) return failure("not_found", "没有找到这条通知，请刷新页面后再看。");
    if (count === 0) {
      if (row.calledAt)
        return failure(
          "conflict",
          `${row.calledBy ?? "同事"}已在 ${shortWhen(row.calledAt)} 记下打过电话了，不用再打。这次没有再记一次。`,
        );
      return failure("conflict", "这条通知已经重新发送，不在电话通知名单上了。请刷新页面后再看。");
    }
    const what = NOTIFICATION_KINDS[row.kind];
    await recordAudit(tx, auditActorOf(scope), {
      kind: "booking",
      action: "phone_call",
      subjectId: row.booking.id,
      summary: `已打电话通知预约 ${row.booking.code} 的${what}`,
    });
    return { ok: true, message: `已记下：预约 ${row.booking.code} 的${what}已打电话通知。` };
  });
}

/**
 * Sends a failed message again: back in the queue from its first try, with its job, in one
 * transaction. Only a mobile number (a landline is phoned) and only a message still true (no
 * confirmation of a booking cancelled since). In the quiet hours it waits for 08:00 like any other.
 */
export async function resendMessage(
  scope: TownScope,
  { key }: MessageKeyInput,
  now = new Date(),
): Promise<MessageDone | Failure> {
  assertCan(can.workAsStaff(scope.actor));
  const inTown = { booking: atVenuesIn(scope) };
  return db.$transaction(async (tx) => {
    const row = await tx.notification.findFirst({
      where: { key, ...inTown },
      select: {
        kind: true,
        status: true,
        phone: true,
        booking: { select: { id: true, code: true, status: true, startsAt: true } },
      },
    });
    if (!row) return failure("not_found", "没有找到这条短信，请刷新页面后再看。");
    if (row.status !== "FAILED") return failure("conflict", "这条短信现在不是“发送失败”，不用重发。请刷新页面看它现在的状态。");
    if (!isMobile(row.phone))
      return failure("conflict", "这是固定电话，收不到短信。请打电话通知，再在电话通知名单上点“已电话联系”。");
    if (!mayResend(row, row.booking, now)) return failure("conflict", "这个预约已取消或已经开始，这条短信不用再发了。");
    const sendAfter = sendTime(FROM_NOTIFICATION_KIND[row.kind], now, row.booking.startsAt);
    // Only a row still failed: of two clicks at once, one queues it and the other is told.
    const { count } = await tx.notification.updateMany({
      where: { key, ...inTown, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, reason: null, sendAfter },
    });
    if (count === 0) return failure("conflict", "同事刚刚已经重发了这条短信，不用再点。");
    await addJob(tx, key, sendAfter);
    const what = NOTIFICATION_KINDS[row.kind];
    await recordAudit(tx, auditActorOf(scope), {
      kind: "booking",
      action: "resend",
      subjectId: row.booking.id,
      summary: `重新发送预约 ${row.booking.code} 的${what}短信`,
    });
    const later = sendAfter > now ? `现在是夜间，将于 ${shortWhen(sendAfter)} 发出。` : "稍后会自动发出。";
    return { ok: true, message: `已重新排队：预约 ${row.booking.code} 的${what}短信${later}` };
  });
}
