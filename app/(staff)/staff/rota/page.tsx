import type { Metadata } from "next";
import Link from "next/link";
import { textLink } from "@/components/form";
import { UnpublishedHolidaysNotice } from "@/components/staff/unpublished-holidays-notice";
import { requireStaff } from "@/lib/auth/session";
import { loadBookingHorizon } from "@/lib/availability/queries";
import { monthParam } from "@/lib/consultations/schema";
import { unpublishedYears } from "@/lib/holidays/calendar";
import { listLawyerNames } from "@/lib/lawyers/queries";
import { MONTHLY_TARGET_HOURS, monthOf, monthRange, nextMonth } from "@/lib/schedule/hours";
import { loadRota } from "@/lib/schedule/queries";
import { addDays, isoWeekday, todayInShanghai } from "@/lib/time";

export const metadata: Metadata = { title: "排班" };

const WEEKDAY = ["一", "二", "三", "四", "五", "六", "日"];

export default async function RotaPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  await requireStaff("/staff/rota");
  const requested = monthParam.safeParse((await searchParams).month);
  const month = requested.success ? requested.data : monthOf(todayInShanghai());
  const previous = monthOf(addDays(monthRange(month).from, -1));
  const [{ dates, rows }, lawyers, horizon] = await Promise.all([loadRota(month), listLawyerNames(), loadBookingHorizon()]);
  const [year, m] = month.split("-").map(Number);
  const short = rows.filter((r) => r.shortfall !== null && r.shortfall > 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        排班：{year}年{m}月
      </h1>
      <UnpublishedHolidaysNotice years={unpublishedYears(monthRange(month), horizon)} />
      <nav aria-label="切换月份" className="flex flex-wrap gap-3">
        <Link href={`?month=${previous}`} className={textLink}>
          ← 上个月
        </Link>
        <Link href={`?month=${nextMonth(month)}`} className={textLink}>
          下个月 →
        </Link>
      </nav>
      <p>
        律师本人在“值班时间”页面维护每周值班、请假和加班；司法所也可以在下面为任何一位律师调整，规则和检查相同。按规定每个村（社区）每月现场服务不少于{" "}
        {MONTHLY_TARGET_HOURS} 小时。
      </p>
      <nav aria-labelledby="edit-rota" className="space-y-2">
        <h2 id="edit-rota" className="text-xl font-bold">
          调整律师值班
        </h2>
        <ul className="flex flex-wrap gap-2">
          {lawyers.map((l) => (
            <li key={l.id}>
              <Link
                href={`/staff/lawyers/${l.id}/schedule`}
                className="inline-flex min-h-11 items-center rounded-lg border-2 border-brand-700 px-3 text-brand-800"
              >
                {l.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="hours" className="space-y-2">
        <h2 id="hours" className="text-xl font-bold">
          各村（社区）现场服务时间
        </h2>
        <p role={short.length ? "alert" : undefined} className={short.length ? "font-semibold text-red-800" : ""}>
          {short.length
            ? `有 ${short.length} 个村（社区）本月安排不足 ${MONTHLY_TARGET_HOURS} 小时。`
            : `本月每个村（社区）都已安排至少 ${MONTHLY_TARGET_HOURS} 小时。`}
        </p>
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
                与 {MONTHLY_TARGET_HOURS} 小时相比
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
                <td className={`p-2 ${row.shortfall ? "font-semibold text-red-800" : ""}`}>
                  {row.shortfall === null ? "—（镇工作站）" : row.shortfall > 0 ? `不足，还差 ${row.shortfall} 小时` : "已达到"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="grid" className="space-y-2">
        <h2 id="grid" className="text-xl font-bold">
          每日值班表
        </h2>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1) */}
        <section className="overflow-x-auto" aria-label="每日值班表（可左右滚动）" tabIndex={0}>
          <table className="border-collapse text-left text-base">
            <caption className="sr-only">行是服务地点，列是日期，格中是值班律师和时间</caption>
            <thead>
              <tr>
                <th scope="col" className="sticky left-0 bg-white p-2">
                  地点
                </th>
                {dates.map((d) => (
                  <th key={d} scope="col" className="min-w-24 border-l border-gray-300 p-2 font-semibold">
                    {Number(d.slice(8))}日<br />周{WEEKDAY[isoWeekday(d) - 1]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.venue.id} className="border-t border-gray-300 align-top">
                  <th scope="row" className="sticky left-0 min-w-40 bg-white p-2 font-semibold">
                    {row.venue.name}
                  </th>
                  {dates.map((d) => (
                    <td key={d} className="border-l border-gray-300 p-2">
                      {(row.days.get(d) ?? []).map((cell) => (
                        <div key={`${cell.lawyer}${cell.from}`}>
                          {cell.lawyer.replace("（示例）", "")}
                          <br />
                          {cell.from}–{cell.to}
                        </div>
                      ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
    </div>
  );
}
