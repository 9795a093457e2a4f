import "server-only";
import { forgetAll } from "./availability/cache";
import { createPrismaClient, type PrismaClient } from "./db-client";
import { env } from "./env";

// One client per server process (hot reload in development would otherwise open a new pool
// each time), created on first use so that `next build` needs no database.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

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

/** Every write clears the short-lived slot cache, before and after it runs. */
function withCacheInvalidation(base: PrismaClient): PrismaClient {
  return base.$extends({
    query: {
      async $allOperations({ operation, args, query }) {
        if (READS.has(operation)) return query(args);
        forgetAll();
        try {
          return await query(args);
        } finally {
          forgetAll();
        }
      },
    },
  }) as unknown as PrismaClient;
}

function client(): PrismaClient {
  globalForPrisma.prisma ??= withCacheInvalidation(createPrismaClient(env().DATABASE_URL));
  return globalForPrisma.prisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
