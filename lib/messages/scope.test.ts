import { describe, expect, it } from "vitest";
import { createBooking } from "@/lib/booking/mutations";
import { bookingInput, createStaffScope, createTownFixture, createVenueFixture, prisma } from "@/lib/testing/fixtures";
import { markCalled, resendMessage } from "./mutations";
import { countToCall, listMessages, openCallList } from "./queries";
import { messageSearchInput } from "./schema";

const staffOf = createStaffScope;

const landline = () => `0750-6${String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0")}`;

/** Two towns; at a venue of town A, a booking whose confirmation must be phoned (a landline's). */
async function twoTowns(phone = landline()) {
  const [a, b] = await Promise.all([createTownFixture("甲镇"), createTownFixture("乙镇")]);
  const f = await createVenueFixture({ townId: a.id });
  const made = await createBooking(bookingInput(f.venue.slug, f.slotOn(5), { phone }));
  if (!made.ok) throw new Error(made.message);
  const booking = await prisma.booking.findUniqueOrThrow({ where: { code: made.booking.code } });
  const confirmation = await prisma.notification.findFirstOrThrow({ where: { bookingId: booking.id, kind: "CONFIRMATION" } });
  return { booking, confirmation, inA: await staffOf(a.id), inB: await staffOf(b.id) };
}

describe("messages in another town's scope", () => {
  it("are not listed, counted or on the call list, and no look is audited; their town's staff see them", async () => {
    const { booking, confirmation, inA, inB } = await twoTowns();
    const byCode = messageSearchInput.parse({ code: booking.code });
    expect(await listMessages(inB, byCode)).toEqual({ rows: [], total: 0 });
    expect((await listMessages(inB, messageSearchInput.parse({}))).rows.map((r) => r.key)).not.toContain(confirmation.key);
    expect(await countToCall(inB)).toBe(0);
    expect(await openCallList(inB)).toEqual({ rows: [], calledToday: [] });
    expect(await prisma.auditLog.count({ where: { actorId: inB.actor.id } })).toBe(0);
    expect((await listMessages(inA, byCode)).total).toBe(await prisma.notification.count({ where: { bookingId: booking.id } }));
    expect(await countToCall(inA)).toBe(1);
    expect((await openCallList(inA)).rows.map((r) => r.key)).toEqual([confirmation.key]);
  });

  it("are not marked as phoned: not found, and the message stays on the call list", async () => {
    const { booking, confirmation, inA, inB } = await twoTowns();
    expect(await markCalled(inB, { key: confirmation.key })).toMatchObject({ ok: false, code: "not_found" });
    expect(await prisma.notification.findUniqueOrThrow({ where: { key: confirmation.key } })).toEqual(confirmation);
    expect(await prisma.auditLog.count({ where: { subjectId: booking.id } })).toBe(0);
    expect(await markCalled(inA, { key: confirmation.key })).toMatchObject({ ok: true });
  });

  it("are not sent again: not found, the message stays failed and no job is queued", async () => {
    const { booking, confirmation, inA, inB } = await twoTowns("13912345678");
    const { key } = confirmation;
    await prisma.notification.update({ where: { key }, data: { status: "FAILED", attempts: 8, reason: "网关拒绝" } });
    await prisma.$executeRaw`SELECT graphile_worker.remove_job(${key}::text)`;
    const failed = await prisma.notification.findUniqueOrThrow({ where: { key } });
    const jobs = () => prisma.$queryRaw<unknown[]>`SELECT key FROM graphile_worker.jobs WHERE key = ${key}`;
    expect(await resendMessage(inB, { key })).toMatchObject({ ok: false, code: "not_found" });
    expect(await prisma.notification.findUniqueOrThrow({ where: { key } })).toEqual(failed);
    expect(await jobs()).toEqual([]);
    expect(await prisma.auditLog.count({ where: { subjectId: booking.id } })).toBe(0);
    expect(await resendMessage(inA, { key })).toMatchObject({ ok: true });
    expect(await jobs()).toHaveLength(1);
  });
});
