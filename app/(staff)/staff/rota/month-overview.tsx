// The month at a glance, below the week: each village's hours against the 8-hour target (with a
// link to whoever can make a shortfall up), scheduled and actually attended (签到 to 签退), and a small calendar of how many venues have duty each day.
import Link from "next/link";
import { textLink } from "@/components/form/styles";
import { roundHours } from "@/lib/attendance/rules";
import { MONTHLY_TARGET_HOURS } from "@/lib/schedule/hours";
import { judgementLabel } from "@/lib/schedule/judgement";
import type { RotaRow } from "@/lib/schedule/queries";
import { addDays, type DateString, formatDayOfMonth, shortWeekdayName } from "@/lib/time";

/** A month whose hours can still be arranged: not one already judged. */
function stillToArrange(row: RotaRow): boolean {
  return row.judgement.state !== "short" && row.judgement.state !== "met";
}

export function HoursTable({ rows }: { rows: RotaRow[] }) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">各村（社区）本月安排的现场服务小时数</caption>
      <thead>
        <tr className="border-b-2 border-gray-400">
          <th scope="col" className="p-2">
            地点
          </th>
          <th scope="col" className="p-2">
            安排时长
          </th>
          <th scope="col" className="p-2">
            签到在场
          </th>
          <th scope="col" className="p-2">
            与 {MONTHLY_TARGET_HOURS} 小时相比（按签到在场）
          </th>
          <th scope="col" className="p-2">
            去补足
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.venue.id} className="border-b border-gray-300">
            <th scope="row" className="p-2 font-normal">
              {row.venue.name}
            </th>
            <td className="p-2">{row.hours} 小时</td>
            <td className="p-2">{roundHours(row.attended)} 小时</td>
            {/* Judged on hours served (lib/schedule/judgement.ts); an arrangement short of 8 hours is said apart. */}
            <td className={`p-2 ${row.judgement.state === "short" || row.shortfall ? "font-semibold text-red-800" : ""}`}>
              {row.shortfall === null ? "—（镇工作站）" : judgementLabel(row.judgement)}
              {row.shortfall && stillToArrange(row) ? `；安排还差 ${row.shortfall} 小时` : ""}
            </td>
            <td className="px-2">{row.shortfall && stillToArrange(row) ? <FixLinks lawyers={row.lawyers} /> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The duty hours page of each lawyer who can make the hours up: there staff add a weekly session or an extra day. */
function FixLinks({ lawyers }: { lawyers: RotaRow["lawyers"] }) {
  if (lawyers.length === 0) {
    return (
      <Link href="/staff/lawyers" className={textLink}>
        先为这里指定律师
      </Link>
    );
  }
  return (
    <ul>
      {lawyers.map((l) => (
        <li key={l.id}>
          <Link href={`/staff/lawyers/${l.id}/schedule`} className={textLink}>
            安排{l.name}的值班
          </Link>
        </li>
      ))}
    </ul>
  );
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function MonthCalendar({
  caption,
  month,
  weeks,
  rows,
  shownWeek,
  today,
}: {
  caption: string;
  month: string;
  weeks: (DateString | null)[][];
  rows: RotaRow[];
  /** The Monday of the week shown above, marked in the calendar. */
  shownWeek: DateString;
  today: DateString;
}) {
  const venuesOnDuty = (date: DateString) => rows.filter((r) => (r.days.get(date) ?? []).length > 0).length;
  const afterShownWeek = addDays(shownWeek, 7);
  return (
    <table className="w-full max-w-xl table-fixed border-collapse text-center">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((weekday) => (
            <th key={weekday} scope="col" className="p-1 font-semibold">
              {shortWeekdayName(weekday)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => {
          const shown = week.some((d) => d !== null && d >= shownWeek && d < afterShownWeek);
          return (
            <tr key={week.find(Boolean)} className={shown ? "bg-brand-100" : ""}>
              {WEEKDAYS.map((weekday) => {
                const d = week[weekday - 1];
                if (!d) return <td key={weekday} className="border border-gray-300" />;
                const count = venuesOnDuty(d);
                return (
                  <td key={d} className="border border-gray-300 p-0">
                    <Link
                      href={`?week=${d}&month=${month}`}
                      aria-current={d === today ? "date" : undefined}
                      className={`flex min-h-11 flex-col items-center justify-center px-1 leading-tight text-brand-800 hover:bg-brand-50 ${
                        d === today ? "font-bold underline" : ""
                      }`}
                    >
                      <span>{formatDayOfMonth(d)}</span>
                      <span className={`text-sm ${count ? "text-gray-800" : "text-gray-700"}`}>
                        {count ? `${count} 处` : "无值班"}
                      </span>
                    </Link>
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
