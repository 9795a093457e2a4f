// The year's figures as XLSX: the report's lines, per village, per lawyer, and the services behind them.
import { recordDownload } from "@/lib/audit/mutations";
import { fileHeaders, XLSX_TYPE } from "@/lib/http";
import { reportFileName, reportXlsx } from "@/lib/stats/export";
import { loadReport } from "@/lib/stats/report/queries";
import { listReportRows } from "@/lib/stats/rows/queries";
import { parseReportFilters } from "@/lib/stats/schema";
import { invalidParams, staffDownload } from "../../download";

export const GET = staffDownload(async (user, params) => {
  const filters = parseReportFilters(params);
  if (!filters.ok) return invalidParams(filters.errors);
  const [report, rows] = await Promise.all([loadReport(filters.value), listReportRows(filters.value)]);
  const { from, to } = filters.value;
  // The file carries (masked) personal data: who took it is recorded.
  await recordDownload(user, { summary: `下载年度数据 ${from} 至 ${to}（XLSX，${rows.length} 条明细）` });
  const body = await reportXlsx(report, rows);
  return new Response(new Uint8Array(body), {
    headers: fileHeaders(`report-${from}-${to}.xlsx`, reportFileName(filters.value), XLSX_TYPE),
  });
});
