import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BookingCode, BookingSummary, TimeRange, WithRelativeDay } from "@/components/booking-summary";
import { secondaryButton, textLink } from "@/components/form/styles";
import { LookupForm } from "@/components/manage-booking-forms";
import { Section } from "@/components/section";
import { OfferForms } from "@/components/waitlist-forms";
import { findOwnBooking, isChangeable } from "@/lib/booking/access";
import { forgetBookingAction } from "@/lib/booking/actions";
import { findEvaluation } from "@/lib/evaluations/queries";
import { PRIORITY_GROUPS, type PriorityGroup, STATUS_NAMES } from "@/lib/labels";
import { messagesForBooking } from "@/lib/messages/queries";
import { whatWillCome } from "@/lib/messages/status";
import { maskPhone } from "@/lib/phone";
import { isOver } from "@/lib/privacy/rules";
import { addDays, formatTime, toDateString, todayInShanghai } from "@/lib/time";
import { HOLD_MINUTES } from "@/lib/waitlist/schema";
import { BookingMessages } from "./booking-messages";
import { EvaluationSection } from "./evaluation-section";

export const metadata: Metadata = { title: "我的预约" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ done?: string; change?: string }> };

const DONE: Record<string, string> = {
  // The heading says 预约成功 already: the announcement says what to do.
  created: "请记下下面的预约号，或截图保存这一页。",
  moved: "已改到新的时间。原来的时间已经取消。",
  cancelled: "预约已取消。",
  declined: "已让给下一位。您还在候补名单上，有其他空位时会再发短信给您。",
  evaluated: "谢谢您的评价！7 天内可以在这一页修改。",
  evaluation_changed: "评价已修改。谢谢您！",
};

