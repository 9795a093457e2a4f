// Against the real PostgreSQL: each test makes its own venue and lawyer and reads only those,
// so other tests writing at the same time do not change the counts asserted here.

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import { generateBookingCode } from "@/lib/booking/code";
import type { Outcome } from "@/lib/generated/prisma/client";
import { createVenueFixture, prisma, testTownId, uniquePhone } from "@/lib/testing/fixtures";
import { toDateString, toDbDate, zonedInstant } from "@/lib/time";
import { loadDashboard, openDashboard } from "./dashboard/queries";
import { ROW_COLUMNS, rowsCsv } from "./export";
import { handleCallbackRequest } from "./mutations";
import { loadReport } from "./report/queries";
import { listDashboardRows, listReportItems } from "./rows/queries";
import { parseDashboardFilters } from "./schema";

type Status = "CONFIRMED" | "DONE" | "NO_SHOW" | "CANCELLED";

/** A staff member of the shared test town, where the fixtures' venues are. */
async function staffScope(id = "stats-test-staff"): Promise<TownScope> {
  const townId = await testTownId();
  return townScope({ id, role: "STAFF", displayName: "测试工作人员", lawyerId: null, townId }, null) as TownScope;
}

/** June 2025 at a venue of its own: bookings, a walk-in, looks at the venue and a call-back request. */
async function juneFixture() {
  const fixture = await createVenueFixture();
  const { venue, topic } = fixture;
  const lawyer = fixture.lawyers[0];
  // Duty in June 2025 only through two EXTRA mornings of 2 hours: 4 slots each, whatever the holidays.
  await prisma.dutyException.createMany({
    data: ["2025-06-02", "2025-06-04"].map((date) => ({
      lawyerId: lawyer.id,
      venueId: venue.id,
      kind: "EXTRA" as const,
      date: toDbDate(date),
      startMinute: 9 * 60,
      endMinute: 11 * 60,
    })),
  });
  const book = (date: string, minute: number, status: Status, outcomes: Outcome[] = [], createdOn = date) =>
    prisma.booking.create({
      data: {
        code: generateBookingCode(),
        venueId: venue.id,
        lawyerId: lawyer.id,
        topicId: topic.id,
        startsAt: zonedInstant(date, minute),
        endsAt: zonedInstant(date, minute + 30),
        status,
        outcomes,
        name: "测试村民",
        phone: uniquePhone(),
        consentAt: zonedInstant(createdOn, 8 * 60),
        createdAt: zonedInstant(createdOn, 8 * 60),
        priorityGroup: status === "DONE" ? "elderly" : null,
      },
    });
  // Monday 2 June 09:00 and 09:30, booked 13 days and on the day before.
  await book("2025-06-02", 9 * 60, "DONE", ["CONSULTATION"], "2025-05-20");
  await book("2025-06-02", 9 * 60 + 30, "DONE", ["CONSULTATION", "CONTRACT"], "2025-06-01");
  await book("2025-06-04", 9 * 60, "NO_SHOW");
  await book("2025-06-04", 9 * 60 + 30, "CANCELLED", ["MEDIATION"]);
  await book("2025-06-04", 10 * 60, "CONFIRMED");
  // The last minutes of June in Shanghai count; the first of July do not (though still 30 June in UTC).
  await book("2025-06-30", 23 * 60 + 30, "DONE", ["LEGAL_AID_REFERRAL"]);
  await book("2025-07-01", 10, "DONE", ["DOCUMENT"]);
  await prisma.walkIn.create({
    data: {
      venueId: venue.id,
      lawyerId: lawyer.id,
      topicId: topic.id,
      at: zonedInstant("2025-06-04", 10 * 60 + 15),
      name: "现场村民",
      outcomes: ["CONSULTATION", "DOCUMENT"],
      minutesSpent: 20,
    },
  });
  await prisma.venueLookup.createMany({
    data: [false, false, true, false].map((hadFreeSlot, i) => ({
      venueId: venue.id,
      hadFreeSlot,
      at: zonedInstant("2025-06-10", 600 + i),
    })),
  });
  return { ...fixture, lawyer };
}

const JUNE = { from: "2025-06-01", to: "2025-06-30" };

