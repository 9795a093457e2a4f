import "server-only";
// The limit on bookings by who calls the API (lib/api/caller.ts). Apart from caller.ts, which the
// idempotency records (and through them the worker's purge) load: this one needs the request
// scope of lib/rate-limit.ts.
import { type Failure, tooManyRequests } from "@/lib/errors";
import { allowance, LIMITS, type LimitName, spend } from "@/lib/rate-limit";
import { limitSubjectOf } from "@/lib/security";
import type { Caller } from "./caller";
import { failureResponse } from "./http";

export type Limit = {
  /** The failure to answer with when the allowance is used up, or null to go on. */
  refused: Failure<"too_many_requests"> | null;
  /** RateLimit-Policy and RateLimit (the IETF draft, draft-ietf-httpapi-ratelimit-headers), for every answer. */
  headers: Record<string, string>;
};

/**
 * Counts one booking or waitlist entry (`what`: 预约, 候补登记): a client's against its own
 * hourly allowance (a server books for many people from one address), anyone else's against
 * their address's; and says how much of the allowance is left, in the draft's headers.
 */
export async function limitBookings(caller: Caller, what: string): Promise<Limit> {
  const [name, subject]: [LimitName, string] =
    caller.kind === "anonymous"
      ? ["bookingAddress", limitSubjectOf(caller.address)]
      : ["bookingClient", `client:${caller.client.id}`];
  const spent = await spend(name, subject);
  const policy = caller.kind === "anonymous" ? "address" : "client";
  return {
    refused: spent.ok ? null : tooManyRequests(spent.retryAfterSeconds, what),
    headers: {
      "RateLimit-Policy": `"${policy}";q=${allowance(name)};w=${LIMITS[name].seconds}`,
      RateLimit: `"${policy}";r=${spent.remaining};t=${spent.resetSeconds}`,
    },
  };
}

/** The answer `work` gives, with the limit's headers on it. */
export async function withLimitHeaders(limit: Limit, work: () => Promise<Response>): Promise<Response> {
  const answer = limit.refused ? failureResponse(limit.refused) : await work();
  for (const [header, value] of Object.entries(limit.headers)) answer.headers.set(header, value);
  return answer;
}
