import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { cache } from "react";
import { BackLink } from "@/components/back-link";
import { CallbackForm } from "@/components/callback-form";
import { primaryButton, textLink } from "@/components/form/styles";
import { LawyerCards } from "@/components/lawyer-cards";
import { Section } from "@/components/section";
import { DateLinks, DaySlots, groupByDate, shortDateTime, slotQuery } from "@/components/slot-picker";
import { findAlternatives, listVenueSlots } from "@/lib/availability/queries";
import { recordVenueLookup } from "@/lib/demand/mutations";
import { isPlainText } from "@/lib/form-values";
import { toDateString } from "@/lib/time";
import { townOfVenue } from "@/lib/towns/queries";
import { Arrival } from "./arrival";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ date?: string | string[] }> };

// A slug with a control character names no venue (and PostgreSQL would refuse a NUL in it).
const loadVenue = cache(async (slug: string) => (isPlainText(slug) ? listVenueSlots(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadVenue((await params).slug);
  return { title: data ? `${data.venue.name} · 预约时间` : "找不到这个地点" };
}

export default async function VenuePage({ params, searchParams }: Props) {
  const data = await loadVenue((await params).slug);
  if (!data) notFound();
  const { venue, slots } = data;
  const { date: asked } = await searchParams;
  const days = groupByDate(slots);
  const current = days.find(([date]) => date === asked) ?? days[0];
  // A first look (not a click between dates) is counted as demand, found free or not: once the
  // page has gone, which need not wait for the row.
  if (asked === undefined) after(() => recordVenueLookup(venue.id, slots.length > 0));

  return (
    <div className="space-y-8">
      <BackLink href="/">返回首页，选择其他地点</BackLink>
      <section aria-labelledby="venue-name" className="space-y-2">
        <h1 id="venue-name" className="text-2xl font-bold leading-snug">
          {venue.name}
        </h1>
        <p>地址：{venue.address}</p>
        {venue.phone && (
          <p>
            电话：
            <a href={`tel:${venue.phone}`} className={textLink}>
              {venue.phone}
            </a>
          </p>
        )}
        {venue.openingNotes && <p>{venue.openingNotes}</p>}
      </section>
      {/* A lawyer on duty here who scanned the poster signs in from this page. */}
      <Arrival venueId={venue.id} />

      {current ? (
        <>
          <Section id="dates-heading" title="选择日期" className="space-y-3">
            {asked && asked !== current[0] && (
              <p>
                您选的日期已经没有空位，下面显示的是最近有空位的一天。一定要那天？
                <a href={`/venues/${venue.slug}/waitlist?from=${asked}&to=${asked}`} className={textLink}>
                  登记候补
                </a>
                ，有人取消时发短信通知您。
              </p>
            )}
            <DateLinks days={days} current={current[0]} hrefFor={(date) => `/venues/${venue.slug}?date=${date}#slots`} />
          </Section>
          <div id="slots">
            <DaySlots
              date={current[0]}
              slots={current[1]}
              hrefFor={(choice) => `/venues/${venue.slug}/book?${slotQuery(choice)}`}
            />
          </div>
          <p>
            这些时间都不合适？
            <a href={`/venues/${venue.slug}/waitlist`} className={textLink}>
              登记候补
            </a>
            ，有人取消或律师加了时间，就发短信通知您。
          </p>
        </>
      ) : (
        <NoSlots slug={venue.slug} isStation={venue.kind === "STATION"} />
      )}

      <Section id="lawyers-heading" title="在这里坐班的律师" className="space-y-3">
        <LawyerCards lawyers={venue.lawyers} />
      </Section>
    </div>
  );
}

/** Nothing free within the horizon: other venues' soonest times, the venue's own town's station, 12348, a call-back. */
async function NoSlots({ slug, isStation }: { slug: string; isStation: boolean }) {
  const [alternatives, town] = await Promise.all([findAlternatives(slug, { limit: 5 }), townOfVenue(slug)]);
  return (
    <Section
      id="no-slots"
      title="近期没有可预约的时间"
      className="space-y-4 rounded-xl border-4 border-amber-700 bg-amber-50 p-4"
    >
      <p>这个地点在接下来的几周里没有空位。您可以：</p>
      {alternatives.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-lg font-bold">预约其他地点最近的空位</h3>
          <ul className="space-y-2">
            {alternatives.map(({ venue, slot }) => (
              <li key={venue.slug}>
                <a
                  href={`/venues/${venue.slug}?date=${toDateString(slot.start)}#slots`}
                  className="flex min-h-12 items-center rounded-lg border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800"
                >
                  {venue.name} · {shortDateTime(slot.start)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="list-disc space-y-1 pl-6">
        {!isStation && town?.stationSlug && (
          <li>
            到镇里的
            <a href={`/venues/${town.stationSlug}`} className={textLink}>
              {town.stationName}
            </a>
            咨询，那里律师坐班的时间最多。
          </li>
        )}
        <li>
          拨打免费的公共法律服务热线{" "}
          <a href="tel:12348" className={textLink}>
            12348
          </a>
          （普通话、粤语、客家话、潮汕话）。
        </li>
        <li>直接打电话给下面列出的律师。</li>
      </ul>
      <div className="space-y-2">
        <h3 className="text-lg font-bold">登记候补，有空位时发短信通知您</h3>
        <p>有人取消、或律师加了时间，就按登记先后通知，时间为您保留 30 分钟。</p>
        <a href={`/venues/${slug}/waitlist`} className={primaryButton}>
          登记候补
        </a>
      </div>
      <div className="space-y-2">
        <h3 className="text-lg font-bold">留下电话，请司法所给您回电</h3>
        <CallbackForm venue={slug} office={town?.officeName ?? "司法所"} />
      </div>
    </Section>
  );
}
