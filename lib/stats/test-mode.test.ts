// Test mode (issue 25 item 7): a test client's bookings and waitlist entries count in no figure,
// dashboard, report, district figure, work log, evaluation summary or export (lib/test-mode.ts).
// Against the real PostgreSQL, in a town of its own: each figure is read with one real booking
// beside test ones, and must be what the real one alone makes it.
import { describe, expect, it } from "vitest";
import { loadStaffOverview } from "@/lib/booking/queries";
import { listPaperCandidates, summariseEvaluations } from "@/lib/evaluations/queries";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { countToCall } from "@/lib/messages/queries";
import { createTownFixture, createVenueFixture, everyTown, prisma, staffScopeOf, uniquePhone } from "@/lib/testing/fixtures";
import { addDays, todayInShanghai, zonedInstant } from "@/lib/time";
import { loadWorkLog } from "@/lib/worklog/queries";
import { loadDashboard } from "./dashboard/queries";
import { loadDistrictFigures } from "./district/queries";
import { loadReport } from "./report/queries";
import { listDashboardRows, listReportRows } from "./rows/queries";

const APRIL = { from: "2019-04-01", to: "2019-04-30" };

type Venue = Awaited<ReturnType<typeof createVenueFixture>>;

/** A booking at `f` starting `minute` minutes into `date`, evaluated when DONE. */
async function book(f: Venue, date: string, minute: number, status: BookingStatus, test: boolean, phone = uniquePhone()) {
  const booking = await f.writeBooking(date, minute, {
    status,
    outcomes: status === "DONE" ? ["CONSULTATION"] : [],
    name: test ? "测试接入方" : "真实村民",
    phone,
    test,
  });
  if (status === "DONE")
    await prisma.evaluation.create({
      data: { bookingId: booking.id, satisfaction: "SATISFIED", resolution: "SOLVED", source: "PAPER" },
    });
  return booking;
}

/** In April 2019: a real done and a real no-show; test ones of every kind beside them; a waitlist entry of each. */
async function townWithTestData() {
  const town = await createTownFixture("测试模式镇");
  const f = await createVenueFixture({ townId: town.id });
  await book(f, "2019-04-02", 9 * 60, "DONE", false);
  await book(f, "2019-04-02", 9 * 60 + 30, "NO_SHOW", false);
  for (const [i, status] of (["DONE", "DONE", "NO_SHOW", "CANCELLED", "CONFIRMED"] as const).entries())
    await book(f, "2019-04-03", 9 * 60 + 30 * i, status, true);
  for (const test of [false, true])
    await prisma.waitlistEntry.create({
      data: {
        venueId: f.venue.id,
        name: test ? "测试接入方" : "陈伯",
        phone: uniquePhone(),
        topicId: f.topic.id,
        fromDate: new Date("2019-04-10"),
        toDate: new Date("2019-04-20"),
        consentAt: zonedInstant("2019-04-08", 8 * 60),
        test,
      },
    });
  return { town, f, staff: staffScopeOf(town.id) };
}

describe("test bookings count in no figure", () => {
  it("the report, its rows and the dashboard with its export", async () => {
    const { staff } = await townWithTestData();
    const report = await loadReport(staff, APRIL);
    expect(report.totals).toMatchObject({ services: 1, CONSULTATION: 1 });
    expect(report.evaluations).toMatchObject({ total: 1, SATISFIED: 1 });
    expect(await listReportRows(staff, APRIL)).toHaveLength(1);
    const dashboard = await loadDashboard(staff, APRIL);
    if (!dashboard.ok) throw new Error(JSON.stringify(dashboard.errors));
    expect(dashboard.dashboard.totals).toMatchObject({ bookings: 2, done: 1, noShow: 1 });
    const rows = await listDashboardRows(staff, APRIL);
    expect(rows.ok && rows.rows.map((r) => r.name)).toEqual(["真实村民", "真实村民"]);
  });

  it("the district's figures and the evaluation summary", async () => {
    const { town, staff } = await townWithTestData();
    const line = (await loadDistrictFigures(everyTown, APRIL)).towns.find((t) => t.id === town.id);
    expect(line).toMatchObject({ bookings: 2, done: 1, noShow: 1, cancelled: 0, waiting: 1 });
    expect(line?.counts.services).toBe(1);
    expect(line?.evaluations).toMatchObject({ total: 1 });
    expect((await summariseEvaluations(staff, APRIL)).totals).toMatchObject({ total: 1, SATISFIED: 1 });
  });

  it("a lawyer's work log", async () => {
    const { f, staff } = await townWithTestData();
    const log = await loadWorkLog(staff, f.lawyers[0].id, "2019-04");
    expect(log?.entries.map((e) => e.name)).toEqual(["真实村民", "真实村民"]);
    expect(log?.evaluations.counts).toMatchObject({ total: 1 });
  });

  it("staff's figures of today, the paper-form list and the call list", async () => {
    const town = await createTownFixture("测试模式镇");
    const f = await createVenueFixture({ townId: town.id });
    const staff = staffScopeOf(town.id);
    const today = todayInShanghai();
    const yesterday = addDays(today, -1);
    await book(f, today, 23 * 60, "CONFIRMED", false);
    await book(f, today, 23 * 60 + 30, "CONFIRMED", true);
    await book(f, yesterday, 9 * 60, "DONE", false);
    const test = await book(f, yesterday, 9 * 60 + 30, "DONE", true);
    const landline = await book(f, addDays(today, 1), 10 * 60, "CONFIRMED", true, "07503456789");
    await prisma.notification.create({
      data: {
        key: `test-mode:${landline.id}`,
        bookingId: landline.id,
        kind: "CONFIRMATION",
        phone: landline.phone,
        message: "测试",
        status: "CALL",
      },
    });
    expect(await loadStaffOverview(staff)).toMatchObject({ todayCount: 1, weekCount: 1 });
    const paper = await listPaperCandidates(staff);
    expect(paper.map((p) => p.name)).toEqual(["真实村民"]);
    expect(paper.map((p) => p.id)).not.toContain(test.id);
    expect(await countToCall(staff)).toBe(0);
  });
});
