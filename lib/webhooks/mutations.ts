import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import { auditActorOf, type Scope } from "@/lib/auth/scope";
import { db, type Tx } from "@/lib/db";
import { type Failure, failure } from "@/lib/errors";
import { enqueue } from "@/lib/jobs";
import {
  DELIVERY_TIMEOUT_MS,
  MAX_REDIRECTS,
  newEventId,
  nextTryAt,
  redirectTarget,
  signWebhook,
  WEBHOOK_EVENT_NAMES,
  type WebhookEventType,
  webhookBody,
} from "./rules";

/**
 * Tells the clients that follow this booking's town what just happened to it: one notice for each
 * active client with a webhook address whose town is the booking's venue's (or who is
 * district-wide), written and queued in the caller's transaction, so a notice exists exactly when
 * the change does. Each client's body holds what it may see (rules.ts webhookBody), as it is now.
 * A test booking (lib/test-mode.ts) is told to test clients only, and a real one to live clients
 * only: a trial never reaches a live system, and a test key never sees a real villager's booking.
 */
export async function emitEvent(tx: Tx, type: WebhookEventType, bookingId: string, now = new Date()): Promise<void> {
  // Most deployments have no client with a webhook: one look at a small table, and done.
  const clients = await tx.apiClient.findMany({
    where: { revokedAt: null, webhookUrl: { not: null } },
    select: { id: true, townId: true, personalData: true, mode: true },
  });
  if (clients.length === 0) return;
  const booking = await tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: {
      id: true,
      code: true,
      status: true,
      startsAt: true,
      endsAt: true,
      heldUntil: true,
      waitlistEntryId: true,
      test: true,
      name: true,
      phone: true,
      note: true,
      topic: { select: { code: true, name: true } },
      venue: { select: { slug: true, name: true, address: true, townId: true, town: { select: { slug: true, name: true } } } },
      lawyer: { select: { id: true, name: true } },
    },
  });
  for (const client of clients) {
    if (client.townId !== null && client.townId !== booking.venue.townId) continue;
    if ((client.mode === "TEST") !== booking.test) continue;
    const id = newEventId();
    await tx.webhookEvent.create({
      data: { id, clientId: client.id, type, bookingId, payload: webhookBody(type, booking, client.personalData, now) },
    });
    await enqueue(tx, "deliverWebhook", { eventId: id });
  }
}

/** What one try did: delivered, put off until `later`, or given up (or nothing to do). */
export type DeliveryOutcome = { later?: Date };

/** The part of fetch a delivery uses (a test passes its own). */
type Send = (url: string, init: RequestInit) => Promise<Response>;

/**
 * One try of one notice (the deliverWebhook job): POSTed to the client's address, signed, with a
 * 10-second limit; a 2xx answer delivers it; anything else (another status, no answer, a redirect
 * elsewhere) is tried again later, for about a day (rules.ts), then given up. A notice delivered,
 * given up, or whose client was revoked meanwhile is not sent.
 */
export async function deliverWebhook(
  eventId: string,
  { now = new Date(), send = fetch }: { now?: Date; send?: Send } = {},
): Promise<DeliveryOutcome> {
  const event = await db.webhookEvent.findUnique({
    where: { id: eventId },
    select: {
      payload: true,
      attempts: true,
      deliveredAt: true,
      failedAt: true,
      client: { select: { webhookUrl: true, webhookSecret: true, revokedAt: true } },
    },
  });
  if (!event || event.deliveredAt || event.failedAt) return {};
  const { webhookUrl, webhookSecret, revokedAt } = event.client;
  if (!webhookUrl || revokedAt) {
    await db.webhookEvent.update({
      where: { id: eventId },
      data: { failedAt: now, nextAttemptAt: null, lastError: "接入方的密钥已停用或没有事件通知地址，不再发送。" },
    });
    return {};
  }
  const tried = await post(webhookUrl, eventId, webhookSecret, event.payload, now, send);
  const attempts = event.attempts + 1;
  if (tried.ok) {
    await db.webhookEvent.update({
      where: { id: eventId },
      data: { attempts, lastStatus: tried.status, lastError: null, deliveredAt: new Date(), nextAttemptAt: null },
    });
    return {};
  }
  const later = nextTryAt(attempts, now);
  await db.webhookEvent.update({
    where: { id: eventId },
    data: {
      attempts,
      lastStatus: tried.status,
      lastError: tried.error,
      nextAttemptAt: later,
      ...(later ? {} : { failedAt: now }),
    },
  });
  return later ? { later } : {};
}

