import { describe, expect, it } from "vitest";
import { districtScope } from "@/lib/auth/scope";
import { bookingInput, createStaffScope, createTownFixture, createVenueFixture, prisma } from "@/lib/testing/fixtures";
import { addDays, todayInShanghai, zonedInstant } from "@/lib/time";
import { createBooking, staffCancelBooking, staffCreateBooking, staffReassignBooking, staffRescheduleBooking } from "./mutations";
import { loadStaffOverview, openBookingForStaff, searchBookings } from "./queries";
import { bookingSearchInput } from "./schema";

const staffOf = createStaffScope;

/** Two towns; a booking at a venue of town A with two lawyers on duty. */
async function twoTowns() {
  const [a, b] = await Promise.all([createTownFixture("甲镇"), createTownFixture("乙镇")]);
  const f = await createVenueFixture({ lawyers: 2, townId: a.id });
  const made = await createBooking(bookingInput(f.venue.slug, f.slotOn(1), { lawyerId: f.lawyers[0].id }));
  if (!made.ok) throw new Error(made.message);
  const row = await prisma.booking.findUniqueOrThrow({ where: { code: made.booking.code } });
  return { f, row, inA: await staffOf(a.id), inB: await staffOf(b.id) };
}

/** Nothing about the booking changed: the row, its texts and no audit entry of a change. */
async function expectUnchanged(row: { id: string }) {
  expect(await prisma.booking.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  expect(await prisma.notification.count({ where: { bookingId: row.id, kind: "CHANGE" } })).toBe(0);
  expect(await prisma.auditLog.count({ where: { subjectId: row.id } })).toBe(0);
}

describe("staff queries in another town's scope", () => {
  it("find none of its bookings by venue, phone or code; its own staff and the district do", async () => {
    const { f, row, inA, inB } = await twoTowns();
    for (const filters of [{ venue: f.venue.slug }, { phone: row.phone }, {}]) {
      const found = await searchBookings(inB, bookingSearchInput.parse(filters));
      expect(found.rows.map((r) => r.code)).not.toContain(row.code);
      if ("venue" in filters) expect(found.total).toBe(0);
    }
    expect((await searchBookings(inA, bookingSearchInput.parse({ venue: f.venue.slug }))).rows.map((r) => r.code)).toEqual([
      row.code,
    ]);
    const district = districtScope({ id: "district-test", role: "DISTRICT", displayName: "区司法局", lawyerId: null });
    expect(district).not.toBeNull();
    if (district) expect((await searchBookings(district, bookingSearchInput.parse({ phone: row.phone }))).total).toBe(1);
  });

  it("open none of its bookings, and write no look at it to the audit log", async () => {
    const { row, inA, inB } = await twoTowns();
    expect(await openBookingForStaff(inB, row.code)).toBeNull();
    expect(await prisma.auditLog.count({ where: { subjectId: row.id } })).toBe(0);
    expect(await openBookingForStaff(inA, row.code)).toMatchObject({ code: row.code, phone: row.phone });
    expect(await prisma.auditLog.findMany({ where: { subjectId: row.id }, select: { actorId: true } })).toEqual([
      { actorId: inA.actor.id },
    ]);
  });

  it("count none of its bookings or call-back requests on the overview", async () => {
    const { f, row, inA, inB } = await twoTowns();
    await prisma.callbackRequest.create({
      data: { venueId: f.venue.id, name: "回电村民", phone: "13900000000", consentAt: new Date() },
    });
    const today = todayInShanghai();
    const inWeek = row.startsAt < zonedInstant(addDays(today, 7)) ? 1 : 0;
    // B first: a request made meanwhile elsewhere only raises A's count.
    const ofB = await loadStaffOverview(inB);
    const ofA = await loadStaffOverview(inA);
    expect(ofB).toMatchObject({ todayCount: 0, weekCount: 0 });
    expect(ofA.weekCount).toBe(inWeek);
    expect(ofA.callbacks).toBeGreaterThanOrEqual(ofB.callbacks + 1);
  });
});

describe("staff changes in another town's scope", () => {
  it("cancel nothing: not found, and the booking stays as it was", async () => {
    const { row, inA, inB } = await twoTowns();
    expect(await staffCancelBooking(inB, row.code, "不是本镇的")).toMatchObject({ ok: false, code: "not_found" });
    await expectUnchanged(row);
    expect(await staffCancelBooking(inA, row.code, "村民来电取消")).toMatchObject({
      ok: true,
      booking: { status: "cancelled" },
    });
  });

  it("move nothing: not found, and the booking stays as it was", async () => {
    const { f, row, inA, inB } = await twoTowns();
    const target = { start: f.slotOn(2), reason: "村民要求" };
    expect(await staffRescheduleBooking(inB, row.code, target)).toMatchObject({ ok: false, code: "not_found" });
    await expectUnchanged(row);
    expect(await staffRescheduleBooking(inA, row.code, target)).toMatchObject({ ok: true, booking: { start: f.slotOn(2) } });
  });

  it("hand nothing over: not found, and the booking stays with its lawyer", async () => {
    const { f, row, inA, inB } = await twoTowns();
    const other = f.lawyers[1].id;
    expect(await staffReassignBooking(inB, row.code, other)).toMatchObject({ ok: false, code: "not_found" });
    await expectUnchanged(row);
    expect(await staffReassignBooking(inA, row.code, other)).toMatchObject({ ok: true });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: row.id } })).lawyerId).toBe(other);
  });

  it("book nobody at its venues: no such venue, and no booking is made", async () => {
    const { f, inA, inB } = await twoTowns();
    const input = bookingInput(f.venue.slug, f.slotOn(3));
    const count = () => prisma.booking.count({ where: { venueId: f.venue.id } });
    const before = await count();
    expect(await staffCreateBooking(inB, input, { channel: "PHONE" })).toMatchObject({
      ok: false,
      code: "invalid_input",
      fields: { venue: expect.any(String) },
    });
    expect(await count()).toBe(before);
    const made = await staffCreateBooking(inA, input, { channel: "PHONE" });
    expect(made).toMatchObject({ ok: true });
    expect(await count()).toBe(before + 1);
  });
});
