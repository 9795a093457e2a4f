import type { BookingView } from "@/lib/booking/queries";
import { toIsoOffset } from "@/lib/time";

/** The booking as the JSON API shows it: no personal data beyond what the caller already sent. */
export function presentBooking(booking: BookingView) {
  return {
    code: booking.code,
    status: booking.status,
    start: toIsoOffset(booking.start),
    end: toIsoOffset(booking.end),
    venue: { slug: booking.venue.slug, name: booking.venue.name, address: booking.venue.address },
    lawyer: { id: booking.lawyer.id, name: booking.lawyer.name },
  };
}
