// Duty in a town scope (issue 23): a town's staff read and change duty only at their town's venues.
// Another town's lawyer, session or leave answers as a missing one and nothing changes; a staff
// leave "at all venues" for a lawyer of two towns covers only the staff's town, while the lawyer's
// own leave "at all venues" covers every town and no one town's staff may take it back. Real PostgreSQL.
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { createBooking } from "@/lib/booking/mutations";
import {
  bookingInput,
  createLawyerOfTwoTownsFixture,
  createTownFixture,
  createVenueFixture,
  lawyerActor,
  prisma,
  staffScopeOf,
} from "@/lib/testing/fixtures";
import { toDbDate } from "@/lib/time";
import { monthOf } from "./hours";
import { addExtra, addLeave, addSession, changeSession, endSession, removeException } from "./mutations";
import { getSchedule, listFreeColleagues, loadRota } from "./queries";

const staffOf = staffScopeOf;

async function twoTowns() {
  const [townA, townB] = [await createTownFixture("甲镇"), await createTownFixture("乙镇")];
  const fa = await createVenueFixture({ townId: townA.id, lawyers: 2 });
  const fb = await createVenueFixture({ townId: townB.id });
  return { a: staffOf(townA.id), b: staffOf(townB.id), fa, fb, lawyer: fa.lawyers[0] };
}

const snapshot = async (lawyerId: string) => ({
  sessions: await prisma.dutySession.findMany({ where: { lawyerId }, orderBy: { id: "asc" } }),
  exceptions: await prisma.dutyException.findMany({ where: { lawyerId }, orderBy: { id: "asc" } }),
  audit: await prisma.auditLog.count({
    where: { summary: { startsWith: (await prisma.lawyer.findUniqueOrThrow({ where: { id: lawyerId } })).name } },
  }),
});

const wholeDay = { startMinute: null, endMinute: null, note: null };

