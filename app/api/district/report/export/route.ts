// The district's year (issue 23 item 5): each town's year in the report's words and the district's
// total as XLSX, or the figures town by town as CSV. District accounts only; counts only, so
// nothing personal to record.
import { can } from "@/lib/auth/can";
import { type DistrictScope, districtScope } from "@/lib/auth/scope";
import { userOrProblem } from "@/lib/auth/session";
import { CSV_TYPE, fileHeaders, guarded, XLSX_TYPE } from "@/lib/http";
import { districtCsv, districtFileName, districtXlsx } from "@/lib/stats/district/export";
import { loadDistrictFigures } from "@/lib/stats/district/queries";
import { exportFormat, parseReportFilters } from "@/lib/stats/schema";
import { invalidParams } from "../../../staff/download";

export const GET = (request: Request) =>
  guarded(async () => {
    const user = await userOrProblem(can.workAsDistrict, "区司法局账号");
    if (user instanceof Response) return user;
    const scope = districtScope(user) as DistrictScope;
    const params = new URL(request.url).searchParams;
    const format = exportFormat.safeParse(params.get("format") ?? undefined);
    if (!format.success) return invalidParams({ format: "格式只能是 xlsx 或 csv。" });
    const filters = parseReportFilters(params);
    if (!filters.ok) return invalidParams(filters.errors);
    const figures = await loadDistrictFigures(scope, filters.value);
    const ascii = `district-${filters.value.from}-${filters.value.to}.${format.data}`;
    const name = districtFileName(figures, format.data);
    if (format.data === "csv") return new Response(districtCsv(figures), { headers: fileHeaders(ascii, name, CSV_TYPE) });
    const body = await districtXlsx(figures);
    return new Response(new Uint8Array(body), { headers: fileHeaders(ascii, name, XLSX_TYPE) });
  });