type Tried = { ok: boolean; status: number | null; error: string | null };

async function post(url: string, id: string, secret: string, body: string, now: Date, send: Send): Promise<Tried> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": "muzhou-legal-booking-webhooks/1",
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook(secret, id, timestamp, body),
  };
  let target = url;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      // Redirects by hand: one to another host would send the signed body where the office never agreed to.
      const response = await send(target, {
        method: "POST",
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      // The answer's body is not needed: cancelled, not read, so a receiver cannot make the worker hold a large one.
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return { ok: true, status: response.status, error: null };
      const next =
        response.status >= 300 && response.status < 400
          ? redirectTarget(target, response.status, response.headers.get("location"))
          : null;
      if (!next) {
        const error =
          response.status >= 300 && response.status < 400
            ? `接收方要求转到别的地址（${response.status}），没有跟随。请把事件通知地址改为最终的地址。`
            : `接收方回答 HTTP ${response.status}。`;
        return { ok: false, status: response.status, error };
      }
      target = next;
    }
    return { ok: false, status: null, error: "转址次数太多，没有送达。" };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return {
      ok: false,
      status: null,
      error: timedOut
        ? "接收方 10 秒内没有回答。"
        : `连不上接收方：${error instanceof Error ? error.message : String(error)}`.slice(0, 300),
    };
  }
}

/**
 * Sends a notice again (from the delivery log): with the same id, so a receiver that has it
 * already can tell, and a fresh day of retries. Audited.
 */
export async function resendWebhook(scope: Scope, eventId: string, now = new Date()): Promise<{ ok: true } | Failure> {
  assertCan(can.manageApiClients(scope.actor));
  const inScope = scope.townId ? { client: { townId: scope.townId } } : {};
  const event = await db.webhookEvent.findFirst({
    where: { id: eventId, ...inScope },
    select: { type: true, client: { select: { name: true, revokedAt: true, webhookUrl: true } } },
  });
  if (!event) return failure("not_found", "没有找到这条通知，请刷新页面后再试。");
  if (event.client.revokedAt || !event.client.webhookUrl) {
    return failure("conflict", "这个接入方的密钥已停用或没有事件通知地址，不能再发送。");
  }
  return db.$transaction(async (tx) => {
    await tx.webhookEvent.update({
      where: { id: eventId },
      data: { attempts: 0, deliveredAt: null, failedAt: null, nextAttemptAt: now },
    });
    await enqueue(tx, "deliverWebhook", { eventId }, { runAt: now });
    await recordAudit(tx, auditActorOf(scope), {
      kind: "webhook",
      action: "resend_webhook",
      subjectId: eventId,
      summary: `重新发送事件通知 ${eventId}（${WEBHOOK_EVENT_NAMES[event.type as keyof typeof WEBHOOK_EVENT_NAMES] ?? event.type}）给“${event.client.name}”`,
    });
    return { ok: true as const };
  });
}

/** How long the delivery log keeps a notice (its body may hold a name, a phone and a note). */
export const WEBHOOK_LOG_DAYS = 30;

/** Notices older than WEBHOOK_LOG_DAYS, removed by the daily purge (lib/privacy); their jobs are long done. */
export function deleteOldWebhookEvents(tx: Tx, now: Date) {
  return tx.webhookEvent.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - WEBHOOK_LOG_DAYS * 86_400_000) } } });
}
