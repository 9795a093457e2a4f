import { callerOf } from "@/lib/api/caller";
import { withCors } from "@/lib/api/cors";
import {
  errorResponse,
  failureResponse,
  guarded,
  json,
  NO_VENUE,
  otherMethods,
  parseOr400,
  readJsonObject,
  slugFrom,
} from "@/lib/api/http";
import { idempotent } from "@/lib/api/idempotency";
import { limitBookings, withLimitHeaders } from "@/lib/api/limits";
import { presentWaitlistEntry } from "@/lib/api/present";
import { joinWaitlist } from "@/lib/waitlist/mutations";
import { joinWaitlistInput } from "@/lib/waitlist/schema";

/** Joins a venue's waitlist: a text message offers the first slot that frees within the dates. */
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return withCors(
    request,
    guarded(() =>
      idempotent(request, async () => {
        const caller = await callerOf(request);
        if (caller instanceof Response) return caller;
        const slug = await slugFrom(params);
        if (slug === null) return errorResponse("not_found", NO_VENUE);
        const body = await readJsonObject(request);
        if (body instanceof Response) return body;
        // The path names the venue, whatever the body says.
        const input = parseOr400(joinWaitlistInput, { ...body, venue: slug });
        if (input instanceof Response) return input;
        return withLimitHeaders(await limitBookings(caller, "候补登记"), async () => {
          const result = await joinWaitlist(input);
          if (!result.ok) return result.fields?.venue ? errorResponse("not_found", NO_VENUE) : failureResponse(result);
          return json(presentWaitlistEntry(result.entry), 201);
        });
      }),
    ),
  );
}

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
