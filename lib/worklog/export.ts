// The work log as the files inspectors read (台账/工作日志): CSV that Excel opens with Chinese intact, and XLSX.
import "server-only";
import ExcelJS from "exceljs";
import { type CsvCell, toCsv } from "@/lib/csv";
import { NO_SHOW_LABEL, outcomeLabels } from "@/lib/labels";
import { formatTimeOn } from "@/lib/time";
import type { LogEntry, WorkLog } from "./queries";

export const LOG_COLUMNS = [
  "日期",
  "时间",
  "服务地点",
  "律师",
  "村居",
  "服务对象姓名",
  "联系电话",
  "咨询事项",
  "服务结果",
  "用时（分钟）",
  "来源（预约/现场）",
  "到场时间",
] as const;

function cells(e: LogEntry, lawyer: string): CsvCell[] {
  return [
    e.date,
    e.time,
    e.venue,
    lawyer,
    e.village,
    e.name,
    e.phone,
    e.topic,
    e.noShow ? NO_SHOW_LABEL : outcomeLabels(e.outcomes),
    e.minutesSpent ?? "",
    e.source === "booking" ? "预约" : "现场",
    e.attendedAt ? formatTimeOn(e.attendedAt, e.date) : "",
  ];
}

export function exportFileName(log: WorkLog, ext: "csv" | "xlsx"): string {
  return `工作日志-${log.lawyer.name}-${log.month}.${ext}`;
}

export function workLogCsv(log: WorkLog): string {
  return toCsv(
    LOG_COLUMNS,
    log.entries.map((e) => cells(e, log.lawyer.name)),
  );
}

export async function workLogXlsx(log: WorkLog): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "睦洲镇公共法律服务预约";
  const sheet = book.addWorksheet("工作日志", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = LOG_COLUMNS.map((header, i) => ({
    header,
    key: `c${i}`,
    width: [12, 8, 24, 16, 12, 14, 16, 18, 28, 12, 16, 10][i],
  }));
  sheet.getRow(1).font = { bold: true };
  // Phone numbers and dates stay text: Excel would otherwise drop a landline's leading zero.
  for (const e of log.entries) sheet.addRow(cells(e, log.lawyer.name).map((c, i) => (i === 9 ? c : String(c))));

  const summary = book.addWorksheet("汇总");
  summary.addRow([`${log.lawyer.name} ${log.month} 工作日志汇总`]).font = { bold: true };
  summary.addRow(["服务人次", log.totals.services]);
  summary.addRow(["用时合计（分钟）", log.totals.minutes]);
  summary.addRow([]);
  summary.addRow(["服务结果", "次数"]).font = { bold: true };
  for (const o of log.totals.byOutcome) summary.addRow([o.label, o.count]);
  summary.addRow([]);
  summary.addRow(["村居", "服务人次", "用时（分钟）"]).font = { bold: true };
  for (const v of log.totals.byVillage) summary.addRow([v.village, v.services, v.minutes]);
  summary.addRow([]);
  summary.addRow(["服务地点", "本月排班（小时）", "说明"]).font = { bold: true };
  for (const h of log.hours) summary.addRow([h.venue, Math.round(h.hours * 10) / 10, h.summary]);
  summary.getColumn(1).width = 24;
  summary.getColumn(3).width = 60;

  return Buffer.from(await book.xlsx.writeBuffer());
}
