// tsx --conditions=react-server scripts/bench-insights.ts — server time of the demand dashboard and
// the year's figures on a year of demo data, in a throwaway database: median of 5 runs each. Then
// a year's export at the town seed and at the district seed (three years of the district's demo
// activity, prisma/seed/district-years.ts): its peak memory streamed, beside the old way (the
// whole workbook built in memory), in the same run.
// (The react-server condition lets lib/stats/*/queries.ts, which are server-only, load outside Next.)
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import ExcelJS from "exceljs";
import { createPrismaClient } from "../lib/db-client.ts";
import { seedDemoYear } from "../prisma/seed/demo-year.ts";
import { seedDistrictYears } from "../prisma/seed/district-years.ts";
import { seedDatabase, seedDistrict } from "../prisma/seed/index.ts";
import { createTestDatabase } from "./lib/test-database.ts";

const RUNS = 5;

async function median(task: () => Promise<unknown>): Promise<number> {
  await task(); // warm up: first query plans, the connection pool
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await task();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

/** Reads a streamed file to its end, as a download would. */
async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader();
  let bytes = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
  return bytes;
}

/** Times the queries against `url`, which already holds the data; returns [measure, ms] pairs. */
export async function benchInsights(url: string): Promise<[string, number][]> {
  process.env.DATABASE_URL = url;
  const { loadDashboard } = await import("../lib/stats/dashboard/queries.ts");
  const { loadReport, reportOwnerOf } = await import("../lib/stats/report/queries.ts");
  const { districtScope } = await import("../lib/auth/scope.ts");
  const { readDashboardRows, listReportItems, readReportRows } = await import("../lib/stats/rows/queries.ts");
  const { rowsXlsx, reportXlsx } = await import("../lib/stats/export.ts");
  const { defaultDashboardPeriod, defaultReportPeriod } = await import("../lib/stats/schema.ts");
  const { addDays, todayInShanghai } = await import("../lib/time.ts");
  const twelveWeeks = defaultDashboardPeriod();
  const year = { from: addDays(todayInShanghai(), -364), to: todayInShanghai() };
  const thisYear = defaultReportPeriod();
  // Every town at once: the district's reads are the largest.
  const all = districtScope({ id: "bench", role: "DISTRICT", displayName: "bench", lawyerId: null });
  if (!all) throw new Error("no district scope");
  const owner = await reportOwnerOf(all);
  return [
    ["dashboard, last 12 weeks, all venues", await median(() => loadDashboard(all, twelveWeeks))],
    ["dashboard, last 12 months, all venues", await median(() => loadDashboard(all, year))],
    ["dashboard, last 12 months, one venue", await median(() => loadDashboard(all, { ...year, venue: "station" }))],
    ["report, last 12 months", await median(() => loadReport(all, year))],
    ["report, this calendar year", await median(() => loadReport(all, thisYear))],
    ["report items, DOCUMENT, page 1", await median(() => listReportItems(all, { ...year, outcome: "DOCUMENT", page: 1 }))],
    [
      "dashboard export XLSX, 12 months (query + file)",
      await median(async () => {
        const r = await readDashboardRows(all, year);
        if (r.ok) await drain(rowsXlsx(owner, r.pages, year));
      }),
    ],
    [
      "report export XLSX, 12 months (queries + file)",
      await median(async () => {
        await drain(reportXlsx(await loadReport(all, year), (await readReportRows(all, year)).pages));
      }),
    ],
  ];
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap kept alive while `task` runs, above what was live before it: sampled after a collection. */
async function peakHeap(task: (sample: () => void) => Promise<unknown>): Promise<{ mb: number; seconds: number }> {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = 0;
  const sample = () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - base);
  };
  const started = performance.now();
  await task(sample);
  sample();
  return { mb: peak / 1e6, seconds: (performance.now() - started) / 1000 };
}

type ExportFigures = { rows: number; mb: number; streamedMb: number; seconds: number; wholeMb: number; wholeSeconds: number };

/**
 * A year's rows export (the dashboard's XLSX) in `url`'s data, for the town (睦洲) or the whole
 * district: streamed, sampling the heap every 50 chunks; then the old way, every row read and the
 * workbook built in memory (without the old 50,000-row cap, to show what it would have needed).
 */