export default async function BookingPage({ params, searchParams }: Props) {
  const { code, booking } = await findOwnBooking((await params).code);
  if (!code) notFound();
  // The code alone shows nothing: the same form for every code, known or not.
  if (!booking) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">查看预约 {code}</h1>
        <p>为了保护您的个人信息，请输入预约时填写的手机号码。</p>
        <LookupForm code={code} />
      </div>
    );
  }
  const { done, change } = await searchParams;
  const [messages, evaluation] = await Promise.all([
    messagesForBooking(booking.code),
    booking.status === "done" ? findEvaluation({ bookingCode: booking.code }) : null,
  ]);
  const now = new Date();
  const active = isChangeable(booking);
  const earlierFrom = todayInShanghai(now);
  const earlierTo = addDays(toDateString(booking.start), -1);
  const cancelled = booking.status === "cancelled";
  // A slot held from the waitlist and not accepted keeps its end of hold (lib/waitlist).
  const held = booking.status === "held" && booking.heldUntil !== null && booking.heldUntil > now;
  const heldOnce = booking.heldUntil !== null;
  const title = held
    ? "有空位了：为您保留的时间"
    : cancelled && heldOnce
      ? "保留的时间已结束"
      : cancelled
        ? "预约已取消"
        : done === "created"
          ? "预约成功"
          : "我的预约";
  const extra: [string, string][] = [
    ["事项", booking.topic.name],
    ["姓名", booking.name],
    ["手机", maskPhone(booking.phone)],
  ];
  if (booking.onBehalfOf) extra.push(["代约人", `${booking.onBehalfOf.name}（${booking.onBehalfOf.relation}）`]);
  if (booking.priorityGroup)
    extra.push(["照顾", PRIORITY_GROUPS[booking.priorityGroup as PriorityGroup] ?? booking.priorityGroup]);
  if (!active) extra.unshift(["状态", STATUS_NAMES[booking.status] ?? booking.status]);
  if (booking.cancelReason) extra.push(["取消原因", booking.cancelReason]);

  return (
    <div className="space-y-6">
      {done && DONE[done] && (
        <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold">
          {DONE[done]}
        </p>
      )}
      {done === "created" && <p className="font-semibold">{whatWillCome(booking.phone, booking.start, messages)}</p>}
      <h1 className="text-2xl font-bold">{title}</h1>
      {booking.notice && (
        <p role="status" className="rounded-lg border-2 border-amber-700 bg-amber-50 p-3 font-semibold">
          {booking.notice}
        </p>
      )}
      {/* A done consultation's page is for its evaluation: first, not a screen and a half down. */}
      {booking.status === "done" && (
        <EvaluationSection code={booking.code} evaluation={evaluation} now={now} changing={change === "evaluation"} />
      )}
      {held && booking.heldUntil && (
        <Section
          id="held"
          title={`请在 ${formatTime(booking.heldUntil)} 前确认`}
          className="no-print space-y-3 rounded-xl border-4 border-brand-700 p-4"
        >
          {/* What is held, beside the button that takes it: no scrolling past it to find out. */}
          <dl className="grid grid-cols-[3rem_1fr] gap-x-2 gap-y-1 text-lg">
            <dt className="font-semibold">日期</dt>
            <dd>
              <WithRelativeDay date={toDateString(booking.start)} />
            </dd>
            <dt className="font-semibold">时间</dt>
            <dd>
              <TimeRange start={booking.start} end={booking.end} />
            </dd>
            <dt className="font-semibold">地点</dt>
            <dd className="break-words">{booking.venue.name}</dd>
          </dl>
          <p>您登记了候补，这个时间为您保留 {HOLD_MINUTES} 分钟。确认后就是您的预约；不需要的话，让给下一位。</p>
          <OfferForms code={booking.code} />
        </Section>
      )}
      {!held && booking.status === "held" && (
        <p role="status">保留时间已过，这个时间会让给下一位。如果还在候补，有新的空位时会再发短信给您。</p>
      )}
      <BookingCode code={booking.code} />
      <BookingSummary start={booking.start} end={booking.end} venue={booking.venue} lawyer={booking.lawyer} extra={extra} />

      {active && (
        <>
          <Section id="bring" title="到时怎么做" className="space-y-2">
            <ul className="list-disc space-y-1 pl-6">
              <li>
                到时请直接去{booking.venue.name}（{booking.venue.address}），告诉工作人员您的预约号或姓名。
              </li>
              <li>请带上和这件事有关的材料：合同、借条、收据、照片、聊天记录、法院或仲裁的文书等，原件或复印件都可以。</li>
              <li>身份证件不是必须的。</li>
              <li>请提前几分钟到。咨询免费。</li>
            </ul>
          </Section>
          <Section id="change" title="需要改期或取消？" className="no-print space-y-3">
            <p>
              来不了请尽早取消，把时间让给别人。也可以拨打{" "}
              <a href="tel:12348" className={textLink}>
                12348
              </a>{" "}
              请工作人员帮忙。
            </p>
            {earlierFrom <= earlierTo && (
              <p>
                想约更早的时间？
                <a href={`/venues/${booking.venue.slug}/waitlist?from=${earlierFrom}&to=${earlierTo}`} className={textLink}>
                  登记候补
                </a>
                ，有人取消时我们发短信通知您，您再决定改不改。
              </p>
            )}
            <div className="flex flex-col gap-3 sm:flex-row">
              <a href={`/bookings/${booking.code}/move`} className={secondaryButton}>
                改到其他时间
              </a>
              <a href={`/bookings/${booking.code}/cancel`} className={secondaryButton}>
                取消预约
              </a>
            </div>
          </Section>
          <Section id="keep" title="保存预约" className="no-print space-y-2">
            <p>截图或打印这一页；也可以把预约加到手机日历里：</p>
            <a href={`/bookings/${booking.code}/calendar.ics`} download className={textLink}>
              下载日历文件（.ics）
            </a>
          </Section>
        </>
      )}
      <BookingMessages messages={messages} now={now} />
      {cancelled && (
        <p>
          <a href={`/venues/${booking.venue.slug}`} className={textLink}>
            重新预约 {booking.venue.name}
          </a>
        </p>
      )}
      {isOver(booking) ? (
        <Section id="delete-data" title="删除我的个人信息" className="no-print space-y-3">
          <p>这个预约已经结束{cancelled ? "（已取消）" : ""}。您可以马上删除它的姓名、手机号码和备注，删除后不能恢复。</p>
          <a href={`/bookings/${booking.code}/delete`} className={secondaryButton}>
            删除我的个人信息
          </a>
        </Section>
      ) : (
        <p className="no-print text-gray-700">咨询结束或取消预约以后，可以在这个页面删除您的个人信息。</p>
      )}
      <form
        action={forgetBookingAction}
        aria-label="在这部手机上隐藏预约信息"
        className="no-print space-y-2 border-t border-gray-300 pt-4"
      >
        <input type="hidden" name="code" value={booking.code} />
        <p className="text-gray-700">用的是别人的手机？看完后可以让这部手机不再显示预约信息（预约本身不会取消）。</p>
        {/* A plain text button: not one of the booking's own actions (change, cancel) above. */}
        <button type="submit" className={textLink}>
          在这部手机上隐藏预约信息
        </button>
      </form>
    </div>
  );
}
