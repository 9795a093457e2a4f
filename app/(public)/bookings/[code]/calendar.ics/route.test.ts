// The API's calendar link (issue 25 item 6): the .ics opens with the link's secret and no cookie;
// a wrong secret opens nothing, and the file says nothing about the villager.
import { describe, expect, it } from "vitest";
import { createBooking } from "@/lib/booking/mutations";
import { bookingInput, createVenueFixture, prisma } from "@/lib/testing/fixtures";
import { GET } from "./route";

describe("GET /bookings/{code}/calendar.ics?t=", () => {
  it("answers the booking's event to its link's secret, without a phone, and nothing to another secret", async () => {
    const f = await createVenueFixture();
    const made = await createBooking(bookingInput(f.venue.slug, f.slotOn(2), { name: "陈阿婆" }));
    if (!made.ok) throw new Error(made.message);
    const { code, calendarToken } = await prisma.booking.findUniqueOrThrow({ where: { code: made.booking.code } });
    const open = (t: string) =>
      GET(new Request(`http://test/bookings/${code}/calendar.ics?t=${t}`), { params: Promise.resolve({ code }) });
    const ok = await open(calendarToken);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/calendar/);
    const body = await ok.text();
    expect(body).toContain(`预约号 ${code}`);
    expect(body).not.toContain("陈阿婆");
    expect((await open("0".repeat(32))).status).toBe(404);
    expect((await open("not-a-token")).status).toBe(404);
  });
});
