import "server-only";
// The district's year as files (issue 23 item 5): each town's year in the report's words, the
// district's total, and the figures town by town and village by village. Counts only, no one's
// name or phone.
import ExcelJS from "exceljs";
import { toCsv } from "@/lib/csv";
import { satisfactionText } from "../aggregate";
import { creatorOf, reportParagraph, reportTitle } from "../export";
import type { DistrictFigures, Figures } from "./queries";

/** The columns of a line, after its name: the report's first figure, then what the district compares. */
export const FIGURE_COLUMNS = [
  "接待服务对象（人次）",
  "预约（个）",
  "现场咨询（人次）",
  "未到（个）",
  "群众评价（份）",
  "满意度",
  "驻村时长达标（月）",
  "签到在场（小时）",
  "没有空闲时段（次）",
  "回电请求（条）",
  "待回电（条）",
  "候补（人）",
] as const;

export function figureCells(f: Figures): (string | number)[] {
  return [
    f.counts.services,
    f.bookings,
    f.walkIns,
    f.noShow,
    f.evaluations.total,
    satisfactionText(f.evaluations),
    `${f.monthsMet} / ${f.monthsCounted}`,
    f.attendedHours,
    f.nothingFree,
    f.callbacks,
    f.callbacksOpen,
    f.waiting + f.offered,
  ];
}

/** Each town's line, then the district's total. */
function townRows(d: DistrictFigures): (string | number)[][] {
  return [...d.towns.map((t) => [t.name, ...figureCells(t)]), ["合计", ...figureCells(d.totals)]];
}

export function districtCsv(d: DistrictFigures): string {
  const period = `${d.filters.from} 至 ${d.filters.to}`;
  return toCsv(
    ["统计期间", "镇（街道）", ...FIGURE_COLUMNS],
    townRows(d).map((row) => [period, ...row]),
  );
}

export async function districtXlsx(d: DistrictFigures): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = creatorOf(d.owner);
  const words = book.addWorksheet("各镇表述");
  words.addRow([reportTitle(d.owner, d.filters)]).font = { bold: true, size: 14 };
  words.addRow([]);
  words.addRow(["镇（街道）", "表述"]).font = { bold: true };
  for (const t of d.towns) words.addRow([t.government, reportParagraph(t.name, t.counts, t.evaluations)]);
  words.addRow([
    `${d.owner.name}合计`,
    reportParagraph(`${d.owner.name}各镇（街道）`, d.totals.counts, d.totals.evaluations),
  ]).font = {
    bold: true,
  };
  words.getColumn(1).width = 30;
  words.getColumn(2).width = 120;

  const towns = book.addWorksheet("各镇数字", { views: [{ state: "frozen", ySplit: 1 }] });
  towns.addRow(["镇（街道）", ...FIGURE_COLUMNS]).font = { bold: true };
  for (const row of townRows(d)) towns.addRow(row);
  towns.getColumn(1).width = 20;

  const villages = book.addWorksheet("各村居", { views: [{ state: "frozen", ySplit: 1 }] });
  villages.addRow(["镇（街道）", "服务地点", "村居", ...FIGURE_COLUMNS]).font = { bold: true };
  for (const t of d.towns) for (const v of t.villages) villages.addRow([t.name, v.name, v.village ?? "", ...figureCells(v)]);
  villages.getColumn(2).width = 28;

  const lawyers = book.addWorksheet("律师签到时长", { views: [{ state: "frozen", ySplit: 1 }] });
  lawyers.addRow(["律师", "签到在场合计（小时）", "各镇（街道）（小时）"]).font = { bold: true };
  for (const l of d.lawyers) lawyers.addRow([l.name, l.hours, l.towns.map((t) => `${t.name} ${t.hours}`).join("、")]);
  lawyers.getColumn(3).width = 60;

  const about = book.addWorksheet("说明");
  for (const line of [
    "接待服务对象 = 已完成的预约 + 现场咨询；满意度 =（满意 + 基本满意）÷ 群众评价份数；评价按咨询日期计入期间。",
    `驻村时长达标：村居工作室签到在场达到每月 ${d.target} 小时的月数 / 计入的月数（工作室开始服务以前的月份和还没过完的本月不计）。`,
    "没有空闲时段、回电请求按统计期间计；待回电和候补是导出时的人数。合计是各镇（街道）之和。",
  ])
    about.addRow([line]);
  about.getColumn(1).width = 120;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** "新会区-各镇公共法律服务数据-2026-01-01至2026-12-31.xlsx". */
export function districtFileName(d: DistrictFigures, ext: "csv" | "xlsx"): string {
  return `${d.owner.name}-各镇公共法律服务数据-${d.filters.from}至${d.filters.to}.${ext}`;
}
