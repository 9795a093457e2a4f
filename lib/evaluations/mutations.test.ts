// Evaluations (评价表) against the real PostgreSQL, with the server in a zone far from China
// (vitest.config.ts): once per consultation under concurrency, changeable for 7 days, a walk-in's
// link used once and not after it expires, paper forms for staff only, and the figures.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { can } from "@/lib/auth/can";
import { type TownScope, townScope } from "@/lib/auth/scope";
import { generateBookingCode } from "@/lib/booking/code";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { reportCsv, rowsCsv } from "@/lib/stats/export";
import { loadReport } from "@/lib/stats/report/queries";
import { listDashboardRows } from "@/lib/stats/rows/queries";
import { createVenueFixture, everyTown, lawyerActor, prisma, testTownId, uniquePhone } from "@/lib/testing/fixtures";
import { addDays, zonedInstant } from "@/lib/time";
import { workLogXlsx } from "@/lib/worklog/export";
import { loadWorkLog } from "@/lib/worklog/queries";
import { createEvaluationLink, enterPaperEvaluation, giveBookingEvaluation, giveLinkEvaluation } from "./mutations";
import { findEvaluation, findEvaluationLink, findWalkInEvaluation, summariseEvaluations } from "./queries";
import { satisfactionRate } from "./rules";

type Fixture = Awaited<ReturnType<typeof createVenueFixture>>;

/** Staff of the test town, where the fixtures' venues are. */
let staff: TownScope;
beforeAll(async () => {
  const townId = await testTownId();
  staff = townScope({
    id: "evaluation-test-staff",
    role: "STAFF",
    displayName: "司法所测试员",
    lawyerId: null,
    townId,
  }) as TownScope;
});

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A consultation `daysAgo` days back at `minute` (Shanghai), straight into the database: nobody can book the past. */
function booking(f: Fixture, { status = "DONE", daysAgo = 2, minute = 9 * 60, lawyer = 0 } = {}) {
  const startsAt = zonedInstant(addDays(f.today, -daysAgo), minute);
  return prisma.booking.create({
    data: {
      code: generateBookingCode(),
      venueId: f.venue.id,
      lawyerId: f.lawyers[lawyer].id,
      topicId: f.topic.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      status: status as BookingStatus,
      name: "张评价",
      phone: uniquePhone(),
      village: "测试村",
      outcomes: status === "DONE" ? ["CONSULTATION"] : [],
      consentAt: startsAt,
    },
  });
}

function walkIn(f: Fixture, { daysAgo = 2, minute = 10 * 60, lawyer = 0, voided = false } = {}) {
  return prisma.walkIn.create({
    data: {
      venueId: f.venue.id,
      lawyerId: f.lawyers[lawyer].id,
      topicId: f.topic.id,
      at: zonedInstant(addDays(f.today, -daysAgo), minute),
      name: "李现场",
      phone: uniquePhone(),
      outcomes: ["CONSULTATION"],
      minutesSpent: 20,
      ...(voided ? { voidedAt: new Date(), voidReason: "重复登记" } : {}),
    },
  });
}

const answers = (satisfaction: "SATISFIED" | "BASICALLY_SATISFIED" | "DISSATISFIED", comment?: string) => ({
  satisfaction,
  resolution: satisfaction === "DISSATISFIED" ? ("UNSOLVED" as const) : ("SOLVED" as const),
  comment,
});

const rowsOf = (of: { bookingId: string } | { walkInId: string }) => prisma.evaluation.findMany({ where: of });

