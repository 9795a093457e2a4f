import "server-only";
import { type LookUpBy, limitLookUp, phoneRemembered } from "@/lib/booking/access";
import { requestAddress } from "@/lib/rate-limit";
import { cancelWaitlistEntry, type JoinResult } from "./mutations";
import { findWaitlistEntry, type WaitlistEntryView } from "./queries";
import { waitlistEntryId } from "./schema";

// A waitlist entry is seen or left with its id and the phone it was made with, under the same
// look-up limits as a booking (lib/booking/access.ts): only misses count.

export function lookUpWaitlistEntry(id: string, by: LookUpBy) {
  return limitLookUp<WaitlistEntryView | null>(
    by,
    () => findWaitlistEntry({ id, phone: by.phone }),
    (entry) => entry === null,
  );
}

export function leaveWaitlistAs(id: string, by: LookUpBy) {
  return limitLookUp<JoinResult>(
    by,
    () => cancelWaitlistEntry({ id, phone: by.phone }),
    (result) => !result.ok && result.code === "not_found",
  );
}

/**
 * The entry behind an id in a URL, when this device proved the phone (as for bookings:
 * lib/booking/access.ts). `id` is null for a malformed id; `entry` null for an unknown phone.
 */
export async function findOwnWaitlistEntry(raw: string): Promise<{ id: string | null; entry: WaitlistEntryView | null }> {
  const parsed = waitlistEntryId.safeParse(raw);
  if (!parsed.success) return { id: null, entry: null };
  const phone = await phoneRemembered({ kind: "waitlist", key: parsed.data });
  if (!phone) return { id: parsed.data, entry: null };
  const entry = await lookUpWaitlistEntry(parsed.data, { phone, address: await requestAddress() });
  return { id: parsed.data, entry: entry && "ok" in entry ? null : entry };
}
