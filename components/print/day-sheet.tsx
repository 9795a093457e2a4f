// A venue's day sheet (当天预约名单) for the desk: the appointments in time order with everything
// the lawyer or social worker needs, then empty rows for people who come without one. One A4 page
// when printed (portrait); on a phone the table scrolls in its own box.
import type { DaySheet as Sheet } from "@/lib/print/schema";
import { formatDate, formatTime } from "@/lib/time";

/** Empty rows for walk-ins, to be filled in by hand. */
export const WALK_IN_ROWS = 8;

const sheet =
  "print-sheet mx-auto w-full space-y-3 leading-snug print:w-[210mm] print:max-w-none print:space-y-[3mm] print:px-[12mm] print:py-[10mm] print:text-[10pt]";
const cell = "border border-gray-600 px-1.5 py-1 align-top print:px-[1mm]";
/** Names, villages and numbers are never split over two lines ("冯志/强"); the topic and notes wrap instead. */
const whole = `${cell} whitespace-nowrap`;
const SCROLL_BOX = "overflow-x-auto rounded-lg border-2 border-gray-300 print:overflow-visible print:border-0";

/** `town`: the venue's town's name (睦洲镇), which heads the sheet. */
export function DaySheet({ sheet: s, town }: { sheet: Sheet; town: string }) {
  const columns = [
    "时间",
    "姓名",
    "电话",
    "村居",
    "咨询事项",
    "代谁咨询",
    "重点人群",
    ...(s.showLawyer ? ["律师"] : []),
    "到场 / 备注",
  ];
  const title = `${s.venue.name} · ${formatDate(s.date)}`;
  return (
    <article aria-labelledby="day-sheet-title" className={sheet}>
      <header className="space-y-1 border-b-4 border-brand-700 pb-2 print:pb-[2mm]">
        <p className="font-bold text-brand-800">{town}公共法律服务 · 当天预约名单</p>
        <h1 id="day-sheet-title" className="text-2xl font-bold print:text-[16pt]">
          {title}
        </h1>
        <p>
          坐班律师：
          {s.duty.length === 0 ? "这天没有安排坐班" : s.duty.map((d) => `${d.lawyer} ${d.from}–${d.to}`).join("；")}
        </p>
        <p>预约 {s.bookings.length} 个。没有预约直接来的，请登记在表格下面的空行里，再在系统里“记录现场咨询”。</p>
      </header>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1) */}
      <section aria-label="预约名单（屏幕窄时可在框内左右滚动）" tabIndex={0} className={SCROLL_BOX}>
        <table className="w-full min-w-[44rem] border-collapse text-left print:min-w-0">
          <caption className="sr-only">{`${title} 的预约，按时间先后；最后是现场来访的空行`}</caption>
          <thead>
            <tr className="bg-gray-100">
              {columns.map((c) => (
                <th key={c} scope="col" className={cell}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {s.bookings.map((b) => (
              <tr key={b.id}>
                <td className={whole}>
                  {formatTime(b.start)}–{formatTime(b.end)}
                </td>
                <td className={whole}>
                  {b.name}
                  {b.test ? "（测试）" : ""}
                </td>
                <td className={whole}>{b.phone}</td>
                <td className={whole}>{b.village ?? ""}</td>
                <td className={cell}>{b.topic}</td>
                <td className={cell}>{b.onBehalfOf ?? ""}</td>
                <td className={cell}>{b.priorityGroup ?? ""}</td>
                {s.showLawyer && <td className={whole}>{b.lawyer}</td>}
                <td className={cell}>{b.checkedIn ? "已签到" : ""}</td>
              </tr>
            ))}
            <tr>
              <th scope="rowgroup" colSpan={columns.length} className={`${cell} bg-gray-100 font-semibold`}>
                现场来访（没有预约）
              </th>
            </tr>
            {Array.from({ length: WALK_IN_ROWS }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the empty rows are all alike and never move
              <tr key={i} className="h-11 print:h-[9mm]">
                {columns.map((c) => (
                  <td key={c} className={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p className="text-sm print:text-[8.5pt]">
        本名单含村民的姓名和电话，仅供当天接待使用：请勿张贴或转给他人，用完交回司法所或粉碎。打印和查看已记入操作记录。
      </p>
    </article>
  );
}
