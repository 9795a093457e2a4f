import { callerOf } from "@/lib/api/caller";
import { withCors } from "@/lib/api/cors";
import { failureResponse, guarded, json, otherMethods, parseOr400, readJsonObject } from "@/lib/api/http";
import { idempotent } from "@/lib/api/idempotency";
import { limitBookings, withLimitHeaders } from "@/lib/api/limits";
import { bookingEtag, presentBooking } from "@/lib/api/present";
import { createBooking } from "@/lib/booking/mutations";
import { createBookingInput } from "@/lib/booking/schema";

export function POST(request: Request) {
  return withCors(
    request,
    guarded(() =>
      idempotent(request, async () => {
        const caller = await callerOf(request);
        if (caller instanceof Response) return caller;
        const body = await readJsonObject(request);
        if (body instanceof Response) return body;
        const input = parseOr400(createBookingInput, body);
        if (input instanceof Response) return input;
        return withLimitHeaders(await limitBookings(caller, "预约"), async () => {
          const result = await createBooking(input);
          if (!result.ok) return failureResponse(result);
          return json(presentBooking(result.booking), 201, { ETag: bookingEtag(result.booking) });
        });
      }),
    ),
  );
}

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
