// Filtering the audit log by person, kind and Shanghai date range, 50 to a page. Against the real PostgreSQL.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { everyTown, prisma } from "@/lib/testing/fixtures";
import { listAuditActors, listAuditEntries } from "./queries";
import { auditSearchInput } from "./schema";

function search(params: Record<string, string>) {
  return listAuditEntries(everyTown, auditSearchInput.parse(params));
}

describe("listAuditEntries", () => {
  it("filters by person, kind and Shanghai dates, newest first", async () => {
    const actorId = `audit-test-${randomBytes(4).toString("hex")}`;
    const entry = (kind: string, at: string, summary: string) => ({
      actorId,
      actorName: "审计测试员",
      actorRole: "STAFF",
      kind,
      action: "update",
      summary,
      at: new Date(at),
    });
    await prisma.auditLog.createMany({
      data: [
        // 23:30 in Shanghai on 1 March is still 1 March there (15:30 UTC; the previous evening in Los Angeles).
        entry("venue", "2031-03-01T23:30:00+08:00", "三月一日深夜"),
        entry("venue", "2031-03-02T00:10:00+08:00", "三月二日凌晨"),
        entry("lawyer", "2031-03-02T09:00:00+08:00", "三月二日上午"),
      ],
    });
    const all = await search({ actor: actorId });
    expect(all.entries.map((e) => e.summary)).toEqual(["三月二日上午", "三月二日凌晨", "三月一日深夜"]);
    expect(all.total).toBe(3);
    expect((await search({ actor: actorId, kind: "venue" })).entries.map((e) => e.summary)).toEqual([
      "三月二日凌晨",
      "三月一日深夜",
    ]);
    expect((await search({ actor: actorId, from: "2031-03-01", to: "2031-03-01" })).entries.map((e) => e.summary)).toEqual([
      "三月一日深夜",
    ]);
    expect((await search({ actor: actorId, from: "2031-03-02", kind: "" })).total).toBe(2);
    expect((await listAuditActors(everyTown)).find((a) => a.id === actorId)).toEqual({ id: actorId, name: "审计测试员" });
  });

  it("pages 50 at a time", async () => {
    const actorId = `audit-page-${randomBytes(4).toString("hex")}`;
    await prisma.auditLog.createMany({
      data: Array.from({ length: 51 }, (_, i) => ({
        actorId,
        actorName: "翻页测试员",
        actorRole: "STAFF",
        kind: "booking",
        action: "view",
        summary: `第 ${i} 条`,
        at: new Date(Date.UTC(2031, 0, 1, 0, i)),
      })),
    });
    const first = await search({ actor: actorId });
    expect(first).toMatchObject({ total: 51, page: 1, pageCount: 2 });
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0].summary).toBe("第 50 条");
    const second = await search({ actor: actorId, page: "2" });
    expect(second.entries.map((e) => e.summary)).toEqual(["第 0 条"]);
  });

  it("refuses a range that ends before it starts", () => {
    expect(auditSearchInput.safeParse({ from: "2031-03-02", to: "2031-03-01" }).error?.issues[0]?.message).toBe(
      "结束日期不能早于开始日期。",
    );
  });
});
