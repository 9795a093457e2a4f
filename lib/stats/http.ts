import "server-only";
// Shared by the export route handlers: authorised here, not only in proxy.ts. Strangers get 401,
// other roles 403, as JSON with a Chinese sentence saying what to do.
import { type CurrentUser, getCurrentUser } from "@/lib/auth/session";

export function problem(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function staffOrProblem(): Promise<CurrentUser | Response> {
  const user = await getCurrentUser();
  if (!user) return problem(401, "unauthorised", "请先用司法所工作人员账号登录，再下载。");
  if (user.role !== "STAFF" && user.role !== "ADMIN")
    return problem(403, "forbidden", "没有权限：只有司法所工作人员和管理员可以下载统计数据。");
  return user;
}

export function invalid(errors: Record<string, string>): Response {
  return problem(400, "invalid_input", `参数有误：${Object.values(errors).join(" ")}`);
}

export function fileHeaders(asciiName: string, name: string, type: string): Record<string, string> {
  return {
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    "Cache-Control": "no-store",
  };
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
