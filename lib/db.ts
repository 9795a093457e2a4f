import "server-only";
import { createPrismaClient, type PrismaClient } from "./db-client";
import { env } from "./env";
import { Prisma } from "./generated/prisma/client";

// One client per server process (hot reload in development would otherwise open a new pool
// each time), created on first use so that `next build` needs no database.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.prisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Until the transaction ends, keeps a change to a lawyer's duty hours apart from the bookings
 * written for them: a change takes the lock alone; a booking (or move), which only asks whether the
 * lawyer is still on duty, takes it `shared`, so that bookings for one lawyer are written side by
 * side (the exclusion constraint on their times decides between two for the same time) and a
 * change waits for the ones in progress and they for it. Taken in id order, so two transactions
 * that lock the same lawyers cannot deadlock. (Two-key advisory locks: their key space is apart
 * from the one-key locks taken per phone number.)
 */
export async function lockLawyers(
  tx: Tx,
  lawyerIds: readonly string[],
  { shared = false, lockTimeout }: { shared?: boolean; lockTimeout?: string } = {},
): Promise<void> {
  let timeout = lockTimeout;
  for (const id of [...new Set(lawyerIds)].sort()) {
    // `lockTimeout`: SET LOCAL lock_timeout in the same statement as the first lock, before it (a
    // select list runs left to right), so each lock waits at most that long (waitedTooLong).
    const set = timeout ? Prisma.sql`set_config('lock_timeout', ${timeout}, true), ` : Prisma.empty;
    if (shared) await tx.$executeRaw`SELECT ${set}pg_advisory_xact_lock_shared(1, hashtext(${id}))`;
    else await tx.$executeRaw`SELECT ${set}pg_advisory_xact_lock(1, hashtext(${id}))`;
    timeout = undefined;
  }
}
