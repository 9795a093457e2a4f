// A few seconds of memory for the busiest read (a venue's free slots), so that a burst of
// villagers opening the same page costs one computation. Every write through lib/db.ts clears
// it, so a booking, a cancellation or a schedule change shows at once in this process; the
// database, not this cache, decides whether a slot can really be booked.
export const SLOT_CACHE_MS = 5_000;

// Kept on globalThis like the Prisma client in lib/db.ts: Next.js may bundle this module more than
// once (pages, server actions, route handlers), and every copy must see the same entries, or a
// write through the shared client would clear one copy and leave another stale.
type Store = { entries: Map<string, { expires: number; value: Promise<unknown> }>; generation: number };
const shared = globalThis as { slotCache?: Store };
shared.slotCache ??= { entries: new Map(), generation: 0 };
const store = shared.slotCache;
const entries = store.entries;

export function forgetAll(): void {
  store.generation++;
  entries.clear();
}

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
