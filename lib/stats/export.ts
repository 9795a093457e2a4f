// The dashboard's rows and the year's figures as files: XLSX, and CSV that Excel opens with the
// Chinese intact (UTF-8 with a byte-order mark). Phone numbers are masked: these files travel.
import "server-only";
import { type CsvCell, streamCsv, toCsv } from "@/lib/csv";
import type { EvaluationCounts } from "@/lib/evaluations/rules";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import {
  CHANNELS,
  EVALUATION_SOURCES,
  NO_LAWYER_ATTENDANCE,
  outcomeLabels,
  PRIORITY_GROUPS,
  RESOLUTIONS,
  SATISFACTIONS,
  STATUS_NAMES,
} from "@/lib/labels";
import { maskPhone } from "@/lib/phone";
import { judgementLabel } from "@/lib/schedule/judgement";
import { formatTime, formatTimeOn, toDateString } from "@/lib/time";
import { type StreamedBook, type StreamedSheet, streamWorkbook } from "@/lib/xlsx";
import { EVALUATION_LINES, evaluationSentence, leadDays, type OutcomeCounts, REPORT_LINES, satisfactionText } from "./aggregate";
import type { VillageHours } from "./hours/queries";
import type { Report, ReportGroup, ReportOwner } from "./report/queries";
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
  "律师当天签到",
  "提交日期",
  "提前天数",
  "联系电话",
  "满意程度",
  "问题解决情况",
  "评价意见",
  "评价方式",
] as const;

const WIDTHS = [12, 12, 8, 26, 12, 16, 18, 12, 10, 16, 28, 12, 10, 16, 12, 10, 14, 10, 12, 40, 18];
/** Columns that stay numbers in the XLSX, for sums; every other cell is text. */
const NUMERIC: ReadonlySet<string> = new Set(["用时（分钟）", "提前天数"]);
const groups: Record<string, string> = PRIORITY_GROUPS;

/** A row's cells, the same in the CSV and the XLSX. */
export function rowCells(r: ServiceRow): CsvCell[] {
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
    // Only a service done says anything of the lawyer's day there.
    r.status !== "DONE" ? "" : r.lawyerSignedIn ? "已签到" : NO_LAWYER_ATTENDANCE,
    booking ? toDateString(r.createdAt) : "",
    booking ? Math.max(0, leadDays(r.createdAt, r.at)) : "",
    r.phone ? maskPhone(r.phone) : "",
    r.satisfaction ? SATISFACTIONS[r.satisfaction] : "",
    r.resolution ? RESOLUTIONS[r.resolution] : "",
    r.evaluationComment ?? "",
    r.evaluationSource ? EVALUATION_SOURCES[r.evaluationSource] : "",
  ];
}

export function rowsCsv(rows: ServiceRow[]): string {
  return toCsv(ROW_COLUMNS, rows.map(rowCells));
}

async function* cellsOf(pages: AsyncIterable<ServiceRow[]>): AsyncGenerator<CsvCell[][]> {
  for await (const rows of pages) yield rows.map(rowCells);
}

/** The same file, streamed as the rows are read (issue 24 item 3). */
export function rowsCsvStream(pages: AsyncIterable<ServiceRow[]>): ReadableStream<Uint8Array> {
  return streamCsv(ROW_COLUMNS, cellsOf(pages));
}

