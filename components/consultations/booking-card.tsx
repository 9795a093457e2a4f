// One booking as its own lawyer sees it: everything they need at the desk, and what they can do next.
import Link from "next/link";
import { secondaryButton } from "@/components/form";
import type { ConsultationView } from "@/lib/consultations/schema";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { outcomeLabels } from "@/lib/labels";
import { formatTime } from "@/lib/time";
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
>;

const STATUS_LABELS: Record<BookingStatus, string> = {
  CONFIRMED: "待签到",
  CHECKED_IN: "已签到",
  DONE: "已完成",
  NO_SHOW: "未到",
  CANCELLED: "已取消",
};

const STATUS_STYLES: Record<BookingStatus, string> = {
  CONFIRMED: "border-gray-600 bg-white",
  CHECKED_IN: "border-amber-700 bg-amber-50",
  DONE: "border-green-700 bg-green-50",
  NO_SHOW: "border-gray-500 bg-gray-100",
  CANCELLED: "border-gray-500 bg-gray-100",
};

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="font-semibold text-gray-800">{label}：</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

export function BookingCard({ booking, withActions = true }: { booking: BookingCardData; withActions?: boolean }) {
  const b = booking;
  const time = `${formatTime(b.start)}–${formatTime(b.end)}`;
  const who = `${time} ${b.name}`;
  const open = b.status === "CONFIRMED" || b.status === "CHECKED_IN";
  return (
    <article aria-label={`${time} ${b.name}`} className={`space-y-3 rounded-lg border-2 p-4 ${STATUS_STYLES[b.status]}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-xl font-bold">
          {time} {b.name}
        </h3>
        <p className="rounded border border-current px-2 font-semibold">{STATUS_LABELS[b.status]}</p>
      </header>
      <dl className="space-y-1">
        <Row label="地点">{b.venue.name}</Row>
        <Row label="电话">
          <a href={`tel:${b.phone}`} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
            {b.phone}
          </a>
        </Row>
        {b.village && <Row label="村居">{b.village}</Row>}
        <Row label="咨询事项">{b.topic}</Row>
        {b.note && <Row label="情况说明">{b.note}</Row>}
        {b.onBehalfOf && (
          <Row label="代为预约">
            {b.onBehalfOf.name}（{b.onBehalfOf.relation}）
          </Row>
        )}
        {b.priorityGroup && <Row label="重点服务对象">{b.priorityGroup}</Row>}
        <Row label="预约来源">{b.channel}</Row>
        <Row label="预约号">{b.code}</Row>
        {b.status === "DONE" && (
          <Row label="服务结果">
            {outcomeLabels(b.outcomes)}
            {b.minutesSpent ? `，用时 ${b.minutesSpent} 分钟` : ""}
          </Row>
        )}
      </dl>
      {withActions && (
        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start">
          {b.status === "CONFIRMED" && <StatusButton kind="checkIn" bookingId={b.id} who={who} />}
          {(open || b.status === "DONE") && (
            <Link
              href={`/lawyer/bookings/${b.id}`}
              aria-label={`${b.status === "DONE" ? "修改服务结果" : "记录服务结果"}：${who}`}
              className={secondaryButton}
            >
              {b.status === "DONE" ? "修改服务结果" : "记录服务结果"}
            </Link>
          )}
          {b.status === "CONFIRMED" && <StatusButton kind="noShow" bookingId={b.id} who={who} />}
        </div>
      )}
    </article>
  );
}
