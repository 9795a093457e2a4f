import "server-only";
// A few seconds of memory for the busiest read (a venue's free slots), so that a burst of
// villagers opening the same page costs one computation. Every write that changes free slots
// clears it (SLOT_MODELS below), so a booking, a cancellation or a schedule change shows at once in
// this process; a page view or a sign-in attempt does not. The database, not this cache, decides
// whether a slot can really be booked.
import { onWrite } from "@/lib/db";

export const SLOT_CACHE_MS = 5_000;

/** The models whose rows decide which slots are free. */
export const SLOT_MODELS = [
  "Booking",
  "DutySession",
  "DutyException",
  "CalendarOverride",
  "Venue",
  "Lawyer",
  "LawyerVenue",
] as const;

// Kept on globalThis like the Prisma client in lib/db.ts: Next.js may bundle this module more than
// once (pages, server actions, route handlers), and every copy must see the same entries, or a
// write would clear one copy and leave another stale.
type Store = { entries: Map<string, { expires: number; value: Promise<unknown> }>; generation: number };
const shared = globalThis as { slotCache?: Store };
shared.slotCache ??= { entries: new Map(), generation: 0 };
const store = shared.slotCache;
const entries = store.entries;

export function forgetAll(): void {
  store.generation++;
  entries.clear();
}

onWrite("availability/slot-cache", SLOT_MODELS, forgetAll);

export function remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const startedIn = store.generation;
  const value = compute();
  entries.set(key, { expires: now + SLOT_CACHE_MS, value });
  // A write that happened while computing makes this answer stale: do not keep it.
  value.then(
    () => {
      if (store.generation !== startedIn && entries.get(key)?.value === value) entries.delete(key);
    },
    () => entries.delete(key),
  );
  return value;
}
