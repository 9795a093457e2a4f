// The month's work log as a list that fits a 360 px phone, with its totals and on-site hours.
import Link from "next/link";
import { outcomeLabels } from "@/lib/consultations/schema";
import { formatDate } from "@/lib/time";
import type { WorkLog } from "@/lib/worklog/queries";

export function WorkLogView({ log }: { log: WorkLog }) {
  return (
    <div className="space-y-8">
      <section aria-labelledby="hours-heading" className="space-y-2">
        <h2 id="hours-heading" className="text-xl font-bold">
          驻点时间
        </h2>
        <ul className="space-y-2">
          {log.hours.map((h) => (
            <li
              key={h.venueId}
              className={`rounded-lg border-2 p-3 ${h.shortfall > 0 ? "border-amber-700 bg-amber-50" : "border-gray-400"}`}
            >
              <p className="font-semibold">
                {h.shortfall > 0 ? "未达标：" : ""}
                {h.venue}
              </p>
              <p>{h.summary}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="totals-heading" className="space-y-3">
        <h2 id="totals-heading" className="text-xl font-bold">
          本月合计：服务 {log.totals.services} 人次，用时 {log.totals.minutes} 分钟
        </h2>
        <table className="w-full border-collapse text-left">
          <caption className="text-left font-semibold">按服务结果</caption>
          <thead>
            <tr className="border-b-2 border-gray-500">
              <th scope="col" className="py-1">
                服务结果
              </th>
              <th scope="col" className="py-1 text-right">
                次数
              </th>
            </tr>
          </thead>
          <tbody>
            {log.totals.byOutcome.map((o) => (
              <tr key={o.outcome} className="border-b border-gray-300">
                <th scope="row" className="py-1 font-normal">
                  {o.label}
                </th>
                <td className="py-1 text-right">{o.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {log.totals.byVillage.length > 0 && (
          <table className="w-full border-collapse text-left">
            <caption className="text-left font-semibold">按村居</caption>
            <thead>
              <tr className="border-b-2 border-gray-500">
                <th scope="col" className="py-1">
                  村居
                </th>
                <th scope="col" className="py-1 text-right">
                  人次
                </th>
                <th scope="col" className="py-1 text-right">
                  分钟
                </th>
              </tr>
            </thead>
            <tbody>
              {log.totals.byVillage.map((v) => (
                <tr key={v.village} className="border-b border-gray-300">
                  <th scope="row" className="py-1 font-normal">
                    {v.village}
                  </th>
                  <td className="py-1 text-right">{v.services}</td>
                  <td className="py-1 text-right">{v.minutes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="entries-heading" className="space-y-3">
        <h2 id="entries-heading" className="text-xl font-bold">
          服务记录（{log.entries.length} 条）
        </h2>
        {log.entries.length === 0 ? (
          <p>这个月还没有记录。预约咨询结束后请“记录服务结果”；没有预约的请“记录现场咨询”。</p>
        ) : (
          <ol className="space-y-3">
            {log.entries.map((e) => (
              <li key={`${e.source}-${e.id}`} className="rounded-lg border-2 border-gray-400 p-3">
                <p className="font-semibold">
                  {formatDate(e.date)} {e.time} · {e.source === "booking" ? "预约" : "现场"}
                </p>
                <p>
                  {e.name}
                  {e.phone ? ` · ${e.phone}` : ""} · {e.village}
                </p>
                <p>
                  {e.venue} · {e.topic}
                </p>
                <p>
                  {outcomeLabels(e.outcomes)}
                  {e.minutesSpent ? ` · ${e.minutesSpent} 分钟` : ""}
                </p>
                {e.source === "booking" && (
                  <Link
                    href={`/lawyer/bookings/${e.id}`}
                    aria-label={`修改服务结果：${e.name}`}
                    className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline"
                  >
                    修改服务结果
                  </Link>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
