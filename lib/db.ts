import "server-only";
import { createPrismaClient, type PrismaClient } from "./db-client";
import { env } from "./env";

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
