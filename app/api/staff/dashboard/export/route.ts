// The dashboard's rows as XLSX or CSV, with the same filters as the page, of the caller's town,
// streamed: written as they are read, a batch at a time, however many there are.
import { recordDownload } from "@/lib/audit/mutations";
import { auditActorOf } from "@/lib/auth/scope";
import { CSV_TYPE, fileHeaders, XLSX_TYPE } from "@/lib/http";
import { rowsCsvStream, rowsFileName, rowsXlsx } from "@/lib/stats/export";
import { reportOwnerOf } from "@/lib/stats/report/queries";
import { readDashboardRows } from "@/lib/stats/rows/queries";
import { exportFormat, parseDashboardFilters } from "@/lib/stats/schema";
import { invalidParams, staffDownload } from "../../download";

export const GET = staffDownload(async (scope, params) => {
  const format = exportFormat.safeParse(params.get("format") ?? undefined);
  if (!format.success) return invalidParams({ format: "格式只能是 xlsx 或 csv。" });
  const filters = parseDashboardFilters(params);
  if (!filters.ok) return invalidParams(filters.errors);
  const [result, owner] = await Promise.all([readDashboardRows(scope, filters.value), reportOwnerOf(scope)]);
  if (!result.ok) return invalidParams(result.errors);
  const { from, to } = filters.value;
  // The file carries (masked) personal data: who took it is recorded.
  await recordDownload(auditActorOf(scope), {
    subjectId: `demand_export:town:${scope.townId}`,
    summary: `下载需求分析明细 ${from} 至 ${to}（${format.data.toUpperCase()}，${result.count} 条）`,
  });
  const ascii = `demand-${owner.slug}-${from}-${to}.${format.data}`;
  const name = rowsFileName(owner, filters.value, format.data);
  if (format.data === "csv") return new Response(rowsCsvStream(result.pages), { headers: fileHeaders(ascii, name, CSV_TYPE) });
  return new Response(rowsXlsx(owner, result.pages, filters.value), { headers: fileHeaders(ascii, name, XLSX_TYPE) });
});
