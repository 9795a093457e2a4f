// Booking rules against the real PostgreSQL: the database, not the application, prevents double booking.
import { describe, expect, it } from "vitest";
import { listVenueSlots } from "@/lib/availability/queries";
import { bookingInput, createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { cancelBooking, createBooking, rescheduleBooking } from "./mutations";
import { findBooking } from "./queries";

describe("createBooking", () => {
  it("books a free slot and returns its code, times, venue and lawyer", async () => {
    const f = await createVenueFixture();
    const start = f.slotOn(1);
    const result = await createBooking(bookingInput(f.venue.slug, start));
    if (!result.ok) throw new Error(result.message);
    expect(result.booking.code).toMatch(/^[A-Z0-9]{6}$/);
    expect(result.booking.status).toBe("confirmed");
    expect(result.booking.start.toISOString()).toBe(start.toISOString());
    expect(result.booking.end.getTime() - start.getTime()).toBe(30 * 60_000);
    expect(result.booking.lawyer.id).toBe(f.lawyers[0].id);
    const slots = await listVenueSlots(f.venue.slug, { from: f.today, to: f.today });
    expect(slots?.slots.some((s) => s.start.getTime() === start.getTime())).toBe(false);
  });

  it("answers slot_taken for a booked slot and slot_unavailable for a time off the grid or inside the notice", async () => {
    const f = await createVenueFixture();
    expect((await createBooking(bookingInput(f.venue.slug, f.slotOn(1)))).ok).toBe(true);
    expect(await createBooking(bookingInput(f.venue.slug, f.slotOn(1)))).toMatchObject({ ok: false, code: "slot_taken" });
    expect(await createBooking(bookingInput(f.venue.slug, f.slotOn(1, 9 * 60 + 10)))).toMatchObject({
      ok: false,
      code: "slot_unavailable",
    });
    expect(await createBooking(bookingInput(f.venue.slug, f.slotOn(40)))).toMatchObject({ ok: false, code: "slot_unavailable" });
    const now = new Date(f.slotOn(1).getTime() - 60 * 60_000); // one hour before: inside the 2-hour notice
    expect(await createBooking(bookingInput(f.venue.slug, f.slotOn(1, 9 * 60 + 30)), { now })).toMatchObject({
      ok: false,
      code: "slot_unavailable",
    });
  });

  it("gives exactly one booking and 19 slot_taken answers to 20 concurrent requests for one slot", async () => {
    const f = await createVenueFixture();
    const start = f.slotOn(2);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => createBooking(bookingInput(f.venue.slug, start, { lawyerId: f.lawyers[0].id }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "slot_taken")).toHaveLength(19);
    expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(1);
  });

  it("with k lawyers free at a time, k+n concurrent any-lawyer requests give exactly k bookings, one per lawyer", async () => {
    const k = 3;
    const f = await createVenueFixture({ lawyers: k });
    const start = f.slotOn(3);
    const results = await Promise.all(Array.from({ length: k + 5 }, () => createBooking(bookingInput(f.venue.slug, start))));
    const booked = results.filter((r) => r.ok);
    expect(booked).toHaveLength(k);
    expect(results.filter((r) => !r.ok && r.code === "slot_taken")).toHaveLength(5);
    expect(new Set(booked.map((r) => r.ok && r.booking.lawyer.id)).size).toBe(k);
  });

  it("lets one phone hold at most three upcoming bookings, never two at overlapping times", async () => {
    const f = await createVenueFixture({ lawyers: 2 });
    const phone = uniquePhone();
    for (const day of [1, 2, 3])
      expect((await createBooking(bookingInput(f.venue.slug, f.slotOn(day), { phone }))).ok).toBe(true);
    expect(await createBooking(bookingInput(f.venue.slug, f.slotOn(4), { phone }))).toMatchObject({
      ok: false,
      code: "too_many_bookings",
    });
    const other = uniquePhone();
    expect((await createBooking(bookingInput(f.venue.slug, f.slotOn(5), { phone: other }))).ok).toBe(true);
    // Same time, the other lawyer is free, but this phone already has that time.
    expect(await createBooking(bookingInput(f.venue.slug, f.slotOn(5), { phone: other }))).toMatchObject({
      ok: false,
      code: "too_many_bookings",
    });
  });

  it("keeps the three-booking limit when one phone books eight different times at once", async () => {
    // Each request is alone at its time, so only the per-phone lock in createBooking keeps the count
    // of upcoming bookings from being read by all of them before any has written.
    const f = await createVenueFixture();
    const phone = uniquePhone();
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 6, 7, 8].map((day) => createBooking(bookingInput(f.venue.slug, f.slotOn(day), { phone }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(5).fill("too_many_bookings"));
    expect(await prisma.booking.count({ where: { phone, status: "CONFIRMED" } })).toBe(3);
  });

  it("answers the same form sent twice, one after the other or at once, with the one booking it made", async () => {
    const f = await createVenueFixture();
    const input = bookingInput(f.venue.slug, f.slotOn(1));
    const formKey = `form-${uniquePhone()}-key`;
    const first = await createBooking(input, { formKey });
    if (!first.ok) throw new Error(first.message);
    // Back and send again: the time is the villager's own booking now, not "taken".
    expect(await createBooking(input, { formKey })).toEqual(first);

    const twice = bookingInput(f.venue.slug, f.slotOn(2));
    const key = `form-${uniquePhone()}-tap`;
    const [a, b] = await Promise.all([createBooking(twice, { formKey: key }), createBooking(twice, { formKey: key })]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    expect(await prisma.booking.count({ where: { phone: { in: [input.phone, twice.phone] } } })).toBe(2);

    // The key alone shows nothing: another phone with it gets an ordinary answer.
    expect(await createBooking({ ...input, phone: uniquePhone() }, { formKey })).toMatchObject({ ok: false, code: "slot_taken" });
  });

  it("on the villager's form, asks before a second upcoming booking at the same venue, not at another, and not for a resent form", async () => {
    const here = await createVenueFixture();
    const there = await createVenueFixture();
    const phone = uniquePhone();
    const formKey = `form-${phone}-first`;
    const first = await createBooking(bookingInput(here.venue.slug, here.slotOn(1), { phone }), {
      formKey,
      warnIfBookedHere: true,
    });
    if (!first.ok) throw new Error(first.message);
    // The same form sent again is still the same booking, not a question.
    expect(
      await createBooking(bookingInput(here.venue.slug, here.slotOn(1), { phone }), { formKey, warnIfBookedHere: true }),
    ).toEqual(first);
    const again = await createBooking(bookingInput(here.venue.slug, here.slotOn(2), { phone }), { warnIfBookedHere: true });
    expect(again).toMatchObject({ ok: false, code: "already_booked" });
    expect(await prisma.booking.count({ where: { phone } })).toBe(1);
    // Ticked "book another": it books. Another venue, or the API and staff (no warning asked): it books.
    expect(
      await createBooking(bookingInput(here.venue.slug, here.slotOn(2), { phone }), { warnIfBookedHere: false }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await createBooking(bookingInput(there.venue.slug, there.slotOn(3), { phone }), { warnIfBookedHere: true }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("rejects an unknown venue or topic as invalid input and writes nothing", async () => {
    const f = await createVenueFixture();
    const before = await prisma.booking.count();
    const result = await createBooking(bookingInput("no-such-venue", f.slotOn(1), { topic: "no-such-topic" }));
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!result.ok && Object.keys(result.fields ?? {})).toEqual(["venue", "topic"]);
    expect(await prisma.booking.count()).toBe(before);
  });
});

describe("cancelBooking and rescheduleBooking", () => {
  it("cancelling frees the slot at once; a wrong phone is not_found", async () => {
    const f = await createVenueFixture();
    const input = bookingInput(f.venue.slug, f.slotOn(1));
    const created = await createBooking(input);
    if (!created.ok) throw new Error(created.message);
    const code = created.booking.code;
    expect(await cancelBooking({ code, phone: uniquePhone() })).toMatchObject({ ok: false, code: "not_found" });
    const cancelled = await cancelBooking({ code, phone: input.phone, reason: "有事" });
    expect(cancelled).toMatchObject({ ok: true, booking: { status: "cancelled", cancelReason: "有事" } });
    expect((await createBooking(bookingInput(f.venue.slug, f.slotOn(1)))).ok).toBe(true);
  });

  it("moves a booking to a free slot, and leaves it exactly as it was when the new slot is taken", async () => {
    const f = await createVenueFixture();
    const mine = bookingInput(f.venue.slug, f.slotOn(1));
    const created = await createBooking(mine);
    if (!created.ok) throw new Error(created.message);
    const code = created.booking.code;
    // Moving to the next slot of the same lawyer works: the booking's own time does not block it.
    const moved = await rescheduleBooking({ code, phone: mine.phone, start: f.slotOn(1, 9 * 60 + 30) });
    expect(moved).toMatchObject({ ok: true });
    expect(moved.ok && moved.booking.start.toISOString()).toBe(f.slotOn(1, 9 * 60 + 30).toISOString());

    expect((await createBooking(bookingInput(f.venue.slug, f.slotOn(2)))).ok).toBe(true);
    const before = await findBooking({ code, phone: mine.phone });
    expect(await rescheduleBooking({ code, phone: mine.phone, start: f.slotOn(2) })).toMatchObject({
      ok: false,
      code: "slot_taken",
    });
    expect(await findBooking({ code, phone: mine.phone })).toEqual(before);
  });

  it("finds a booking only by its code and phone together", async () => {
    const f = await createVenueFixture();
    const input = bookingInput(f.venue.slug, f.slotOn(1));
    const created = await createBooking(input);
    if (!created.ok) throw new Error(created.message);
    expect(await findBooking({ code: created.booking.code, phone: input.phone })).toMatchObject({ name: "测试村民" });
    expect(await findBooking({ code: created.booking.code, phone: uniquePhone() })).toBeNull();
    expect(await findBooking({ code: "AAAAAA", phone: input.phone })).toBeNull();
  });
});
