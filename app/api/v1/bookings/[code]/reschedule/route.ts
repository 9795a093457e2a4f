import { otherMethods } from "@/lib/api/http";
import { bookingChangeRoute } from "@/lib/api/present";
import { rescheduleBooking } from "@/lib/booking/mutations";
import { rescheduleBookingInput } from "@/lib/booking/schema";

export const POST = bookingChangeRoute(rescheduleBookingInput.omit({ code: true }), rescheduleBooking);
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
