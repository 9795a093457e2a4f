// Every download an inspector reads (the dashboard's rows, the year's figures, a lawyer's work log),
// through its route handler, in XLSX and in CSV: Chinese words in every cell, never a database code
// (issue 13 item 14). Against the real PostgreSQL; the session is a real one, only next-auth's cookie
// reading is replaced.
import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { getServerSession } from "next-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { BookingStatus, Channel, EvaluationSource, Outcome, Resolution, Role, Satisfaction } from "@/lib/generated/prisma/enums";
import { PRIORITY_GROUP_NAMES } from "@/lib/labels";
import { monthOf } from "@/lib/schedule/hours";
import { createServiceDayFixture, prisma, testTownId } from "@/lib/testing/fixtures";
import { LOG_COLUMNS } from "@/lib/worklog/export";
import { GET as logExport } from "./lawyer/log/route";
import { GET as dashboardExport } from "./staff/dashboard/export/route";
import { GET as reportExport } from "./staff/report/export/route";

vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: vi.fn() }));

/** Any code of the enums an export could show, or a priority group's key: none may stand in a cell. */
const RAW_CODE = new RegExp(
  `\\b(${[
    ...Object.values(BookingStatus),
    ...Object.values(Channel),
    ...Object.values(Outcome),
    ...Object.values(Role),
    ...Object.values(Satisfaction),
    ...Object.values(Resolution),
    ...Object.values(EvaluationSource),
    ...PRIORITY_GROUP_NAMES,
  ].join("|")})\\b`,
);

type Fixture = Awaited<ReturnType<typeof fixture>>;
let f: Fixture;
beforeAll(async () => {
  f = await fixture();
});

/** The service day (every status and channel, a walk-in, evaluations), a staff account and the lawyer's. */
async function fixture() {
  const base = await createServiceDayFixture();
  const { lawyer, date } = base;
  const tag = randomBytes(4).toString("hex");
  const staff = await prisma.user.create({
    data: {
      username: `export-staff-${tag}`,
      displayName: "导出测试工作人员",
      passwordHash: "-",
      role: "STAFF",
      townId: await testTownId(),
    },
  });
  const lawyerUser = await prisma.user.create({
    data: {
      username: `export-lawyer-${tag}`,
      displayName: lawyer.name,
      passwordHash: "-",
      role: "LAWYER",
      lawyer: { connect: { id: lawyer.id } },
    },
  });
  return { ...base, month: monthOf(date), staff, lawyerUser };
}

/** The next requests come from this user, on a live session of theirs. */
async function signedInAs(user: { id: string }) {
  const sid = randomBytes(24).toString("base64url");
  await prisma.userSession.create({ data: { id: sid, userId: user.id } });
  vi.mocked(getServerSession).mockResolvedValue({ user: { id: user.id, sid }, expires: "" });
}

const get = (handler: (request: Request) => Promise<Response>, path: string, query: Record<string, string>) =>
  handler(new Request(`http://test${path}?${new URLSearchParams(query)}`));

/** RFC 4180 as lib/csv.ts writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** A CSV download: text/csv, UTF-8 with the byte-order mark Excel needs for Chinese, as rows of cells. */
async function csvOf(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("content-disposition")).toMatch(/filename\*=UTF-8''.+\.csv$/);
  // Read as bytes: Response.text() would drop the byte-order mark it is meant to check.
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  expect(text.endsWith("\r\n")).toBe(true);
  return parseCsv(text.slice(1));
}

/** An XLSX download: every sheet, as rows of the cells' text. */
async function xlsxOf(response: Response): Promise<Record<string, string[][]>> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(response.headers.get("content-disposition")).toMatch(/filename\*=UTF-8''.+\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  const sheets: Record<string, string[][]> = {};
  book.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      for (let i = 1; i <= row.cellCount; i++) cells.push(row.getCell(i).text);
      rows.push(cells);
    });
    sheets[sheet.name] = rows;
  });
  return sheets;
}

function expectNoRawCodes(rows: string[][]) {
  const found = rows.flat().filter((cell) => RAW_CODE.test(cell));
  expect(found).toEqual([]);
}

