import { bookingChangeRoute } from "@/lib/api/present";
import { cancelBooking } from "@/lib/booking/mutations";
import { cancelBookingInput } from "@/lib/booking/schema";

export const POST = bookingChangeRoute(cancelBookingInput.omit({ code: true }), cancelBooking);
