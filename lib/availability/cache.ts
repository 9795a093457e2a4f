import "server-only";
// A few seconds of memory for the busiest read (a venue's free slots), so that a burst of
// villagers opening the same page costs one computation. Every write that changes free slots
// clears it (SLOT_MODELS below), so a booking, a cancellation or a schedule change shows at once in
// this process; a page view or a sign-in attempt does not. Writes made by another app server (or
// any other client of the database) clear it too: triggers on those tables send a NOTIFY
// `slots_changed` when the change commits (migration 20261202001500), and each server LISTENs on a
// connection of its own that reconnects. While that connection is down, nothing is cached. The
// database, not this cache, decides whether a slot can really be booked.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { onWrite } from "@/lib/db";
import { env } from "@/lib/env";

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
type Store = {
  entries: Map<string, { expires: number; value: Promise<unknown> }>;
  generation: number;
  /** Whether this process hears other servers' changes now; false until LISTEN is in place. */
  listening: boolean;
  /** Resolves once LISTEN is first in place (for tests and warm-up). */
  ready?: Promise<void>;
  /** The listening connection while it is up. */
  client?: pg.Client;
  /** Notices this process sent itself and waits to hear (changesHeard). */
  waiting: Map<string, () => void>;
};
const shared = globalThis as { slotCache?: Store };
shared.slotCache ??= { entries: new Map(), generation: 0, listening: false, waiting: new Map() };
const store = shared.slotCache;
const entries = store.entries;

export function forgetAll(): void {
  store.generation++;
  entries.clear();
}

onWrite("availability/slot-cache", SLOT_MODELS, forgetAll);

const CHANNEL = "slots_changed";
const RECONNECT_MS = 1_000;
const HEARD = "heard:";

/** Starts listening for other servers' changes, once per process; resolves when LISTEN is in place. */
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
        // The triggers send the table's name; a notice this process sent itself (changesHeard) is no change.
        if (!payload.startsWith(HEARD)) return forgetAll();
        store.waiting.get(payload)?.();
        store.waiting.delete(payload);
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

export function remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
  void listenForChanges();
  if (!store.listening) return compute();
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
