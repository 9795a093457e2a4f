// tsx --conditions=react-server scripts/bench-insights.ts — server time of the demand dashboard and
// the year's figures on a year of demo data, in a throwaway database: median of 5 runs each.
// (The react-server condition lets lib/stats/*/queries.ts, which are server-only, load outside Next.)
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../lib/db-client.ts";
import { seedDemoYear } from "../prisma/seed/demo-year.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
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

async function main() {
  const database = await createTestDatabase("insights");
  const prisma = createPrismaClient(database.url);
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
  } finally {
    await prisma.$disconnect();
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
  process.exit(0);
}
