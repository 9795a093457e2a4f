// This month's attendances (签到 / 签退) of one lawyer, each with staff's correction form.
import { ArrivalHeading } from "@/components/arrival-heading";
import { CorrectAttendanceForm } from "@/components/attendance/correct-attendance-form";
import type { AttendanceView, MissedSession } from "@/lib/attendance/queries";
import { formatMonthDay, formatTime, formatTimeRange, isoWeekday, shortWeekdayName } from "@/lib/time";

const STATES = { open: "在场，还没有签退", left: "", auto_closed: "未签退（自动结束）" } as const;

/** "09:05–10:55", or "09:05–" while the lawyer is still there. */
const timesOf = (a: AttendanceView) => `${formatTime(a.arrivedAt)}–${a.departure ? formatTime(a.departure) : ""}`;

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h} 小时 ${minutes % 60} 分` : `${minutes} 分钟`;
}

export function AttendanceSection({
  month,
  attendances,
  missed,
  recordedId,
}: {
  month: string;
  attendances: AttendanceView[];
  /** Sessions that ended with nobody signed in, newest first, for 补录. */
  missed: MissedSession[];
  /** The attendance a 补录 has just created (`?recorded=`), said above the records. */
  recordedId?: string;
}) {
  const recorded = recordedId ? attendances.find((a) => a.id === recordedId) : undefined;
  return (
    <section aria-labelledby="attendance-heading" className="space-y-3">
      <ArrivalHeading
        fragment="attendance-heading"
        id="attendance-heading"
        className="scroll-m-4 text-xl font-bold"
        key={recordedId}
      >
        本月签到记录（{Number(month.slice(5, 7))}月）
      </ArrivalHeading>
      {recordedId && (
        <p role="status" className="rounded-lg border-2 border-brand-700 bg-brand-50 p-3 font-semibold">
          {recorded
            ? `已补录：${formatMonthDay(recorded.date)} ${recorded.venue.name} ${timesOf(recorded)}，已记入操作记录。`
            : "已补录，已记入操作记录。这次坐班在上个月，本页只列出本月的签到记录。"}
        </p>
      )}
      <p>律师到达和离开时在手机上签到、签退，驻村时长按签到记录计算。记录有误时，写明原因后更正。</p>
      {attendances.length === 0 ? (
        <p>本月还没有签到记录。</p>
      ) : (
        <ul className="space-y-2">
          {attendances.map((a) => {
            const day = `${formatMonthDay(a.date)} ${shortWeekdayName(isoWeekday(a.date))}`;
            const times = timesOf(a);
            const label = `${day} ${a.venue.name} ${times}`;
            return (
              <li key={a.id} className="space-y-1 rounded-lg border-2 border-gray-300 px-3 py-2">
                <p>
                  <span className="font-semibold">{day}</span> · {a.venue.name} · {times}（{duration(a.minutes)}）
                  {STATES[a.state] && <strong className="text-red-800"> {STATES[a.state]}</strong>}
                </p>
                {a.correction && <p className="text-gray-700">已更正：{a.correction.reason}</p>}
                <details>
                  <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-800 underline">
                    更正<span className="sr-only">：{label}</span>
                  </summary>
                  <CorrectAttendanceForm
                    attendance={{
                      id: a.id,
                      label,
                      arrived: formatTime(a.arrivedAt),
                      left: a.departure ? formatTime(a.departure) : "",
                    }}
                  />
                </details>
              </li>
            );
          })}
        </ul>
      )}
      {missed.length > 0 && (
        <>
          <h3 id="missed-heading" className="text-lg font-bold">
            未签到的坐班（上月至今 {missed.length} 次）
          </h3>
          <p>律师确实到过的（例如忘了签到），问清实际时间后补录，并写明依据。</p>
          <ul aria-labelledby="missed-heading" className="space-y-2">
            {missed.map((s) => {
              const day = `${formatMonthDay(s.date)} ${shortWeekdayName(isoWeekday(s.date))}`;
              const hours = `${formatTimeRange(s.start, s.end)}`;
              const label = `${day} ${s.venue.name} ${hours}`;
              const key = `${s.venue.id}-${s.start.getTime()}`;
              return (
                <li key={key} className="space-y-1 rounded-lg border-2 border-red-800 px-3 py-2">
                  <p>
                    <span className="font-semibold">{day}</span> · {s.venue.name} · {hours}
                    <strong className="text-red-800"> 未签到</strong>
                  </p>
                  <details>
                    <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-800 underline">
                      补录<span className="sr-only">：{label}</span>
                    </summary>
                    <CorrectAttendanceForm
                      attendance={{ id: key, label, arrived: formatTime(s.start), left: formatTime(s.end) }}
                      missed={{ lawyerId: s.lawyer.id, venueId: s.venue.id, date: s.date, startMinute: s.startMinute }}
                    />
                  </details>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
