import { otherMethods } from "@/lib/api/http";
import { bookingChangeRoute } from "@/lib/api/present";
import { cancelBooking } from "@/lib/booking/mutations";
import { cancelBookingInput } from "@/lib/booking/schema";

export const POST = bookingChangeRoute(cancelBookingInput.omit({ code: true }), cancelBooking);
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
