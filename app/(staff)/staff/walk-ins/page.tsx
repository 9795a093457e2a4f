import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/charts/chart-figure";
import { textLink } from "@/components/form/styles";
import { requireTownScope } from "@/lib/auth/session";
import { listRecentWalkIns } from "@/lib/consultations/queries";
import { formatDate, formatTime, toDateString } from "@/lib/time";

export const metadata: Metadata = { title: "现场咨询记录" };

/** The last two months' walk-ins, newest first, each to correct or void; phone numbers masked. */
export default async function StaffWalkInsPage() {
  const scope = await requireTownScope("/staff/walk-ins");
  const rows = await listRecentWalkIns(scope);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">现场咨询记录</h1>
      <p>
        最近两个月登记的现场咨询，最新的在前。记错了的请点“修改或作废”；作废的记录保留备查，不计入任何统计。手机号码只显示前三位和后四位。
      </p>
      <p>
        <Link href="/staff/walk-ins/new" className={textLink}>
          登记现场咨询
        </Link>
      </p>
      <DataTable
        caption={`现场咨询（${rows.length} 条）`}
        columns={[
          { label: "日期时间" },
          { label: "服务地点" },
          { label: "律师" },
          { label: "服务对象" },
          { label: "联系电话" },
          { label: "咨询事项" },
          { label: "操作" },
        ]}
        rows={rows.map((r) => {
          const when = `${formatDate(toDateString(r.at))} ${formatTime(r.at)}`;
          return [
            when,
            r.venue,
            r.lawyer,
            r.voided ? `${r.name}（已作废）` : r.name,
            r.phone,
            r.topic,
            <Link
              key="open"
              href={`/staff/walk-ins/${r.id}`}
              aria-label={`修改或作废：${when} ${r.name}`}
              className="text-brand-800 underline"
            >
              {r.voided ? "查看" : "修改或作废"}
            </Link>,
          ];
        })}
      />
    </div>
  );
}
