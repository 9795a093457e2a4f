// A booking's when, where and who, as villagers read it on the confirmation, cancel and move pages.
import type { ReactNode } from "react";
import { formatTimeRangeWithPeriod, relativeDay, toDateString, todayInShanghai } from "@/lib/time";
import { DateLabel } from "./slot-picker";

export type BookingSummaryProps = {
  start: Date;
  end: Date;
  venue: { name: string; address: string };
  lawyer?: { name: string; firm?: string; publicPhone?: string } | null;
  /** Extra rows after the standard ones, e.g. the topic or the name. */
  extra?: [string, ReactNode][];
};

/** "12月3日 星期四（明天）": an elderly reader should not have to work out which day it is. */
export function WithRelativeDay({ date }: { date: string }) {
  const near = relativeDay(date, todayInShanghai());
  return (
    <>
      <DateLabel date={date} />
      {near && <span className="whitespace-nowrap">（{near}）</span>}
    </>
  );
}

/** "上午 09:00–09:30", never broken between the period and the time. */
export function TimeRange({ start, end }: { start: Date; end: Date }) {
  return <span className="whitespace-nowrap">{formatTimeRangeWithPeriod(start, end)}</span>;
}

export function BookingSummary({ start, end, venue, lawyer, extra = [] }: BookingSummaryProps) {
  const rows: [string, ReactNode][] = [
    ["日期", <WithRelativeDay key="date" date={toDateString(start)} />],
    ["时间", <TimeRange key="time" start={start} end={end} />],
    ["地点", venue.name],
    ["地址", venue.address],
    [
      "律师",
      lawyer ? (
        <>
          {lawyer.name}
          {lawyer.firm && <span className="block text-gray-700">{lawyer.firm}</span>}
          {lawyer.publicPhone && (
            <a
              href={`tel:${lawyer.publicPhone}`}
              className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline"
            >
              电话 {lawyer.publicPhone}
            </a>
          )}
        </>
      ) : (
        "任一律师（由系统安排有空的律师）"
      ),
    ],
    ...extra,
  ];
  return (
    <dl className="grid grid-cols-[4.5rem_1fr] gap-x-3 gap-y-2 rounded-xl border-2 border-gray-300 p-4">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold text-gray-700">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The booking code, large and spaced so it can be read aloud or copied down. */
export function BookingCode({ code }: { code: string }) {
  return (
    <div className="rounded-xl border-4 border-brand-700 bg-brand-50 p-4 text-center">
      <p className="font-semibold">预约号</p>
      <p className="font-mono text-4xl font-bold tracking-[0.3em] text-brand-900">{code}</p>
      <p className="text-gray-700">查询、改期或取消时需要预约号和手机号码。</p>
    </div>
  );
}
