import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { BookingForm } from "@/components/booking-form";
import { textLink } from "@/components/form/styles";
import { shortDate, slotChoices } from "@/components/slot-picker";
import { listVenueSlots } from "@/lib/availability/queries";
import { instant, slotValue } from "@/lib/booking/schema";
import { isPlainText } from "@/lib/form-values";
import { LARGE_TEXT_COOKIE } from "@/lib/preferences";
import { formatTimeRangeWithPeriod, toDateString } from "@/lib/time";
import { listTopics } from "@/lib/topics/queries";
import { townOfVenue } from "@/lib/towns/queries";
import { listVenues } from "@/lib/venues/queries";

export const metadata: Metadata = { title: "填写预约信息" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ start?: string | string[]; lawyer?: string | string[] }>;
};

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function BookPage({ params, searchParams }: Props) {
  const { slug } = await params;
  // A slug with a control character names no venue (and PostgreSQL would refuse a NUL in it).
  if (!isPlainText(slug)) notFound();
  const query = await searchParams;
  const largeText = (await cookies()).get(LARGE_TEXT_COOKIE)?.value === "on";
  const start = instant.safeParse(one(query.start));
  const lawyerId = one(query.lawyer) || undefined;
  const date = start.success ? toDateString(start.data) : undefined;
  const [data, topics, venues, town] = await Promise.all([
    listVenueSlots(slug, date ? { from: date, to: date } : {}),
    listTopics(),
    listVenues({ sameTownAs: slug }),
    townOfVenue(slug),
  ]);
  if (!data || !town) notFound();
  const { venue, slots } = data;
  const venueHref = `/venues/${venue.slug}${date ? `?date=${date}#slots` : ""}`;

  if (!start.success || !date) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">请先选择预约时间</h1>
        <p>没有收到您选的时间。请回到 {venue.name} 的页面，点一个空闲时间。</p>
        <a href={venueHref} className={textLink}>
          选择时间
        </a>
      </div>
    );
  }

  const matching = slots.filter((s) => s.start.getTime() === start.data.getTime() && (!lawyerId || s.lawyer.id === lawyerId));
  const chosen =
    matching.length > 0
      ? {
          value: slotValue({ start: start.data, lawyerId }),
          date: shortDate(date),
          time: formatTimeRangeWithPeriod(matching[0].start, matching[0].end),
          lawyer: lawyerId ? matching[0].lawyer.name : "任一律师（由系统安排有空的律师）",
        }
      : null;
  const sameDay = slotChoices(slots).map(({ choice, label }) => ({ value: slotValue(choice), label }));

  return (
    <div className="space-y-6">
      <BackLink href={venueHref}>返回，选择其他时间</BackLink>
      <h1 className="text-2xl font-bold leading-snug">填写预约信息</h1>
      <p>请填写下面的信息，然后点“确认预约”。标有“选填”的可以不填。</p>
      <BookingForm
        largeText={largeText}
        venue={{ slug: venue.slug, name: venue.name, address: venue.address }}
        town={{ government: town.government, officeName: town.officeName }}
        formKey={randomUUID()}
        chosen={chosen}
        sameDay={sameDay}
        dateHref={venueHref}
        topics={topics.map((t) => ({ value: t.code, label: t.name }))}
        villages={venues.flatMap((v) => (v.village ? [v.village] : []))}
      />
    </div>
  );
}
