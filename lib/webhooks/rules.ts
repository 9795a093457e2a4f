// Event notices to API clients (issue 25 item 2), as the Standard Webhooks specification has them
// (standardwebhooks.com): a JSON body { type, timestamp, data }, and the headers webhook-id,
// webhook-timestamp (Unix seconds) and webhook-signature ("v1," and the base64 HMAC-SHA256 of
// "<id>.<timestamp>.<body>" keyed with the secret's decoded bytes). What a notice tells, and to
// whom: the rules below. No database.
import { createHmac, randomBytes } from "node:crypto";
import { secretBytes } from "@/lib/api-clients/rules";
import { maskPhone } from "@/lib/phone";
import { toIsoOffset } from "@/lib/time";

export const WEBHOOK_EVENT_TYPES = [
  "booking.created",
  "booking.rescheduled",
  "booking.cancelled",
  "booking.checked_in",
  "booking.no_show",
  "booking.completed",
  "waitlist.offered",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What each event means, for the delivery log and the API's description. */
export const WEBHOOK_EVENT_NAMES: Record<WebhookEventType, string> = {
  "booking.created": "新预约",
  "booking.rescheduled": "改期",
  "booking.cancelled": "取消",
  "booking.checked_in": "签到",
  "booking.no_show": "未到",
  "booking.completed": "服务完成（或更正服务结果）",
  "waitlist.offered": "候补空位保留",
};

/** A notice's id (webhook-id): the same on every retry and resend of it, new for every notice. */
export function newEventId(): string {
  return `evt_${randomBytes(16).toString("base64url")}`;
}

/** The webhook-signature header's value for one try. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secretBytes(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The booking as emitEvent reads it from the database. */
export type BookingFacts = {
  id: string;
  code: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  heldUntil: Date | null;
  waitlistEntryId: string | null;
  /** Made with a test client's key (lib/test-mode.ts): the body says so. */
  test?: boolean;
  name: string;
  phone: string;
  note: string | null;
  topic: { code: string; name: string };
  venue: { slug: string; name: string; address: string; town: { slug: string; name: string } };
  lawyer: { id: string; name: string };
};

/**
 * The notice's body for one client. Personal data — the villager's name, full phone number, the
 * topic and the note (which may reveal sensitive matters, PIPL art. 28) — goes only to a client
 * allowed it (registered with 个人信息, under an agreement with the office); any other gets the
 * phone masked as the site shows it (138****5678), enough to match the booking it made, and
 * nothing else about the person.
 */
export function webhookBody(type: WebhookEventType, booking: BookingFacts, personalData: boolean, now: Date): string {
  const person = personalData
    ? { name: booking.name, phone: booking.phone, topic: booking.topic, note: booking.note }
    : { phone: maskPhone(booking.phone) };
  return JSON.stringify({
    type,
    timestamp: toIsoOffset(now),
    data: {
      booking: {
        code: booking.code,
        status: booking.status.toLowerCase(),
        start: toIsoOffset(booking.startsAt),
        end: toIsoOffset(booking.endsAt),
        venue: { slug: booking.venue.slug, name: booking.venue.name, address: booking.venue.address },
        town: booking.venue.town,
        lawyer: booking.lawyer,
        ...(booking.heldUntil ? { heldUntil: toIsoOffset(booking.heldUntil) } : {}),
        ...(booking.waitlistEntryId ? { waitlistEntryId: booking.waitlistEntryId } : {}),
        ...(booking.test ? { test: true } : {}),
      },
      villager: person,
    },
  });
}

/**
 * Waits before each retry: half a minute, then longer each time, ten tries in all over a little
 * less than a day (23 h 43 min); after the tenth failure the notice is given up.
 */
export const RETRY_DELAYS_SECONDS = [30, 120, 600, 1800, 3600, 7200, 14400, 28800, 28800] as const;
export const MAX_TRIES = RETRY_DELAYS_SECONDS.length + 1;

/** When to try again after `tries` failed tries, or null to give up. */
export function nextTryAt(tries: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_SECONDS[tries - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay * 1000);
}

/** How long a receiver has to answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Redirects followed, to the same origin only (307 and 308, which keep the POST and its body). */
export const MAX_REDIRECTS = 3;

/** Where a redirect may be followed: the same origin, with the method kept; anything else is a failure. */
export function redirectTarget(from: string, status: number, location: string | null): string | null {
  if ((status !== 307 && status !== 308) || !location) return null;
  try {
    const target = new URL(location, from);
    return target.origin === new URL(from).origin ? target.toString() : null;
  } catch {
    return null;
  }
}
