// Related selects inside a transaction used to send a second query on the transaction's connection
// while the first was running; pg warns about that ("client is already executing a query") and
// will refuse it in pg 9. Prisma's relationJoins (schema.prisma) makes each such read one query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookingInput, createVenueFixture } from "@/lib/testing/fixtures";
import { cancelBooking, createBooking, rescheduleBooking } from "./mutations";

const warnings: string[] = [];
const collect = (warning: Error) => warnings.push(warning.message);
beforeAll(() => {
  process.on("warning", collect);
});
afterAll(() => {
  process.off("warning", collect);
});

describe("the database driver", () => {
  it("gives no warning while bookings are made, moved and cancelled", async () => {
    const f = await createVenueFixture();
    for (let i = 0; i < 3; i++) {
      const input = bookingInput(f.venue.slug, f.slotOn(2 + i));
      const made = await createBooking(input);
      if (!made.ok) throw new Error(made.message);
      const moved = await rescheduleBooking({ code: made.booking.code, phone: input.phone, start: f.slotOn(6 + i) });
      if (!moved.ok) throw new Error(moved.message);
      expect((await cancelBooking({ code: made.booking.code, phone: input.phone })).ok).toBe(true);
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.includes("already executing"))).toEqual([]);
  });
});
