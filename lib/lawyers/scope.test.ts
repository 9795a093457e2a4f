// Lawyers in a town scope (issue 23): a town's staff see, change, reset and deactivate only the
// lawyers their town registered or who serve its venues; another town's answer as missing ones
// and nothing changes. A lawyer serving two towns keeps the other town's venues. Real PostgreSQL.
import { describe, expect, it } from "vitest";
import { createBooking } from "@/lib/booking/mutations";
import { bookingInput, createTownFixture, createVenueFixture, prisma, staffScopeOf, uniquePhone } from "@/lib/testing/fixtures";
import { createLawyer, deactivateLawyer, resetLawyerPassword, updateLawyer } from "./mutations";
import { getLawyer, listLawyerNames, listLawyers, listUpcomingBookings } from "./queries";

const staffOf = staffScopeOf;

async function twoTowns() {
  const [townA, townB] = [await createTownFixture("甲镇"), await createTownFixture("乙镇")];
  const fa = await createVenueFixture({ townId: townA.id });
  const fb = await createVenueFixture({ townId: townB.id });
  return { a: staffOf(townA.id), b: staffOf(townB.id), fa, fb };
}

const profile = (venueIds: string[]) => ({
  name: "改名律师",
  firm: "改过的律师事务所",
  publicPhone: uniquePhone(),
  specialties: [],
  venues: venueIds,
  advises: [],
});

const snapshot = async (lawyerId: string) => ({
  lawyer: await prisma.lawyer.findUniqueOrThrow({ where: { id: lawyerId } }),
  venues: await prisma.lawyerVenue.findMany({ where: { lawyerId }, orderBy: { venueId: "asc" } }),
  sessions: await prisma.dutySession.findMany({ where: { lawyerId }, orderBy: { id: "asc" } }),
  audit: await prisma.auditLog.count({ where: { subjectId: lawyerId } }),
});

describe("lawyers in a town scope", () => {
  it("are read by their own towns' staff only", async () => {
    const { a, b, fa } = await twoTowns();
    const lawyer = fa.lawyers[0];
    const made = await createBooking(bookingInput(fa.venue.slug, fa.slotOn(2)));
    if (!made.ok) throw new Error(made.message);
    expect((await listLawyers(b)).map((l) => l.id)).not.toContain(lawyer.id);
    expect((await listLawyerNames(b, { activeOnly: false })).map((l) => l.id)).not.toContain(lawyer.id);
    expect(await getLawyer(b, lawyer.id)).toBeNull();
    expect(await listUpcomingBookings(b, lawyer.id)).toEqual([]);
    expect((await listLawyers(a)).map((l) => l.id)).toContain(lawyer.id);
    expect(await getLawyer(a, lawyer.id)).toMatchObject({ id: lawyer.id, venues: [{ id: fa.venue.id }] });
    expect(await listUpcomingBookings(a, lawyer.id)).toHaveLength(1);
  });

  it("are changed by their own towns' staff only: another town's answer as missing, nothing changed", async () => {
    const { a, b, fa, fb } = await twoTowns();
    const lawyer = fa.lawyers[0];
    const before = await snapshot(lawyer.id);
    expect(await updateLawyer(b, lawyer.id, profile([fb.venue.id]))).toEqual(
      await updateLawyer(b, "no-such-lawyer", profile([fb.venue.id])),
    );
    expect(await updateLawyer(b, lawyer.id, profile([]))).toMatchObject({ ok: false, code: "not_found" });
    expect(await resetLawyerPassword(b, lawyer.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await deactivateLawyer(b, lawyer.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshot(lawyer.id)).toEqual(before);
    expect(await updateLawyer(a, lawyer.id, profile([fa.venue.id]))).toEqual({ ok: true });
  });

  it("are registered in the scope's town, and only at its venues", async () => {
    const { b, fa, fb } = await twoTowns();
    const phone = uniquePhone();
    const elsewhere = await createLawyer(b, { ...profile([fa.venue.id]), publicPhone: phone });
    expect(elsewhere).toMatchObject({ ok: false, code: "invalid_input", fields: { venues: expect.any(String) } });
    expect(await prisma.lawyer.count({ where: { publicPhone: phone } })).toBe(0);
    const made = await createLawyer(b, { ...profile([fb.venue.id]), publicPhone: phone });
    if (!made.ok) throw new Error(made.message);
    expect(await prisma.lawyer.findUniqueOrThrow({ where: { id: made.lawyerId } })).toMatchObject({ townId: b.townId });
    expect(await getLawyer(b, made.lawyerId)).toMatchObject({ venues: [{ id: fb.venue.id }] });
  });

  it("serving two towns: each town edits its own venues and keeps the other's; neither town alone deactivates them", async () => {
    const { a, b, fa, fb } = await twoTowns();
    const lawyer = fa.lawyers[0];
    await prisma.lawyerVenue.create({ data: { lawyerId: lawyer.id, venueId: fb.venue.id } });
    expect(await getLawyer(b, lawyer.id)).toMatchObject({ venues: [{ id: fb.venue.id }] });
    // Town B's form has none of its venues ticked: B's is removed, A's stays.
    expect(await updateLawyer(b, lawyer.id, profile([]))).toEqual({ ok: true });
    const venues = await prisma.lawyerVenue.findMany({ where: { lawyerId: lawyer.id } });
    expect(venues.map((v) => v.venueId)).toEqual([fa.venue.id]);
    // A's form cannot add B's venue.
    expect(await updateLawyer(a, lawyer.id, profile([fa.venue.id, fb.venue.id]))).toMatchObject({
      ok: false,
      fields: { venues: expect.any(String) },
    });
    await prisma.lawyerVenue.create({ data: { lawyerId: lawyer.id, venueId: fb.venue.id } });
    const before = await snapshot(lawyer.id);
    expect(await deactivateLawyer(a, lawyer.id)).toMatchObject({ ok: false, code: "conflict" });
    expect(await deactivateLawyer(b, lawyer.id)).toMatchObject({ ok: false, code: "conflict" });
    expect(await snapshot(lawyer.id)).toEqual(before);
  });
});
