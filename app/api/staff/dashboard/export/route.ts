// The dashboard's rows as XLSX or CSV, with the same filters as the page.
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { rowsCsv, rowsFileName, rowsXlsx } from "@/lib/stats/export";
import { fileHeaders, invalid, staffOrProblem, XLSX_TYPE } from "@/lib/stats/http";
import { listDashboardRows } from "@/lib/stats/queries";
import { exportFormat, parseDashboardFilters } from "@/lib/stats/schema";

export async function GET(request: Request) {
  const user = await staffOrProblem();
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const format = exportFormat.safeParse(params.get("format") ?? undefined);
  if (!format.success) return invalid({ format: "格式只能是 xlsx 或 csv。" });
  const filters = parseDashboardFilters(params);
  if (!filters.ok) return invalid(filters.errors);
  const result = await listDashboardRows(filters.value);
  if (!result.ok) return invalid(result.errors);
  const { from, to } = filters.value;
  // The file carries (masked) personal data: who took it is recorded.
  await recordAudit(db, user, {
    kind: "personal_data",
    action: "export",
    summary: `下载需求分析明细 ${from} 至 ${to}（${format.data.toUpperCase()}，${result.rows.length} 条）`,
  });
  const ascii = `demand-${from}-${to}.${format.data}`;
  if (format.data === "csv")
    return new Response(rowsCsv(result.rows), {
      headers: fileHeaders(ascii, rowsFileName(filters.value, "csv"), "text/csv; charset=utf-8"),
    });
  const body = await rowsXlsx(result.rows, filters.value);
  return new Response(new Uint8Array(body), { headers: fileHeaders(ascii, rowsFileName(filters.value, "xlsx"), XLSX_TYPE) });
}
