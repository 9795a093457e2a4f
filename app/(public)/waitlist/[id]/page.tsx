import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { primaryButton, textLink } from "@/components/form/styles";
import { Section } from "@/components/section";
import { LeaveWaitlistForm, WaitlistLookupForm } from "@/components/waitlist-forms";
import { shortWhen } from "@/lib/messages/rules";
import { maskPhone } from "@/lib/phone";
import { formatDate, formatTime } from "@/lib/time";
import { findOwnWaitlistEntry } from "@/lib/waitlist/access";
import type { WaitlistStatusName } from "@/lib/waitlist/queries";

export const metadata: Metadata = { title: "我的候补" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

const STATUS: Record<WaitlistStatusName, string> = {
  waiting: "候补中：有空位时会发短信通知您",
  offered: "有空位了，正在为您保留",
  booked: "已经约到时间，不再候补",
  cancelled: "已退出候补",
  lapsed: "候补已结束（日期已过，或两次通知都没有确认）",
};

export default async function WaitlistEntryPage({ params, searchParams }: Props) {
  const { id, entry } = await findOwnWaitlistEntry((await params).id);
  if (!id) notFound();
  if (!entry) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">查看候补</h1>
        <p>为了保护您的个人信息，请输入登记候补时留的手机号码。</p>
        <WaitlistLookupForm id={id} />
      </div>
    );
  }
  const { done } = await searchParams;
  const open = entry.status === "waiting" || entry.status === "offered";
  return (
    <div className="space-y-6">
      {done === "joined" && (
        <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold">
          已登记候补。有空位时会发短信到 {maskPhone(entry.phone)}，请留意短信。
        </p>
      )}
      {done === "left" && (
        <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold">
          已退出候补，不会再发短信给您。
        </p>
      )}
      <h1 className="text-2xl font-bold leading-snug">我的候补 · {entry.venue.name}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-lg">
        <dt className="font-semibold">状态</dt>
        <dd>{STATUS[entry.status]}</dd>
        <dt className="font-semibold">能来的日期</dt>
        <dd>
          {formatDate(entry.from)} 到 {formatDate(entry.to)}
        </dd>
        <dt className="font-semibold">姓名</dt>
        <dd>{entry.name}</dd>
        <dt className="font-semibold">手机</dt>
        <dd>{maskPhone(entry.phone)}</dd>
      </dl>
      {entry.offer && (
        <Section
          id="offer"
          title={`为您保留的时间：${shortWhen(entry.offer.start)}`}
          className="space-y-3 rounded-xl border-4 border-brand-700 p-4"
        >
          <p>请在 {formatTime(entry.offer.heldUntil)} 前确认，过时会让给下一位。</p>
          <a href={`/bookings/${entry.offer.code}`} className={primaryButton}>
            去确认预约
          </a>
        </Section>
      )}
      {open ? (
        <Section id="leave" title="不需要了？" className="space-y-3">
          <p>问题已经解决，或已经用其他方式约好了，请退出候补，把机会让给别人。</p>
          <LeaveWaitlistForm id={entry.id} />
        </Section>
      ) : (
        <p>
          <a href={`/venues/${entry.venue.slug}`} className={textLink}>
            查看{entry.venue.name}的空闲时间
          </a>
        </p>
      )}
    </div>
  );
}