/** The rows of a table by its header: `{ 状态: "已完成", ... }` per line. */
function records(rows: string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

describe("the dashboard's export", () => {
  const query = () => ({ from: f.date, to: f.date, venue: f.venue.slug });

  it("as CSV: text/csv with a byte-order mark, every status, channel, group and outcome in Chinese", async () => {
    await signedInAs(f.staff);
    const rows = await csvOf(await get(dashboardExport, "/api/staff/dashboard/export", { ...query(), format: "csv" }));
    expectNoRawCodes(rows);
    const lines = records(rows);
    expect(lines.map((r) => [r.类型, r.时间, r.来源, r.状态, r.到场时间])).toEqual([
      ["预约", "09:00", "网上预约", "已预约", ""],
      ["预约", "09:30", "电话预约", "已签到", "09:28"],
      ["预约", "10:00", "现场预约", "已完成", "09:55"],
      ["预约", "10:30", "社工转介", "已完成", ""],
      ["预约", "11:00", "村干部转介", "未到", ""],
      ["预约", "11:30", "网上预约", "已取消", ""],
      ["现场咨询", "11:45", "未预约，直接到场", "已完成", "11:45"],
    ]);
    expect(lines.map((r) => r.重点人群)).toEqual(["", "", "60岁及以上老人", "低收入家庭", "", "", "外来务工人员"]);
    expect(lines[2].服务结果).toBe("法律咨询解答、代写法律文书、其他");
    expect(lines[3].服务结果).toBe("起草/审查合同、参与调解、转介法律援助、转介人民调解");
    for (const r of lines) expect([r.日期, r.服务地点, r.村居, r.律师]).toEqual([f.date, f.venue.name, "测试村", f.lawyer.name]);
    expect(lines.map((r) => [r.满意程度, r.问题解决情况, r.评价意见, r.评价方式])).toEqual([
      ["", "", "", ""],
      ["", "", "", ""],
      ["满意", "已解决", "讲得清楚", "村民在预约页面填写"],
      ["", "", "", ""],
      ["", "", "", ""],
      ["", "", "", ""],
      ["基本满意", "部分解决", "", "纸质评价表录入"],
    ]);
  });

  it("as XLSX: the same rows, and no code in any cell of any sheet", async () => {
    await signedInAs(f.staff);
    const sheets = await xlsxOf(await get(dashboardExport, "/api/staff/dashboard/export", { ...query(), format: "xlsx" }));
    expect(Object.keys(sheets)).toEqual(["明细", "说明"]);
    for (const rows of Object.values(sheets)) expectNoRawCodes(rows);
    const lines = records(sheets.明细);
    expect(lines.map((r) => r.状态)).toEqual(["已预约", "已签到", "已完成", "已完成", "未到", "已取消", "已完成"]);
    expect(lines.map((r) => r.到场时间)).toEqual(["", "09:28", "09:55", "", "", "", "11:45"]);
  });

  it("refuses a format it does not make, in words", async () => {
    await signedInAs(f.staff);
    const response = await get(dashboardExport, "/api/staff/dashboard/export", { ...query(), format: "pdf" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({ format: "格式只能是 xlsx 或 csv。" });
  });
});

describe("the year's figures", () => {
  const query = () => ({ from: f.date, to: f.date });
  const HEADINGS = [
    "接待服务对象（人次）",
    "解答法律咨询（条）",
    "出具法律文书（件）",
    "起草审查合同（份）",
    "参与调解（宗）",
    "转介法律援助（件）",
    "转介人民调解（件）",
  ];
  const EVALUATION_HEADINGS = [
    "收到群众评价（份）",
    "满意（份）",
    "基本满意（份）",
    "不满意（份）",
    "问题已解决（份）",
    "问题部分解决（份）",
    "问题未解决（份）",
    "满意度",
  ];
  // Two done bookings and the walk-in; each outcome once per service that recorded it; then two
  // evaluations (满意 and 基本满意, so 满意度 100%).
  const MINE = ["3", "2", "1", "1", "1", "1", "1", "2", "1", "1", "0", "1", "1", "0", "100%"];

  it("as CSV: a table of the report's figures in its own words, the town, each venue and each lawyer", async () => {
    await signedInAs(f.staff);
    const response = await get(reportExport, "/api/staff/report/export", { ...query(), format: "csv" });
    const rows = await csvOf(response);
    expect(decodeURIComponent(response.headers.get("content-disposition") ?? "")).toContain(
      `公共法律服务年度数据-${f.date}至${f.date}.csv`,
    );
    expectNoRawCodes(rows);
    expect(rows[0]).toEqual(["统计期间", "统计范围", "名称", ...HEADINGS, ...EVALUATION_HEADINGS]);
    const period = `${f.date} 至 ${f.date}`;
    // Other tests may add services on the same day: the town's total is at least this venue's.
    expect(rows[1].slice(0, 3)).toEqual([period, "全镇", "合计"]);
    expect(Number(rows[1][3])).toBeGreaterThanOrEqual(3);
    expect(rows).toContainEqual([period, "按村居（服务地点）", f.venue.name, ...MINE]);
    expect(rows).toContainEqual([period, "按律师", f.lawyer.name, ...MINE]);
    for (const r of rows.slice(1)) expect(r.slice(3).every((n) => /^(\d+|\d+(\.\d)?%|—)$/.test(n))).toBe(true);
  });

  it("as XLSX (also without a format): the summary, per venue, per lawyer and the services, no code in any cell", async () => {
    await signedInAs(f.staff);
    for (const format of ["xlsx", undefined]) {
      const sheets = await xlsxOf(await get(reportExport, "/api/staff/report/export", format ? { ...query(), format } : query()));
      expect(Object.keys(sheets)).toEqual(["汇总", "按村居", "按律师", "驻村时长", "明细"]);
      for (const rows of Object.values(sheets)) expectNoRawCodes(rows);
      expect(sheets.按村居).toContainEqual([f.venue.name, ...MINE]);
      const mine = records(sheets.明细).filter((r) => r.服务地点 === f.venue.name);
      expect(mine.map((r) => r.状态)).toEqual(["已完成", "已完成", "已完成"]);
    }
  });

  it("refuses a format it does not make, in words", async () => {
    await signedInAs(f.staff);
    const response = await get(reportExport, "/api/staff/report/export", { ...query(), format: "pdf" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({ format: "格式只能是 xlsx 或 csv。" });
  });
});

describe("a lawyer's work log", () => {
  /** The inspector's columns of the log, done bookings, the no-show and the walk-in, in time order. */
  function expectInspectorsLog(lines: Record<string, string>[]) {
    expect(lines.map((r) => [r.时间, r.服务对象姓名, r.服务结果, r["来源（预约/现场）"], r.到场时间])).toEqual([
      ["10:00", "完成村民", "法律咨询解答、代写法律文书、其他", "预约", "09:55"],
      ["10:30", "转介村民", "起草/审查合同、参与调解、转介法律援助、转介人民调解", "预约", ""],
      ["11:00", "未到村民", "未到（预约了没有来）", "预约", ""],
      ["11:45", "现场村民", "法律咨询解答", "现场", "11:45"],
    ]);
    for (const r of lines) {
      expect([r.日期, r.服务地点, r.律师, r.村居, r.咨询事项]).toEqual([
        f.date,
        f.venue.name,
        f.lawyer.name,
        "测试村",
        "婚姻家庭",
      ]);
      expect(r.联系电话).toMatch(/^139\d{8}$/);
    }
    expect(lines.find((r) => r.服务对象姓名 === "完成村民")?.["用时（分钟）"]).toBe("30");
  }

  it("as CSV, the lawyer's own: the no-show as 未到, the lawyer's name, the BOM, no code", async () => {
    await signedInAs(f.lawyerUser);
    const rows = await csvOf(await get(logExport, "/api/lawyer/log", { month: f.month, format: "csv" }));
    expectNoRawCodes(rows);
    expect(rows[0]).toEqual([...LOG_COLUMNS]);
    expectInspectorsLog(records(rows).filter((r) => r.日期 === f.date));
  });

  it("as XLSX, named by staff: the same lines and no code in any sheet", async () => {
    await signedInAs(f.staff);
    const sheets = await xlsxOf(await get(logExport, "/api/lawyer/log", { month: f.month, lawyer: f.lawyer.id, format: "xlsx" }));
    expect(Object.keys(sheets)).toEqual(["工作日志", "汇总", "群众评价", "律师签到"]);
    for (const rows of Object.values(sheets)) expectNoRawCodes(rows);
    // The month's evaluations: counts and comments, and never who wrote them.
    expect(sheets.群众评价).toContainEqual(["收到评价（份）", "2"]);
    expect(sheets.群众评价).toContainEqual(["满意度", "100%"]);
    expect(sheets.群众评价).toContainEqual(["满意", "已解决", "讲得清楚"]);
    expect(sheets.群众评价.flat().join()).not.toMatch(/完成村民|现场村民|139\d{8}/);
    expectInspectorsLog(records(sheets.工作日志).filter((r) => r.日期 === f.date));
    // The no-show is listed but is no service.
    expect(sheets.汇总).toContainEqual(["服务人次", "3"]);
  });

  it("refuses a format it does not make, instead of sending an XLSX", async () => {
    await signedInAs(f.lawyerUser);
    const response = await get(logExport, "/api/lawyer/log", { month: f.month, format: "pdf" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({ format: "格式只能是 xlsx 或 csv。" });
  });
});
