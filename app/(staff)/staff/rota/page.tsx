import type { Metadata } from "next";
import Link from "next/link";
import { textLink } from "@/components/form/styles";
import { Section } from "@/components/section";
import { UnpublishedHolidaysNotice } from "@/components/staff/unpublished-holidays-notice";
import { requireTownScope } from "@/lib/auth/session";
import { loadBookingHorizon } from "@/lib/availability/queries";
import { monthParam } from "@/lib/consultations/schema";
import { unpublishedYears } from "@/lib/holidays/calendar";
import { listLawyerNames } from "@/lib/lawyers/queries";
import { MONTHLY_TARGET_HOURS, monthOf, monthRange, nextMonth } from "@/lib/schedule/hours";
import { loadRota } from "@/lib/schedule/queries";
import { weekParam } from "@/lib/schedule/schema";
import { mondayOf, monthWeeks, rotaView, weekDates } from "@/lib/schedule/week";
import { addDays, formatMonthDay, todayInShanghai } from "@/lib/time";
import { HoursTable, MonthCalendar } from "./month-overview";
import { WeekTable } from "./week-table";

export const metadata: Metadata = { title: "排班" };

function monthName(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${y}年${m}月`;
}

export default async function RotaPage({ searchParams }: { searchParams: Promise<{ month?: string; week?: string }> }) {
  const scope = await requireTownScope("/staff/rota");
  const params = await searchParams;
  const today = todayInShanghai();
  const { monday, month } = rotaView({
    week: weekParam.safeParse(params.week).data,
    month: monthParam.safeParse(params.month).data,
    today,
  });
  const dates = weekDates(monday);
  const [rows, lawyers, horizon] = await Promise.all([
    loadRota(scope, { month, week: { from: dates[0], to: dates[6] } }),
    listLawyerNames(scope),
    loadBookingHorizon(),
  ]);
  const short = rows.filter((r) => r.shortfall !== null && r.shortfall > 0);
  const range = `${formatMonthDay(dates[0])}至${formatMonthDay(dates[6])}`;
  return (
    <div className="space-y-6">
      {/* The month and the week each share one row with their links: at a desk's 768 px the week's
          dates must stay on the first screen, even under the unpublished-holidays notice. */}
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <h1 className="text-2xl font-bold">排班：{monthName(month)}</h1>
        <nav aria-label="切换月份" className="flex flex-wrap gap-x-6">
          <Link href={`?month=${monthOf(addDays(monthRange(month).from, -1))}`} className={textLink}>
            ← 上个月
          </Link>
          <Link href={`?month=${nextMonth(month)}`} className={textLink}>
            下个月 →
          </Link>
        </nav>
      </div>
      <UnpublishedHolidaysNotice years={unpublishedYears(monthRange(month), horizon)} />
      <p role={short.length ? "alert" : undefined} className={short.length ? "font-semibold text-red-800" : ""}>
        {short.length
          ? `有 ${short.length} 个村（社区）本月安排不足 ${MONTHLY_TARGET_HOURS} 小时。`
          : `本月每个村（社区）都已安排至少 ${MONTHLY_TARGET_HOURS} 小时。`}{" "}
        <a href="#hours" className="text-brand-800 underline underline-offset-4">
          查看各村时长
        </a>
      </p>

      <section aria-labelledby="week" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
          <h2 id="week" className="text-xl font-bold">
            一周值班：{range}
          </h2>
          <nav aria-label="切换星期" className="flex flex-wrap gap-x-6">
            <Link href={`?week=${addDays(monday, -7)}`} className={textLink}>
              ← 上一周
            </Link>
            {monday !== mondayOf(today) && (
              <Link href="/staff/rota" className={textLink}>
                本周
              </Link>
            )}
            <Link href={`?week=${addDays(monday, 7)}`} className={textLink}>
              下一周 →
            </Link>
          </nav>
        </div>
        <WeekTable
          caption={`一周值班表（${range}）：行是服务地点，列是日期，格中是值班律师和时间；已结束的坐班注明律师是否签到`}
          dates={dates}
          rows={rows}
          today={today}
        />
      </section>

      <Section id="hours" title={`${monthName(month)}各村（社区）现场服务时间`} className="space-y-2">
        <p>
          按规定每个村（社区）每月现场服务不少于 {MONTHLY_TARGET_HOURS}{" "}
          小时。不足时，点“安排”打开那位律师的值班时间，添加每周值班或加班。律师本人也可以在“值班时间”页面维护，规则和检查相同。
        </p>
        <p>
          “签到在场”是律师签到到签退的实际时间（忘了签退的，算到那次坐班结束）；上面一周值班表中，结束时没有签到的坐班标为“未签到”。
        </p>
        <HoursTable rows={rows} />
      </Section>

      <Section id="month-days" title={`${monthName(month)}每天的值班地点`} className="space-y-2">
        <p>格中是当天有律师值班的地点数，点日期查看那一周。</p>
        <MonthCalendar
          caption={`${monthName(month)}每天有律师值班的地点数`}
          month={month}
          weeks={monthWeeks(month)}
          rows={rows}
          shownWeek={monday}
          today={today}
        />
      </Section>

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
    </div>
  );
}
