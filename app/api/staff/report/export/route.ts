// The year's figures of the caller's town as XLSX (the report's lines, per village, per lawyer,
// and the services behind them, streamed as they are read) or as CSV (the figures as one table,
// in the report's words).
import { recordDownload } from "@/lib/audit/mutations";
import { auditActorOf } from "@/lib/auth/scope";
import { CSV_TYPE, fileHeaders, XLSX_TYPE } from "@/lib/http";
import { reportCsv, reportFileName, reportXlsx } from "@/lib/stats/export";
import { loadReport } from "@/lib/stats/report/queries";
import { readReportRows } from "@/lib/stats/rows/queries";
import { exportFormat, parseReportFilters } from "@/lib/stats/schema";
import { invalidParams, staffDownload } from "../../download";

export const GET = staffDownload(async (scope, params) => {
  const format = exportFormat.safeParse(params.get("format") ?? undefined);
  if (!format.success) return invalidParams({ format: "格式只能是 xlsx 或 csv。" });
  const filters = parseReportFilters(params);
  if (!filters.ok) return invalidParams(filters.errors);
  const { from, to } = filters.value;
  if (format.data === "csv") {
    // Counts only, no one's name or phone: nothing personal to record.
    const report = await loadReport(scope, filters.value);
    return new Response(reportCsv(report), {
      headers: fileHeaders(
        `report-${report.owner.slug}-${from}-${to}.csv`,
        reportFileName(report.owner, filters.value, "csv"),
        CSV_TYPE,
      ),
    });
  }
  const [report, rows] = await Promise.all([loadReport(scope, filters.value), readReportRows(scope, filters.value)]);
  // The file carries (masked) personal data: who took it is recorded.
  await recordDownload(auditActorOf(scope), {
    subjectId: `report_export:town:${scope.townId}`,
    summary: `下载年度数据 ${from} 至 ${to}（XLSX，${rows.count} 条明细）`,
  });
  return new Response(reportXlsx(report, rows.pages), {
    headers: fileHeaders(
      `report-${report.owner.slug}-${from}-${to}.xlsx`,
      reportFileName(report.owner, filters.value, "xlsx"),
      XLSX_TYPE,
    ),
  });
});
