// Towns (issue 23): a town's staff read and change only their town's figures; the district reads
// every town's, and its figures are the sum of each town's. Against the real PostgreSQL, in two
// towns of their own and a month (March 2019) no other test writes.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type DistrictScope, districtScope, type TownScope, townScope } from "@/lib/auth/scope";
import { generateBookingCode } from "@/lib/booking/code";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { createTownFixture, createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { zonedInstant } from "@/lib/time";
import { loadDashboard, openDashboard } from "./dashboard/queries";
import { type Figures, loadDistrictFigures } from "./district/queries";
import { loadVillageHours } from "./hours/queries";
import { handleCallbackRequest } from "./mutations";
import { listFilterOptions } from "./queries";
import { loadReport } from "./report/queries";
import { listDashboardRows, listReportItems, listReportRows } from "./rows/queries";

const MARCH = { from: "2019-03-01", to: "2019-03-31" };

const staffOf = (townId: string): TownScope =>
  townScope(
    { id: `stats-scope-${randomBytes(4).toString("hex")}`, role: "STAFF", displayName: "测试工作人员", lawyerId: null, townId },
    null,
  ) as TownScope;

const district = districtScope({
  id: "stats-scope-district",
  role: "DISTRICT",
  displayName: "区司法局",
  lawyerId: null,
}) as DistrictScope;

type Venue = Awaited<ReturnType<typeof createVenueFixture>>;

async function serve(f: Venue, lawyerId: string, statuses: BookingStatus[], walkIns: number) {
  for (const [i, status] of statuses.entries()) {
    const booking = await prisma.booking.create({
      data: {
        code: generateBookingCode(),
        venueId: f.venue.id,
        lawyerId,
        topicId: f.topic.id,
        startsAt: zonedInstant("2019-03-05", 9 * 60 + 30 * i),
        endsAt: zonedInstant("2019-03-05", 9 * 60 + 30 * i + 30),
        status,
        outcomes: status === "DONE" ? ["CONSULTATION"] : [],
        name: "测试村民",
        phone: uniquePhone(),
        consentAt: zonedInstant("2019-03-01", 8 * 60),
      },
    });
    if (status === "DONE" && i === 0)
      await prisma.evaluation.create({
        data: { bookingId: booking.id, satisfaction: "SATISFIED", resolution: "SOLVED", source: "PAPER" },
      });
  }
  for (let i = 0; i < walkIns; i++)
    await prisma.walkIn.create({
      data: {
        venueId: f.venue.id,
        lawyerId,
        topicId: f.topic.id,
        at: zonedInstant("2019-03-06", 10 * 60 + i),
        name: "现场村民",
        outcomes: ["CONSULTATION", "DOCUMENT"],
      },
    });
  const callback = await prisma.callbackRequest.create({
    data: {
      venueId: f.venue.id,
      name: "黄姨",
      phone: uniquePhone(),
      consentAt: zonedInstant("2019-03-07", 8 * 60),
      createdAt: zonedInstant("2019-03-07", 8 * 60),
    },
  });
  await prisma.venueLookup.create({ data: { venueId: f.venue.id, hadFreeSlot: false, at: zonedInstant("2019-03-07", 9 * 60) } });
  return callback;
}

/** Town A: 2 done bookings (one evaluated), a no-show, a cancellation, a walk-in; town B: 1 done, 1 no-show, 2 walk-ins. */
async function twoTowns() {
  const [townA, townB] = await Promise.all([createTownFixture("甲镇"), createTownFixture("乙镇")]);
  const a = await createVenueFixture({ townId: townA.id });
  const b = await createVenueFixture({ townId: townB.id });
  const lawyerA = a.lawyers[0];
  const callbackA = await serve(a, lawyerA.id, ["DONE", "DONE", "NO_SHOW", "CANCELLED"], 1);
  const callbackB = await serve(b, b.lawyers[0].id, ["DONE", "NO_SHOW"], 2);
  // Town A's lawyer also serves town B, and sat 2 hours in A and 1 in B in March.
  await prisma.lawyerVenue.create({ data: { lawyerId: lawyerA.id, venueId: b.venue.id } });
  const sat = (venueId: string, day: string, hours: number) => ({
    lawyerId: lawyerA.id,
    venueId,
    arrivedAt: zonedInstant(day, 9 * 60),
    leftAt: zonedInstant(day, 9 * 60 + hours * 60),
    sessionEndsAt: zonedInstant(day, 12 * 60),
  });
  await prisma.attendance.createMany({ data: [sat(a.venue.id, "2019-03-05", 2), sat(b.venue.id, "2019-03-12", 1)] });
  await prisma.waitlistEntry.create({
    data: {
      venueId: b.venue.id,
      name: "陈伯",
      phone: uniquePhone(),
      topicId: b.topic.id,
      fromDate: new Date("2019-03-10"),
      toDate: new Date("2019-03-20"),
      consentAt: zonedInstant("2019-03-08", 8 * 60),
    },
  });
  return { townA, townB, a, b, lawyerA, callbackA, callbackB, staffA: staffOf(townA.id), staffB: staffOf(townB.id) };
}

describe("a town's staff read their own town's figures only", () => {
  it("the report, its rows and the services behind a number", async () => {
    const { a, b, lawyerA, staffA, staffB } = await twoTowns();
    const reportB = await loadReport(staffB, MARCH);
    expect(reportB.totals.services).toBe(3);
    expect(reportB.byVenue.map((v) => v.id)).toEqual([b.venue.id]);
    expect(reportB.byLawyer.map((l) => l.id)).not.toContain(lawyerA.id);
    expect(reportB.owner).toMatchObject({ kind: "town", name: expect.stringContaining("乙镇") });
    expect((await listReportRows(staffB, MARCH)).map((r) => r.venue)).toEqual([b.venue.name, b.venue.name, b.venue.name]);
    // Town A's venue and lawyer, asked for in town B's scope: nothing, as if they did not exist.
    const items = await listReportItems(staffB, { ...MARCH, venue: a.venue.id, page: 1 });
    expect(items).toMatchObject({ total: 0, rows: [], venueName: null });
    // Town A's lawyer serves B too: B sees the name, and none of the services in A.
    expect(await listReportItems(staffB, { ...MARCH, lawyer: lawyerA.id, page: 1 })).toMatchObject({
      total: 0,
      lawyerName: lawyerA.name,
    });
    expect(await listReportItems(staffA, { ...MARCH, lawyer: b.lawyers[0].id, page: 1 })).toMatchObject({
      total: 0,
      lawyerName: null,
    });
    // The same calls in town A's scope find A's.
    const reportA = await loadReport(staffA, MARCH);
    expect(reportA.totals).toMatchObject({ services: 3, CONSULTATION: 3, DOCUMENT: 1 });
    expect(reportA.evaluations).toMatchObject({ total: 1, SATISFIED: 1 });
    expect(await listReportItems(staffA, { ...MARCH, venue: a.venue.id, page: 1 })).toMatchObject({
      total: 3,
      venueName: a.venue.name,
    });
  });

  it("the dashboard, its filter lists, its export and the villages' hours", async () => {
    const { a, b, callbackA, staffA, staffB } = await twoTowns();
    expect((await listFilterOptions(staffB)).venues.map((v) => v.id)).toEqual([b.venue.id]);
    expect(await loadDashboard(staffB, { ...MARCH, venue: a.venue.slug })).toEqual({
      ok: false,
      errors: { venue: "没有这个服务地点，请从列表中选择。" },
    });
    expect(await listDashboardRows(staffB, { ...MARCH, venue: a.venue.slug })).toMatchObject({ ok: false });
    const dashboardB = await loadDashboard(staffB, MARCH);
    if (!dashboardB.ok) throw new Error(JSON.stringify(dashboardB.errors));
    expect(dashboardB.dashboard.venues.map((v) => v.venueId)).toEqual([b.venue.id]);
    expect(dashboardB.dashboard.totals).toMatchObject({ bookings: 2, walkIns: 2, done: 1, noShow: 1 });
    expect(dashboardB.dashboard.callbacks.open.map((c) => c.id)).not.toContain(callbackA.id);
    expect(dashboardB.dashboard.callbacks.inPeriod).toBe(1);
    const rowsB = await listDashboardRows(staffB, MARCH);
    expect(rowsB.ok && rowsB.rows.every((r) => r.venue === b.venue.name)).toBe(true);
    expect((await loadVillageHours(staffB, MARCH)).rows.map((r) => r.venueId)).toEqual([b.venue.id]);
    const dashboardA = await openDashboard(staffA, MARCH);
    expect(dashboardA.ok && dashboardA.dashboard.callbacks.open.map((c) => c.id)).toContain(callbackA.id);
    // The whole town's call-back list is audited under the town's name (lib/audit/queries.ts finds it).
    expect(await prisma.auditLog.findFirst({ where: { actorId: staffA.actor.id }, select: { subjectId: true } })).toEqual({
      subjectId: `callback_list:town:${staffA.townId}`,
    });
  });

  it("another town's call-back request is not found and stays as it was", async () => {
    const { callbackA, staffA, staffB } = await twoTowns();
    expect(await handleCallbackRequest(staffB, { id: callbackA.id, note: "已回电" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await prisma.callbackRequest.findUniqueOrThrow({ where: { id: callbackA.id } })).toMatchObject({
      handledAt: null,
      handledById: null,
      handledNote: null,
    });
    expect(await prisma.auditLog.count({ where: { subjectId: callbackA.id } })).toBe(0);
    expect(await handleCallbackRequest(staffA, { id: callbackA.id, note: "已回电" })).toEqual({ ok: true });
    expect(await prisma.callbackRequest.findUniqueOrThrow({ where: { id: callbackA.id } })).toMatchObject({
      handledById: staffA.actor.id,
      handledNote: "已回电",
    });
  });
});

/** The figures that add up across lines. */
function additive(f: Figures) {
  return {
    ...f.counts,
    ...Object.fromEntries(Object.entries(f.evaluations).map(([k, v]) => [`e_${k}`, v])),
    bookings: f.bookings,
    done: f.done,
    noShow: f.noShow,
    cancelled: f.cancelled,
    walkIns: f.walkIns,
    monthsMet: f.monthsMet,
    monthsCounted: f.monthsCounted,
    nothingFree: f.nothingFree,
    callbacks: f.callbacks,
    callbacksOpen: f.callbacksOpen,
    waiting: f.waiting,
    offered: f.offered,
  } as Record<string, number>;
}

function sum(lines: Figures[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const line of lines) for (const [k, v] of Object.entries(additive(line))) total[k] = (total[k] ?? 0) + v;
  return total;
}

describe("the district's figures", () => {
  it("are the sum of each town's, and each town's are what its own staff see", async () => {
    const { townA, townB, a, b, lawyerA, staffA, staffB } = await twoTowns();
    const figures = await loadDistrictFigures(district, MARCH);
    expect(figures.owner.kind).toBe("district");
    expect(additive(figures.totals)).toEqual(sum(figures.towns));
    // (Other tests' towns may have no venue at all: theirs are all nought.)
    for (const town of figures.towns) {
      const zeros = Object.fromEntries(Object.keys(additive(town)).map((k) => [k, 0]));
      expect(additive(town)).toEqual({ ...zeros, ...sum(town.villages) });
    }
    const lineA = figures.towns.find((t) => t.id === townA.id);
    const lineB = figures.towns.find((t) => t.id === townB.id);
    expect(lineA).toMatchObject({ bookings: 3, done: 2, noShow: 1, cancelled: 1, walkIns: 1, nothingFree: 1, callbacks: 1 });
    expect(lineA?.counts.services).toBe(3);
    expect(lineA?.evaluations).toMatchObject({ total: 1, SATISFIED: 1 });
    expect(lineB).toMatchObject({ bookings: 2, done: 1, noShow: 1, walkIns: 2, waiting: 1 });
    expect(lineB?.villages.map((v) => v.id)).toEqual([b.venue.id]);
    // Each town's line is what the town's own scope reads, here and in the year's report.
    for (const [scope, line] of [
      [staffA, lineA],
      [staffB, lineB],
    ] as const) {
      const own = await loadDistrictFigures(scope, MARCH);
      expect(own.towns.map((t) => t.id)).toEqual([scope.townId]);
      expect(additive(own.totals)).toEqual(additive(line as Figures));
      expect((await loadReport(scope, MARCH)).totals).toEqual(line?.counts);
    }
    // A lawyer's hours across towns: 2 in A, 1 in B; town A's own scope sees only its 2.
    expect(figures.lawyers.find((l) => l.id === lawyerA.id)).toEqual({
      id: lawyerA.id,
      name: lawyerA.name,
      hours: 3,
      towns: expect.arrayContaining([
        { id: townA.id, name: townA.name, hours: 2 },
        { id: townB.id, name: townB.name, hours: 1 },
      ]),
    });
    expect((await loadDistrictFigures(staffA, MARCH)).lawyers).toEqual([
      { id: lawyerA.id, name: lawyerA.name, hours: 2, towns: [{ id: townA.id, name: townA.name, hours: 2 }] },
    ]);
    expect(a.venue.townId).toBe(townA.id);
  });
});
