// A few seconds of memory for the busiest read (a venue's free slots), so that a burst of
// villagers opening the same page costs one computation. Every write through lib/db.ts clears
// it, so a booking, a cancellation or a schedule change shows at once in this process; the
// database, not this cache, decides whether a slot can really be booked.
export const SLOT_CACHE_MS = 5_000;

const entries = new Map<string, { expires: number; value: Promise<unknown> }>();
let generation = 0;

export function forgetAll(): void {
  generation++;
  entries.clear();
}

export function remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const startedIn = generation;
  const value = compute();
  entries.set(key, { expires: now + SLOT_CACHE_MS, value });
  // A write that happened while computing makes this answer stale: do not keep it.
  value.then(
    () => {
      if (generation !== startedIn && entries.get(key)?.value === value) entries.delete(key);
    },
    () => entries.delete(key),
  );
  return value;
}