describe("duty in a town scope", () => {
  it("reads another town's lawyer, rota and bookings as nothing", async () => {
    const { a, b, fa, lawyer } = await twoTowns();
    const made = await createBooking(bookingInput(fa.venue.slug, fa.slotOn(2), { lawyerId: lawyer.id }));
    if (!made.ok) throw new Error(made.message);
    expect(await getSchedule(b, lawyer.id)).toBeNull();
    expect(await getSchedule(a, lawyer.id)).toMatchObject({ lawyer: { id: lawyer.id }, venues: [{ id: fa.venue.id }] });
    const week = { from: fa.dateOn(1), to: fa.dateOn(7) };
    const month = monthOf(fa.dateOn(1));
    expect((await loadRota(b, { month, week })).map((r) => r.venue.id)).not.toContain(fa.venue.id);
    expect((await loadRota(a, { month, week })).map((r) => r.venue.id)).toEqual([fa.venue.id]);
    expect(await listFreeColleagues(b, made.booking.code)).toEqual([]);
    expect(await listFreeColleagues(a, made.booking.code)).toEqual([{ id: fa.lawyers[1].id, name: fa.lawyers[1].name }]);
  });

  it("answers another town's lawyer, session and leave as missing ones, and changes nothing", async () => {
    const { a, b, fa, lawyer } = await twoTowns();
    const own = lawyerActor(lawyer.id);
    const leave = await addLeave(own, lawyer.id, { date: fa.dateOn(10), venueId: fa.venue.id, ...wholeDay });
    expect(leave).toMatchObject({ ok: true });
    const leaveId = (await prisma.dutyException.findFirstOrThrow({ where: { lawyerId: lawyer.id } })).id;
    const sessionId = (await prisma.dutySession.findFirstOrThrow({ where: { lawyerId: lawyer.id } })).id;
    const before = await snapshot(lawyer.id);
    const session = {
      venueId: fa.venue.id,
      weekday: 1,
      startMinute: 14 * 60,
      endMinute: 16 * 60,
      validFrom: fa.dateOn(1),
      validUntil: null,
    };
    const change = { sessionId, weekday: 1, startMinute: 13 * 60, endMinute: 15 * 60, from: fa.dateOn(1) };
    const extra = { venueId: fa.venue.id, date: fa.dateOn(11), startMinute: 14 * 60, endMinute: 16 * 60, note: null };

    expect(await addSession(b, lawyer.id, session)).toEqual(await addSession(b, "no-such-lawyer", session));
    expect(await addSession(b, lawyer.id, session)).toMatchObject({ ok: false, fields: { venueId: expect.any(String) } });
    expect(await changeSession(b, lawyer.id, change)).toMatchObject({ ok: false, code: "not_found" });
    expect(await endSession(b, lawyer.id, { sessionId, lastDate: fa.dateOn(5) })).toMatchObject({ ok: false, code: "not_found" });
    expect(await addExtra(b, lawyer.id, extra)).toMatchObject({ ok: false, fields: { venueId: expect.any(String) } });
    expect(await addLeave(b, lawyer.id, { date: fa.dateOn(12), venueId: fa.venue.id, ...wholeDay })).toMatchObject({
      ok: false,
      fields: { venueId: expect.any(String) },
    });
    // "All venues" from a town the lawyer does not serve: nothing of theirs is there.
    expect(await addLeave(b, lawyer.id, { date: fa.dateOn(12), venueId: null, ...wholeDay })).toMatchObject({ ok: false });
    expect(await removeException(b, lawyer.id, { exceptionId: leaveId })).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshot(lawyer.id)).toEqual(before);

    // A staff account without a town scope reaches nothing at all.
    const bare: CurrentUser = { id: "bare-staff", role: "STAFF", displayName: "司法所", lawyerId: null };
    expect(await getSchedule(bare, lawyer.id)).toBeNull();
    expect(await addSession(bare, lawyer.id, session)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await snapshot(lawyer.id)).toEqual(before);

    // The lawyer's own town may.
    expect(await removeException(a, lawyer.id, { exceptionId: leaveId })).toMatchObject({ ok: true });
    expect(await endSession(a, lawyer.id, { sessionId, lastDate: fa.dateOn(5) })).toMatchObject({ ok: true });
  });

  it("a lawyer of two towns: staff leave 'at all venues' covers the staff's town only; the lawyer's own covers both", async () => {
    const { a, b, fa, fb, lawyer } = await createLawyerOfTwoTownsFixture();
    const date = fa.dateOn(15);
    expect(await addLeave(b, lawyer.id, { date, venueId: null, ...wholeDay })).toMatchObject({ ok: true });
    const filed = await prisma.dutyException.findMany({ where: { lawyerId: lawyer.id, date: toDbDate(date) } });
    expect(filed.map((e) => e.venueId)).toEqual([fb.venue.id]);
    // Town A's schedule of the lawyer shows no leave that day; town B's shows it.
    expect((await getSchedule(a, lawyer.id))?.exceptions).toEqual([]);
    expect((await getSchedule(b, lawyer.id))?.exceptions.map((e) => e.venue?.id)).toEqual([fb.venue.id]);

    const own = lawyerActor(lawyer.id);
    const mine = fa.dateOn(16);
    expect(await addLeave(own, lawyer.id, { date: mine, venueId: null, ...wholeDay })).toMatchObject({ ok: true });
    const everywhere = await prisma.dutyException.findFirstOrThrow({ where: { lawyerId: lawyer.id, date: toDbDate(mine) } });
    expect(everywhere.venueId).toBeNull();
    // Both towns see it, as it takes their duty too, but neither takes it back for the other.
    expect((await getSchedule(a, lawyer.id))?.exceptions.map((e) => e.id)).toEqual([everywhere.id]);
    expect(await removeException(a, lawyer.id, { exceptionId: everywhere.id })).toMatchObject({ ok: false, code: "conflict" });
    expect(await removeException(b, lawyer.id, { exceptionId: everywhere.id })).toMatchObject({ ok: false, code: "conflict" });
    expect(await prisma.dutyException.count({ where: { id: everywhere.id } })).toBe(1);
    expect(await removeException(own, lawyer.id, { exceptionId: everywhere.id })).toMatchObject({ ok: true });
  });

  it("a lawyer of one town: the town's staff leave 'at all venues' is one leave everywhere, as before", async () => {
    const { a, fa, lawyer } = await twoTowns();
    const date = fa.dateOn(17);
    expect(await addLeave(a, lawyer.id, { date, venueId: null, ...wholeDay })).toMatchObject({
      ok: true,
      message: expect.stringContaining("所有地点"),
    });
    const [row] = await prisma.dutyException.findMany({ where: { lawyerId: lawyer.id, date: toDbDate(date) } });
    expect(row.venueId).toBeNull();
    expect(await removeException(a, lawyer.id, { exceptionId: row.id })).toMatchObject({ ok: true });
  });
});
