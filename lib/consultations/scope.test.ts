import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { createBooking } from "@/lib/booking/mutations";
import {
  bookingInput,
  createStaffScope,
  createTownFixture,
  createVenueFixture,
  lawyerActor,
  prisma,
} from "@/lib/testing/fixtures";
import { addDays } from "@/lib/time";
import { checkInBooking, completeBooking, markNoShow, recordWalkIn, undoCheckIn, updateWalkIn, voidWalkIn } from "./mutations";
import { getConsultation, getWalkIn, listRecentWalkIns, openConsultation, openWalkIn } from "./queries";
import type { WalkInInput } from "./schema";

const staffOf = createStaffScope;

/** Two towns; at a venue of town A, a booking of its lawyer and a walk-in the lawyer recorded. */
async function twoTowns() {
  const [a, b] = await Promise.all([createTownFixture("甲镇"), createTownFixture("乙镇")]);
  const f = await createVenueFixture({ townId: a.id });
  const lawyer = lawyerActor(f.lawyers[0].id);
  const made = await createBooking(bookingInput(f.venue.slug, f.slotOn(1)));
  if (!made.ok) throw new Error(made.message);
  const booking = await prisma.booking.findUniqueOrThrow({ where: { code: made.booking.code } });
  const input = (extra: Partial<WalkInInput> = {}): WalkInInput => ({
    venueId: f.venue.id,
    lawyerId: f.lawyers[0].id,
    date: addDays(f.today, -1),
    time: "10:15",
    name: "现场村民",
    phone: "13900000000",
    topic: "marriage",
    outcomes: ["CONSULTATION"],
    minutesSpent: 20,
    ...extra,
  });
  const filed = await recordWalkIn(lawyer, input());
  if (!filed.ok) throw new Error(filed.message);
  const walkIn = await prisma.walkIn.findUniqueOrThrow({ where: { id: filed.id } });
  return { f, lawyer, booking, walkIn, input, inA: await staffOf(a.id), inB: await staffOf(b.id) };
}

/** Half an hour before the booking: check-in is open. */
const beforeStart = (booking: { startsAt: Date }) => ({ now: new Date(booking.startsAt.getTime() - 30 * 60_000) });
/** Half an hour after it began: an outcome or a no-show may be recorded. */
const afterStart = (booking: { startsAt: Date }) => ({ now: new Date(booking.startsAt.getTime() + 30 * 60_000) });

describe("walk-ins in another town's scope", () => {
  it("are not listed or opened, and no look is audited; their town's staff and lawyer see them", async () => {
    const { walkIn, lawyer, inA, inB } = await twoTowns();
    expect(await getWalkIn(inB, walkIn.id)).toBeNull();
    expect(await openWalkIn(inB, walkIn.id)).toBeNull();
    expect((await listRecentWalkIns(inB)).map((r) => r.id)).not.toContain(walkIn.id);
    expect(await prisma.auditLog.count({ where: { subjectId: walkIn.id, action: "view" } })).toBe(0);
    expect(await openWalkIn(inA, walkIn.id)).toMatchObject({ id: walkIn.id, name: "现场村民" });
    expect((await listRecentWalkIns(inA)).map((r) => r.id)).toEqual([walkIn.id]);
    expect(await getWalkIn(lawyer, walkIn.id)).toMatchObject({ id: walkIn.id });
  });

  it("are neither corrected nor voided: not found, and the row stays as it was", async () => {
    const { walkIn, input, inA, inB } = await twoTowns();
    expect(await updateWalkIn(inB, walkIn.id, input({ name: "改名" }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await voidWalkIn(inB, walkIn.id, "不是本镇的")).toMatchObject({ ok: false, code: "not_found" });
    expect(await prisma.walkIn.findUniqueOrThrow({ where: { id: walkIn.id } })).toEqual(walkIn);
    expect(await prisma.auditLog.count({ where: { subjectId: walkIn.id, kind: "walk_in", action: { not: "create" } } })).toBe(0);
    expect(await updateWalkIn(inA, walkIn.id, input({ name: "改名" }))).toEqual({ ok: true, id: walkIn.id });
    expect(await voidWalkIn(inA, walkIn.id, "记重了")).toEqual({ ok: true, id: walkIn.id });
  });

  it("cannot be recorded at its venues: the venue is not one the lawyer serves, and nothing is written", async () => {
    const { f, input, inA, inB } = await twoTowns();
    const count = () => prisma.walkIn.count({ where: { venueId: f.venue.id } });
    const before = await count();
    expect(await recordWalkIn(inB, input())).toMatchObject({
      ok: false,
      code: "invalid_input",
      fields: { venueId: expect.any(String) },
    });
    expect(await count()).toBe(before);
    expect(await recordWalkIn(inA, input())).toMatchObject({ ok: true });
    expect(await count()).toBe(before + 1);
  });
});

describe("bookings' consultations in another town's scope", () => {
  it("are not opened, and none is checked in, recorded or marked: not found, nothing changed", async () => {
    const { booking, inA, inB } = await twoTowns();
    expect(await getConsultation(inB, booking.id)).toBeNull();
    expect(await openConsultation(inB, booking.id)).toBeNull();
    const outcome = { outcomes: ["CONSULTATION" as const], minutesSpent: 20 };
    for (const result of [
      await checkInBooking(inB, booking.id, beforeStart(booking)),
      await undoCheckIn(inB, booking.id, beforeStart(booking)),
      await completeBooking(inB, booking.id, outcome, afterStart(booking)),
      await markNoShow(inB, booking.id, afterStart(booking)),
    ])
      expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toEqual(booking);
    expect(await prisma.auditLog.count({ where: { subjectId: booking.id } })).toBe(0);
    expect(await checkInBooking(inA, booking.id, beforeStart(booking))).toEqual({ ok: true });
    expect(await getConsultation(inA, booking.id)).toMatchObject({ status: "CHECKED_IN" });
  });

  it("a signed-in staff account without its town scope reaches nothing", async () => {
    const { booking, walkIn, inA } = await twoTowns();
    const unscoped: CurrentUser = { ...inA.actor, lawyerId: null };
    expect(await getConsultation(unscoped, booking.id)).toBeNull();
    expect(await getWalkIn(unscoped, walkIn.id)).toBeNull();
    expect(await checkInBooking(unscoped, booking.id, beforeStart(booking))).toMatchObject({ ok: false, code: "not_found" });
  });
});