describe("on the villager's booking page", () => {
  it("gives one evaluation of a done consultation: five submissions at once leave one row, and no error", async () => {
    const f = await createVenueFixture();
    const b = await booking(f);
    const results = await Promise.all(
      (["SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "SATISFIED", "SATISFIED"] as const).map((s) =>
        giveBookingEvaluation({ code: b.code, phone: b.phone }, answers(s, `第 ${s} 次`)),
      ),
    );
    expect(await rowsOf({ bookingId: b.id })).toHaveLength(1);
    expect(results.filter((r) => r.ok && !r.changed)).toHaveLength(1);
    // The others either lost the race for the first row (told so, nothing saved) or came after it
    // and changed it, which the 7 days allow.
    for (const r of results.filter((r) => !(r.ok && !r.changed))) {
      if (!r.ok) expect(r).toMatchObject({ code: "conflict", message: expect.stringContaining("刚刚已经有了评价") });
    }
    expect(await findEvaluation({ bookingCode: b.code })).toMatchObject({ source: "BOOKING_PAGE" });
  });

  it("may be changed for 7 days after it was first given, and not after: a clear sentence, nothing changed", async () => {
    const f = await createVenueFixture();
    const b = await booking(f);
    const given = new Date();
    const own = { code: b.code, phone: b.phone };
    expect(await giveBookingEvaluation(own, answers("DISSATISFIED", "等了很久"), { now: given })).toEqual({
      ok: true,
      changed: false,
    });
    const later = new Date(given.getTime() + 7 * DAY - 60_000);
    expect(await giveBookingEvaluation(own, answers("BASICALLY_SATISFIED"), { now: later })).toEqual({ ok: true, changed: true });
    expect(await findEvaluation({ bookingId: b.id })).toMatchObject({
      satisfaction: "BASICALLY_SATISFIED",
      resolution: "SOLVED",
      comment: null,
    });

    const tooLate = new Date(given.getTime() + 7 * DAY + 1);
    const refused = await giveBookingEvaluation(own, answers("SATISFIED", "改主意了"), { now: tooLate });
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(!refused.ok && refused.message).toContain("超过 7 天");
    expect(await findEvaluation({ bookingId: b.id })).toMatchObject({ satisfaction: "BASICALLY_SATISFIED", comment: null });
    expect(await rowsOf({ bookingId: b.id })).toHaveLength(1);
  });

  it("refuses a consultation that is not done, and writes nothing", async () => {
    const f = await createVenueFixture();
    for (const [i, status] of (["CONFIRMED", "CHECKED_IN", "NO_SHOW", "CANCELLED"] as const).entries()) {
      const b = await booking(f, { status, minute: 9 * 60 + 30 * i });
      const result = await giveBookingEvaluation({ code: b.code, phone: b.phone }, answers("SATISFIED"));
      expect(result).toMatchObject({ ok: false, code: "conflict" });
      expect(!result.ok && result.message).toContain("咨询结束、律师记录了服务结果以后才能评价");
      expect(await rowsOf({ bookingId: b.id })).toHaveLength(0);
    }
  });

  it("finds nobody else's booking: a wrong phone or code is not found, and nothing is written", async () => {
    const f = await createVenueFixture();
    const b = await booking(f);
    const other = await booking(f, { minute: 10 * 60 });
    expect(await giveBookingEvaluation({ code: b.code, phone: other.phone }, answers("DISSATISFIED"))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await giveBookingEvaluation({ code: "ZZZZZZ", phone: b.phone }, answers("DISSATISFIED"))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await prisma.evaluation.count({ where: { bookingId: { in: [b.id, other.id] } } })).toBe(0);
  });

  it("leaves a paper form staff typed in as it is", async () => {
    const f = await createVenueFixture();
    const b = await booking(f);
    await enterPaperEvaluation(staff, { kind: "booking", id: b.id }, answers("SATISFIED"));
    const result = await giveBookingEvaluation({ code: b.code, phone: b.phone }, answers("DISSATISFIED", "不满意"));
    expect(result).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("纸质评价表") });
    expect(await findEvaluation({ bookingId: b.id })).toMatchObject({ source: "PAPER", satisfaction: "SATISFIED" });
  });
});

