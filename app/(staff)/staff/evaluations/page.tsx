import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/charts/chart-figure";
import { requireTownScope } from "@/lib/auth/session";
import { listPaperCandidates } from "@/lib/evaluations/queries";
import { EVALUATION_SOURCES } from "@/lib/labels";
import { formatDate, formatTime, toDateString } from "@/lib/time";

export const metadata: Metadata = { title: "录入纸质评价表" };

/** The last month's consultations, newest first, to find the one a paper form is of. */
export default async function PaperEvaluationsPage() {
  const scope = await requireTownScope("/staff/evaluations");
  const rows = await listPaperCandidates(scope);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">录入纸质评价表</h1>
      <p>
        最近 31
        天已完成的预约和现场咨询，最新的在前。按评价表上的日期、地点和姓名找到那次咨询，点“录入”，按表上勾选的内容填写。手机号码只显示前三位和后四位。
      </p>
      <DataTable
        caption={`最近 31 天的咨询（${rows.length} 次）`}
        columns={[
          { label: "日期时间" },
          { label: "类型" },
          { label: "服务地点" },
          { label: "律师" },
          { label: "服务对象" },
          { label: "联系电话" },
          { label: "评价" },
        ]}
        rows={rows.map((r) => {
          const href = r.kind === "booking" ? `/staff/bookings/${r.code}#evaluation` : `/staff/evaluations/walk-ins/${r.id}`;
          const who = `${formatDate(toDateString(r.at))} ${formatTime(r.at)} ${r.name}`;
          return [
            `${formatDate(toDateString(r.at))} ${formatTime(r.at)}`,
            r.kind === "booking" ? `预约 ${r.code}` : "现场咨询",
            r.venue,
            r.lawyer,
            r.name,
            r.phone,
            r.evaluated ? (
              EVALUATION_SOURCES[r.evaluated]
            ) : (
              <Link key="enter" href={href} aria-label={`录入评价表：${who}`} className="text-brand-800 underline">
                录入
              </Link>
            ),
          ];
        })}
      />
    </div>
  );
}
