// Free times as plain links: first the dates that have room (with how many), then one day's
// times as big buttons. No calendar grid, no dragging; works without JavaScript.
import { ArrivalHeading } from "@/components/arrival-heading";
import type { SlotChoice } from "@/lib/booking/schema";
import {
  formatMonthDay,
  formatTime,
  formatTimeRangeWithPeriod,
  isoWeekday,
  toDateString,
  toIsoOffset,
  weekdayName,
} from "@/lib/time";

export type SlotOption = { start: Date; end: Date; lawyer: { id: string; name: string } };

/** "12月1日 星期二" for a Shanghai calendar date "2026-12-01". */
export function shortDate(date: string): string {
  const [, month, day] = date.split("-").map(Number);
  return `${month}月${day}日 ${weekdayName(isoWeekday(date))}`;
}

/**
 * "12月1日 星期二" as two pieces that never break inside: in large text a narrow date card wraps
 * between the day and the weekday, never in "星期二" itself.
 */
export function DateLabel({ date }: { date: string }) {
  return (
    <>
      <span className="whitespace-nowrap">{formatMonthDay(date)}</span>{" "}
      <span className="whitespace-nowrap">{weekdayName(isoWeekday(date))}</span>
    </>
  );
}

/** "12月1日 星期二 09:00" for an instant. */
export function shortDateTime(instant: Date): string {
  return `${shortDate(toDateString(instant))} ${formatTime(instant)}`;
}

/** Query string of a chosen slot: the start with its +08:00 offset, and the lawyer when one was chosen. */
export function slotQuery({ start, lawyerId }: SlotChoice): string {
  const query = new URLSearchParams({ start: toIsoOffset(start) });
  if (lawyerId) query.set("lawyer", lawyerId);
  return query.toString();
}

// Once per list: a venue's free slots are one list for a few seconds (lib/availability/cache.ts),
// shown to every villager who opens the page meanwhile (issue 24 item 5). Nobody changes a list.
const byDate = new WeakMap<readonly SlotOption[], [string, SlotOption[]][]>();

export function groupByDate(slots: readonly SlotOption[]): [string, SlotOption[]][] {
  let days = byDate.get(slots);
  if (days === undefined) {
    const dates = new Map<string, SlotOption[]>();
    for (const slot of slots) {
      const date = toDateString(slot.start);
      const day = dates.get(date);
      if (day) day.push(slot);
      else dates.set(date, [slot]);
    }
    days = [...dates.entries()];
    byDate.set(slots, days);
  }
  return days;
}

/** Slots sharing a start time (several lawyers on duty together). */
export function groupByTime(slots: SlotOption[]): SlotOption[][] {
  const times = new Map<number, SlotOption[]>();
  for (const slot of slots) times.set(slot.start.getTime(), [...(times.get(slot.start.getTime()) ?? []), slot]);
  return [...times.values()];
}

/** Each time once, and once per lawyer; "任一律师" first when several lawyers share it. */
export function slotChoices(slots: SlotOption[]): { choice: SlotChoice; label: string }[] {
  return groupByTime(slots).flatMap((group) => {
    const time = formatTimeRangeWithPeriod(group[0].start, group[0].end);
    const each = group.map((s) => ({ choice: { start: s.start, lawyerId: s.lawyer.id }, label: `${time} · ${s.lawyer.name}` }));
    return group.length > 1 ? [{ choice: { start: group[0].start }, label: `${time} · 任一律师` }, ...each] : each;
  });
}

const timeLink =
  "flex min-h-12 items-center rounded-lg border-2 border-brand-700 bg-brand-50 px-4 py-2 text-lg font-semibold text-brand-900 hover:bg-brand-100";
const lawyerLink =
  "inline-flex min-h-11 items-center rounded-lg border-2 border-brand-700 px-3 font-semibold text-brand-800 hover:bg-brand-50";

const dayLink =
  "flex min-h-12 flex-col justify-center rounded-lg border-2 border-brand-700 px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50";
const currentDayLink =
  "flex min-h-12 flex-col justify-center rounded-lg border-2 border-brand-800 bg-brand-700 px-3 py-2 font-bold text-white";

export function DateLinks({
  days,
  current,
  hrefFor,
  label = "有空位的日期",
}: {
  days: [string, SlotOption[]][];
  current: string;
  hrefFor: (date: string) => string;
  label?: string;
}) {
  return (
    <nav aria-label={label}>
      {/* Two columns even on a 360 px phone: a month of dates stays short. */}
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {days.map(([date, slots]) => (
          <li key={date}>
            <a
              href={hrefFor(date)}
              aria-current={date === current ? "date" : undefined}
              className={date === current ? currentDayLink : dayLink}
            >
              <span>
                <DateLabel date={date} />
              </span>
              <span className="font-normal">
                <span className="sr-only"> · </span>
                {/* The times a villager can choose, as the day's heading counts them: not one per lawyer. */}
                <span className="whitespace-nowrap">{groupByTime(slots).length} 个时间</span>
                {date === current && (
                  <>
                    <wbr />
                    <span className="whitespace-nowrap">（已选）</span>
                  </>
                )}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * One day's times: a heading that says how many, then one item per time, as many as the heading
 * says. A time several lawyers share is one big link ("任一律师") with a smaller one per lawyer
 * under it. The heading takes the focus after a date link (`…#slots`) was followed.
 */
export function DaySlots({
  date,
  slots,
  hrefFor,
  next = "点一个时间，下一步填写姓名和电话。",
  fragment = "slots",
}: {
  date: string;
  slots: SlotOption[];
  hrefFor: (choice: SlotChoice) => string;
  /** What happens after a tap. */
  next?: string;
  /** The #fragment the date links end in: the element around these times. */
  fragment?: string;
}) {
  const times = groupByTime(slots);
  const shared = times.length < slots.length;
  return (
    <section aria-labelledby={`day-${date}`} className="space-y-3">
      <ArrivalHeading key={date} fragment={fragment} id={`day-${date}`} className="scroll-m-4 text-xl font-bold">
        <DateLabel date={date} />有 {times.length} 个可预约时间
      </ArrivalHeading>
      <p>
        每次咨询约 {Math.round((slots[0].end.getTime() - slots[0].start.getTime()) / 60000)} 分钟。{next}
        {shared && "选“任一律师”，由系统安排一位这个时间有空的律师；也可以点律师的名字指定律师。"}
      </p>
      <ul className="grid gap-3 sm:grid-cols-2" aria-label={`${shortDate(date)}的可预约时间`}>
        {times.map((group) => {
          const [first] = group;
          const time = formatTimeRangeWithPeriod(first.start, first.end);
          return (
            <li key={first.start.getTime()} className="space-y-2">
              <a
                href={hrefFor(group.length > 1 ? { start: first.start } : { start: first.start, lawyerId: first.lawyer.id })}
                className={timeLink}
              >
                <span>
                  <span className="whitespace-nowrap">{time}</span> · {group.length > 1 ? "任一律师" : first.lawyer.name}
                </span>
              </a>
              {group.length > 1 && (
                <p className="flex flex-wrap items-center gap-2">
                  <span>或指定：</span>
                  {group.map((slot) => (
                    <a
                      key={slot.lawyer.id}
                      href={hrefFor({ start: slot.start, lawyerId: slot.lawyer.id })}
                      className={lawyerLink}
                    >
                      <span className="sr-only">{time} · </span>
                      {slot.lawyer.name}
                    </a>
                  ))}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
