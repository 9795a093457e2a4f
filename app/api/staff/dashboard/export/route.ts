// The dashboard's rows as XLSX or CSV, with the same filters as the page.
import { recordDownload } from "@/lib/audit/mutations";
import { CSV_TYPE, fileHeaders, XLSX_TYPE } from "@/lib/http";
import { rowsCsv, rowsFileName, rowsXlsx } from "@/lib/stats/export";
import { listDashboardRows } from "@/lib/stats/rows/queries";
import { exportFormat, parseDashboardFilters } from "@/lib/stats/schema";
import { invalidParams, staffDownload } from "../../download";

export const GET = staffDownload(async (user, params) => {
  const format = exportFormat.safeParse(params.get("format") ?? undefined);
  if (!format.success) return invalidParams({ format: "格式只能是 xlsx 或 csv。" });
  const filters = parseDashboardFilters(params);
  if (!filters.ok) return invalidParams(filters.errors);
  const result = await listDashboardRows(filters.value);
  if (!result.ok) return invalidParams(result.errors);
  const { from, to } = filters.value;
  // The file carries (masked) personal data: who took it is recorded.
  await recordDownload(user, {
    summary: `下载需求分析明细 ${from} 至 ${to}（${format.data.toUpperCase()}，${result.rows.length} 条）`,
  });
  const ascii = `demand-${from}-${to}.${format.data}`;
  if (format.data === "csv")
    return new Response(rowsCsv(result.rows), { headers: fileHeaders(ascii, rowsFileName(filters.value, "csv"), CSV_TYPE) });
  const body = await rowsXlsx(result.rows, filters.value);
  return new Response(new Uint8Array(body), { headers: fileHeaders(ascii, rowsFileName(filters.value, "xlsx"), XLSX_TYPE) });
});
