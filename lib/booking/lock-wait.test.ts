// A booking that cannot get its lawyer's lock in time (a leave for that lawyer is being written)
// answers a clear failure in Chinese, never an error; and a leave racing a dozen bookings goes through.
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { addLeave } from "@/lib/schedule/mutations";
import { bookingInput, createVenueFixture, prisma } from "@/lib/testing/fixtures";
import { createBooking } from "./mutations";

describe("a booking waiting for its lawyer's lock", () => {
  it("gives up with a clear answer while a change to the lawyer's duty holds the lock, and books once it is gone", async () => {
    const f = await createVenueFixture();
    const lawyerId = f.lawyers[0].id;
    let release = () => {};
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // What a leave's transaction holds while it writes: the lawyer's lock, exclusively.
    const change = prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(1, hashtext(${lawyerId}))`;
        locked();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      { timeout: 60_000 },
    );
    await isLocked;
    try {
      const waited = await createBooking(bookingInput(f.venue.slug, f.slotOn(2)));
      expect(waited).toMatchObject({ ok: false, code: "slot_unavailable", message: expect.stringMatching(/请选择其他时间/) });
      expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(0);
    } finally {
      release();
      await change;
    }
    expect(await createBooking(bookingInput(f.venue.slug, f.slotOn(2)))).toMatchObject({ ok: true });
  });

  it("lets a leave through beside 12 bookings at once, and every booking gets an answer", async () => {
    const f = await createVenueFixture();
    const lawyerId = f.lawyers[0].id;
    const actor: CurrentUser = { id: `user-${lawyerId}`, role: "LAWYER", displayName: "律师", lawyerId };
    const date = f.dateOn(4);
    const bookings = Array.from({ length: 12 }, (_, i) =>
      createBooking(bookingInput(f.venue.slug, f.slotOn(4, 9 * 60 + (i % 6) * 30))),
    );
    const leave = addLeave(actor, lawyerId, { date, venueId: null, startMinute: null, endMinute: null, note: null });
    const settled = await Promise.allSettled([...bookings, leave]);
    expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
    const answers = settled.map((s) => (s.status === "fulfilled" ? s.value : null));
    const leaveAnswer = answers.at(-1);
    // Done, or (when bookings landed first) asking what to do with them: an answer, not an error.
    expect(leaveAnswer?.ok || (leaveAnswer && !leaveAnswer.ok && leaveAnswer.code === "bookings_affected")).toBe(true);
  });
});