export async function benchExportMemory(url: string, whose: "town" | "district"): Promise<ExportFigures> {
  process.env.DATABASE_URL = url;
  const { districtScope, townScope } = await import("../lib/auth/scope.ts");
  const { reportOwnerOf } = await import("../lib/stats/report/queries.ts");
  const { listDashboardRows, readDashboardRows } = await import("../lib/stats/rows/queries.ts");
  const { ROW_COLUMNS, rowCells, rowsXlsx } = await import("../lib/stats/export.ts");
  const { db } = await import("../lib/db.ts");
  const { addDays, todayInShanghai } = await import("../lib/time.ts");
  const actor = { id: "bench", displayName: "bench", lawyerId: null };
  const town = await db.town.findUniqueOrThrow({ where: { slug: "muzhou" }, select: { id: true } });
  const scope =
    whose === "town" ? townScope({ ...actor, role: "STAFF", townId: town.id }) : districtScope({ ...actor, role: "DISTRICT" });
  if (!scope) throw new Error("no scope");
  const year = { from: addDays(todayInShanghai(), -364), to: todayInShanghai() };
  const owner = await reportOwnerOf(scope);
  let rows = 0;
  let bytes = 0;
  const streamed = await peakHeap(async (sample) => {
    const result = await readDashboardRows(scope, year);
    if (!result.ok) throw new Error("filters");
    rows = result.count;
    const reader = rowsXlsx(owner, result.pages, year).getReader();
    let chunks = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      bytes += r.value.byteLength;
      if (++chunks % 50 === 0) sample();
    }
  });
  const whole = await peakHeap(async (sample) => {
    const result = await listDashboardRows(scope, year);
    if (!result.ok) throw new Error("filters");
    sample();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("明细");
    sheet.columns = ROW_COLUMNS.map((header, i) => ({ header, key: `c${i}` }));
    for (const r of result.rows) sheet.addRow(rowCells(r).map(String));
    sample();
    const buffer = await book.xlsx.writeBuffer();
    sample();
    return buffer;
  });
  return {
    rows,
    mb: bytes / 1e6,
    streamedMb: streamed.mb,
    seconds: streamed.seconds,
    wholeMb: whole.mb,
    wholeSeconds: whole.seconds,
  };
}

/** lib/db keeps the client of the first database it connected to: closed before that database goes, and made again for the next. */
async function forgetAppClient() {
  const cached = globalThis as { prisma?: { $disconnect(): Promise<void> } };
  await cached.prisma?.$disconnect();
  cached.prisma = undefined;
}

async function main() {
  const database = await createTestDatabase("insights");
  const prisma = createPrismaClient(database.url);
  // The district seed: its towns and three years of activity, in a database of its own. Both stay
  // up to the end: what lib/ connected to (the slot cache's listener) would call a dropped one again.
  const district = await createTestDatabase("insights-district");
  const districtPrisma = createPrismaClient(district.url);
  const exports: [string, ExportFigures][] = [];
  try {
    await seedDatabase(prisma, { demo: true });
    const started = performance.now();
    const counts = await seedDemoYear(prisma);
    console.log(
      `Seeded ${counts.bookings} bookings, ${counts.walkIns} walk-ins, ${counts.lookups} looks, ${counts.callbacks} call-backs in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    const results = await benchInsights(database.url);
    console.log(`| measure (median of ${RUNS}) | server time |`);
    console.log("| --- | --- |");
    for (const [name, ms] of results) console.log(`| ${name} | ${ms.toFixed(1)} ms |`);
    exports.push(["town seed (a year of 睦洲)", await benchExportMemory(database.url, "town")]);
    await forgetAppClient();

    await seedDatabase(districtPrisma, { demo: true });
    await seedDistrict(districtPrisma, { demo: true });
    const seeding = performance.now();
    const c = await seedDistrictYears(district.url, { years: 3 });
    console.log(
      `Seeded the district's three years: ${c.bookings} bookings, ${c.walkIns} walk-ins, ${c.notifications} texts, ${c.audit} audit rows in ${((performance.now() - seeding) / 1000).toFixed(1)} s.`,
    );
    exports.push(["district seed (a year of every town)", await benchExportMemory(district.url, "district")]);
  } finally {
    await forgetAppClient();
    await prisma.$disconnect();
    await districtPrisma.$disconnect();
    await database.drop();
    await district.drop();
  }
  console.log(
    "| a year's rows export (XLSX) | rows | file | streamed: peak heap, time | whole workbook in memory: peak heap, time |",
  );
  console.log("| --- | --- | --- | --- | --- |");
  for (const [name, e] of exports)
    console.log(
      `| ${name} | ${e.rows} | ${e.mb.toFixed(1)} MB | ${e.streamedMb.toFixed(1)} MB, ${e.seconds.toFixed(1)} s | ${e.wholeMb.toFixed(1)} MB, ${e.wholeSeconds.toFixed(1)} s |`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
  process.exit(0);
}
