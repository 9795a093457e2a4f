// The year's figures as XLSX: the report's lines, per village, per lawyer, and the services behind them.
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { reportFileName, reportXlsx } from "@/lib/stats/export";
import { fileHeaders, invalid, staffOrProblem, XLSX_TYPE } from "@/lib/stats/http";
import { listReportRows, loadReport } from "@/lib/stats/queries";
import { parseReportFilters } from "@/lib/stats/schema";

export async function GET(request: Request) {
  const user = await staffOrProblem();
  if (user instanceof Response) return user;
  const filters = parseReportFilters(new URL(request.url).searchParams);
  if (!filters.ok) return invalid(filters.errors);
  const [report, rows] = await Promise.all([loadReport(filters.value), listReportRows(filters.value)]);
  const { from, to } = filters.value;
  await recordAudit(db, user, {
    kind: "personal_data",
    action: "export",
    summary: `下载年度数据 ${from} 至 ${to}（XLSX，${rows.length} 条明细）`,
  });
  const body = await reportXlsx(report, rows);
  return new Response(new Uint8Array(body), {
    headers: fileHeaders(`report-${from}-${to}.xlsx`, reportFileName(filters.value), XLSX_TYPE),
  });
}
