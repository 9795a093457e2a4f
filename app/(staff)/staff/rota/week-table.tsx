// One week of the rota: a row per venue, a column per day, who is on duty and when. Its date row
// and venue column stay put while the page (or, on a narrow screen, the table) scrolls.
import type { RotaRow } from "@/lib/schedule/queries";
import { type DateString, formatDayOfMonth, isoWeekday, shortWeekdayName } from "@/lib/time";

/** The village (or 镇工作站) on screen, where the column has room for little more; the full name for screen readers. */
function VenueName({ venue }: { venue: RotaRow["venue"] }) {
  return (
    <>
      <span aria-hidden="true">{venue.village ?? "镇工作站"}</span>
      <span className="sr-only">{venue.name}</span>
    </>
  );
}

/** 未签到 stands out: a session that ended with nobody signed in is what an inspection looks for. */
function Mark({ mark }: { mark: "attended" | "missed" }) {
  return mark === "missed" ? (
    <span className="mt-0.5 block w-fit rounded bg-red-800 px-1 font-semibold text-white">未签到</span>
  ) : (
    <span className="block text-green-800">已签到</span>
  );
}

const SCROLL_BOX = "max-h-[80vh] overflow-auto rounded-lg border-2 border-gray-300 lg:max-h-none lg:overflow-visible";

export function WeekTable({
  caption,
  dates,
  rows,
  today,
}: {
  caption: string;
  dates: DateString[];
  rows: RotaRow[];
  today: DateString;
}) {
  // Narrow screens scroll the table in its own box, both ways, so the sticky date row and venue
  // column have something to stick to; from 1024 px the week fits and the page itself scrolls.
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1) */}
      <section aria-label="一周值班表（屏幕窄时可在框内滚动）" tabIndex={0} className={SCROLL_BOX}>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 z-10 bg-white shadow-[0_2px_0_0_var(--color-gray-500)]">
            <tr>
              <th scope="col" className="sticky left-0 z-20 bg-white px-2 py-1">
                地点
              </th>
              {dates.map((d) => (
                <th
                  key={d}
                  scope="col"
                  className={`border-l border-gray-300 px-1.5 py-1 text-center font-semibold ${d === today ? "bg-brand-100" : ""}`}
                >
                  {shortWeekdayName(isoWeekday(d))}
                  <br />
                  {formatDayOfMonth(d)}
                  {d === today && <span className="sr-only">（今天）</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.venue.id} className="border-t border-gray-300 align-top">
                <th scope="row" className="sticky left-0 bg-white px-2 py-1 font-semibold">
                  <VenueName venue={row.venue} />
                </th>
                {dates.map((d) => (
                  <td key={d} className="border-l border-gray-300 px-1.5 py-1 text-sm leading-snug">
                    {(row.days.get(d) ?? []).map((cell) => (
                      <p key={`${cell.lawyer}${cell.from}`} className="py-0.5">
                        <span className="font-semibold">{cell.lawyer.replace("（示例）", "")}</span>
                        <br />
                        {cell.from}–{cell.to}
                        {cell.mark && <Mark mark={cell.mark} />}
                      </p>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
