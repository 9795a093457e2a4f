import "server-only";
import { cookies, headers } from "next/headers";
import { type Failure, tooManyRequests } from "@/lib/errors";
import { type LimitName, refund, requestAddress, spend } from "@/lib/rate-limit";
import { limitSubjectOf } from "@/lib/security";
import { type BookingView, findBooking } from "./queries";
import { bookingCode } from "./schema";

// A villager sees a booking only with its code AND the phone number it was made with. After booking
// or looking it up, the phone is kept in an httpOnly cookie scoped to /bookings/<code> for 30 days,
// so the confirmation can be reopened on the same phone without typing again; the URL carries
// the code alone, which reveals nothing. The value is the villager's own number on their own
// device, never readable by page scripts, and sent only to this booking's pages.
const MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

/** Where a phone is remembered: a booking's pages, or a waitlist entry's (lib/waitlist). */
export type PhoneScope = { kind: "booking" | "waitlist"; key: string };
const cookieName = ({ kind, key }: PhoneScope) => `${kind}_${key}`;
const cookiePath = ({ kind, key }: PhoneScope) => `/${kind === "booking" ? "bookings" : "waitlist"}/${key}`;
const booking = (code: string): PhoneScope => ({ kind: "booking", key: code });

export async function rememberPhone(scope: PhoneScope, phone: string): Promise<void> {
  // Secure only over HTTPS: the e2e server and a village LAN may serve plain HTTP.
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(cookieName(scope), phone, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: cookiePath(scope),
    maxAge: MAX_AGE_SECONDS,
  });
}

/** How this site writes a phone (lib/phone.ts): anything else in the cookie was not written by it. */
const STORED_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/**
 * The phone remembered on this device for these pages, if any. A cookie is the visitor's to edit:
 * a value this site never writes (a NUL byte, a script) is no phone, and never reaches a query.
 */
export async function phoneRemembered(scope: PhoneScope): Promise<string | null> {
  const value = (await cookies()).get(cookieName(scope))?.value;
  return value && STORED_PHONE.test(value) ? value : null;
}

export const rememberBooking = (code: string, phone: string) => rememberPhone(booking(code), phone);

export async function forgetBooking(code: string): Promise<void> {
  const scope = booking(code);
  (await cookies()).set(cookieName(scope), "", { httpOnly: true, sameSite: "lax", path: cookiePath(scope), maxAge: 0 });
}

/** The phone remembered on this device for a booking code, if any. */
export const rememberedPhone = (code: string) => phoneRemembered(booking(code));

/**
 * Runs a look-up by code and phone (to see, cancel or move a booking) under the look-up limits:
 * 10 misses an hour per phone number from one address, and 30 a minute and 100 an hour per address
 * (lib/rate-limit.ts). Counted per phone *and* address, so a stranger's misses with a villager's
 * number never lock the villager out on their own phone. The count is taken first and given back
 * when `missed` says the code and phone were right, so only misses add up, exactly, however many
 * arrive at once. A wrong code and a wrong phone count alike.
 */
export async function limitLookUp<R>(
  { phone, address }: LookUpBy,
  run: () => Promise<R>,
  missed: (result: R) => boolean,
): Promise<R | Failure<"too_many_requests">> {
  // One after the other, so that a burst is counted exactly: each limit counts only the tries that
  // the ones before it let through.
  const network = limitSubjectOf(address);
  const limits: [LimitName, string][] = [
    ["lookUpPhoneAddress", `${phone}|${network}`],
    ["lookUpAddress", network],
    ["lookUpAddressHour", network],
  ];
  const spent: [LimitName, string][] = [];
  for (const [name, subject] of limits) {
    const result = await spend(name, subject);
    if (!result.ok) {
      await Promise.all(spent.map(([n, s]) => refund(n, s)));
      return tooManyRequests(result.retryAfterSeconds, "查询");
    }
    spent.push([name, subject]);
  }
  const result = await run();
  if (!missed(result)) await Promise.all(limits.map(([name, subject]) => refund(name, subject)));
  return result;
}

/** Who is looking: the phone number typed (or remembered) and the request's address. */
export type LookUpBy = { phone: string; address: string };

/** A booking by code and phone under the look-up limits: null for a miss. */
export function lookUpBooking(code: string, by: LookUpBy): Promise<BookingView | null | Failure<"too_many_requests">> {
  return limitLookUp(
    by,
    () => findBooking({ code, phone: by.phone }),
    (booking) => booking === null,
  );
}

/** A change by code and phone (cancel, move) under the look-up limits. */
export function changeOwnBooking<R extends { ok: boolean; code?: string }>(by: LookUpBy, run: () => Promise<R>) {
  return limitLookUp(by, run, (result) => !result.ok && result.code === "not_found");
}

/**
 * The booking behind a code in a URL, when this device proved the phone number.
 * `code` is null for a malformed code; `booking` is null when the phone is unknown or wrong.
 */
export async function findOwnBooking(rawCode: string): Promise<{ code: string | null; booking: BookingView | null }> {
  const parsed = bookingCode.safeParse(rawCode);
  if (!parsed.success) return { code: null, booking: null };
  const phone = await rememberedPhone(parsed.data);
  if (!phone) return { code: parsed.data, booking: null };
  // The remembered phone is a cookie anyone can forge: it is a look-up like any other. Over the
  // limit the page offers the look-up form, which says how long to wait.
  const booking = await lookUpBooking(parsed.data, { phone, address: await requestAddress() });
  return { code: parsed.data, booking: booking && "ok" in booking ? null : booking };
}

/** A villager may still cancel or move a booking that is confirmed and has not started. */
export function isChangeable(booking: BookingView, now = new Date()): boolean {
  return booking.status === "confirmed" && booking.start > now;
}