/** The rows' sheet, each batch committed (written out) before the next is read. */
async function addRowsSheet(
  book: StreamedBook,
  name: string,
  pages: AsyncIterable<ServiceRow[]>,
  roomFor: (sheet: StreamedSheet) => Promise<void>,
) {
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = ROW_COLUMNS.map((header, i) => ({ header, key: `c${i}`, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  for await (const rows of pages) {
    // Dates and phone numbers stay text (Excel would drop a landline's leading zero).
    for (const r of rows) sheet.addRow(rowCells(r).map((c, i) => (NUMERIC.has(ROW_COLUMNS[i]) ? c : String(c)))).commit();
    await roomFor(sheet);
  }
  sheet.commit();
}

/** Who made the file: the town's (or the district's) booking site. */
export const creatorOf = (owner: ReportOwner) => `${owner.name}公共法律服务预约`;

/** The dashboard's rows as XLSX, streamed: the rows' sheet as they are read, then the notes. */
export function rowsXlsx(owner: ReportOwner, pages: AsyncIterable<ServiceRow[]>, period: Period): ReadableStream<Uint8Array> {
  return streamWorkbook(creatorOf(owner), async (book, roomFor) => {
    await addRowsSheet(book, "明细", pages, roomFor);
    const about = book.addWorksheet("说明");
    about.addRow([`${owner.name}公共法律服务 预约和现场咨询明细 ${period.from} 至 ${period.to}`]).font = { bold: true };
    about.addRow([
      "时间为北京时间；联系电话只显示前三位和后四位；已取消的预约也列出，状态为“已取消”；到场时间为签到时间（现场咨询为接待时间），没有签到的为空；“律师当天签到”写“无律师签到记录”的，是记录为已完成、但律师那天没有在这个地点签到的服务；满意程度、问题解决情况和评价意见来自群众评价表，没有评价的为空。",
    ]);
    about.commit();
  });
}

/** "睦洲镇-预约与现场咨询明细-2026-01-01至2026-03-31.xlsx": a file saved beside another town's says whose it is. */
export function rowsFileName(owner: ReportOwner, period: Period, ext: "csv" | "xlsx"): string {
  return `${owner.name}-预约与现场咨询明细-${period.from}至${period.to}.${ext}`;
}

/** "接待服务对象 112 人次" — a line of the report. */
export function reportSentence(line: { verb: string; unit: string }, count: number): string {
  return `${line.verb} ${count} ${line.unit}`;
}

/** The report's columns: the figure's words and unit, as on the page ("接待服务对象（人次）"), then the evaluations'. */
const REPORT_HEADINGS = [
  ...REPORT_LINES.map((l) => `${l.verb}（${l.unit}）`),
  ...EVALUATION_LINES.map((l) => `${l.verb}（${l.unit}）`),
  "满意度",
];

/** One row's numbers under REPORT_HEADINGS. */
const reportCells = (counts: OutcomeCounts, evaluations: EvaluationCounts) => [
  ...REPORT_LINES.map((l) => counts[l.key]),
  ...EVALUATION_LINES.map((l) => evaluations[l.key]),
  satisfactionText(evaluations),
];

/** "全镇" or "全区": the total's scope. */
export const wholeOf = (owner: ReportOwner) => (owner.kind === "town" ? "全镇" : "全区");

/** The report's figures, the town's total first, then each venue and each lawyer, as on the page. */
function reportTable(report: Report): { scope: string; name: string; counts: OutcomeCounts; evaluations: EvaluationCounts }[] {
  return [
    { scope: wholeOf(report.owner), name: "合计", counts: report.totals, evaluations: report.evaluations },
    ...report.byVenue.map((g) => ({ scope: "按村居（服务地点）", name: g.name, counts: g, evaluations: g.evaluations })),
    ...report.byLawyer.map((g) => ({ scope: "按律师", name: g.name, counts: g, evaluations: g.evaluations })),
  ];
}

/** The report's figures as one table; the services behind them are the dashboard's export. */
export function reportCsv(report: Report): string {
  const period = `${report.filters.from} 至 ${report.filters.to}`;
  return toCsv(
    ["统计期间", "统计范围", "名称", ...REPORT_HEADINGS],
    reportTable(report).map((r) => [period, r.scope, r.name, ...reportCells(r.counts, r.evaluations)]),
  );
}

export function groupSheet(book: SheetMaker, name: string, first: string, groups: ReportGroup[]) {
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([first, ...REPORT_HEADINGS]).font = { bold: true };
  for (const g of groups) sheet.addRow([g.name, ...reportCells(g, g.evaluations)]);
  sheet.getColumn(1).width = 28;
  for (let i = 2; i <= REPORT_HEADINGS.length + 1; i++) sheet.getColumn(i).width = 16;
  sheet.commit();
}

/** Where sheets are added: the streamed workbook, or (in the tests' reference) one built in memory. */
export type SheetMaker = Pick<StreamedBook, "addWorksheet">;

/** Each village month by month: scheduled beside attended hours, and whether the attended reached the target. */
export function hoursSheet(book: SheetMaker, hours: VillageHours) {
  const sheet = book.addWorksheet("驻村时长", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(["村居", "月份", "排班（小时）", "签到在场（小时）", `签到在场达到 ${hours.target} 小时`]).font = { bold: true };
  for (const r of hours.rows) {
    for (const m of r.months) {
      const month = `${m.month.slice(0, 4)}年${Number(m.month.slice(5, 7))}月`;
      sheet.addRow([r.village ?? r.name, month, m.scheduled, m.attended, judgementLabel(m.judgement)]);
    }
  }
  sheet.addRow([]);
  sheet.addRow(["签到在场 = 律师签到到签退的时间（忘了签退的，算到那次坐班结束），按北京时间的整月统计。"]);
  for (const [i, width] of [16, 10, 14, 16, 20].entries()) sheet.getColumn(i + 1).width = width;
  sheet.commit();
}

/** The 汇总 sheet: the report's heading, its figures in the report's words, and how they are counted. */
export function writeSummary(summary: StreamedSheet, report: Report) {
  summary.addRow([reportTitle(report.owner, report.filters)]).font = { bold: true, size: 14 };
  summary.addRow([]);
  summary.addRow(["项目", "数量", "单位", "表述"]).font = { bold: true };
  for (const line of REPORT_LINES) {
    const count = report.totals[line.key];
    summary.addRow([line.verb, count, line.unit, reportSentence(line, count)]);
  }
  for (const line of EVALUATION_LINES) {
    const count = report.evaluations[line.key];
    summary.addRow([line.verb, count, line.unit, reportSentence(line, count)]);
  }
  summary.addRow(["满意度", satisfactionText(report.evaluations), "", evaluationSentence(report.evaluations)]);
  summary.addRow([]);
  summary.addRow(["接待服务对象 = 已完成的预约 + 现场咨询；每项服务结果按记录了该结果的服务人次计。"]);
  summary.addRow(["满意度 =（满意 + 基本满意）÷ 收到的群众评价份数；评价按咨询日期计入期间。"]);
  summary.getColumn(1).width = 18;
  summary.getColumn(4).width = 30;
}

/** The report as XLSX, streamed: the figures' sheets (small, from `report`), then the services as they are read. */
export function reportXlsx(report: Report, pages: AsyncIterable<ServiceRow[]>): ReadableStream<Uint8Array> {
  return streamWorkbook(creatorOf(report.owner), async (book, roomFor) => {
    const summary = book.addWorksheet("汇总");
    writeSummary(summary, report);
    summary.commit();
    groupSheet(book, "按村居", "服务地点", report.byVenue);
    groupSheet(book, "按律师", "律师", report.byLawyer);
    hoursSheet(book, report.hours);
    await addRowsSheet(book, "明细", pages, roomFor);
  });
}

/** The report's heading: "江门市新会区睦洲镇人民政府公共法律服务 2026-01-01 至 2026-12-31". */
export function reportTitle(owner: ReportOwner, period: Period): string {
  return `${owner.government}公共法律服务 ${period.from} 至 ${period.to}`;
}

/** "睦洲镇-公共法律服务年度数据-2026-01-01至2026-12-31.xlsx", or the district's "新会区-…". */
export function reportFileName(owner: ReportOwner, period: Period, ext: "csv" | "xlsx"): string {
  return `${owner.name}-公共法律服务年度数据-${period.from}至${period.to}.${ext}`;
}

/**
 * The year in the report's words: "睦洲镇公共法律服务工作站和各村（社区）公共法律服务工作室接待服务对象
 * 112 人次，……。收到群众评价 25 份，……。" `who` names the stations: a town's name, or the district's
 * "新会区各镇（街道）".
 */
export function reportParagraph(who: string, counts: OutcomeCounts, evaluations: EvaluationCounts): string {
  const lines = REPORT_LINES.map((line) => reportSentence(line, counts[line.key])).join("，");
  return `${who}公共法律服务工作站和各村（社区）公共法律服务工作室${lines}。${evaluationSentence(evaluations)}。`;
}
