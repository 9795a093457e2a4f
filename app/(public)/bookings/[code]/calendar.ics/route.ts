import { findOwnBooking } from "@/lib/booking/access";
import { findBookingByCalendarToken } from "@/lib/booking/queries";
import { buildCalendar } from "@/lib/calendar/ics";
import { townOfVenue } from "@/lib/towns/queries";

// The booking as an iCalendar file, for the villager's own phone calendar. Same rule as the page
// (the phone proven on this device, a cookie), or the calendar link's secret the API gives. Nothing about the villager goes into the file. Its
// SEQUENCE is the booking's version, so a calendar that imported an older copy replaces it; a
// cancelled booking answers its event with STATUS:CANCELLED, so the imported copy is struck off
// (issue 25 item 6), rather than a 404 that leaves it standing.
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const code = (await params).code;
  // The API's link carries its own secret (?t=…, issue 25 item 6); the page's link relies on the cookie.
  const token = new URL(request.url).searchParams.get("t");
  const booking = token ? await findBookingByCalendarToken(code, token) : (await findOwnBooking(code)).booking;
  if (!booking) {
    return new Response("没有找到这个预约。", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const cancelled = booking.status === "cancelled";
  // The calendar is named after the venue's town (睦洲镇法律咨询预约). The UID keeps its old domain:
  // it is what lets a phone replace the event it imported before.
  const town = await townOfVenue(booking.venue.slug);
  const body = buildCalendar({
    name: `${town?.name ?? ""}法律咨询预约`,
    events: [
      {
        uid: `booking-${booking.code}@muzhou-legal-booking`,
        start: booking.start,
        end: booking.end,
        sequence: booking.version,
        status: cancelled ? "CANCELLED" : "CONFIRMED",
        summary: `${cancelled ? "已取消：" : ""}免费法律咨询（预约号 ${booking.code}）`,
        location: `${booking.venue.name}，${booking.venue.address}`,
        description: [
          `律师：${booking.lawyer.name}（${booking.lawyer.firm}），电话 ${booking.lawyer.publicPhone}`,
          "请带上和这件事有关的材料：合同、借条、收据、照片、法院文书等。",
          "改期或取消：打开预约页面，或拨打 12348。",
        ].join("\n"),
        // The evening before (as the text-message reminder) and two hours before.
        alarmsMinutesBefore: cancelled ? [] : [24 * 60, 120],
      },
    ],
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="booking-${booking.code}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
