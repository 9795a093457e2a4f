// A lawyer's work log in a town scope (issue 23): a town's staff read only the part of it at their
// town's venues, and nothing of a lawyer of another town. Real PostgreSQL.
import { describe, expect, it } from "vitest";
import { createBooking } from "@/lib/booking/mutations";
import {
  bookingInput,
  createLawyerOfTwoTownsFixture,
  createTownFixture,
  lawyerActor,
  prisma,
  staffScopeOf,
} from "@/lib/testing/fixtures";
import { loadWorkLog } from "./queries";

describe("the work log in a town scope", () => {
  it("shows a town's staff the lawyer's services at its venues only, and nothing of another town's lawyer", async () => {
    const { a, b, fa, fb, lawyer } = await createLawyerOfTwoTownsFixture();
    const townC = await createTownFixture("丙镇");
    const date = fa.dateOn(1);
    const here = await createBooking(bookingInput(fa.venue.slug, fa.slotOn(1), { lawyerId: lawyer.id }));
    if (!here.ok) throw new Error(here.message);
    // A done service in town B the same month (set directly: the log reads done bookings).
    const there = await prisma.booking.findUniqueOrThrow({ where: { code: here.booking.code } });
    await prisma.booking.create({
      data: {
        ...Object.fromEntries(
          Object.entries(there).filter(
            ([k]) => !["id", "code", "calendarToken", "createdAt", "updatedAt", "venueId", "startsAt", "endsAt"].includes(k),
          ),
        ),
        code: `B${there.code.slice(1)}`,
        venueId: fb.venue.id,
        // Later that day: a lawyer is never booked twice at once.
        startsAt: new Date(there.startsAt.getTime() + 5 * 3_600_000),
        endsAt: new Date(there.endsAt.getTime() + 5 * 3_600_000),
        status: "DONE",
      } as never,
    });
    await prisma.booking.update({ where: { id: there.id }, data: { status: "DONE" } });
    const month = date.slice(0, 7);

    const ofA = await loadWorkLog(a, lawyer.id, month);
    const ofB = await loadWorkLog(b, lawyer.id, month);
    const own = await loadWorkLog(lawyerActor(lawyer.id), lawyer.id, month);
    expect(ofA?.entries.map((e) => e.venue)).toEqual([fa.venue.name]);
    expect(ofA?.hours.map((h) => h.venueId)).toEqual([fa.venue.id]);
    expect(ofB?.entries.map((e) => e.venue)).toEqual([fb.venue.name]);
    expect(own?.entries.map((e) => e.venue).sort()).toEqual([fa.venue.name, fb.venue.name].sort());
    expect(await loadWorkLog(staffScopeOf(townC.id), lawyer.id, month)).toBeNull();
  });
});
