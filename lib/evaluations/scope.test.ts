import { describe, expect, it } from "vitest";
import type { TownScope } from "@/lib/auth/scope";
import { generateBookingCode } from "@/lib/booking/code";
import { createStaffScope, createTownFixture, createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { addDays, zonedInstant } from "@/lib/time";
import { createEvaluationLink, enterPaperEvaluation } from "./mutations";
import { findWalkInEvaluation, listPaperCandidates, summariseEvaluations } from "./queries";

const staffOf = createStaffScope;

/** Two towns; at a venue of town A, a done booking and a walk-in two days ago (straight into the database). */
async function twoTowns() {
  const [a, b] = await Promise.all([createTownFixture("甲镇"), createTownFixture("乙镇")]);
  const f = await createVenueFixture({ townId: a.id });
  const startsAt = zonedInstant(addDays(f.today, -2), 9 * 60);
  const common = { venueId: f.venue.id, lawyerId: f.lawyers[0].id, topicId: f.topic.id, phone: uniquePhone() };
  const booking = await prisma.booking.create({
    data: {
      ...common,
      code: generateBookingCode(),
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      status: "DONE",
      name: "张评价",
      outcomes: ["CONSULTATION"],
      consentAt: startsAt,
    },
  });
  const walkIn = await prisma.walkIn.create({
    data: { ...common, at: startsAt, name: "李现场", outcomes: ["CONSULTATION"], minutesSpent: 20 },
  });
  const period = { from: addDays(f.today, -3), to: f.today, venue: f.venue.slug };
  return { f, booking, walkIn, period, inA: await staffOf(a.id), inB: await staffOf(b.id) };
}

const answers = { satisfaction: "SATISFIED" as const, resolution: "SOLVED" as const };

describe("paper evaluations in another town's scope", () => {
  it("list and find none of its consultations; its own staff do", async () => {
    const { booking, walkIn, inA, inB } = await twoTowns();
    const ids = async (scope: TownScope) => (await listPaperCandidates(scope)).map((c) => c.id);
    expect(await ids(inB)).not.toContain(booking.id);
    expect(await ids(inB)).not.toContain(walkIn.id);
    expect(await findWalkInEvaluation(inB, walkIn.id)).toBeNull();
    expect(await ids(inA)).toEqual(expect.arrayContaining([booking.id, walkIn.id]));
    expect(await findWalkInEvaluation(inA, walkIn.id)).toMatchObject({ walkIn: { id: walkIn.id }, evaluation: null });
  });

  it("type in nothing for them: not found, and no evaluation or audit entry is written", async () => {
    const { booking, walkIn, inA, inB } = await twoTowns();
    expect(await enterPaperEvaluation(inB, { kind: "booking", id: booking.id }, answers)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await enterPaperEvaluation(inB, { kind: "walk_in", id: walkIn.id }, answers)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const written = () => prisma.evaluation.count({ where: { OR: [{ bookingId: booking.id }, { walkInId: walkIn.id }] } });
    expect(await written()).toBe(0);
    expect(await prisma.auditLog.count({ where: { actorId: inB.actor.id } })).toBe(0);
    expect(await enterPaperEvaluation(inA, { kind: "booking", id: booking.id }, answers)).toEqual({ ok: true, changed: false });
    expect(await enterPaperEvaluation(inA, { kind: "walk_in", id: walkIn.id }, answers)).toEqual({ ok: true, changed: false });
    expect(await written()).toBe(2);
  });

  it("make no QR link for its walk-ins", async () => {
    const { walkIn, inA, inB } = await twoTowns();
    expect(await createEvaluationLink(inB, walkIn.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await prisma.evaluationLink.count({ where: { walkInId: walkIn.id } })).toBe(0);
    expect(await createEvaluationLink(inA, walkIn.id)).toMatchObject({ ok: true });
  });

  it("count none of its evaluations", async () => {
    const { booking, period, inA, inB } = await twoTowns();
    expect(await enterPaperEvaluation(inA, { kind: "booking", id: booking.id }, answers)).toMatchObject({ ok: true });
    const ofB = await summariseEvaluations(inB, period);
    expect(ofB.totals.total).toBe(0);
    expect(ofB.byVenue).toEqual([]);
    expect(ofB.byLawyer).toEqual([]);
    expect((await summariseEvaluations(inA, period)).totals.total).toBe(1);
  });
});
