import "server-only";
import { createPrismaClient, type PrismaClient } from "./db-client";
import { env } from "./env";

// One client per server process (hot reload in development would otherwise open a new pool
// each time), created on first use so that `next build` needs no database.
const globalForPrisma = globalThis as unknown as {
  prisma?: PrismaClient;
  dbWriteListeners?: Map<string, { models: ReadonlySet<string>; listener: () => void }>;
};

// Kept on globalThis like the client: Next.js may bundle a module more than once, and a listener
// registered by one copy must hear writes made through any copy.
globalForPrisma.dbWriteListeners ??= new Map();
const listeners = globalForPrisma.dbWriteListeners;

/**
 * Calls `listener` before and after every write to one of `models` (Prisma model names) through the
 * client, inside transactions too. Registering the same `key` again replaces the listener. This is
 * how a domain keeps its own cache right (lib/availability/cache.ts) without the client knowing it.
 */
export function onWrite(key: string, models: readonly string[], listener: () => void): void {
  listeners.set(key, { models: new Set(models), listener });
}

const READS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "$queryRaw",
  "$queryRawUnsafe",
]);

function notify(model: string | undefined) {
  for (const { models, listener } of listeners.values()) if (model === undefined || models.has(model)) listener();
}

/** Writes tell the listeners of their model; a raw write (no model) tells every listener. */
function withWriteListeners(base: PrismaClient): PrismaClient {
  return base.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (READS.has(operation)) return query(args);
        const relevant = [...listeners.values()].some((l) => model === undefined || l.models.has(model));
        if (!relevant) return query(args);
        notify(model);
        try {
          return await query(args);
        } finally {
          notify(model);
        }
      },
    },
  }) as unknown as PrismaClient;
}

function client(): PrismaClient {
  globalForPrisma.prisma ??= withWriteListeners(createPrismaClient(env().DATABASE_URL));
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
export async function lockLawyers(tx: Tx, lawyerIds: readonly string[], { shared = false } = {}): Promise<void> {
  for (const id of [...new Set(lawyerIds)].sort()) {
    if (shared) await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(1, hashtext(${id}))`;
    else await tx.$executeRaw`SELECT pg_advisory_xact_lock(1, hashtext(${id}))`;
  }
}
