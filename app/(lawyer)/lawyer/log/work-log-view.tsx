// The month's work log as a list that fits a 360 px phone, with its totals and on-site hours.
import Link from "next/link";
import { Section } from "@/components/section";
import { formatAttendance } from "@/lib/attendance/rules";
import { satisfactionRate } from "@/lib/evaluations/rules";
import { NO_LAWYER_ATTENDANCE, NO_SHOW_LABEL, outcomeLabels, RESOLUTIONS, SATISFACTIONS } from "@/lib/labels";
import { formatPercent } from "@/lib/stats/aggregate";
import { formatDate } from "@/lib/time";
import type { WorkLog } from "@/lib/worklog/queries";

/** A small table of counts: a name per row, then its numbers. */
function CountTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: [string, ...number[]][] }) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-gray-500">
          {columns.map((column, i) => (
            <th key={column} scope="col" className={i === 0 ? "py-1" : "py-1 text-right"}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, ...numbers]) => (
          <tr key={name} className="border-b border-gray-300">
            <th scope="row" className="py-1 font-normal">
              {name}
            </th>
            {numbers.map((n, i) => (
              <td key={columns[i + 1]} className="py-1 text-right">
                {n}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WorkLogView({ log }: { log: WorkLog }) {
  return (
    <div className="space-y-8">
      <Section id="hours-heading" title="驻点时间" className="space-y-2">
        <ul className="space-y-2">
          {log.hours.map((h) => (
            <li
              key={h.venueId}
              className={`rounded-lg border-2 p-3 ${h.judgement.state === "short" ? "border-amber-700 bg-amber-50" : "border-gray-400"}`}
            >
              <p className="font-semibold">
                {h.judgement.state === "short" ? "未达标：" : ""}
                {h.venue}
              </p>
              <p>{h.summary}</p>
            </li>
          ))}
        </ul>
      </Section>

      <AttendanceList attendances={log.attendances} />

      <Section
        id="totals-heading"
        title={`本月合计：服务 ${log.totals.services} 人次，用时 ${log.totals.minutes} 分钟`}
        className="space-y-3"
      >
        <CountTable
          caption="按服务结果"
          columns={["服务结果", "次数"]}
          rows={log.totals.byOutcome.map((o) => [o.label, o.count])}
        />
        {log.totals.byVillage.length > 0 && (
          <CountTable
            caption="按村居"
            columns={["村居", "人次", "分钟"]}
            rows={log.totals.byVillage.map((v) => [v.village, v.services, v.minutes])}
          />
        )}
      </Section>

      <EvaluationsSection evaluations={log.evaluations} />

      <Section id="entries-heading" title={`服务记录（${log.entries.length} 条）`} className="space-y-3">
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
                  {e.noShow ? NO_SHOW_LABEL : outcomeLabels(e.outcomes)}
                  {e.minutesSpent ? ` · ${e.minutesSpent} 分钟` : ""}
                </p>
                {e.withoutLawyerAttendance && (
                  <p className="font-semibold text-amber-900">
                    {NO_LAWYER_ATTENDANCE}：这一天您没有在{e.venue}签到。如确实在场，请联系司法所补录签到签退。
                  </p>
                )}
                {e.source === "walk_in" && (
                  <Link
                    href={`/lawyer/walk-ins/${e.id}`}
                    aria-label={`修改或作废：${e.name}`}
                    className="me-4 inline-flex min-h-11 items-center font-semibold text-brand-800 underline"
                  >
                    修改或作废
                  </Link>
                )}
                {e.source === "walk_in" && (
                  <Link
                    href={`/lawyer/evaluation-qr/${e.id}`}
                    aria-label={`请村民扫码评价：${e.name}`}
                    className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline"
                  >
                    请村民扫码评价
                  </Link>
                )}
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
      </Section>
    </div>
  );
}

/** The month's evaluations of the lawyer's own services: counts and comments, never who wrote them. */
function EvaluationsSection({ evaluations: { counts, comments } }: { evaluations: WorkLog["evaluations"] }) {
  return (
    <Section
      id="evaluations-heading"
      title={`群众评价：${counts.total} 份，满意度 ${formatPercent(satisfactionRate(counts))}`}
      className="space-y-3"
    >
      <CountTable
        caption="评价结果（不显示是谁评价的）"
        columns={["评价", "份数"]}
        rows={[
          ...Object.entries(SATISFACTIONS).map(([key, label]): [string, number] => [
            label,
            counts[key as keyof typeof SATISFACTIONS],
          ]),
          ...Object.entries(RESOLUTIONS).map(([key, label]): [string, number] => [
            `问题${label}`,
            counts[key as keyof typeof RESOLUTIONS],
          ]),
        ]}
      />
      {comments.length > 0 && (
        <>
          <h3 className="text-lg font-bold">意见和建议（{comments.length} 条）</h3>
          <ul className="space-y-2">
            {comments.map((c) => (
              <li key={c.id} className="rounded-lg border-2 border-gray-300 p-3">
                <p className="font-semibold">
                  {SATISFACTIONS[c.satisfaction]} · {RESOLUTIONS[c.resolution]}
                </p>
                <p className="break-words">{c.comment}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

/** The month's own 签到 / 签退, the proof of the hours above. */
function AttendanceList({ attendances }: { attendances: WorkLog["attendances"] }) {
  return (
    <Section id="attendance-heading" title={`签到签退（${attendances.length} 次）`} className="space-y-2">
      {attendances.length === 0 ? (
        <p>这个月还没有签到。坐班时请在“我的预约”页点“签到”，离开时点“签退”。</p>
      ) : (
        <ol className="space-y-1">
          {attendances.map((a) => (
            <li key={a.id}>
              {formatDate(a.date)} · {a.venue.name} · {formatAttendance(a)}
              {a.correction ? `，司法所更正：${a.correction.reason}` : ""}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
