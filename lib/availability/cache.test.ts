// The slot cache must never show a slot that a write in this process has just taken or freed.
import { describe, expect, it } from "vitest";
import { pruneRateLimits } from "@/lib/rate-limit";
import { cancelBooking, createBooking } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { recordVenueLookup } from "@/lib/demand/mutations";
import { bookingInput, createVenueFixture } from "@/lib/testing/fixtures";
import { toDateString, toDbDate } from "@/lib/time";
import { listVenueSlots } from "./queries";

const starts = async (slug: string) => ((await listVenueSlots(slug))?.slots ?? []).map((s) => s.start.getTime());

describe("the cached slot list", () => {
  it("answers the same list twice without a write, and forgets it the moment a booking is made or cancelled", async () => {
    const f = await createVenueFixture();
    const slot = f.slotOn(2).getTime();
    const first = await listVenueSlots(f.venue.slug);
    expect(await listVenueSlots(f.venue.slug)).toBe(first); // served from memory
    expect(await starts(f.venue.slug)).toContain(slot);

    const input = bookingInput(f.venue.slug, f.slotOn(2));
    const booked = await createBooking(input);
    if (!booked.ok) throw new Error(booked.message);
    expect(await starts(f.venue.slug)).not.toContain(slot);

    await cancelBooking({ code: booked.booking.code, phone: input.phone });
    expect(await starts(f.venue.slug)).toContain(slot);
  });

  it("is kept through writes that cannot change free slots (a page view, pruning the sign-in counts) and cleared by a leave", async () => {
    const f = await createVenueFixture();
    const first = await listVenueSlots(f.venue.slug);
    await recordVenueLookup(f.venue.id, true);
    await pruneRateLimits();
    expect(await listVenueSlots(f.venue.slug)).toBe(first);

    const date = f.slotOn(2);
    await db.dutyException.create({
      data: { lawyerId: f.lawyers[0].id, kind: "LEAVE", date: toDbDate(toDateString(date)), note: "测试" },
    });
    const after = await listVenueSlots(f.venue.slug);
    expect(after).not.toBe(first);
    expect(after?.slots.map((s) => s.start.getTime())).not.toContain(date.getTime());
  });
});
