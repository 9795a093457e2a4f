import { monthLabel, onlyDate, shortDate } from "@/lib/print/rules";
import type { DutyRow, VenuePoster as Poster } from "@/lib/print/schema";
import { formatMinute, formatMonthDayWeekday, weekdayName } from "@/lib/time";
import { QrCode } from "./qr-code";
import { UrlText } from "./url-text";

// Sizes are in em of the sheet's own size: on screen they follow the reader's text size (长辈模式);
// on paper they are fixed, so that a poster comes out the same from any computer. The sheet is a
// millimetre short of A4, so that rounding never spills it onto a second page.
const sheet =
  "print-sheet mx-auto flex w-full max-w-[190mm] flex-col gap-5 border-2 border-gray-400 p-4 leading-snug print:h-[296mm] print:w-[210mm] print:max-w-none print:gap-[4mm] print:border-0 print:px-[14mm] print:py-[12mm]";

/**
 * The most duty lines a poster lists: more (extra days and changes added to a busy venue) would
 * push it onto a second page; the rest are a scan away, and the poster says so.
 */
const MAX_DUTY_ROWS = 12;

/**
 * The type size on paper: 12 pt, smaller as the duty table and the list of lawyers grow (the town
 * station has a dozen lines and eight lawyers), so that every poster stays on one page.
 */
function paperSize(poster: Poster): string {
  const lines = Math.min(poster.duty.length, MAX_DUTY_ROWS) + 1.5 * Math.ceil(poster.lawyers.length / 2);
  if (lines <= 10) return "print:text-[12pt]";
  if (lines <= 16) return "print:text-[11pt]";
  if (lines <= 24) return "print:text-[10pt]";
  return "print:text-[9pt]";
}

/** The venue's town as its poster names it: 睦洲镇, its government, its office and its station. */
export type PosterTown = { name: string; government: string; officeName: string; stationName: string };

/**
 * One venue's notice-board poster: exactly one A4 page when printed. `level` is the venue name's
 * heading level: 1 on its own page, 2 on the page of every poster.
 */
