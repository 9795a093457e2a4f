import { shortDate } from "@/lib/print/rules";
import type { CardFace, CardSheet as Sheet, WeeklyDuty } from "@/lib/print/schema";
import { formatMinute, weekdayName } from "@/lib/time";
import { QrCode, QrCopy } from "./qr-code";
import { UrlText } from "./url-text";

// A4 is 210 × 297 mm; ten 90 × 54 mm cards (2 × 5) leave 15 mm at the sides and 13.5 mm at top
// and bottom, where the cutting marks go (the grid's print: classes below repeat these numbers).
// A sheet is drawn a millimetre short of A4, so that rounding never spills it onto a second page.
const CARD = { width: 90, height: 54 };
const LEFT = (210 - 2 * CARD.width) / 2;
const TOP = (297 - 5 * CARD.height) / 2;
/** Lines of duty a card has room for; the rest are on the website. */
const DUTY_LINES = 4;

/** One lawyer's sheet of ten contact cards: exactly one A4 page when printed, cut along the marks. */
export function CardSheet({ sheet }: { sheet: Sheet }) {
  const headingId = `cards-${sheet.lawyer.id}`;
  const faces = sheet.cards.filter((card) => !card.repeat).length;
  return (
    <section aria-labelledby={headingId} className="print-sheet space-y-3 print:relative print:h-[296mm] print:w-[210mm]">
      <h2 id={headingId} className="text-xl font-bold print:hidden">
        {sheet.lawyer.name}：一页 {sheet.cards.length} 张{faces > 1 ? `（${faces} 种，每种的二维码打开不同村的预约）` : ""}
      </h2>
      <CuttingMarks />
      <ul className="grid gap-3 sm:grid-cols-2 print:absolute print:top-[13.5mm] print:left-[15mm] print:grid-cols-[90mm_90mm] print:grid-rows-[repeat(5,54mm)] print:gap-0">
        {sheet.cards.map((card) => (
          // Screen readers hear each kind of card once, not ten times.
          <li key={card.key} aria-hidden={card.repeat || undefined}>
            <ContactCard card={card.face} qrId={`qr-${sheet.lawyer.id}-${card.faceIndex}`} repeat={card.repeat} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `qrId`: the face's QR path, drawn by its first card (`repeat` false) and reused by the others. */
function ContactCard({ card, qrId, repeat }: { card: CardFace; qrId: string; repeat: boolean }) {
  const { lawyer, target } = card;
  const places = [
    ...card.villages.map((v) => (v.isAdviser ? `${v.name}（法律顾问）` : v.name)),
    ...(card.servesStation ? ["镇工作站"] : []),
  ];
  const shown = card.duty.slice(0, DUTY_LINES);
  return (
    <div className="flex h-full min-h-[54mm] w-full max-w-[90mm] flex-col gap-1 border-2 border-gray-400 p-3 text-[0.8rem] leading-[1.3] print:h-[54mm] print:min-h-0 print:w-[90mm] print:gap-[0.8mm] print:overflow-hidden print:border print:border-dotted print:p-[3.5mm] print:text-[7.5pt]">
      <div className="flex flex-1 gap-2 print:gap-[2.5mm]">
        <div className="min-w-0 flex-1 space-y-0.5 print:space-y-[0.4mm]">
          <p className="text-[1.7em] font-bold leading-tight">{lawyer.name}</p>
          <p className="text-[1.05em]">{lawyer.firm}</p>
          <p className="whitespace-nowrap text-[1.45em] font-bold">电话 {lawyer.publicPhone}</p>
          {places.length > 0 && <p>服务：{places.join("、")}</p>}
          {shown.length > 0 && (
            <div>
              <p>坐班：</p>
              <ul>
                {shown.map((d) => (
                  <li key={`${d.weekday}-${d.startMinute}-${d.place}-${d.from}-${d.until}`}>{dutyLine(d)}</li>
                ))}
              </ul>
              {card.duty.length > shown.length && <p>另有 {card.duty.length - shown.length} 个时段，见网上预约页面。</p>}
            </div>
          )}
        </div>
        {target && (
          <div className="w-[24mm] shrink-0 text-center print:w-[21mm]">
            {repeat ? <QrCopy of={qrId} {...qrOf(target)} /> : <QrCode id={qrId} {...qrOf(target)} />}
            <p className="font-bold">扫码预约</p>
            <p>{target.place}</p>
          </div>
        )}
      </div>
      {/* Numbers stay whole ("1/2348" was dialled wrong); the address wraps only after a "/". */}
      <p className="border-t border-gray-400 pt-0.5 text-[0.85em] print:pt-[0.6mm]">
        {target ? (
          <>
            预约：
            <UrlText url={target.url} />
          </>
        ) : (
          <>
            预约请拨打 <span className="whitespace-nowrap">12348</span>
          </>
        )}{" "}
        · 免费法律咨询 · <span className="whitespace-nowrap">热线 12348</span>
      </p>
    </div>
  );
}

/** A card's code: M, the least we print, for modules as big as a 21 mm code allows. */
function qrOf(target: { place: string; url: string }) {
  return {
    url: target.url,
    level: "M" as const,
    label: `预约二维码：打开${target.place}的网上预约页面`,
    className: "block h-[24mm] w-[24mm] print:h-[21mm] print:w-[21mm]",
  };
}

function dutyLine(d: WeeklyDuty): string {
  const dates = [d.from && `${shortDate(d.from)}起`, d.until && `至${shortDate(d.until)}`].filter(Boolean).join("，");
  return `${weekdayName(d.weekday)} ${formatMinute(d.startMinute)}–${formatMinute(d.endMinute)} ${d.place}${dates ? `（${dates}）` : ""}`;
}

/** Short lines in the margins along every cut, as printers draw them: only on paper. */
function CuttingMarks() {
  const xs = [0, 1, 2].map((i) => LEFT + i * CARD.width);
  const ys = [0, 1, 2, 3, 4, 5].map((i) => TOP + i * CARD.height);
  const gap = 2; // the marks stop short of the cards
  return (
    <svg
      aria-hidden="true"
      className="hidden print:absolute print:inset-0 print:block"
      viewBox="0 0 210 296"
      width="210mm"
      height="296mm"
      stroke="#000"
      strokeWidth="0.2"
    >
      {xs.map((x) => (
        <g key={`x${x}`}>
          <line x1={x} x2={x} y1={TOP - 10} y2={TOP - gap} />
          <line x1={x} x2={x} y1={297 - TOP + gap} y2={297 - TOP + 10} />
        </g>
      ))}
      {ys.map((y) => (
        <g key={`y${y}`}>
          <line y1={y} y2={y} x1={LEFT - 10} x2={LEFT - gap} />
          <line y1={y} y2={y} x1={210 - LEFT + gap} x2={210 - LEFT + 10} />
        </g>
      ))}
    </svg>
  );
}
