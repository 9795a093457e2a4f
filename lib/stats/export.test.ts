// The streamed exports (issue 24 item 3): the same files as the workbooks built whole in memory
// before, cell for cell, in any batch size; and a file of 120,000 rows streams in the memory of a
// batch. Against the real PostgreSQL, in a town of the test's own.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { createServiceDayFixture, createTownFixture, createVenueFixture, prisma, staffScopeOf } from "@/lib/testing/fixtures";
import { zonedInstant } from "@/lib/time";
import {
  creatorOf,
  groupSheet,
  hoursSheet,
  ROW_COLUMNS,
  reportXlsx,
  rowCells,
  rowsCsv,
  rowsCsvStream,
  rowsXlsx,
  type SheetMaker,
  writeSummary,
} from "./export";
import { loadReport, type Report, type ReportOwner, reportOwnerOf } from "./report/queries";
import { listDashboardRows, listReportRows, readDashboardRows, readReportRows, type ServiceRow } from "./rows/queries";
import type { Period } from "./schema";

/** Reads a streamed file to its end. */
async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return Buffer.concat(chunks);
}

type SheetCells = { name: string; views: unknown; widths: (number | undefined)[]; rows: unknown[][] };

/** Every sheet: its name, frozen rows, column widths, and each cell's value and font. */
async function cellsOf(file: Buffer | ArrayBuffer): Promise<SheetCells[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as ArrayBuffer);
  const sheets: SheetCells[] = [];
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: unknown[] = [];
      // The streamed file writes an empty text cell as `t="str"` with an empty value, which ExcelJS
      // reads back as no value: compare the text a person sees, blank for both.
      row.eachCell({ includeEmpty: true }, (cell) => cells.push([cell.value ?? "", cell.font?.bold ?? false, cell.font?.size]));
      while (cells.length > 0 && JSON.stringify(cells[cells.length - 1]) === JSON.stringify(["", false, undefined])) cells.pop();
      rows[n - 1] = cells;
    });
    const widths = Array.from({ length: sheet.columnCount }, (_, i) => sheet.getColumn(i + 1).width);
    sheets.push({ name: sheet.name, views: (sheet.views ?? []).map((v) => ({ ...v })), widths, rows });
  });
  return sheets;
}

// The code before streaming (commit 000d3b3), kept as the reference the streamed files must equal:
// its own rows sheet (written by column keys), and the figures' sheets, which the streamed code
// shares, written into an in-memory workbook.
const WIDTHS = [12, 12, 8, 26, 12, 16, 18, 12, 10, 16, 28, 12, 10, 16, 12, 10, 14, 10, 12, 40, 18];
const NUMERIC: ReadonlySet<string> = new Set(["用时（分钟）", "提前天数"]);

