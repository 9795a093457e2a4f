import "server-only";
import { headers } from "next/headers";
import pg from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { db } from "./db";
import { env, settings } from "./env";
import { type Failure, tooManyRequests } from "./errors";
import { log } from "./log";
import { metrics } from "./metrics";
import { addressOf, limitSubjectOf } from "./security";

// Every limit the site applies to people it does not know, in one place (docs/security.md and the
// API's OpenAPI text repeat them). Counted by rate-limiter-flexible in the `rate_limit` table of the
// app's own PostgreSQL: one atomic upsert per count, so parallel requests and several app servers
// share one exact count. A count is taken before the work it limits and given back when the work
// turns out to be legitimate (a right password, a found booking), so a burst of 25 parallel tries
// against a limit of 5 gets exactly 5 through.
//
// RATE_LIMIT_FACTOR multiplies every count (the benchmark books hundreds of times from one address);
// the defaults are what a town needs and no real user reaches.
export const LIMITS = {
  /** Wrong passwords for one account from one address: the attacker waits, the owner elsewhere does not. */
  signInAccountAddress: { points: 5, seconds: 15 * 60 },
  /** Wrong passwords from one address, whatever the account. */
  signInAddress: { points: 20, seconds: 60 * 60 },
  /** Wrong passwords for one account from anywhere: never refused, only slowed (signInDelay). */
  signInAccount: { points: Number.MAX_SAFE_INTEGER, seconds: 60 * 60 },
  /**
   * Booking look-ups (and cancel or move by code) that found nothing, per phone number and address:
   * a stranger who knows the number exhausts only their own tries, never the owner's.
   */
  lookUpPhoneAddress: { points: 10, seconds: 60 * 60 },
  /** The same per address, whatever the phone: a burst, and an hour's worth. */
  lookUpAddress: { points: 30, seconds: 60 },
  lookUpAddressHour: { points: 100, seconds: 60 * 60 },
  /** Bookings made from one address: a social worker booking for a queue of villagers stays far below. */
  bookingAddress: { points: 100, seconds: 60 * 60 },
  /**
   * Bookings and waitlist entries made with one API client's key (lib/api/caller.ts), from wherever:
   * a platform's server books for all its users from one address, so it is counted by its key instead.
   */
  bookingClient: { points: 2000, seconds: 60 * 60 },
  /** Call-back requests from one address. */
  callbackAddress: { points: 100, seconds: 60 * 60 },
} as const satisfies Record<string, { points: number; seconds: number }>;

export type LimitName = keyof typeof LIMITS;

/**
 * Whether the count allowed the work, how many had been counted (this one included), and for the
 * RateLimit headers (lib/api/limits.ts) how many are left and when the window starts again.
 */
export type Spent = { remaining: number; resetSeconds: number } & (
  | { ok: true; count: number }
  | { ok: false; count: number; retryAfterSeconds: number }
);

/** How many tries `name` allows in its window, RATE_LIMIT_FACTOR applied. */
export function allowance(name: LimitName): number {
  return Math.min(Number.MAX_SAFE_INTEGER, Math.floor(LIMITS[name].points * settings().RATE_LIMIT_FACTOR));
}

const TABLE = "rate_limit";

const globalForLimits = globalThis as unknown as { rateLimitPool?: pg.Pool; rateLimiters?: Map<LimitName, RateLimiterPostgres> };

function pool(): pg.Pool {
  if (!globalForLimits.rateLimitPool) {
    const created = new pg.Pool({ connectionString: env().DATABASE_URL, max: 4, allowExitOnIdle: true });
    // An idle connection the server ended (a restart, a failover) must not end the app: the pool
    // drops it and the next count opens a new one.
    created.on("error", (error) => log.warn({ err: error }, "rate-limit pool: an idle connection ended"));
    globalForLimits.rateLimitPool = created;
  }
  return globalForLimits.rateLimitPool;
}

function limiter(name: LimitName): RateLimiterPostgres {
  globalForLimits.rateLimiters ??= new Map();
  let found = globalForLimits.rateLimiters.get(name);
  if (!found) {
    const { seconds } = LIMITS[name];
    found = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: "pool",
      tableName: TABLE,
      // The migration made the table; the library must not try to.
      tableCreated: true,
      keyPrefix: name,
      points: allowance(name),
      duration: seconds,
      // One limiter prunes the shared table (rows an hour past expiry, every 5 minutes).
      clearExpiredByTimeout: name === "signInAccountAddress",
    });
    globalForLimits.rateLimiters.set(name, found);
  }
  return found;
}

/** Counts one try at `name` for `subject`. A store failure is thrown: the caller's guard answers 500. */
export async function spend(name: LimitName, subject: string): Promise<Spent> {
  try {
    const result = await limiter(name).consume(subject);
    return {
      ok: true,
      count: result.consumedPoints,
      remaining: result.remainingPoints,
      resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
    };
  } catch (error) {
    // The library rejects with a RateLimiterRes when the limit is reached and with an Error when the
    // store fails. Told apart by shape: the bundler may load the class twice, so instanceof can miss.
    if (error instanceof Error || !isLimiterAnswer(error)) throw error;
    metrics.refusals.inc({ limit: name });
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    return { ok: false, count: error.consumedPoints, retryAfterSeconds: seconds, remaining: 0, resetSeconds: seconds };
  }
}

function isLimiterAnswer(value: unknown): value is Pick<RateLimiterRes, "consumedPoints" | "msBeforeNext"> {
  return typeof value === "object" && value !== null && "msBeforeNext" in value && "consumedPoints" in value;
}

/** Gives one count back: the try turned out legitimate. */
export async function refund(name: LimitName, subject: string): Promise<void> {
  await limiter(name).reward(subject);
}

/** Clears the count for `subject`: the owner proved who they are. */
export async function forget(name: LimitName, subject: string): Promise<void> {
  await limiter(name).delete(subject);
}

/** Deletes counts that expired more than an hour before `now` (also done every 5 minutes on its own). */
export async function pruneRateLimits(now = Date.now()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { expire: { lt: BigInt(now - 60 * 60 * 1000) } } });
  return count;
}

/** The address of the request being answered by a page or server action (a route handler reads its request's headers). */
export async function requestAddress(): Promise<string> {
  return addressOf(await headers());
}

/**
 * Counts one `what` (预约, 申请回电) from `address` at `name`; the failure to answer with when
 * the limit is reached, or null to go on.
 */
export async function limitByAddress(
  name: LimitName,
  what: string,
  address: string,
): Promise<Failure<"too_many_requests"> | null> {
  const spent = await spend(name, limitSubjectOf(address));
  return spent.ok ? null : tooManyRequests(spent.retryAfterSeconds, what);
}
