import { describe, expect, it } from "vitest";
import { countAnswers, NO_EVALUATIONS } from "@/lib/evaluations/rules";
import { zonedInstant } from "@/lib/time";
import {
  bucketLeadTimes,
  evaluationSentence,
  formatPercent,
  heatCellOf,
  heatGrid,
  leadBucketOf,
  leadDays,
  offeredSlots,
  previousMonth,
  rate,
  weeklySeries,
  weeksOf,
} from "./aggregate";
import { defaultDashboardPeriod, defaultReportPeriod, parseDashboardFilters, parseReportItems, weekStartOf } from "./schema";

describe("lead time", () => {
  it("counts Shanghai calendar days, not 24-hour periods, whatever the server's zone", () => {
    expect(process.env.TZ).toBe("America/Los_Angeles");
    // 23:30 on 1 March and 00:30 on 2 March in Shanghai: one day ahead, though only an hour apart.
    expect(leadDays(zonedInstant("2026-03-01", 23 * 60 + 30), zonedInstant("2026-03-02", 30))).toBe(1);
    // 00:10 and 23:50 the same Shanghai day (two different days in Los Angeles and in UTC).
    expect(leadDays(zonedInstant("2026-03-02", 10), zonedInstant("2026-03-02", 23 * 60 + 50))).toBe(0);
  });

  it("puts each lead time in its bucket, edges included", () => {
    const label = (d: number) => leadBucketOf(d).label;
    expect([0, 1, 2, 3, 7, 8, 14, 15, 90].map(label)).toEqual([
      "当天",
      "1–2 天",
      "1–2 天",
      "3–7 天",
      "3–7 天",
      "8–14 天",
      "8–14 天",
      "15 天以上",
      "15 天以上",
    ]);
    expect(label(-3)).toBe("当天");
  });

  it("sums counts per bucket with shares, empty buckets kept", () => {
    const buckets = bucketLeadTimes([
      { days: 0, count: 2 },
      { days: 1, count: 1 },
      { days: 2, count: 1 },
      { days: 20, count: 4 },
    ]);
    expect(buckets.map((b) => [b.label, b.count, b.share])).toEqual([
      ["当天", 2, 0.25],
      ["1–2 天", 2, 0.25],
      ["3–7 天", 0, 0],
      ["8–14 天", 0, 0],
      ["15 天以上", 4, 0.5],
    ]);
  });
});

describe("rates", () => {
  it("has no rate when there is nothing to divide by", () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 0)).toBeNull();
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(0.25)).toBe("25%");
    expect(formatPercent(1 / 3)).toBe("33.3%");
  });

  it("offers whole slots only", () => {
    expect(
      offeredSlots(
        [
          { startMinute: 540, endMinute: 720 },
          { startMinute: 870, endMinute: 1045 },
        ],
        30,
      ),
    ).toBe(6 + 5);
    expect(offeredSlots([{ startMinute: 540, endMinute: 720 }], 0)).toBe(0);
  });
});

describe("weeks", () => {
  it("fills every ISO week of the period, quiet weeks as zero", () => {
    expect(weeksOf("2026-03-04", "2026-03-16")).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    const rows = weeklySeries(
      [
        { week: "2026-03-02", kind: "booking", count: 3 },
        { week: "2026-03-02", kind: "walk_in", count: 1 },
        { week: "2026-03-16", kind: "booking", count: 2 },
        { week: "2026-03-16", kind: "booking", count: 1 },
      ],
      "2026-03-04",
      "2026-03-16",
    );
    expect(rows).toEqual([
      { week: "2026-03-02", bookings: 3, walkIns: 1 },
      { week: "2026-03-09", bookings: 0, walkIns: 0 },
      { week: "2026-03-16", bookings: 3, walkIns: 0 },
    ]);
  });

  it("defaults to twelve whole weeks ending this Sunday, and this calendar year for the report", () => {
    // Wednesday 4 March 2026, 01:00 in Shanghai (still Tuesday in Los Angeles).
    const now = zonedInstant("2026-03-04", 60);
    expect(weekStartOf("2026-03-04")).toBe("2026-03-02");
    expect(defaultDashboardPeriod(now)).toEqual({ from: "2025-12-15", to: "2026-03-08" });
    expect(weeksOf("2025-12-15", "2026-03-08")).toHaveLength(12);
    expect(defaultReportPeriod(zonedInstant("2026-01-01", 30))).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(previousMonth("2026-01")).toBe("2025-12");
  });
});

