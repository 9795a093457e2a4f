// Venues in a town scope (issue 23): a town's staff list, open and change only their own venues;
// another town's answers as a missing one and is not changed. Against the real PostgreSQL.
import { describe, expect, it } from "vitest";
import { createTownFixture, createVenueFixture, prisma, staffScopeOf } from "@/lib/testing/fixtures";
import { updateVenue } from "./mutations";
import { getVenueForStaff, listVenueChoices, listVenuesForStaff } from "./queries";

const staffOf = staffScopeOf;

async function twoTowns() {
  const [townA, townB] = [await createTownFixture("甲镇"), await createTownFixture("乙镇")];
  const fa = await createVenueFixture({ townId: townA.id });
  const fb = await createVenueFixture({ townId: townB.id });
  return { a: staffOf(townA.id), b: staffOf(townB.id), venueA: fa.venue, venueB: fb.venue };
}

const edit = (venue: { name: string; village: string | null }) => ({
  name: venue.name,
  village: venue.village,
  address: "改到别处",
  phone: null,
  openingNotes: null,
  slotMinutes: 45,
  minNoticeMinutes: 0,
  horizonDays: 10,
  isDemonstration: false,
  offHoursBooking: false,
  active: false,
  confirmed: true,
});

describe("venues in a town scope", () => {
  it("are listed, opened and offered as choices to their own town's staff only", async () => {
    const { a, b, venueA, venueB } = await twoTowns();
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(await listVenuesForStaff(b))).toEqual([venueB.id]);
    expect(ids(await listVenuesForStaff(a))).toEqual([venueA.id]);
    expect(await getVenueForStaff(b, venueA.id)).toBeNull();
    expect(await getVenueForStaff(a, venueA.id)).toMatchObject({ id: venueA.id });
    expect(ids(await listVenueChoices(b))).toEqual([venueB.id]);
  });

  it("are changed by their own town's staff only: another town's answers as missing and is left as it was", async () => {
    const { a, b, venueA } = await twoTowns();
    const before = await prisma.venue.findUniqueOrThrow({ where: { id: venueA.id } });
    expect(await updateVenue(b, venueA.id, edit(venueA))).toEqual(await updateVenue(b, "no-such-venue", edit(venueA)));
    expect(await updateVenue(b, venueA.id, edit(venueA))).toMatchObject({ ok: false, code: "not_found" });
    expect(await prisma.venue.findUniqueOrThrow({ where: { id: venueA.id } })).toEqual(before);
    expect(await prisma.auditLog.count({ where: { subjectId: venueA.id } })).toBe(0);
    expect(await updateVenue(a, venueA.id, edit(venueA))).toMatchObject({ ok: true });
    expect(await prisma.venue.findUniqueOrThrow({ where: { id: venueA.id } })).toMatchObject({ address: "改到别处" });
  });
});
