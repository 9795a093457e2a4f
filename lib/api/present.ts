import type { BookingView } from "@/lib/booking/queries";
import { toIsoOffset } from "@/lib/time";

/** The booking as the JSON API shows it: no personal data beyond what the caller already sent. */
export function presentBooking(booking: BookingView) {
  return {
    code: booking.code,
    status: booking.status,
    start: toIsoOffset(booking.start),
    end: toIsoOffset(booking.end),
    venue: booking.venue,
    lawyer: { id: booking.lawyer.id, name: booking.lawyer.name },
  };
}
