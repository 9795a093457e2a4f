// A colleague booked between the lawyer's choice and the write: the database refuses, and nothing at all changes.
import { describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { createBooking } from "@/lib/booking/mutations";
import { bookingInput, createVenueFixture, prisma } from "@/lib/testing/fixtures";

const race = vi.hoisted(() => ({ next: null as null | (() => Promise<void>) }));

// Runs the race right after the choices were checked against fresh availability: the last moment
// the application looks before its transaction.
vi.mock("./queries", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./queries")>();
  return {
    ...actual,
    describeAffected: async (...args: Parameters<typeof actual.describeAffected>) => {
      const result = await actual.describeAffected(...args);
      const step = race.next;
      race.next = null;
      if (step) await step();
      return result;
    },
  };
});

const { addLeave } = await import("./mutations");

describe("a colleague booked meanwhile", () => {
  it("rolls back the leave, the hand-over and the notification, and asks to choose again", async () => {
    const f = await createVenueFixture({ lawyers: 2 });
    const [a, b] = f.lawyers;
    const actorA: CurrentUser = { id: `user-${a.id}`, role: "LAWYER", displayName: "律师", lawyerId: a.id };
    const mine = await createBooking(bookingInput(f.venue.slug, f.slotOn(3), { lawyerId: a.id }));
    if (!mine.ok) throw new Error(mine.message);
    const booking = await prisma.booking.findUniqueOrThrow({ where: { code: mine.booking.code } });

    race.next = async () => {
      const theirs = await createBooking(bookingInput(f.venue.slug, f.slotOn(3), { lawyerId: b.id }));
      if (!theirs.ok) throw new Error(theirs.message);
    };
    const result = await addLeave(
      actorA,
      a.id,
      { date: f.dateOn(3), venueId: null, startMinute: null, endMinute: null, note: null },
      { choices: [{ bookingId: booking.id, action: "reassign", lawyerId: b.id }] },
    );

    expect(result).toMatchObject({ ok: false, code: "bookings_affected", message: expect.stringContaining("刚刚有了别的预约") });
    if (!result.ok && result.code === "bookings_affected") {
      expect(result.affected.map((x) => [x.id, x.colleagues])).toEqual([[booking.id, []]]);
    }
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      lawyerId: a.id,
      status: "CONFIRMED",
      notice: null,
    });
    expect(await prisma.dutyException.count({ where: { lawyerId: a.id } })).toBe(0);
    // No change or cancellation was told: the hand-over rolled back with its message.
    expect(await prisma.notification.count({ where: { bookingId: booking.id, kind: { in: ["CHANGE", "CANCELLATION"] } } })).toBe(
      0,
    );
  });
});