describe("a walk-in's one-time link", () => {
  it("is made by the walk-in's own lawyer, shown again while good; another lawyer's walk-in is not found", async () => {
    const f = await createVenueFixture({ lawyers: 2 });
    const w = await walkIn(f);
    const own = lawyerActor(f.lawyers[0].id);
    expect(await createEvaluationLink(lawyerActor(f.lawyers[1].id), w.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await findWalkInEvaluation(lawyerActor(f.lawyers[1].id), w.id)).toBeNull();
    const made = await createEvaluationLink(own, w.id);
    if (!made.ok) throw new Error(made.message);
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * HOUR);
    expect(await createEvaluationLink(own, w.id)).toMatchObject({ ok: true, token: made.token });
    expect(await findWalkInEvaluation(own, w.id)).toMatchObject({ link: { token: made.token }, evaluation: null });
    expect(await findEvaluationLink(made.token)).toMatchObject({ state: "open", venue: f.venue.name });
  });

  it("works once: two submissions at once write one evaluation, the other is told the link was used", async () => {
    const f = await createVenueFixture();
    const w = await walkIn(f);
    const made = await createEvaluationLink(lawyerActor(f.lawyers[0].id), w.id);
    if (!made.ok) throw new Error(made.message);
    const results = await Promise.all([
      giveLinkEvaluation(made.token, answers("SATISFIED", "很耐心")),
      giveLinkEvaluation(made.token, answers("DISSATISFIED", "不满意")),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "conflict", message: expect.stringContaining("已经用过了") });
    const rows = await rowsOf({ walkInId: w.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: "WALK_IN_LINK", enteredById: null });
    expect(await findEvaluationLink(made.token)).toMatchObject({ state: "used" });
    // And after: still once.
    expect(await giveLinkEvaluation(made.token, answers("SATISFIED"))).toMatchObject({ ok: false, code: "conflict" });
    expect(await createEvaluationLink(lawyerActor(f.lawyers[0].id), w.id)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("refuses an expired link with a sentence, writes nothing, and the lawyer can show a new one", async () => {
    const f = await createVenueFixture();
    const w = await walkIn(f);
    const own = lawyerActor(f.lawyers[0].id);
    const made = await createEvaluationLink(own, w.id);
    if (!made.ok) throw new Error(made.message);
    const after = new Date(made.expiresAt.getTime() + 1);
    const refused = await giveLinkEvaluation(made.token, answers("SATISFIED"), { now: after });
    expect(refused).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("已经过期") });
    expect(await rowsOf({ walkInId: w.id })).toHaveLength(0);
    expect(await findEvaluationLink(made.token, after)).toMatchObject({ state: "expired" });
    expect(await prisma.evaluationLink.findUniqueOrThrow({ where: { token: made.token } })).toMatchObject({ usedAt: null });

    const again = await createEvaluationLink(own, w.id, { now: after });
    if (!again.ok) throw new Error(again.message);
    expect(again.token).not.toBe(made.token);
    expect(await findEvaluationLink(made.token)).toBeNull();
    expect(await giveLinkEvaluation(again.token, answers("SATISFIED"), { now: after })).toEqual({ ok: true, changed: false });
  });

  it("does nothing for a voided walk-in or a token that does not exist", async () => {
    const f = await createVenueFixture();
    const w = await walkIn(f, { voided: true });
    expect(await createEvaluationLink(lawyerActor(f.lawyers[0].id), w.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await giveLinkEvaluation("A".repeat(43), answers("SATISFIED"))).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("paper forms typed in by staff", () => {
  it("is staff's alone (can.ts): a lawyer is refused and nothing is written", async () => {
    const f = await createVenueFixture();
    const b = await booking(f);
    const lawyer = lawyerActor(f.lawyers[0].id);
    expect(can.enterPaperEvaluations(staff.actor)).toBe(true);
    expect(can.enterPaperEvaluations(lawyer)).toBe(false);
    expect(can.enterPaperEvaluations({ ...staff.actor, mustChangePassword: true })).toBe(false);
    // A lawyer has no town scope to call it with (lib/auth/scope.ts).
    expect(townScope({ ...lawyer, townId: staff.townId }, staff.townId)).toBeNull();
    expect(await rowsOf({ bookingId: b.id })).toHaveLength(0);
  });

  it("records a booking's and a walk-in's paper form as PAPER with who typed it, audited; one online first is refused", async () => {
    const f = await createVenueFixture();
    const b = await booking(f);
    const w = await walkIn(f);
    expect(await enterPaperEvaluation(staff, { kind: "booking", id: b.id }, answers("BASICALLY_SATISFIED", "还行"))).toEqual({
      ok: true,
      changed: false,
    });
    expect(await enterPaperEvaluation(staff, { kind: "walk_in", id: w.id }, answers("SATISFIED"))).toEqual({
      ok: true,
      changed: false,
    });
    expect(await rowsOf({ bookingId: b.id })).toMatchObject([{ source: "PAPER", enteredById: staff.actor.id, comment: "还行" }]);
    expect(await rowsOf({ walkInId: w.id })).toMatchObject([{ source: "PAPER", enteredById: staff.actor.id }]);
    const entries = await prisma.auditLog.findMany({
      where: { actorId: staff.actor.id, kind: "evaluation", summary: { contains: b.code } },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0].summary).not.toContain("张评价");
    // A correction of the paper entry, then a walk-in's QR code is not needed any more.
    expect(await enterPaperEvaluation(staff, { kind: "booking", id: b.id }, answers("SATISFIED"))).toEqual({
      ok: true,
      changed: true,
    });
    expect(await createEvaluationLink(lawyerActor(f.lawyers[0].id), w.id)).toMatchObject({ ok: false, code: "conflict" });

    const online = await booking(f, { minute: 11 * 60 });
    await giveBookingEvaluation({ code: online.code, phone: online.phone }, answers("DISSATISFIED"));
    const refused = await enterPaperEvaluation(staff, { kind: "booking", id: online.id }, answers("SATISFIED"));
    expect(refused).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("已经自己在网上评价") });
    expect(await findEvaluation({ bookingId: online.id })).toMatchObject({
      satisfaction: "DISSATISFIED",
      source: "BOOKING_PAGE",
    });

    const notDone = await booking(f, { status: "CONFIRMED", minute: 11 * 60 + 30 });
    expect(await enterPaperEvaluation(staff, { kind: "booking", id: notDone.id }, answers("SATISFIED"))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await rowsOf({ bookingId: notDone.id })).toHaveLength(0);
  });
});

describe("the figures: 满意度 and the counts", () => {
  /** Two lawyers: 满意 and 基本满意 for the first, 满意 and 不满意 for the second; a voided walk-in's evaluation counts nowhere. */
  async function evaluated() {
    const f = await createVenueFixture({ lawyers: 2 });
    const [a, b] = f.lawyers;
    const first = await booking(f, { daysAgo: 3 });
    await giveBookingEvaluation({ code: first.code, phone: first.phone }, answers("SATISFIED", "律师讲得很清楚"), {
      now: new Date(Date.now() - 2 * HOUR),
    });
    const second = await walkIn(f, { daysAgo: 2 });
    await enterPaperEvaluation(staff, { kind: "walk_in", id: second.id }, answers("BASICALLY_SATISFIED"));
    const third = await booking(f, { daysAgo: 2, lawyer: 1 });
    await giveBookingEvaluation({ code: third.code, phone: third.phone }, answers("SATISFIED"));
    const fourth = await walkIn(f, { daysAgo: 1, lawyer: 1 });
    const link = await createEvaluationLink(lawyerActor(b.id), fourth.id);
    if (!link.ok) throw new Error(link.message);
    await giveLinkEvaluation(link.token, answers("DISSATISFIED", "没有解决问题"));
    const voided = await walkIn(f, { daysAgo: 1, lawyer: 1, minute: 11 * 60 });
    await enterPaperEvaluation(staff, { kind: "walk_in", id: voided.id }, answers("DISSATISFIED", "作废的"));
    await prisma.walkIn.update({ where: { id: voided.id }, data: { voidedAt: new Date(), voidReason: "登记错了" } });
    return { f, a, b, first, period: { from: addDays(f.today, -10), to: f.today } };
  }

  it("counts in the year's figures per venue and per lawyer, and 满意度 is (满意 + 基本满意) ÷ all", async () => {
    const { f, a, b, period } = await evaluated();
    const report = await loadReport(everyTown, period);
    const venue = report.byVenue.find((v) => v.id === f.venue.id);
    const byLawyer = (id: string) => report.byLawyer.find((l) => l.id === id)?.evaluations;
    if (!venue) throw new Error("the venue has no line in the report");
    expect(venue.evaluations).toEqual({
      total: 4,
      SATISFIED: 2,
      BASICALLY_SATISFIED: 1,
      DISSATISFIED: 1,
      SOLVED: 3,
      PARTLY_SOLVED: 0,
      UNSOLVED: 1,
    });
    expect(satisfactionRate(venue.evaluations)).toBe(0.75);
    expect(byLawyer(a.id)).toMatchObject({ total: 2, SATISFIED: 1, BASICALLY_SATISFIED: 1, DISSATISFIED: 0 });
    expect(byLawyer(b.id)).toMatchObject({ total: 2, SATISFIED: 1, DISSATISFIED: 1 });
    expect(satisfactionRate(byLawyer(b.id) ?? venue.evaluations)).toBe(0.5);
    expect(report.evaluations.total).toBeGreaterThanOrEqual(4);

    const csv = reportCsv(report);
    expect(csv.split("\r\n")[0]).toContain("收到群众评价（份）");
    expect(csv.split("\r\n")[0]).toContain("满意度");
    const line = csv.split("\r\n").find((l) => l.includes(f.venue.name));
    expect(line).toMatch(/,4,2,1,1,3,0,1,75%$/);
  });

  it("shows staff the comments newest first with a masked phone, and each lawyer their own without who wrote them", async () => {
    const { f, a, first, period } = await evaluated();
    const summary = await summariseEvaluations(staff, { ...period, venue: f.venue.slug });
    expect(summary.totals).toMatchObject({ total: 4, SATISFIED: 2 });
    expect(summary.byLawyer.map((l) => [l.name, l.total])).toEqual(
      f.lawyers.map((l) => [l.name, 2]).sort(([x], [y]) => (x < y ? -1 : 1)),
    );
    expect(summary.comments.map((c) => c.comment)).toEqual(["没有解决问题", "律师讲得很清楚"]);
    expect(summary.comments[1]).toMatchObject({
      name: "张评价",
      phone: `${first.phone.slice(0, 3)}****${first.phone.slice(-4)}`,
      source: "BOOKING_PAGE",
    });

    const month = period.to.slice(0, 7);
    const log = await loadWorkLog(lawyerActor(a.id), a.id, month);
    const ownComments = log?.evaluations.comments ?? [];
    if (addDays(f.today, -3).slice(0, 7) === month) {
      expect(ownComments).toEqual([
        { id: expect.any(String), satisfaction: "SATISFIED", resolution: "SOLVED", comment: "律师讲得很清楚" },
      ]);
    }
    for (const c of ownComments) expect(Object.keys(c).sort()).toEqual(["comment", "id", "resolution", "satisfaction"]);
    if (log) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await workLogXlsx(log)) as unknown as ArrayBuffer);
      const text = JSON.stringify(book.getWorksheet("群众评价")?.getSheetValues());
      expect(text).toContain("满意度");
      expect(text).not.toContain("张评价");
      expect(text).not.toContain(first.phone.slice(-4));
    }
  });

  it("puts each service's evaluation in the dashboard's export, in Chinese", async () => {
    const { f, period } = await evaluated();
    const result = await listDashboardRows(everyTown, { ...period, venue: f.venue.slug });
    if (!result.ok) throw new Error("filters refused");
    const csv = rowsCsv(result.rows);
    expect(csv.split("\r\n")[0]).toContain(",满意程度,问题解决情况,评价意见,评价方式");
    expect(csv).toContain(",满意,已解决,律师讲得很清楚,村民在预约页面填写");
    expect(csv).toContain(",不满意,未解决,没有解决问题,村民扫码填写");
    expect(csv).toContain(",基本满意,已解决,,纸质评价表录入");
    expect(csv).not.toMatch(/SATISFIED|SOLVED|BOOKING_PAGE|WALK_IN_LINK|PAPER/);
  });
});
