import { isTestCaller } from "@/lib/api/caller";
import { failureResponse, json, otherMethods } from "@/lib/api/http";
import { limitBookings, withLimitHeaders } from "@/lib/api/limits";
import { apiRoute, bodyOf, bookingEtag, presentBooking } from "@/lib/api/present";
import { createBooking } from "@/lib/booking/mutations";
import { createBookingInput } from "@/lib/booking/schema";

export const POST = apiRoute(
  async (request, caller) => {
    const input = await bodyOf(request, createBookingInput);
    if (input instanceof Response) return input;
    return withLimitHeaders(await limitBookings(caller, "预约"), async () => {
      // A test client's booking is marked test (lib/test-mode.ts): its texts stay in the outbox, it counts nowhere.
      const result = await createBooking(input, { test: isTestCaller(caller) });
      if (!result.ok) return failureResponse(result);
      return json(presentBooking(result.booking), 201, { ETag: bookingEtag(result.booking) });
    });
  },
  { replayable: true },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