describe("the year's figures", () => {
  it("counts done bookings and walk-ins, and each outcome once per service, per venue and per lawyer", async () => {
    const { venue, lawyer } = await juneFixture();
    const report = await loadReport(await staffScope(), JUNE);
    const mine = report.byVenue.find((v) => v.id === venue.id);
    expect(mine).toMatchObject({
      services: 4,
      CONSULTATION: 3,
      DOCUMENT: 1,
      CONTRACT: 1,
      MEDIATION: 0,
      LEGAL_AID_REFERRAL: 1,
      MEDIATION_REFERRAL: 0,
    });
    expect(report.byLawyer.find((l) => l.id === lawyer.id)).toMatchObject({ services: 4, CONSULTATION: 3 });
    expect(report.totals.services).toBeGreaterThanOrEqual(4);
  });

  it("lists the services behind a number with their outcomes", async () => {
    const { venue } = await juneFixture();
    const documents = await listReportItems(await staffScope(), { ...JUNE, outcome: "DOCUMENT", venue: venue.id, page: 1 });
    expect(documents.total).toBe(1);
    expect(documents.rows[0]).toMatchObject({ kind: "walk_in", name: "现场村民", outcomes: ["CONSULTATION", "DOCUMENT"] });
    const all = await listReportItems(await staffScope(), { ...JUNE, venue: venue.id, page: 1 }, 3);
    expect(all).toMatchObject({ total: 4, pageCount: 2, venueName: venue.name });
    expect(all.rows.map((r) => r.kind)).toEqual(["booking", "booking", "walk_in"]);
  });
});

describe("the demand dashboard", () => {
  it("aggregates one venue's June in Shanghai time", async () => {
    const { venue } = await juneFixture();
    const result = await loadDashboard(await staffScope(), { ...JUNE, venue: venue.slug }, zonedInstant("2025-06-15", 600));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const d = result.dashboard;
    // Active bookings: 2 + 1 no-show + 1 confirmed on 2–4 June, 1 on 30 June; the walk-in on 4 June.
    expect(d.totals).toMatchObject({ bookings: 5, walkIns: 1, done: 3, noShow: 1, offered: 8 });
    expect(d.weekly.find((w) => w.week === "2025-06-02")).toEqual({ week: "2025-06-02", bookings: 4, walkIns: 1 });
    expect(d.weekly.find((w) => w.week === "2025-06-30")).toEqual({ week: "2025-06-30", bookings: 1, walkIns: 0 });
    expect(d.venues).toHaveLength(1);
    expect(d.venues[0]).toMatchObject({ utilisation: 5 / 8, noShowRate: 1 / 4, cancelled: 1 });
    expect(d.leadTimes.map((b) => b.count)).toEqual([3, 1, 0, 1, 0]);
    expect(d.heat.rows[0].cells[d.heat.hours.indexOf(9)]).toBe(2); // Monday 09:00 and 09:30
    expect(d.heat.rows[0].cells[d.heat.hours.indexOf(23)]).toBe(1); // Monday 30 June 23:30, Shanghai
    expect(d.priorityGroups.find((g) => g.key === "elderly")?.count).toBe(3);
    expect(d.topics).toEqual([{ key: "marriage", label: "婚姻家庭", count: 6, share: 1 }]);
    expect(d.lookups).toEqual([{ venueId: venue.id, name: venue.name, looks: 4, nothingFree: 3, share: 0.75 }]);
  });

  it("explains an unknown venue instead of showing an empty page", async () => {
    const result = await loadDashboard(await staffScope(), { ...JUNE, venue: "no-such-venue" });
    expect(result).toEqual({ ok: false, errors: { venue: "没有这个服务地点，请从列表中选择。" } });
  });

  it("exports the rows behind the dashboard, cancelled bookings included", async () => {
    const { venue } = await juneFixture();
    const result = await listDashboardRows(await staffScope(), { ...JUNE, venue: venue.slug });
    if (!result.ok) throw new Error("unexpected");
    expect(result.rows).toHaveLength(7);
    expect(result.rows.filter((r) => r.status === "CANCELLED")).toHaveLength(1);
    expect(result.rows.find((r) => r.kind === "walk_in")).toMatchObject({ channel: "WALK_IN", minutesSpent: 20 });
    const csv = rowsCsv(result.rows);
    expect(csv.startsWith("\uFEFF类型,日期,时间")).toBe(true);
    const phone = result.rows[0].phone as string;
    expect(csv).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(csv).not.toContain(phone);
    // Monday 2 June 09:00 Shanghai, booked on 20 May: 13 days ahead.
    expect(csv.split("\r\n")[1]).toMatch(/^预约,2025-06-02,09:00,.*,2025-05-20,13,/);
    // Every status in Chinese, never the database's code (issue 13 item 14).
    const statusColumn = csv
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(",")[8]);
    expect(statusColumn.length).toBe(7);
    for (const status of statusColumn) expect(["已预约", "已签到", "已完成", "未到", "已取消"]).toContain(status);
    expect(csv).not.toMatch(/CONFIRMED|CANCELLED|NO_SHOW|CHECKED_IN|\bDONE\b/);
  });

  it("flags a service recorded done with no 签到 of its lawyer at the venue that day", async () => {
    const { venue, lawyer } = await juneFixture();
    // The lawyer signed in on 4 June only: 2 June's two done bookings are flagged, 4 June's walk-in is not.
    await prisma.attendance.create({
      data: {
        lawyerId: lawyer.id,
        venueId: venue.id,
        arrivedAt: zonedInstant("2025-06-04", 8 * 60 + 50),
        leftAt: zonedInstant("2025-06-04", 11 * 60),
        sessionEndsAt: zonedInstant("2025-06-04", 11 * 60),
      },
    });
    const result = await listDashboardRows(await staffScope(), { ...JUNE, venue: venue.slug });
    if (!result.ok) throw new Error("unexpected");
    const done = result.rows.filter((r) => r.status === "DONE");
    expect(done.map((r) => [toDateString(r.at), r.kind, r.lawyerSignedIn])).toEqual([
      ["2025-06-02", "booking", false],
      ["2025-06-02", "booking", false],
      ["2025-06-04", "walk_in", true],
      ["2025-06-30", "booking", false],
    ]);
    const column = ROW_COLUMNS.indexOf("律师当天签到");
    const cells = rowsCsv(result.rows)
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .slice(1)
      .filter(Boolean)
      .map((line) => [line.split(",")[8], line.split(",")[column]]);
    expect(cells.filter(([status]) => status === "已完成").map(([, flag]) => flag)).toEqual([
      "无律师签到记录",
      "无律师签到记录",
      "已签到",
      "无律师签到记录",
    ]);
    // Not done: nothing said of the lawyer's day.
    expect(cells.filter(([status]) => status !== "已完成").every(([, flag]) => flag === "")).toBe(true);
    // The dashboard counts them for the period and venue.
    const filters = parseDashboardFilters({ ...JUNE, venue: venue.slug }, new Date("2025-07-15T04:00:00Z"));
    if (!filters.ok) throw new Error("filters");
    const dashboard = await loadDashboard(await staffScope(), filters.value, new Date("2025-07-15T04:00:00Z"));
    expect(dashboard.ok && dashboard.dashboard.doneWithoutAttendance).toBe(3);
  });
});