export function VenuePoster({ poster, town, level = 1 }: { poster: Poster; town: PosterTown; level?: 1 | 2 }) {
  const { venue } = poster;
  const Title = level === 1 ? "h1" : "h2";
  const Heading = level === 1 ? "h2" : "h3";
  const id = (part: string) => `poster-${venue.slug}-${part}`;
  const room = venue.kind === "STATION" ? "工作站" : "工作室";
  return (
    <article aria-labelledby={id("name")} className={`${sheet} ${paperSize(poster)}`}>
      <header className="space-y-2 border-b-4 border-brand-700 pb-3 print:pb-[3mm]">
        <p className="text-[1.1em] font-bold text-brand-800">{town.name}公共法律服务 · 免费法律咨询</p>
        <Title id={id("name")} className="text-[2.1em] font-bold leading-tight">
          {venue.name}
        </Title>
        <p className="text-[1.3em]">地址：{venue.address}</p>
        {venue.phone && <p className="text-[1.3em]">电话：{venue.phone}</p>}
      </header>

      <section aria-labelledby={id("how")} className="flex flex-col gap-4 sm:flex-row print:flex-row print:gap-[6mm]">
        <figure className="w-[50mm] shrink-0 space-y-1">
          <QrCode
            url={poster.url}
            label={`预约二维码：用手机扫一扫，打开${venue.name}的网上预约页面`}
            className="block h-[50mm] w-[50mm]"
          />
          <figcaption className="space-y-1 text-center">
            <span className="block text-[1.2em] font-bold">扫码预约</span>
            <span className="block text-[0.85em]">
              <UrlText url={poster.url} />
            </span>
          </figcaption>
        </figure>
        <div className="space-y-2">
          <Heading id={id("how")} className="text-[1.5em] font-bold">
            怎样预约（全部免费）
          </Heading>
          <ol className="list-decimal space-y-2 pl-[1.4em] text-[1.1em]">
            <li>
              <strong>扫码预约：</strong>用手机（微信也可以）扫这张海报上的二维码，选好时间，填写姓名和手机号码。
            </li>
            <li>
              <strong>打电话：</strong>拨打公共法律服务热线 <strong>12348</strong>
              （普通话、粤语、客家话、潮汕话），也可以直接打给下面的律师。
            </li>
            <li>
              <strong>直接到{room}：</strong>在下面的律师坐班时间直接来，没有预约也可以咨询；预约了可以少等。
            </li>
          </ol>
        </div>
      </section>

      <section aria-labelledby={id("duty")} className="space-y-2">
        <Heading id={id("duty")} className="text-[1.5em] font-bold">
          律师坐班时间（{shortDate(poster.from)}至{shortDate(poster.to)}）
        </Heading>
        {poster.duty.length > 0 ? (
          <>
            <DutyTable rows={poster.duty.slice(0, MAX_DUTY_ROWS)} months={poster.months} caption={`${venue.name}律师坐班时间`} />
            {poster.duty.length > MAX_DUTY_ROWS && (
              <p className="text-[1em] font-semibold">
                另有 {poster.duty.length - MAX_DUTY_ROWS} 个坐班时段没有列出，请扫码查看全部时间。
              </p>
            )}
          </>
        ) : (
          <p className="text-[1.1em]">这段时间没有安排律师坐班。请拨打 12348，或到{town.stationName}咨询。</p>
        )}
        <p className="text-[0.95em]">法定节假日不坐班。时间如有变动，以网上预约页面为准。</p>
      </section>

      {poster.lawyers.length > 0 && (
        <section aria-labelledby={id("lawyers")} className="space-y-2">
          <Heading id={id("lawyers")} className="text-[1.5em] font-bold">
            坐班律师
          </Heading>
          <ul className="grid gap-x-[6mm] gap-y-1 sm:grid-cols-2 print:grid-cols-2">
            {poster.lawyers.map((lawyer) => (
              <li key={lawyer.id}>
                <strong className="text-[1.1em]">{lawyer.name}</strong>
                {lawyer.isAdviser && (venue.kind === "STATION" ? "（镇法律顾问）" : "（本村法律顾问）")} 电话{" "}
                <strong className="whitespace-nowrap text-[1.1em]">{lawyer.publicPhone}</strong>
                <br />
                {lawyer.firm}
              </li>
            ))}
          </ul>
        </section>
      )}

      <footer className="mt-auto border-t-2 border-gray-400 pt-2 text-[0.85em] print:pt-[2mm]">
        <p>
          个人信息保护：预约只需要姓名、手机号码和想咨询的事项，不需要身份证号码。信息只用于安排这次咨询，不会用于推销、广告或其他用途，由
          {town.officeName}负责保管。详见“个人信息告知”：
          <UrlText url={poster.privacyUrl} />
        </p>
        <p>
          主办：{town.government} · {town.officeName}
        </p>
      </footer>
    </article>
  );
}

function DutyTable({ rows, months, caption }: { rows: DutyRow[]; months: string[]; caption: string }) {
  // Many lines (the town station) get a tighter table, so the poster still fits on one page.
  const cell = `border border-gray-500 px-1 sm:px-2 ${rows.length > 8 ? "py-0.5 print:py-[0.6mm]" : "py-1"}`;
  return (
    <table
      className={`w-full border-collapse text-left text-[0.85em] ${rows.length > 8 ? "sm:text-[0.9em]" : "sm:text-[1.05em]"}`}
    >
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="bg-gray-100">
          <th scope="col" className={cell}>
            时间
          </th>
          <th scope="col" className={cell}>
            律师
          </th>
          {months.map((month) => (
            <th key={month} scope="col" className={cell}>
              {monthLabel(month)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const date = onlyDate(row, months);
          const hours = `${formatMinute(row.startMinute)}–${formatMinute(row.endMinute)}`;
          return (
            <tr key={`${row.weekday}-${row.startMinute}-${row.lawyers.join()}-${row.days.join("|")}`}>
              <th scope="row" className={`${cell} font-semibold`}>
                {date ? `${formatMonthDayWeekday(date)}${hours}` : `${weekdayName(row.weekday)} ${hours}`}
              </th>
              <td className={cell}>{row.lawyers.join("、")}</td>
              {date ? (
                <td colSpan={months.length} className={cell}>
                  只有这一天
                </td>
              ) : (
                row.days.map((days, i) => (
                  <td key={months[i]} className={cell}>
                    {days.length ? `${days.join("、")}日` : "无"}
                  </td>
                ))
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
