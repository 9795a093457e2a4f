import { lookUpSubject } from "@/lib/api/caller";
import { codeFrom, errorResponse, failureResponse, json, otherMethods, parseOr400 } from "@/lib/api/http";
import { apiRoute, bookingEtag, presentBooking } from "@/lib/api/present";
import { lookUpBooking } from "@/lib/booking/access";
import { findBookingInput } from "@/lib/booking/schema";

// The phone of the look-up form: the number the booking was made with, a landline too.
const query = findBookingInput.pick({ phone: true });

export const GET = apiRoute<{ code: string }>(async (request, caller, params) => {
  const code = await codeFrom(params);
  if (code instanceof Response) return code;
  const input = parseOr400(query, { phone: new URL(request.url).searchParams.get("phone") ?? undefined });
  if (input instanceof Response) return input;
  const booking = await lookUpBooking(code, { phone: input.phone, address: lookUpSubject(caller) });
  if (!booking) return errorResponse("not_found");
  if ("ok" in booking) return failureResponse(booking);
  return json(presentBooking(booking), 200, { ETag: bookingEtag(booking) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
