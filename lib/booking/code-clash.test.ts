// A booking code that clashes with an existing one is drawn again, inside the same booking.
import { describe, expect, it, vi } from "vitest";
import { bookingInput, createVenueFixture } from "@/lib/testing/fixtures";

const draws = vi.hoisted(() => ({ queue: [] as string[] }));
vi.mock("./code", async (original) => {
  const real = await original<typeof import("./code")>();
  return { ...real, generateBookingCode: () => draws.queue.shift() ?? real.generateBookingCode() };
});

const { createBooking } = await import("./mutations");

describe("booking codes", () => {
  it("draws another code when the first one is already taken", async () => {
    const f = await createVenueFixture({ lawyers: 2 });
    const taken = `C${Date.now().toString(36).toUpperCase().slice(-5)}`.replace(/[^A-Z0-9]/g, "X");
    draws.queue.push(taken);
    const first = await createBooking(bookingInput(f.venue.slug, f.slotOn(1)));
    expect(first).toMatchObject({ ok: true, booking: { code: taken } });
    draws.queue.push(
      taken,
      "KKKKKK".replace(/K/g, () => "ACDEFHJKMNPQRTUVWXY3479"[Math.floor(Math.random() * 23)]),
    );
    const second = await createBooking(bookingInput(f.venue.slug, f.slotOn(2)));
    expect(second.ok).toBe(true);
    expect(second.ok && second.booking.code).not.toBe(taken);
  });
});
