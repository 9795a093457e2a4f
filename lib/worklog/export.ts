// The work log as the files inspectors read (台账/工作日志): CSV that Excel opens with Chinese intact, and XLSX.
import "server-only";
import ExcelJS from "exceljs";
import type { AttendanceView } from "@/lib/attendance/queries";
import { formatAttendance } from "@/lib/attendance/rules";
import { type CsvCell, toCsv } from "@/lib/csv";
import { satisfactionRate } from "@/lib/evaluations/rules";
import { NO_LAWYER_ATTENDANCE, NO_SHOW_LABEL, outcomeLabels, RESOLUTIONS, SATISFACTIONS } from "@/lib/labels";
import { judgementLabel } from "@/lib/schedule/judgement";
import { formatPercent } from "@/lib/stats/aggregate";
import { formatTime, formatTimeOn } from "@/lib/time";
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
  "律师签到签退",
] as const;

/**
 * The lawyer's own arrivals and departures that day at the entry's venue (matched by name, as the
 * log shows venues), or the flag for a service recorded without any.
 */
function lawyerTimes(e: LogEntry, attendances: AttendanceView[]): string {
  if (e.withoutLawyerAttendance) return NO_LAWYER_ATTENDANCE;
  return attendances
    .filter((a) => a.date === e.date && a.venue.name === e.venue)
    .map(formatAttendance)
    .join("、");
}

function cells(e: LogEntry, lawyer: string, attendances: AttendanceView[] = []): CsvCell[] {
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
    lawyerTimes(e, attendances),
  ];
}

export function exportFileName(log: WorkLog, ext: "csv" | "xlsx"): string {
  return `工作日志-${log.lawyer.name}-${log.month}.${ext}`;
}

export function workLogCsv(log: WorkLog): string {
  return toCsv(
    LOG_COLUMNS,
    log.entries.map((e) => cells(e, log.lawyer.name, log.attendances)),
  );
}

export async function workLogXlsx(log: WorkLog): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "睦洲镇公共法律服务预约";
  const sheet = book.addWorksheet("工作日志", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = LOG_COLUMNS.map((header, i) => ({
    header,
    key: `c${i}`,
    width: [12, 8, 24, 16, 12, 14, 16, 18, 28, 12, 16, 10, 24][i],
  }));
  sheet.getRow(1).font = { bold: true };
  // Phone numbers and dates stay text: Excel would otherwise drop a landline's leading zero.
  for (const e of log.entries) sheet.addRow(cells(e, log.lawyer.name, log.attendances).map((c, i) => (i === 9 ? c : String(c))));

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
  // Judged on hours served, with the scheduled ones beside (lib/schedule/judgement.ts).
  summary.addRow(["服务地点", "签到在场（小时）", "本月排班（小时）", "每月 8 小时", "说明"]).font = { bold: true };
  for (const h of log.hours)
    summary.addRow([h.venue, h.attended, Math.round(h.hours * 10) / 10, judgementLabel(h.judgement), h.summary]);
  summary.getColumn(1).width = 24;
  summary.getColumn(5).width = 60;
  evaluationSheet(book, log);
  attendanceSheet(book, log);

  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The month's evaluations: the counts and 满意度, then the comments, never who wrote them. */
function evaluationSheet(book: ExcelJS.Workbook, log: WorkLog) {
  const { counts, comments } = log.evaluations;
  const sheet = book.addWorksheet("群众评价");
  sheet.addRow([`${log.lawyer.name} ${log.month} 群众评价`]).font = { bold: true };
  sheet.addRow(["收到评价（份）", counts.total]);
  for (const [key, label] of Object.entries(SATISFACTIONS))
    sheet.addRow([`${label}（份）`, counts[key as keyof typeof SATISFACTIONS]]);
  sheet.addRow(["满意度", formatPercent(satisfactionRate(counts))]);
  for (const [key, label] of Object.entries(RESOLUTIONS))
    sheet.addRow([`${label}（份）`, counts[key as keyof typeof RESOLUTIONS]]);
  sheet.addRow([]);
  sheet.addRow(["满意程度", "问题解决情况", "意见和建议（不显示填写人）"]).font = { bold: true };
  for (const c of comments) sheet.addRow([SATISFACTIONS[c.satisfaction], RESOLUTIONS[c.resolution], c.comment]);
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 14;
  sheet.getColumn(3).width = 60;
}

/** The lawyer's 签到 / 签退 of the month, every one, with the hours attended at each venue: the proof of time on site. */
function attendanceSheet(book: ExcelJS.Workbook, log: WorkLog) {
  const sheet = book.addWorksheet("律师签到");
  sheet.addRow([`${log.lawyer.name} ${log.month} 签到签退`]).font = { bold: true };
  sheet.addRow(["服务地点", "本月签到在场（小时）"]).font = { bold: true };
  for (const h of log.hours) sheet.addRow([h.venue, h.attended]);
  sheet.addRow([]);
  sheet.addRow(["日期", "服务地点", "签到", "签退", "在场（分钟）", "说明"]).font = { bold: true };
  for (const a of log.attendances) {
    const note = [a.state === "auto_closed" ? "未签退（自动结束）" : "", a.correction ? `已更正：${a.correction.reason}` : ""];
    sheet.addRow([
      a.date,
      a.venue.name,
      formatTime(a.arrivedAt),
      a.departure ? formatTime(a.departure) : "（在场）",
      a.minutes,
      note.filter(Boolean).join("；"),
    ]);
  }
  sheet.addRow([]);
  sheet.addRow(["时间为北京时间；忘了签退的，按那次坐班结束的时间计。"]);
  for (const [i, width] of [24, 24, 8, 8, 12, 40].entries()) sheet.getColumn(i + 1).width = width;
}
