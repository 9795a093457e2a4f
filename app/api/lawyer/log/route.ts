// Downloads of a month's work log. Authorised here, not only in proxy.ts: strangers get 401, other roles 403.
import { recordDownload } from "@/lib/audit/mutations";
import { can } from "@/lib/auth/can";
import { townScopeOrProblem, userOrProblem } from "@/lib/auth/session";
import { monthParam } from "@/lib/consultations/schema";
import { CSV_TYPE, fileHeaders, guarded, problem, XLSX_TYPE } from "@/lib/http";
import { auditActorOfCaller } from "@/lib/schedule/queries";
import { exportFormat } from "@/lib/stats/schema";
import { todayInShanghai } from "@/lib/time";
import { exportFileName, workLogCsv, workLogXlsx } from "@/lib/worklog/export";
import { loadWorkLog } from "@/lib/worklog/queries";

export function GET(request: Request) {
  return guarded(async () => {
    const user = await userOrProblem(can.recordConsultations, "律师或司法所工作人员账号");
    if (user instanceof Response) return user;
    const url = new URL(request.url);
    const parsed = exportFormat.safeParse(url.searchParams.get("format") ?? undefined);
    if (!parsed.success)
      return problem("invalid_input", "参数有误：格式只能是 xlsx 或 csv。", { format: "格式只能是 xlsx 或 csv。" });
    const format = parsed.data;
    // A lawyer downloads their own log; staff name the lawyer, and get their town's part of it.
    const caller = can.workAsLawyer(user) ? user : await townScopeOrProblem("司法所工作人员账号");
    if (caller instanceof Response) return caller;
    const lawyerId = "kind" in caller ? url.searchParams.get("lawyer") : caller.lawyerId;
    if (!lawyerId) return problem("invalid_input", "请在地址中用 lawyer= 指明要下载哪位律师的工作日志。");
    const month = monthParam.safeParse(url.searchParams.get("month")).data ?? todayInShanghai().slice(0, 7);

    const log = await loadWorkLog(caller, lawyerId, month);
    if (!log) return problem("not_found", "没有找到这位律师的工作日志。");
    // The file carries villagers' names and phone numbers: who took it is recorded.
    await recordDownload(auditActorOfCaller(caller), {
      subjectId: lawyerId,
      summary: `下载工作日志 ${month}（${format.toUpperCase()}，${log.entries.length} 条）`,
    });

    const headers = fileHeaders(
      `worklog-${month}.${format}`,
      exportFileName(log, format),
      format === "csv" ? CSV_TYPE : XLSX_TYPE,
    );
    if (format === "csv") return new Response(workLogCsv(log), { headers });
    return new Response(new Uint8Array(await workLogXlsx(log)), { headers });
  });
}
