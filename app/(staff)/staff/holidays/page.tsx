import type { Metadata } from "next";
import { Section } from "@/components/section";
import { AddOverrideForm, RemoveOverrideForm } from "@/components/staff/holiday-forms";
import { UnpublishedHolidaysNotice } from "@/components/staff/unpublished-holidays-notice";
import { can } from "@/lib/auth/can";
import { requireTownScope } from "@/lib/auth/session";
import { loadBookingHorizon } from "@/lib/availability/queries";
import { createHolidayCalendar, isYearPublished, unpublishedYears } from "@/lib/holidays/calendar";
import { listHolidayRuns } from "@/lib/holidays/published";
import { listOverrides } from "@/lib/holidays/queries";
import { OVERRIDE_KINDS } from "@/lib/holidays/rules";
import { formatDate, todayInShanghai } from "@/lib/time";

export const metadata: Metadata = { title: "节假日安排" };

function period(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} 至 ${formatDate(to)}`;
}

export default async function HolidaysPage() {
  const scope = await requireTownScope("/staff/holidays");
  // One calendar for every town of the deployment: an administrator's or the district's to change (lib/holidays/mutations.ts).
  const manages = can.manageHolidays(scope.actor);
  const year = Number(todayInShanghai().slice(0, 4));
  // The statutory calendar alone here (for a year without a notice, its fixed-date days); overrides are listed below.
  const published = createHolidayCalendar();
  const [overrides, horizon] = await Promise.all([listOverrides({ from: `${year}-01-01` }), loadBookingHorizon()]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">节假日安排</h1>
      <UnpublishedHolidaysNotice years={unpublishedYears(horizon)} onHolidaysPage />
      <p>法定节假日不安排律师坐班，调休上班日照常坐班。如本镇另有安排（例如台风停工），可在下面添加调整，调整优先。</p>
      {[year, year + 1].map((y) => {
        const runs = listHolidayRuns(published, y);
        return (
          <section key={y} aria-labelledby={`year-${y}`} className="space-y-3">
            <h2 id={`year-${y}`} className="text-xl font-bold">
              {y} 年国家安排
            </h2>
            {!isYearPublished(y) && (
              <p>
                国务院尚未公布 {y}{" "}
                年的放假安排，公布并更新系统后会显示在这里。在此之前只按《全国年节及纪念日放假办法》在下列固定日期放假；春节、清明、端午、中秋和调休上班日可用下面的调整逐日设置。
              </p>
            )}
            {runs.length > 0 && (
              <ul className="space-y-2">
                {runs.map((run) => (
                  <li key={run.from} className="rounded-lg border-2 border-gray-300 px-3 py-2">
                    <span className="font-semibold">{run.name ?? ""}</span>
                    {run.kind === "holiday" ? "放假" : "调休上班"}：{period(run.from, run.to)}
                    {run.days > 1 ? `（${run.days} 天）` : ""}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <Section id="overrides-heading" title="本镇调整" className="space-y-3">
        {overrides.length === 0 ? (
          <p>目前没有调整。</p>
        ) : (
          <ul className="space-y-3">
            {overrides.map((o) => {
              const label = `${formatDate(o.date)} ${OVERRIDE_KINDS[o.kind]}`;
              return (
                <li key={o.id} className="space-y-2 rounded-lg border-2 border-gray-300 p-3">
                  <p>
                    <span className="font-semibold">{formatDate(o.date)}</span>：{OVERRIDE_KINDS[o.kind]}
                    {o.note ? `（${o.note}）` : ""}
                  </p>
                  {manages && <RemoveOverrideForm id={o.id} label={label} />}
                </li>
              );
            })}
          </ul>
        )}
        {manages ? (
          <>
            <h3 className="text-lg font-bold">添加调整</h3>
            <AddOverrideForm />
          </>
        ) : (
          <p>节假日调整对所有镇的排班都有效，只能由管理员或区司法局添加或删除。如需调整，请联系管理员。</p>
        )}
      </Section>
    </div>
  );
}
