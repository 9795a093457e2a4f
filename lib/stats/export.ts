import "server-only";
// The dashboard's rows and the year's figures as files: XLSX, and CSV that Excel opens with the
// Chinese intact (UTF-8 with a byte-order mark). Phone numbers are masked: these files travel.
import ExcelJS from "exceljs";
import { type CsvCell, toCsv } from "@/lib/csv";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { CHANNELS, outcomeLabels, PRIORITY_GROUPS, STATUS_NAMES } from "@/lib/labels";
import { maskPhone } from "@/lib/phone";
import { formatTime, formatTimeOn, toDateString } from "@/lib/time";
import { leadDays, type OutcomeCounts, REPORT_LINES } from "./aggregate";
import type { Report, ReportGroup } from "./report/queries";
import type { ServiceRow } from "./rows/queries";
import type { Period } from "./schema";

export const ROW_COLUMNS = [
  "类型",
  "日期",
  "时间",
  "服务地点",
  "村居",
  "律师",
  "咨询事项",
  "来源",
  "状态",
  "重点人群",
  "服务结果",
  "用时（分钟）",
  "到场时间",
  "提交日期",
  "提前天数",
  "联系电话",
] as const;

const WIDTHS = [12, 12, 8, 26, 12, 16, 18, 12, 10, 16, 28, 12, 10, 12, 10, 14];
/** Columns that stay numbers in the XLSX, for sums; every other cell is text. */
const NUMERIC: ReadonlySet<string> = new Set(["用时（分钟）", "提前天数"]);
const groups: Record<string, string> = PRIORITY_GROUPS;

function rowCells(r: ServiceRow): CsvCell[] {
  const booking = r.kind === "booking";
  const date = toDateString(r.at);
  return [
    booking ? "预约" : "现场咨询",
    date,
    formatTime(r.at),
    r.venue,
    r.village || r.venueVillage || "",
    r.lawyer,
    r.topic,
    booking ? CHANNELS[r.channel] : "未预约，直接到场",
    // The rows carry the database's BookingStatus; the labels are keyed in lower case.
    booking ? STATUS_NAMES[r.status.toLowerCase() as Lowercase<BookingStatus>] : "已完成",
    // A group no longer offered is still a priority case: never its code.
    r.priorityGroup ? (groups[r.priorityGroup] ?? PRIORITY_GROUPS.other) : "",
    outcomeLabels(r.outcomes),
    r.minutesSpent ?? "",
    r.attendedAt ? formatTimeOn(r.attendedAt, date) : "",
    booking ? toDateString(r.createdAt) : "",
    booking ? Math.max(0, leadDays(r.createdAt, r.at)) : "",
    r.phone ? maskPhone(r.phone) : "",
  ];
}

export function rowsCsv(rows: ServiceRow[]): string {
  return toCsv(ROW_COLUMNS, rows.map(rowCells));
}

function addRowsSheet(book: ExcelJS.Workbook, name: string, rows: ServiceRow[]) {
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = ROW_COLUMNS.map((header, i) => ({ header, key: `c${i}`, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  // Dates and phone numbers stay text (Excel would drop a landline's leading zero).
  for (const r of rows) sheet.addRow(rowCells(r).map((c, i) => (NUMERIC.has(ROW_COLUMNS[i]) ? c : String(c))));
}

export async function rowsXlsx(rows: ServiceRow[], period: Period): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "睦洲镇公共法律服务预约";
  addRowsSheet(book, "明细", rows);
  const about = book.addWorksheet("说明");
  about.addRow([`睦洲镇公共法律服务 预约和现场咨询明细 ${period.from} 至 ${period.to}`]).font = { bold: true };
  about.addRow([
    "时间为北京时间；联系电话只显示前三位和后四位；已取消的预约也列出，状态为“已取消”；到场时间为签到时间（现场咨询为接待时间），没有签到的为空。",
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function rowsFileName(period: Period, ext: "csv" | "xlsx"): string {
  return `预约与现场咨询明细-${period.from}至${period.to}.${ext}`;
}

/** "接待服务对象 112 人次" — a line of the report. */
export function reportSentence(line: (typeof REPORT_LINES)[number], count: number): string {
  return `${line.verb} ${count} ${line.unit}`;
}

/** The report's columns: the figure's words and unit, as on the page ("接待服务对象（人次）"). */
const REPORT_HEADINGS = REPORT_LINES.map((l) => `${l.verb}（${l.unit}）`);

/** The report's figures, the town's total first, then each venue and each lawyer, as on the page. */
function reportTable(report: Report): { scope: string; name: string; counts: OutcomeCounts }[] {
  return [
    { scope: "全镇", name: "合计", counts: report.totals },
    ...report.byVenue.map((g) => ({ scope: "按村居（服务地点）", name: g.name, counts: g })),
    ...report.byLawyer.map((g) => ({ scope: "按律师", name: g.name, counts: g })),
  ];
}

/** The report's figures as one table; the services behind them are the dashboard's export. */
export function reportCsv(report: Report): string {
  const period = `${report.filters.from} 至 ${report.filters.to}`;
  return toCsv(
    ["统计期间", "统计范围", "名称", ...REPORT_HEADINGS],
    reportTable(report).map((r) => [period, r.scope, r.name, ...REPORT_LINES.map((l) => r.counts[l.key])]),
  );
}

function groupSheet(book: ExcelJS.Workbook, name: string, first: string, groups: ReportGroup[]) {
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([first, ...REPORT_HEADINGS]).font = { bold: true };
  for (const g of groups) sheet.addRow([g.name, ...REPORT_LINES.map((l) => g[l.key])]);
  sheet.getColumn(1).width = 28;
  for (let i = 2; i <= REPORT_LINES.length + 1; i++) sheet.getColumn(i).width = 16;
}

export async function reportXlsx(report: Report, rows: ServiceRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "睦洲镇公共法律服务预约";
  const summary = book.addWorksheet("汇总");
  summary.addRow([`睦洲镇公共法律服务 ${report.filters.from} 至 ${report.filters.to}`]).font = { bold: true, size: 14 };
  summary.addRow([]);
  summary.addRow(["项目", "数量", "单位", "表述"]).font = { bold: true };
  for (const line of REPORT_LINES) {
    const count = report.totals[line.key];
    summary.addRow([line.verb, count, line.unit, reportSentence(line, count)]);
  }
  summary.addRow([]);
  summary.addRow(["接待服务对象 = 已完成的预约 + 现场咨询；每项服务结果按记录了该结果的服务人次计。"]);
  summary.getColumn(1).width = 18;
  summary.getColumn(4).width = 30;
  groupSheet(book, "按村居", "服务地点", report.byVenue);
  groupSheet(book, "按律师", "律师", report.byLawyer);
  addRowsSheet(book, "明细", rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function reportFileName(period: Period, ext: "csv" | "xlsx"): string {
  return `公共法律服务年度数据-${period.from}至${period.to}.${ext}`;
}
