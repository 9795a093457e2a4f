// Correcting and voiding walk-ins: by their own lawyer and by staff, never by another lawyer; a
// voided walk-in counts nowhere (dashboard, year's figures, their rows, the work log). Against the
// real PostgreSQL, each test on a venue of its own.
import { beforeAll, describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import { loadDashboard } from "@/lib/stats/dashboard/queries";
import { loadReport } from "@/lib/stats/report/queries";
import { listDashboardRows, listReportItems } from "@/lib/stats/rows/queries";
import { createVenueFixture, everyTown, lawyerActor, prisma, testTownId, walkInInput } from "@/lib/testing/fixtures";
import { addDays } from "@/lib/time";
import { loadWorkLog } from "@/lib/worklog/queries";
import { recordWalkIn, updateWalkIn, voidWalkIn } from "./mutations";
import { getWalkIn, listRecentWalkIns } from "./queries";
import { voidWalkInInput, type WalkInInput } from "./schema";

/** Staff of the test town, where the fixtures' venues are. */
let staff: TownScope;
beforeAll(async () => {
  const townId = await testTownId();
  staff = townScope({ id: "walk-in-test-staff", role: "STAFF", displayName: "司法所", lawyerId: null, townId }) as TownScope;
});

async function walkInFixture() {
  const f = await createVenueFixture({ lawyers: 2 });
  const [a, b] = f.lawyers.map((l) => lawyerActor(l.id));
  // Yesterday: a past date whatever the time of day the test runs.
  const date = addDays(f.today, -1);
  const input = (extra: Partial<WalkInInput> = {}) => walkInInput({ ...f, today: date }, extra);
  const created = await recordWalkIn(a, input());
  if (!created.ok) throw new Error(created.message);
  return { f, a, b, date, input, id: created.id };
}

describe("recording a walk-in at a venue its lawyer does not serve", () => {
  it("tells the lawyer to choose one of their venues, and staff which lawyer serves where", async () => {
    const { a, input } = await walkInFixture();
    const elsewhere = await createVenueFixture();
    const before = await prisma.walkIn.count();
    const mine = await recordWalkIn(a, input({ venueId: elsewhere.venue.id }));
    expect(mine).toMatchObject({ ok: false, fields: { venueId: "请从列表中选择您服务的地点。" } });
    const filed = await recordWalkIn(staff, input({ venueId: elsewhere.venue.id, lawyerId: a.lawyerId as string }));
    expect(filed).toMatchObject({
      ok: false,
      fields: { venueId: "这位律师不在这个地点服务。请选择后面写着这位律师名字的地点，或换一位律师。" },
    });
    expect(await prisma.walkIn.count()).toBe(before);
  });
});

describe("correcting a walk-in", () => {
  it("lets its own lawyer correct it, audited", async () => {
    const { a, input, id } = await walkInFixture();
    expect(await updateWalkIn(a, id, input({ name: "改正的姓名", minutesSpent: 45 }))).toEqual({ ok: true, id });
    expect(await getWalkIn(a, id)).toMatchObject({ name: "改正的姓名", minutesSpent: 45, voidedAt: null });
    expect(await prisma.auditLog.count({ where: { subjectId: id, kind: "walk_in", action: "update" } })).toBe(1);
  });

  it("lets staff correct it and give it to the lawyer who really saw the person", async () => {
    const { b, input, id } = await walkInFixture();
    expect(await updateWalkIn(staff, id, input({ lawyerId: b.lawyerId as string, time: "11:00" }))).toEqual({ ok: true, id });
    expect(await getWalkIn(b, id)).toMatchObject({ lawyerId: b.lawyerId, name: "现场村民" });
  });

  it("is not found for another lawyer, whose attempts change nothing", async () => {
    const { b, input, id } = await walkInFixture();
    const before = await prisma.walkIn.findUniqueOrThrow({ where: { id } });
    expect(await getWalkIn(b, id)).toBeNull();
    expect(await updateWalkIn(b, id, input({ name: "别人改的" }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await voidWalkIn(b, id, "不是我的")).toMatchObject({ ok: false, code: "not_found" });
    expect(await prisma.walkIn.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await prisma.auditLog.count({ where: { subjectId: id, action: { in: ["update", "void"] } } })).toBe(0);
  });
});

describe("voiding a walk-in", () => {
  it("needs a reason, keeps the row with it, audits once, and then allows no second void or correction", async () => {
    const { a, input, id } = await walkInFixture();
    const blank = voidWalkInInput.safeParse({ walkInId: id, reason: "  " });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]).toMatchObject({ path: ["reason"], message: expect.stringContaining("作废的原因") });

    expect(await voidWalkIn(a, id, "重复登记")).toEqual({ ok: true, id });
    const row = await prisma.walkIn.findUniqueOrThrow({ where: { id } });
    expect(row.voidReason).toBe("重复登记");
    expect(row.voidedAt).toBeInstanceOf(Date);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: id, action: "void" } });
    expect(entry.summary).toContain("重复登记");
    expect(entry.summary).not.toContain("现场村民");

    expect(await voidWalkIn(staff, id, "再作废一次")).toMatchObject({ ok: false, code: "conflict" });
    expect(await updateWalkIn(a, id, input({ name: "作废后再改" }))).toMatchObject({ ok: false, code: "conflict" });
    expect(await prisma.walkIn.findUniqueOrThrow({ where: { id } })).toEqual(row);
    expect(await prisma.auditLog.count({ where: { subjectId: id, action: "void" } })).toBe(1);
  });

  it("by staff, drops it from the dashboard, the year's figures, their rows and the work log", async () => {
    const { f, a, date, id } = await walkInFixture();
    const period = { from: date, to: date };
    const lawyerId = a.lawyerId as string;
    const figures = async () => {
      const dashboard = await loadDashboard(everyTown, { ...period, venue: f.venue.slug });
      if (!dashboard.ok) throw new Error(JSON.stringify(dashboard.errors));
      const rows = await listDashboardRows(everyTown, { ...period, venue: f.venue.slug });
      if (!rows.ok) throw new Error("unexpected");
      const report = await loadReport(everyTown, period);
      const log = await loadWorkLog(a, lawyerId, date.slice(0, 7));
      return {
        dashboard: dashboard.dashboard.totals.walkIns,
        weekly: dashboard.dashboard.weekly.reduce((sum, w) => sum + w.walkIns, 0),
        rows: rows.rows.filter((r) => r.kind === "walk_in").length,
        report: report.byVenue.find((v) => v.id === f.venue.id)?.services ?? 0,
        reportByLawyer: report.byLawyer.find((l) => l.id === lawyerId)?.services ?? 0,
        items: (await listReportItems(everyTown, { ...period, venue: f.venue.id, page: 1 })).total,
        log: log?.entries.filter((e) => e.id === id).length,
        logServices: log?.totals.services,
      };
    };
    expect(await figures()).toEqual({
      dashboard: 1,
      weekly: 1,
      rows: 1,
      report: 1,
      reportByLawyer: 1,
      items: 1,
      log: 1,
      logServices: 1,
    });
    expect(await voidWalkIn(staff, id, "记错了律师")).toEqual({ ok: true, id });
    expect(await figures()).toEqual({
      dashboard: 0,
      weekly: 0,
      rows: 0,
      report: 0,
      reportByLawyer: 0,
      items: 0,
      log: 0,
      logServices: 0,
    });
    // Staff still find it, marked, to see why.
    expect((await listRecentWalkIns(staff)).find((r) => r.id === id)).toMatchObject({ voided: true });
  });
});