describe("call-back requests", () => {
  it("are handled once, with a note and an audit entry", async () => {
    const { venue } = await createVenueFixture();
    const actor = await staffScope();
    const request = await prisma.callbackRequest.create({
      data: { venueId: venue.id, name: "黄姨", phone: uniquePhone(), consentAt: new Date() },
    });
    expect(await handleCallbackRequest(actor, { id: request.id, note: "已回电，约好周一到站" })).toEqual({ ok: true });
    expect(await handleCallbackRequest(actor, { id: request.id, note: "再次处理" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await prisma.callbackRequest.findUnique({ where: { id: request.id } })).toMatchObject({
      handledById: actor.actor.id,
      handledNote: "已回电，约好周一到站",
    });
    const audit = await prisma.auditLog.findMany({ where: { subjectId: request.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ kind: "callback", action: "update", actorName: "测试工作人员" });
    expect(await handleCallbackRequest(actor, { id: "nosuchrequest", note: "x" })).toMatchObject({ code: "not_found" });
  });

  it("shown to staff with full phone numbers, write one audit entry per opening of the list", async () => {
    const { venue } = await createVenueFixture();
    await prisma.callbackRequest.createMany({
      data: ["黄姨", "陈伯"].map((name) => ({ venueId: venue.id, name, phone: uniquePhone(), consentAt: new Date() })),
    });
    // A new person each run: the last run's opening of this list may be minutes old.
    const viewer = await staffScope(`stats-viewer-${randomBytes(4).toString("hex")}`);
    const opened = await openDashboard(viewer, { ...JUNE, venue: venue.slug });
    expect(opened.ok && opened.dashboard.callbacks.open).toHaveLength(2);
    await openDashboard(viewer, { ...JUNE, venue: venue.slug });
    const views = await prisma.auditLog.findMany({
      where: { actorId: viewer.actor.id },
      select: { kind: true, action: true, subjectId: true, summary: true },
    });
    expect(views).toEqual([
      {
        kind: "personal_data",
        action: "view",
        subjectId: `callback_list:${venue.id}`,
        summary: `查看回电名单：${venue.name}（2 个完整电话号码）`,
      },
    ]);
  });
});
