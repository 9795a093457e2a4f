import "server-only";
// A few seconds of memory for the busiest read (a venue's free slots), so that a burst of
// villagers opening the same page costs one computation. The database says when to forget: triggers
// on the tables that decide free slots send a NOTIFY `slots_changed` naming the venue's slug (or
// '*' for every venue: a holiday, a table emptied) when the change commits (migrations
// 20261202001500 and 20261208010000), and each server LISTENs on a connection of its own that
// reconnects. A booking at one venue forgets that venue's slots (and those of the venues where the
// same lawyer works), not every venue's. While that connection is down, nothing is cached.
//
// What remains: a change, made by this server or another, is forgotten once its notice arrives,
// normally a millisecond after the commit; until then a reader may see the slots as they were just
// before (`changesHeard()` waits for it). So a list of slots is a few moments' view, never a
// promise: the database, not this cache, decides whether a slot can really be booked (the booking
// transaction checks duty and the exclusion constraint refuses a second booking of the same time).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { env } from "@/lib/env";

export const SLOT_CACHE_MS = 5_000;

const CHANNEL = "slots_changed";
const EVERY_VENUE = "*";
const RECONNECT_MS = 1_000;
const HEARD = "heard:";

type Entry = { venue: string; expires: number; value: Promise<unknown> };

// Kept on globalThis like the Prisma client in lib/db.ts: Next.js may bundle this module more than
// once (pages, server actions, route handlers), and every copy must see the same entries, or a
// notice would clear one copy and leave another stale.
type Store = {
  entries: Map<string, Entry>;
  sweptAt: number;
  /** Whether this process hears the database's notices now; false until LISTEN is in place. */
  listening: boolean;
  /** Resolves once LISTEN is first in place (for tests and warm-up). */
  ready?: Promise<void>;
  /** The listening connection while it is up. */
  client?: pg.Client;
  /** Notices this process sent itself and waits to hear (changesHeard). */
  waiting: Map<string, () => void>;
};
const shared = globalThis as { slotCache?: Store };
shared.slotCache ??= { entries: new Map(), sweptAt: 0, listening: false, waiting: new Map() };
const store = shared.slotCache;
const entries = store.entries;

// Both forget answers still being computed too: see remember.
function forgetAll(): void {
  entries.clear();
}

function forgetVenue(venue: string): void {
  for (const [key, entry] of entries) if (entry.venue === venue) entries.delete(key);
}

/** Starts listening for the database's notices, once per process; resolves when LISTEN is in place. */
export function listenForChanges(): Promise<void> {
  store.ready ??= new Promise((resolve) => {
    const connect = () => {
      const client = new pg.Client({ connectionString: env().DATABASE_URL });
      let lost = false;
      const retry = () => {
        if (lost) return;
        lost = true;
        // Changes made while nobody listened are unknown: forget everything and cache nothing until back.
        store.listening = false;
        store.client = undefined;
        forgetAll();
        client.end().catch(() => {});
        setTimeout(connect, RECONNECT_MS).unref();
      };
      client.on("notification", ({ payload = "" }) => {
        if (payload.startsWith(HEARD)) {
          // A notice this process sent itself (changesHeard) is no change.
          store.waiting.get(payload)?.();
          store.waiting.delete(payload);
        } else if (payload === EVERY_VENUE) forgetAll();
        else forgetVenue(payload);
      });
      client.on("error", retry);
      client.on("end", retry);
      client
        .connect()
        .then(() => client.query(`LISTEN ${CHANNEL}`))
        .then(() => {
          forgetAll();
          store.client = client;
          store.listening = true;
          resolve();
        })
        .catch(retry);
    };
    connect();
  });
  return store.ready;
}

/**
 * Resolves once every change committed before the call has been heard: this process sends itself a
 * notice on the same channel and waits for it, and PostgreSQL delivers notices in commit order.
 */
export async function changesHeard(): Promise<void> {
  await listenForChanges();
  const client = store.client;
  if (!client) return;
  const token = `${HEARD}${randomUUID()}`;
  const heard = new Promise<void>((resolve) => store.waiting.set(token, resolve));
  await client.query("SELECT pg_notify($1, $2)", [CHANNEL, token]);
  await heard;
}

/**
 * `compute`'s answer about `venue` (its slug, as the notices name it), kept under `key` for a few
 * seconds until a change to that venue is heard.
 */
export function remember<T>(venue: string, key: string, compute: () => Promise<T>): Promise<T> {
  void listenForChanges();
  if (!store.listening) return compute();
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  sweep(now);
  const value = compute();
  // Kept while still computing, so that a burst of readers waits for one answer. A change to this
  // venue heard meanwhile may have been read only in part: its notice forgets this entry with the
  // venue's others, so such an answer goes to the readers who were already waiting, and no further.
  entries.set(key, { venue, expires: now + SLOT_CACHE_MS, value });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

// Keys include the dates asked for, and a quiet venue is never cleared by a notice: drop what has
// expired now and then, so that a stream of different questions cannot fill the memory.
function sweep(now: number) {
  if (now - store.sweptAt < SLOT_CACHE_MS) return;
  store.sweptAt = now;
  for (const [key, entry] of entries) if (entry.expires <= now) entries.delete(key);
}
