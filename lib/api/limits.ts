import "server-only";
// The limit on bookings by who calls the API (lib/api/caller.ts). Apart from caller.ts, which the
// idempotency records (and through them the worker's purge) load: this one needs the request
// scope of lib/rate-limit.ts.
import { type Failure, tooManyRequests } from "@/lib/errors";
import { limitByAddress, spend } from "@/lib/rate-limit";
import type { Caller } from "./caller";

/**
 * Counts one booking or waitlist entry (`what`: 预约, 候补登记): a client's against its own
 * hourly allowance (a server books for many people from one address), anyone else's against
 * their address's. The failure to answer with, or null to go on.
 */
export async function limitBookings(caller: Caller, what: string): Promise<Failure<"too_many_requests"> | null> {
  if (caller.kind === "anonymous") return limitByAddress("bookingAddress", what, caller.address);
  const spent = await spend("bookingClient", `client:${caller.client.id}`);
  return spent.ok ? null : tooManyRequests(spent.retryAfterSeconds, what);
}
