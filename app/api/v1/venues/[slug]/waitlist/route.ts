import { isTestCaller } from "@/lib/api/caller";
import { errorResponse, failureResponse, json, NO_VENUE, otherMethods, slugFrom } from "@/lib/api/http";
import { limitBookings, withLimitHeaders } from "@/lib/api/limits";
import { apiRoute, bodyOf, presentWaitlistEntry } from "@/lib/api/present";
import { joinWaitlist } from "@/lib/waitlist/mutations";
import { joinWaitlistInput } from "@/lib/waitlist/schema";

/** Joins a venue's waitlist: a text message offers the first slot that frees within the dates. */
export const POST = apiRoute<{ slug: string }>(
  async (request, caller, params) => {
    const slug = await slugFrom(params);
    if (slug === null) return errorResponse("not_found", NO_VENUE);
    // The path names the venue, whatever the body says.
    const input = await bodyOf(request, joinWaitlistInput, { venue: slug });
    if (input instanceof Response) return input;
    return withLimitHeaders(await limitBookings(caller, "候补登记"), async () => {
      // A test client's entry is marked test, and so are the slots it is offered (lib/test-mode.ts).
      const result = await joinWaitlist(input, undefined, { test: isTestCaller(caller) });
      if (!result.ok) return result.fields?.venue ? errorResponse("not_found", NO_VENUE) : failureResponse(result);
      return json(presentWaitlistEntry(result.entry), 201);
    });
  },
  { replayable: true },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
