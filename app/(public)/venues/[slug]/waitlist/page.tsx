import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { textLink } from "@/components/form/styles";
import { JoinWaitlistForm } from "@/components/waitlist-forms";
import { getVenueDetail } from "@/lib/availability/queries";
import { isPlainText } from "@/lib/form-values";
import { addDays, formatDate, isCalendarDate, todayInShanghai } from "@/lib/time";
import { listTopics } from "@/lib/topics/queries";
import { townOfVenue } from "@/lib/towns/queries";
import { HOLD_MINUTES } from "@/lib/waitlist/schema";

export const metadata: Metadata = { title: "登记候补" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const dateOrNone = (value: unknown) => (typeof value === "string" && isCalendarDate(value) ? value : undefined);

/** No free time that suits: leave a name and a mobile, and hear by text when one frees. */
export default async function WaitlistPage({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!isPlainText(slug)) notFound();
  const [venue, topics, town] = await Promise.all([getVenueDetail(slug), listTopics(), townOfVenue(slug)]);
  if (!venue || !town) notFound();
  const query = await searchParams;
  const first = todayInShanghai();
  const last = addDays(first, venue.horizonDays - 1);
  return (
    <div className="space-y-6">
      <BackLink href={`/venues/${venue.slug}`}>返回{venue.name}</BackLink>
      <h1 className="text-2xl font-bold leading-snug">登记候补 · {venue.name}</h1>
      <div className="space-y-2">
        <p>没有合适的时间？留下姓名和手机号码。在您能来的日期里一有人取消、或律师加了时间，我们就按登记先后发短信通知您。</p>
        <p>
          短信里有一个链接，时间为您保留 {HOLD_MINUTES} 分钟：打开链接点“确认预约”就约好了；不要或没来得及确认，就让给下一位。晚上
          9 点到早上 8 点不发短信。
        </p>
        <p>
          可以候补的日期：{formatDate(first)} 到 {formatDate(last)}。急事请拨打{" "}
          <a href="tel:12348" className={textLink}>
            12348
          </a>
          。
        </p>
      </div>
      <JoinWaitlistForm
        venue={venue.slug}
        office={town.officeName}
        topics={topics.map((t) => ({ value: t.code, label: t.name }))}
        first={first}
        last={last}
        from={dateOrNone(query.from)}
        to={dateOrNone(query.to)}
      />
      <p>
        <a href="/privacy" className={textLink}>
          个人信息告知
        </a>
      </p>
    </div>
  );
}
