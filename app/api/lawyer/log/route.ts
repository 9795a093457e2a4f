// Downloads of a month's work log. Authorised here, not only in proxy.ts: strangers get 401, other roles 403.
import { recordAudit } from "@/lib/audit/record";
import { getCurrentUser } from "@/lib/auth/session";
import { monthParam } from "@/lib/consultations/schema";
import { db } from "@/lib/db";
import { todayInShanghai } from "@/lib/time";
import { exportFileName, workLogCsv, workLogXlsx } from "@/lib/worklog/export";
import { loadWorkLog } from "@/lib/worklog/queries";

function problem(status: number, code: string, message: string) {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "unauthorised", "请先登录律师或司法所账号，再下载工作日志。");
  const url = new URL(request.url);
  // A lawyer downloads their own log; staff name the lawyer.
  const lawyerId = user.role === "LAWYER" ? user.lawyerId : url.searchParams.get("lawyer");
  if (user.role === "LAWYER" && !lawyerId)
    return problem(403, "forbidden", "您的账号没有对应的律师资料，不能下载工作日志。请联系司法所。");
  if (!lawyerId) return problem(400, "invalid_input", "请在地址中用 lawyer= 指明要下载哪位律师的工作日志。");
  const month = monthParam.safeParse(url.searchParams.get("month")).data ?? todayInShanghai().slice(0, 7);
  const format = url.searchParams.get("format") === "csv" ? "csv" : "xlsx";

  const log = await loadWorkLog(user, lawyerId, month);
  if (!log) return problem(user.role === "LAWYER" ? 403 : 404, "not_found", "没有找到这位律师的工作日志。");
  // The file carries villagers' names and phone numbers: who took it is recorded.
  await recordAudit(db, user, {
    kind: "personal_data",
    action: "export",
    subjectId: lawyerId,
    summary: `下载工作日志 ${month}（${format.toUpperCase()}，${log.entries.length} 条）`,
  });

  const name = exportFileName(log, format);
  const headers = {
    "Content-Disposition": `attachment; filename="worklog-${month}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    "Cache-Control": "no-store",
  };
  if (format === "csv")
    return new Response(workLogCsv(log), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const body = await workLogXlsx(log);
  return new Response(new Uint8Array(body), {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}