function legacyRowsSheet(book: ExcelJS.Workbook, name: string, rows: ServiceRow[]) {
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = ROW_COLUMNS.map((header, i) => ({ header, key: `c${i}`, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(rowCells(r).map((c, i) => (NUMERIC.has(ROW_COLUMNS[i]) ? c : String(c))));
}

async function legacyRowsXlsx(owner: ReportOwner, rows: ServiceRow[], period: Period): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = creatorOf(owner);
  legacyRowsSheet(book, "明细", rows);
  const about = book.addWorksheet("说明");
  about.addRow([`${owner.name}公共法律服务 预约和现场咨询明细 ${period.from} 至 ${period.to}`]).font = { bold: true };
  about.addRow([
    "时间为北京时间；联系电话只显示前三位和后四位；已取消的预约也列出，状态为“已取消”；到场时间为签到时间（现场咨询为接待时间），没有签到的为空；“律师当天签到”写“无律师签到记录”的，是记录为已完成、但律师那天没有在这个地点签到的服务；满意程度、问题解决情况和评价意见来自群众评价表，没有评价的为空。",
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The in-memory workbook as the sheet writers shared with the streamed files want it (nothing to commit). */
const inMemory = (book: ExcelJS.Workbook): SheetMaker => ({
  addWorksheet: (name, options) => Object.assign(book.addWorksheet(name, options), { commit() {} }),
});

async function legacyReportXlsx(report: Report, rows: ServiceRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = creatorOf(report.owner);
  const summary = book.addWorksheet("汇总");
  writeSummary(summary, report);
  groupSheet(inMemory(book), "按村居", "服务地点", report.byVenue);
  groupSheet(inMemory(book), "按律师", "律师", report.byLawyer);
  hoursSheet(inMemory(book), report.hours);
  legacyRowsSheet(book, "明细", rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

let f: Awaited<ReturnType<typeof fixture>>;
beforeAll(async () => {
  f = await fixture();
});

/** A town of its own with one venue's day of services (lib/testing/fixtures.ts) and the lawyer's 签到. */
async function fixture() {
  const town = await createTownFixture("导出镇");
  const base = await createServiceDayFixture({ townId: town.id });
  const { lawyer, date, at } = base;
  await prisma.attendance.create({
    data: {
      lawyerId: lawyer.id,
      venueId: base.venue.id,
      arrivedAt: at(8 * 60 + 50),
      leftAt: at(12 * 60),
      sessionEndsAt: at(12 * 60),
    },
  });
  const scope = staffScopeOf(town.id);
  return { ...base, town, scope, period: { from: date, to: date }, owner: await reportOwnerOf(scope) };
}

describe("the streamed exports", () => {
  it("write the dashboard's XLSX cell for cell as the whole workbook did, in batches of any size", async () => {
    const rows = await listDashboardRows(f.scope, f.period);
    if (!rows.ok) throw new Error("filters");
    expect(rows.rows).toHaveLength(7);
    const before = await cellsOf(await legacyRowsXlsx(f.owner, rows.rows, f.period));
    for (const size of [1, 3, 2_000]) {
      const result = await readDashboardRows(f.scope, f.period, size);
      if (!result.ok) throw new Error("filters");
      expect(result.count).toBe(7);
      expect(await cellsOf(await bytesOf(rowsXlsx(f.owner, result.pages, f.period)))).toEqual(before);
    }
  });

  it("write the dashboard's CSV byte for byte as before", async () => {
    const rows = await listDashboardRows(f.scope, f.period);
    if (!rows.ok) throw new Error("filters");
    for (const size of [2, 2_000]) {
      const result = await readDashboardRows(f.scope, f.period, size);
      if (!result.ok) throw new Error("filters");
      expect((await bytesOf(rowsCsvStream(result.pages))).toString("utf8")).toBe(rowsCsv(rows.rows));
    }
  });

  it("write the report's workbook as before, its services streamed last", async () => {
    const report = await loadReport(f.scope, f.period);
    const rows = await listReportRows(f.scope, f.period);
    expect(rows.map((r) => r.status)).toEqual(["DONE", "DONE", "DONE"]);
    const before = await cellsOf(await legacyReportXlsx(report, rows));
    const streamed = await cellsOf(await bytesOf(reportXlsx(report, (await readReportRows(f.scope, f.period, 2)).pages)));
    expect(streamed.map((s) => s.name)).toEqual(["汇总", "按村居", "按律师", "驻村时长", "明细"]);
    expect(streamed).toEqual(before);
  });
});

describe("a large export", () => {
  const ROWS = Number(process.env.EXPORT_TEST_ROWS ?? 120_000);

  it(`streams ${ROWS.toLocaleString("en")} rows with the heap growing by less than 40 MB`, async () => {
    const town = await createTownFixture("大镇");
    const base = await createVenueFixture({ townId: town.id });
    const lawyer = base.lawyers[0];
    // A year of walk-ins made by the database itself, every few minutes.
    await prisma.$executeRaw`
      INSERT INTO walk_in (id, venue_id, lawyer_id, topic_id, at, name, phone, village, outcomes, minutes_spent)
      SELECT 'big-' || n, ${base.venue.id}, ${lawyer.id}, ${base.topic.id},
             ${zonedInstant("2025-01-01")}::timestamptz + n * interval '4 minutes', '大量村民', '139' || lpad(n::text, 8, '0'),
             '测试村', '{CONSULTATION}', 20
      FROM generate_series(1, ${ROWS}) n`;
    const period = { from: "2025-01-01", to: "2026-01-31" };
    const scope = staffScopeOf(town.id);
    const owner = await reportOwnerOf(scope);

    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    gc();
    const start = process.memoryUsage().heapUsed;
    let peak = 0;
    const result = await readDashboardRows(scope, period);
    if (!result.ok) throw new Error("filters");
    expect(result.count).toBe(ROWS);
    const reader = rowsXlsx(owner, result.pages, period).getReader();
    let bytes = 0;
    let chunks = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      bytes += r.value.byteLength;
      // What the stream keeps alive, not the garbage it leaves: sampled after a collection.
      if (++chunks % 50 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - start);
      }
    }
    console.log(`streamed ${ROWS} rows, ${(bytes / 1e6).toFixed(1)} MB of XLSX, peak heap growth ${(peak / 1e6).toFixed(1)} MB`);
    expect(bytes).toBeGreaterThan(ROWS * 5);
    expect(peak).toBeLessThan(40e6);

    // The CSV too: every row, one line each.
    const csv = await readDashboardRows(scope, period);
    if (!csv.ok) throw new Error("filters");
    const text = (await bytesOf(rowsCsvStream(csv.pages))).toString("utf8");
    expect(text.split("\r\n").length - 2).toBe(ROWS);
  }, 180_000);
});
