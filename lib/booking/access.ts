import "server-only";
import { cookies, headers } from "next/headers";
import { type BookingView, findBooking } from "./queries";
import { bookingCode } from "./schema";

// A villager sees a booking only with its code AND the phone number it was made with. After booking
// or looking it up, the phone is kept in an httpOnly cookie scoped to /bookings/<code> for 30 days,
// so the confirmation can be reopened on the same phone without typing again; the URL carries
// the code alone, which reveals nothing. The value is the villager's own number on their own
// device, never readable by page scripts, and sent only to this booking's pages.
const MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

const cookieName = (code: string) => `booking_${code}`;
const cookiePath = (code: string) => `/bookings/${code}`;

export async function rememberBooking(code: string, phone: string): Promise<void> {
  // Secure only over HTTPS: the e2e server and a village LAN may serve plain HTTP.
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(cookieName(code), phone, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: cookiePath(code),
    maxAge: MAX_AGE_SECONDS,
  });
}

export async function forgetBooking(code: string): Promise<void> {
  (await cookies()).set(cookieName(code), "", { httpOnly: true, sameSite: "lax", path: cookiePath(code), maxAge: 0 });
}

/** The phone remembered on this device for a booking code, if any. */
export async function rememberedPhone(code: string): Promise<string | null> {
  return (await cookies()).get(cookieName(code))?.value || null;
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
  return { code: parsed.data, booking: await findBooking({ code: parsed.data, phone }) };
}

/** A villager may still cancel or move a booking that is confirmed and has not started. */
export function isChangeable(booking: BookingView, now = new Date()): boolean {
  return booking.status === "confirmed" && booking.start > now;
}
