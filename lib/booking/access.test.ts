// The look-up limits as a villager and a stranger meet them: a stranger with the villager's phone
// number and wrong codes uses up only their own tries; the villager, on their own phone with the
// right code, still gets in.
import { describe, expect, it } from "vitest";
import { bookingInput, createVenueFixture, uniquePhone } from "@/lib/testing/fixtures";
import { lookUpBooking } from "./access";
import { createBooking } from "./mutations";

const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random().toString(36).slice(2, 8)}`;

describe("lookUpBooking's limits", () => {
  it("do not let a stranger's misses with a villager's phone lock the villager out", async () => {
    const f = await createVenueFixture();
    const input = bookingInput(f.venue.slug, f.slotOn(2));
    const booked = await createBooking(input);
    if (!booked.ok) throw new Error(booked.message);
    const stranger = address();
    for (let i = 0; i < 10; i++) {
      expect(await lookUpBooking("AAAAAA", { phone: input.phone, address: stranger })).toBeNull();
    }
    expect(await lookUpBooking("AAAAAA", { phone: input.phone, address: stranger })).toMatchObject({
      ok: false,
      code: "too_many_requests",
    });
    // The stranger is refused even with the right code now; the villager, from their own address, is not.
    expect(await lookUpBooking(booked.booking.code, { phone: input.phone, address: stranger })).toMatchObject({
      code: "too_many_requests",
    });
    const owner = await lookUpBooking(booked.booking.code, { phone: input.phone, address: address() });
    expect(owner).toMatchObject({ code: booked.booking.code });
  });

  it("still limit one address trying many phones", async () => {
    const from = address();
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push(await lookUpBooking("AAAAAA", { phone: uniquePhone(), address: from }));
    expect(answers.slice(0, 30).every((a) => a === null)).toBe(true);
    expect(answers[30]).toMatchObject({ code: "too_many_requests" });
  });
});
