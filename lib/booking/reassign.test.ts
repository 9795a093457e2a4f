// Staff give one booking to another lawyer free at the same time and place. Against the real
// PostgreSQL: the exclusion constraint decides when two hand-overs to the same lawyer race.
import { beforeAll, describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import { listFreeColleagues } from "@/lib/schedule/queries";
import { bookingInput, createVenueFixture, prisma, testTownId } from "@/lib/testing/fixtures";
import { createBooking, staffReassignBooking } from "./mutations";
import { findBooking } from "./queries";

/** Staff of the test town, where the fixtures' venues are. */
let staff: TownScope;
beforeAll(async () => {
  const townId = await testTownId();
  staff = townScope({ id: "reassign-test-staff", role: "STAFF", displayName: "司法所", lawyerId: null, townId }) as TownScope;
});
const BUSY = "这位律师这个时间已有预约，请选择其他律师。";

async function threeLawyers() {
  const f = await createVenueFixture({ lawyers: 3 });
  const book = async (lawyerId: string, day = 2) => {
    const made = await createBooking(bookingInput(f.venue.slug, f.slotOn(day), { lawyerId }));
    if (!made.ok) throw new Error(made.message);
    return prisma.booking.findUniqueOrThrow({ where: { code: made.booking.code } });
  };
  const [a, b, c] = f.lawyers;
  return { f, a, b, c, book };
}

/** Nothing about the booking changed: the row, its texts, its audit. */
async function expectUnchanged(booking: { id: string }) {
  expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toEqual(booking);
  expect(await prisma.notification.count({ where: { bookingId: booking.id, kind: "CHANGE" } })).toBe(0);
  expect(await prisma.auditLog.count({ where: { subjectId: booking.id, action: "reassign" } })).toBe(0);
}

describe("staffReassignBooking", () => {
  it("lists the free colleagues, hands the booking to one, tells the villager and audits it", async () => {
    const { a, b, c, book } = await threeLawyers();
    const booking = await book(a.id);
    await book(b.id); // b is busy then
    expect(await listFreeColleagues(staff, booking.code)).toEqual([{ id: c.id, name: c.name }]);
    // The villager has had the confirmation (the worker's part): a hand-over is news to them.
    await prisma.notification.updateMany({ where: { bookingId: booking.id, kind: "CONFIRMATION" }, data: { status: "SENT" } });

    const result = await staffReassignBooking(staff, booking.code, c.id);
    expect(result).toMatchObject({ ok: true, booking: { lawyer: { id: c.id, name: c.name } } });
    const row = await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row).toMatchObject({ lawyerId: c.id, status: "CONFIRMED", startsAt: booking.startsAt, endsAt: booking.endsAt });
    expect(row.notice).toBe(`因工作安排调整，您的预约已改由 ${c.name} 律师接待，时间地点不变。`);
    expect(
      await prisma.notification.findMany({ where: { bookingId: booking.id, kind: "CHANGE" }, select: { status: true } }),
    ).toEqual([{ status: "QUEUED" }]);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: booking.id, action: "reassign" } });
    expect(entry.summary).toContain(c.name);
    // The villager's own page shows the new lawyer and why.
    expect(await findBooking({ code: booking.code, phone: booking.phone })).toMatchObject({
      lawyer: { name: c.name },
      notice: row.notice,
    });
  });

  it("refuses a lawyer who has another booking at that time, clearly, and changes nothing", async () => {
    const { a, b, book } = await threeLawyers();
    const booking = await book(a.id);
    await book(b.id);
    const result = await staffReassignBooking(staff, booking.code, b.id);
    expect(result).toEqual({ ok: false, code: "slot_taken", message: BUSY, fields: { lawyerId: BUSY } });
    await expectUnchanged(booking);
  });

  it("refuses the same lawyer, a lawyer not on duty there, a booking already cancelled, and anyone but staff", async () => {
    const { a, book } = await threeLawyers();
    const elsewhere = (await createVenueFixture()).lawyers[0];
    const booking = await book(a.id);
    expect(await staffReassignBooking(staff, booking.code, a.id)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await staffReassignBooking(staff, booking.code, elsewhere.id)).toMatchObject({
      ok: false,
      code: "slot_unavailable",
      fields: { lawyerId: expect.stringContaining("不在这里值班") },
    });
    // Anyone but staff has no town scope to call it with (lib/auth/scope.ts).
    expect(townScope({ id: "u", role: "LAWYER", displayName: "律师", lawyerId: a.id, townId: null }, null)).toBeNull();
    await expectUnchanged(booking);
    await prisma.booking.update({ where: { id: booking.id }, data: { status: "CANCELLED" } });
    expect(await staffReassignBooking(staff, booking.code, elsewhere.id)).toMatchObject({ ok: false, code: "conflict" });
    expect(await staffReassignBooking(staff, "ZZZZZZ", elsewhere.id)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("of two hand-overs to the same lawyer at the same time, exactly one wins and the other changes nothing", async () => {
    const { a, b, c, book } = await threeLawyers();
    const [ofA, ofB] = [await book(a.id), await book(b.id)];
    const results = await Promise.all([staffReassignBooking(staff, ofA.code, c.id), staffReassignBooking(staff, ofB.code, c.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "slot_taken", message: BUSY, fields: { lawyerId: BUSY } }]);
    expect(await prisma.booking.count({ where: { lawyerId: c.id, startsAt: ofA.startsAt } })).toBe(1);
    await expectUnchanged(results[0].ok ? ofB : ofA);
  });
});
