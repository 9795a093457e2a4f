// Changes the schedule causes reach the API's clients too (issue 25 item 2): a lawyer's leave or a
// change of duty that hands a booking to a colleague, moves it, or cancels it queues the event
// notice (lib/webhooks) in the change's own transaction, as a villager's own change does.
import { describe, expect, it } from "vitest";
import { createApiClient } from "@/lib/api-clients/mutations";
import { apiClientInput } from "@/lib/api-clients/schema";
import { createBooking, staffReassignBooking } from "@/lib/booking/mutations";
import { bookingInput, createTownFixture, createVenueFixture, lawyerActor, prisma, staffScopeOf } from "@/lib/testing/fixtures";
import { addDays, isoWeekday, toIsoOffset } from "@/lib/time";
import { addLeave, endSession } from "./mutations";

type Notice = { type: string; data: { booking: { code: string; status: string; start: string; lawyer: { id: string } } } };

/** In a town of its own with a client following it: two lawyers, lawyer A booked at 09:00 on the third open day. */
async function setUp() {
  const town = await createTownFixture();
  const f = await createVenueFixture({ lawyers: 2, townId: town.id });
  const [a, b] = f.lawyers;
  const admin = staffScopeOf(town.id, "ADMIN");
  const client = await createApiClient(
    admin,
    apiClientInput.parse({ name: "接收", contact: "测试", mode: "LIVE", origins: "", webhookUrl: "https://example.org/hooks" }),
  );
  if (!client.ok) throw new Error(client.message);
  const made = await createBooking(bookingInput(f.venue.slug, f.slotOn(3), { lawyerId: a.id }));
  if (!made.ok) throw new Error(made.message);
  const booking = await prisma.booking.findUniqueOrThrow({ where: { code: made.booking.code } });
  /** The notices after the booking's own booking.created. */
  const notices = async () =>
    (
      await prisma.webhookEvent.findMany({
        where: { clientId: client.clientId, bookingId: booking.id },
        orderBy: { createdAt: "asc" },
      })
    )
      .map((e) => JSON.parse(e.payload) as Notice)
      .filter((n) => n.type !== "booking.created");
  return { f, a, b, admin, booking, date: f.dateOn(3), notices };
}

describe("a change of duty hours tells the API's clients", () => {
  it("a booking handed to a colleague because of leave: booking.rescheduled, with the new lawyer", async () => {
    const { a, b, booking, date, notices } = await setUp();
    const result = await addLeave(
      lawyerActor(a.id),
      a.id,
      { date, venueId: null, startMinute: 9 * 60, endMinute: 10 * 60, note: null },
      { choices: [{ bookingId: booking.id, action: "reassign", lawyerId: b.id }] },
    );
    expect(result).toMatchObject({ ok: true });
    expect(await notices()).toEqual([
      expect.objectContaining({
        type: "booking.rescheduled",
        data: expect.objectContaining({
          booking: expect.objectContaining({ code: booking.code, lawyer: expect.objectContaining({ id: b.id }) }),
        }),
      }),
    ]);
  });

  it("a booking moved to another time because of leave: booking.rescheduled, with the new time", async () => {
    const { f, a, b, booking, date, notices } = await setUp();
    // The colleague is booked at that very time: only another time is possible.
    expect((await createBooking(bookingInput(f.venue.slug, f.slotOn(3), { lawyerId: b.id }))).ok).toBe(true);
    const leave = { date, venueId: null, startMinute: null, endMinute: null, note: null };
    const asked = await addLeave(lawyerActor(a.id), a.id, leave);
    if (asked.ok || asked.code !== "bookings_affected") throw new Error("expected the bookings to choose for");
    const to = asked.affected[0].moves[0];
    const result = await addLeave(lawyerActor(a.id), a.id, leave, {
      choices: [{ bookingId: booking.id, action: "reschedule", lawyerId: to.lawyerId, start: to.start }],
    });
    expect(result).toMatchObject({ ok: true });
    const [notice, ...more] = await notices();
    expect(more).toEqual([]);
    expect(notice.type).toBe("booking.rescheduled");
    expect(notice.data.booking.start).toBe(toIsoOffset(to.start));
  });

  it("a booking cancelled because the session ended: booking.cancelled", async () => {
    const { a, booking, date, notices } = await setUp();
    const session = await prisma.dutySession.findFirstOrThrow({ where: { lawyerId: a.id, weekday: isoWeekday(date) } });
    const result = await endSession(
      lawyerActor(a.id),
      a.id,
      { sessionId: session.id, lastDate: addDays(date, -1) },
      { choices: [{ bookingId: booking.id, action: "cancel", reason: "律师要出庭" }] },
    );
    expect(result).toMatchObject({ ok: true });
    expect((await notices()).map((n) => [n.type, n.data.booking.status])).toEqual([["booking.cancelled", "cancelled"]]);
  });

  it("staff handing a booking to another lawyer: booking.rescheduled", async () => {
    const { b, admin, booking, notices } = await setUp();
    expect(await staffReassignBooking(admin, booking.code, b.id)).toMatchObject({ ok: true });
    expect((await notices()).map((n) => [n.type, n.data.booking.lawyer.id])).toEqual([["booking.rescheduled", b.id]]);
  });
});
