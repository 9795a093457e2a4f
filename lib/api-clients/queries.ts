import "server-only";
import { atVenuesIn, type Scope, venuesIn } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import type { ApiClientMode } from "@/lib/generated/prisma/enums";
import { hashApiKey, isApiKeyShape } from "./rules";
import type { ApiClientRow } from "./schema";

/**
 * The clients a scope looks after (Prisma `ApiClientWhereInput`): a town's own; the district's
 * view, all of them. A district-wide client is the district's alone: a town sees it in no list.
 */
export function clientsIn(scope: Scope) {
  return scope.townId ? { townId: scope.townId } : {};
}

/** The scope's clients, active first, newest first. Never the key's hash or the signing secret. */
export function listApiClients(scope: Scope): Promise<ApiClientRow[]> {
  return db.apiClient.findMany({
    where: clientsIn(scope),
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      contact: true,
      origins: true,
      webhookUrl: true,
      personalData: true,
      mode: true,
      town: { select: { name: true } },
      keyHint: true,
      createdAt: true,
      rotatedAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
}

/** Who a request's key belongs to, as the API needs it. */
export type KeyHolder = { id: string; name: string; townId: string | null; mode: ApiClientMode; lastUsedAt: Date | null };

/**
 * The active client whose key this is, or null (a key not ours in shape, unknown, or revoked).
 * Looked up by the key's hash: the database never sees the key, and the index answers at once.
 */
export async function findClientByKey(key: string): Promise<KeyHolder | null> {
  if (!isApiKeyShape(key)) return null;
  return db.apiClient.findFirst({
    where: { keyHash: hashApiKey(key), revokedAt: null },
    select: { id: true, name: true, townId: true, mode: true, lastUsedAt: true },
  });
}

const ORIGIN_MEMORY_MS = 30_000;
const globalForOrigins = globalThis as unknown as { allowedOrigins?: Map<string, { allowed: boolean; until: number }> };

/**
 * Whether a web origin is one an active registered client allows (CORS, lib/api/cors.ts). Remembered
 * for 30 seconds per process: a revoked client's origin stops being allowed within that time.
 */
export async function isAllowedOrigin(origin: string, now = Date.now()): Promise<boolean> {
  globalForOrigins.allowedOrigins ??= new Map();
  const memory = globalForOrigins.allowedOrigins;
  const known = memory.get(origin);
  if (known && known.until > now) return known.allowed;
  const found = await db.apiClient.findFirst({ where: { revokedAt: null, origins: { has: origin } }, select: { id: true } });
  if (memory.size > 1000) memory.clear();
  memory.set(origin, { allowed: found !== null, until: now + ORIGIN_MEMORY_MS });
  return found !== null;
}

/** How much test data (lib/test-mode.ts) the scope's venues hold: what clearing would remove. */
export async function countTestData(scope: Scope): Promise<{ bookings: number; entries: number }> {
  const [bookings, entries] = await Promise.all([
    db.booking.count({ where: { test: true, ...atVenuesIn(scope) } }),
    db.waitlistEntry.count({ where: { test: true, venue: venuesIn(scope) } }),
  ]);
  return { bookings, entries };
}
