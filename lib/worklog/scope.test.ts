// A lawyer's work log in a town scope (issue 23): a town's staff read only the part of it at their
// town's venues, and nothing of a lawyer of another town. Real PostgreSQL.
import { describe, expect, it } from "vitest";
import { createBooking } from "@/lib/booking/mutations";
import {
  bookingInput,
  createTownFixture,
  createVenueFixture,
  lawyerActor,
  prisma,
  serveAlsoAt,
  staffScopeOf,
} from "@/lib/testing/fixtures";
import { loadWorkLog } from "./queries";

const staffOf = staffScopeOf;

describe("the work log in a town scope", () => {
  it("shows a town's staff the lawyer's services at its venues only, and nothing of another town's lawyer", async () => {
    const [townA, townB, townC] = [
      await createTownFixture("甲镇"),
      await createTownFixture("乙镇"),
      await createTownFixture("丙镇"),
    ];
    const fa = await createVenueFixture({ townId: townA.id });
    const fb = await createVenueFixture({ townId: townB.id, lawyers: 0 });
    const lawyer = fa.lawyers[0];
    await serveAlsoAt(lawyer.id, fb.venue.id, { weekday: 1, startMinute: 14 * 60, endMinute: 17 * 60, validFrom: fb.today });
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

    const ofA = await loadWorkLog(staffOf(townA.id), lawyer.id, month);
    const ofB = await loadWorkLog(staffOf(townB.id), lawyer.id, month);
    const own = await loadWorkLog(lawyerActor(lawyer.id), lawyer.id, month);
    expect(ofA?.entries.map((e) => e.venue)).toEqual([fa.venue.name]);
    expect(ofA?.hours.map((h) => h.venueId)).toEqual([fa.venue.id]);
    expect(ofB?.entries.map((e) => e.venue)).toEqual([fb.venue.name]);
    expect(own?.entries.map((e) => e.venue).sort()).toEqual([fa.venue.name, fb.venue.name].sort());
    expect(await loadWorkLog(staffOf(townC.id), lawyer.id, month)).toBeNull();
  });
});