describe("heat map", () => {
  it("places an instant by its Shanghai weekday and hour", () => {
    // Monday 2 March 2026 09:15 in Shanghai is Sunday 17:15 in Los Angeles.
    expect(heatCellOf(zonedInstant("2026-03-02", 9 * 60 + 15))).toEqual({ weekday: 1, hour: 9 });
    expect(heatCellOf(zonedInstant("2026-03-08", 23 * 60 + 59))).toEqual({ weekday: 7, hour: 23 });
  });

  it("builds a weekday × hour grid, widening the hours to cover all demand", () => {
    const grid = heatGrid([
      { weekday: 1, hour: 9, count: 4 },
      { weekday: 3, hour: 15, count: 2 },
      { weekday: 7, hour: 19, count: 1 },
    ]);
    expect(grid.hours[0]).toBe(8);
    expect(grid.hours.at(-1)).toBe(19);
    expect(grid.rows[0].label).toBe("星期一");
    expect(grid.rows[0].cells[9 - 8]).toBe(4);
    expect(grid.rows[2].cells[15 - 8]).toBe(2);
    expect(grid.rows[6].cells[19 - 8]).toBe(1);
    expect(grid).toMatchObject({ max: 4, total: 7, busiest: { weekday: 1, hour: 9, count: 4 } });
    expect(heatGrid([]).busiest).toBeNull();
  });
});

describe("filters", () => {
  const now = zonedInstant("2026-03-04", 60);

  it("fills in the defaults and keeps the chosen venue and topic", () => {
    expect(parseDashboardFilters({ venue: "nanzhen", topic: "" }, now)).toEqual({
      ok: true,
      value: { from: "2025-12-15", to: "2026-03-08", venue: "nanzhen", topic: undefined },
    });
  });

  it("explains bad dates in Chinese", () => {
    const bad = parseDashboardFilters({ from: "2026-02-30" }, now);
    expect(bad).toEqual({ ok: false, errors: { from: "没有这一天，请检查月份和日期。" } });
    const reversed = parseDashboardFilters({ from: "2026-03-01", to: "2026-02-01" }, now);
    expect(reversed.ok === false && reversed.errors.to).toContain("结束日期不能早于开始日期");
    const long = parseDashboardFilters({ from: "2020-01-01", to: "2026-01-01" }, now);
    expect(long.ok === false && long.errors.to).toContain("两年");
    expect(parseDashboardFilters({ from: "03/01/2026" }, now).ok).toBe(false);
  });

  it("accepts only known outcomes for the report's lists", () => {
    expect(parseReportItems({ outcome: "DOCUMENT" }, now)).toMatchObject({ ok: true, value: { outcome: "DOCUMENT", page: 1 } });
    expect(parseReportItems({ outcome: "BRIBE" }, now).ok).toBe(false);
  });
});

describe("evaluationSentence", () => {
  it("says the counts and 满意度 in the report's words", () => {
    const counts = countAnswers([
      ...Array.from({ length: 5 }, () => ({ satisfaction: "SATISFIED" as const, resolution: "SOLVED" as const })),
      { satisfaction: "BASICALLY_SATISFIED", resolution: "PARTLY_SOLVED" },
      { satisfaction: "DISSATISFIED", resolution: "UNSOLVED" },
    ]);
    expect(evaluationSentence(counts)).toBe(
      "收到群众评价 7 份，其中满意 5 份、基本满意 1 份、不满意 1 份，满意度 85.7%；问题已解决 5 份、部分解决 1 份、未解决 1 份",
    );
    expect(evaluationSentence(NO_EVALUATIONS)).toBe("没有收到群众评价");
  });
});
