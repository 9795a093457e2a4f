import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/charts/chart-figure";
import { textLink } from "@/components/form/styles";
import { requireTownScope } from "@/lib/auth/session";
import { OUTCOMES, outcomeLabels } from "@/lib/labels";
import { maskPhone } from "@/lib/phone";
import { REPORT_LINES } from "@/lib/stats/aggregate";
import { listReportItems } from "@/lib/stats/rows/queries";
import { firstValues, parseReportItems, toQuery } from "@/lib/stats/schema";
import { formatDate, formatTime, toDateString } from "@/lib/time";

export const metadata: Metadata = { title: "年度数据明细" };

type Search = Record<string, string | string[] | undefined>;

/** The services behind one number of the report; phone numbers masked. */
export default async function ReportItemsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const scope = await requireTownScope("/staff/report/items");
  const parsed = parseReportItems(firstValues(await searchParams));
  if (!parsed.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">年度数据明细</h1>
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold">
          地址中的条件有误：{Object.values(parsed.errors).join(" ")}请回到年度数据页重新点选数字。
        </p>
        <Link href="/staff/report" className={textLink}>
          回到年度数据
        </Link>
      </div>
    );
  }
  const f = parsed.value;
  const result = await listReportItems(scope, f);
  const line = REPORT_LINES.find((l) => l.outcome === f.outcome);
  const what = f.outcome ? (line ? `${line.verb}（${OUTCOMES[f.outcome]}）` : OUTCOMES[f.outcome]) : "接待服务对象";
  const about = [result.venueName, result.lawyerName].filter(Boolean).join(" · ");
  const base = { from: f.from, to: f.to, outcome: f.outcome, venue: f.venue, lawyer: f.lawyer };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">
        {what}：{result.total} {line?.unit ?? "人次"}
      </h1>
      <p>
        {formatDate(f.from)} 至 {formatDate(f.to)}
        {about ? ` · ${about}` : ""}。已完成的预约和现场咨询，时间为北京时间，手机号码只显示前三位和后四位。
      </p>
      <p className="no-print">
        <Link href={`/staff/report${toQuery({ from: f.from, to: f.to })}`} className={textLink}>
          回到年度数据
        </Link>
      </p>
      <DataTable
        caption={`第 ${result.page} / ${result.pageCount} 页`}
        columns={[
          { label: "日期时间" },
          { label: "类型" },
          { label: "服务对象" },
          { label: "联系电话" },
          { label: "服务地点" },
          { label: "律师" },
          { label: "咨询事项" },
          { label: "服务结果" },
        ]}
        rows={result.rows.map((r) => [
          `${formatDate(toDateString(r.at))} ${formatTime(r.at)}`,
          r.kind === "booking" ? (
            r.code ? (
              <Link key="code" href={`/staff/bookings/${r.code}`} className="text-brand-800 underline">
                预约 {r.code}
              </Link>
            ) : (
              "预约"
            )
          ) : (
            <Link key="walk-in" href={`/staff/walk-ins/${r.id}`} className="text-brand-800 underline">
              现场咨询
            </Link>
          ),
          r.name,
          r.phone ? maskPhone(r.phone) : "",
          r.venue,
          r.lawyer,
          r.topic,
          outcomeLabels(r.outcomes),
        ])}
      />
      <nav aria-label="翻页" className="no-print flex flex-wrap gap-6">
        {result.page > 1 && (
          <Link href={`/staff/report/items${toQuery({ ...base, page: result.page - 1 })}`} className={textLink}>
            上一页
          </Link>
        )}
        {result.page < result.pageCount && (
          <Link href={`/staff/report/items${toQuery({ ...base, page: result.page + 1 })}`} className={textLink}>
            下一页
          </Link>
        )}
      </nav>
    </div>
  );
}
