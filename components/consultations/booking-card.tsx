// One booking as its own lawyer sees it: everything they need at the desk, and what they can do next.
import Link from "next/link";
import { smallSecondaryButton } from "@/components/form/styles";
import { TestBadge } from "@/components/test-badge";
import { CHECK_IN_LEAD_MINUTES, canCheckIn, canMarkNoShow, canRecordOutcome, canUndoCheckIn } from "@/lib/consultations/rules";
import type { ConsultationView } from "@/lib/consultations/schema";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { outcomeLabels } from "@/lib/labels";
import { formatTimeRange, toDateString } from "@/lib/time";
import { StatusButton } from "./booking-actions";

export type BookingCardData = Pick<
  ConsultationView,
  | "id"
  | "code"
  | "status"
  | "start"
  | "end"
  | "venue"
  | "name"
  | "phone"
  | "village"
  | "topic"
  | "note"
  | "onBehalfOf"
  | "priorityGroup"
  | "channel"
  | "outcomes"
  | "minutesSpent"
  | "test"
>;

const STATUS_LABELS: Record<BookingStatus, string> = {
  CONFIRMED: "待签到",
  CHECKED_IN: "已签到",
  DONE: "已完成",
  NO_SHOW: "未到",
  CANCELLED: "已取消",
  HELD: "为候补保留中",
};

const STATUS_STYLES: Record<BookingStatus, string> = {
  CONFIRMED: "border-gray-600 bg-white",
  CHECKED_IN: "border-amber-700 bg-amber-50",
  DONE: "border-green-700 bg-green-50",
  NO_SHOW: "border-gray-500 bg-gray-100",
  CANCELLED: "border-gray-500 bg-gray-100",
  HELD: "border-gray-500 bg-gray-100",
};

/** One fact of the card. The label can be left to screen readers where the value says what it is (a topic, a village). */
function Item({
  label,
  children,
  hideLabel = false,
  className = "",
}: {
  label: string;
  children: React.ReactNode;
  hideLabel?: boolean;
  className?: string;
}) {
  return (
    <div className={`flex min-w-0 flex-wrap items-baseline gap-x-1 ${className}`}>
      <dt className={hideLabel ? "sr-only" : "font-semibold text-gray-800"}>{label}：</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/**
 * Compact, since a lawyer reads a day of these on a phone: what and who first, the phone a tap
 * away, the bookkeeping (venue, channel, code) in one small line, and the actions side by side.
 */
export function BookingCard({
  booking,
  withActions = true,
  now = new Date(),
}: {
  booking: BookingCardData;
  withActions?: boolean;
  /** Decides whether check-in is open yet (lib/consultations/rules.ts). */
  now?: Date;
}) {
  const b = booking;
  const checkIn = b.status === "CONFIRMED" && canCheckIn(b.start, now);
  const time = `${formatTimeRange(b.start, b.end)}`;
  const who = `${time} ${b.name}`;
  return (
    <article aria-label={`${time} ${b.name}`} className={`space-y-1 rounded-lg border-2 px-3 py-2 ${STATUS_STYLES[b.status]}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-x-2">
        <h3 className="text-lg font-bold">
          {time} {b.name}
          {b.test && <TestBadge />}
        </h3>
        <p className="rounded border border-current px-2 text-base font-semibold">{STATUS_LABELS[b.status]}</p>
      </header>
      <dl className="flex flex-wrap gap-x-3">
        <Item label="咨询事项" hideLabel className="font-semibold">
          {b.topic}
        </Item>
        {b.village && (
          <Item label="村居" hideLabel>
            {b.village}
          </Item>
        )}
        {b.priorityGroup && (
          <Item label="重点服务对象" hideLabel>
            <span className="rounded bg-amber-100 px-1 text-amber-900">{b.priorityGroup}</span>
          </Item>
        )}
        <Item label="电话" className="basis-full">
          <a href={`tel:${b.phone}`} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
            {b.phone}
          </a>
        </Item>
        {b.onBehalfOf && (
          <Item label="代为预约" className="basis-full">
            {b.onBehalfOf.name}（{b.onBehalfOf.relation}）
          </Item>
        )}
        {b.note && (
          <Item label="情况说明" className="basis-full">
            {b.note}
          </Item>
        )}
        {b.status === "DONE" && (
          <Item label="服务结果" className="basis-full">
            {outcomeLabels(b.outcomes)}
            {b.minutesSpent ? `，用时 ${b.minutesSpent} 分钟` : ""}
          </Item>
        )}
        <Item label="地点" hideLabel className="text-sm text-gray-700">
          {b.venue.name}
        </Item>
        <Item label="预约来源" hideLabel className="text-sm text-gray-700">
          {b.channel}
        </Item>
        <Item label="预约号" className="text-sm text-gray-700">
          {b.code}
        </Item>
      </dl>
      {withActions && (
        <div className="flex flex-wrap items-start gap-2 pt-1">
          {checkIn && <StatusButton kind="checkIn" bookingId={b.id} who={who} />}
          {b.status === "CHECKED_IN" && canUndoCheckIn(b.start, now) && (
            <StatusButton kind="undoCheckIn" bookingId={b.id} who={who} />
          )}
          {canRecordOutcome(b.status, b.start, now) && (
            <Link
              href={`/lawyer/bookings/${b.id}`}
              aria-label={`${b.status === "DONE" ? "修改服务结果" : "记录服务结果"}：${who}`}
              className={smallSecondaryButton}
            >
              {b.status === "DONE" ? "修改服务结果" : "记录服务结果"}
            </Link>
          )}
          {canMarkNoShow(b.status, b.start, now) && <StatusButton kind="noShow" bookingId={b.id} who={who} />}
          {/* Today's booking not open yet: say when (the coming days' cards stay short). */}
          {b.status === "CONFIRMED" && !checkIn && b.start > now && toDateString(b.start) === toDateString(now) && (
            <p className="basis-full text-sm text-gray-700">预约当天开始前 {CHECK_IN_LEAD_MINUTES} 分钟起可以签到。</p>
          )}
        </div>
      )}
    </article>
  );
}
