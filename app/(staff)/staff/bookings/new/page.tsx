import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { FieldScope, primaryButton, SelectField } from "@/components/form";
import { Section } from "@/components/section";
import { requireTownScope } from "@/lib/auth/session";
import { listVenueSlots } from "@/lib/availability/queries";
import { formatDate } from "@/lib/time";
import { listTopics } from "@/lib/topics/queries";
import { listVenues } from "@/lib/venues/queries";
import { slotChoices, slotsByDate } from "../slot-options";
import { StaffBookingForm } from "./staff-booking-form";

export const metadata: Metadata = { title: "代为预约" };

export default async function StaffNewBookingPage({
  searchParams,
}: {
  searchParams: Promise<{ venue?: string; date?: string }>;
}) {
  const scope = await requireTownScope("/staff/bookings/new");
  const { venue: slug, date } = await searchParams;
  const [venues, topics] = await Promise.all([listVenues({ scope }), listTopics()]);
  // Only a venue of the town: another town's slug in the address lists nothing of it.
  const available = slug && venues.some((v) => v.slug === slug) ? await listVenueSlots(slug) : null;
  const byDate = available ? slotsByDate(available.slots) : new Map();
  const chosenDate = date && byDate.has(date) ? date : [...byDate.keys()][0];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">代为预约</h1>
      <p>为打电话、到现场或由社工、村干部转介的村民预约。规则与网上预约相同；可以填写固定电话。</p>
      <form method="get" aria-label="选择服务地点" className="space-y-3 rounded-xl border-2 border-gray-300 p-4">
        <FieldScope idPrefix="pick">
          <SelectField
            name="venue"
            label="第一步：选择服务地点"
            placeholder="请选择"
            options={venues.map((v) => ({ value: v.slug, label: v.name }))}
            defaultValue={slug}
            required
          />
        </FieldScope>
        <button type="submit" className={primaryButton}>
          查看空闲时间
        </button>
      </form>
      {slug && !available && <p role="alert">没有这个服务地点，请重新选择。</p>}
      {available && byDate.size === 0 && (
        <p role="status">
          {available.venue.name} 近 {available.venue.horizonDays} 天没有空闲时间。可以选择其他地点，或登记回电请求。
        </p>
      )}
      {available && chosenDate && (
        <>
          <nav aria-label="第二步：选择日期" className="space-y-2">
            <h2 className="text-xl font-bold">第二步：选择日期</h2>
            <ul className="flex flex-wrap gap-2">
              {[...byDate.entries()].map(([d, slots]) => (
                <li key={d}>
                  <Link
                    href={`?venue=${slug}&date=${d}`}
                    aria-current={d === chosenDate ? "date" : undefined}
                    className={`inline-flex min-h-11 items-center rounded-lg border-2 px-3 ${d === chosenDate ? "border-brand-700 bg-brand-700 text-white" : "border-brand-700 text-brand-800"}`}
                  >
                    {formatDate(d)}（{slots.length} 个空位）
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <Section id="step3" title={`第三步：${formatDate(chosenDate)} 的时间和村民信息`} className="space-y-3">
            <StaffBookingForm
              venue={available.venue.slug}
              formKey={randomUUID()}
              slots={slotChoices(byDate.get(chosenDate) ?? [])}
              topics={topics.map((t) => ({ value: t.code, label: t.name }))}
              villages={venues.flatMap((v) => (v.village ? [v.village] : []))}
            />
          </Section>
        </>
      )}
    </div>
  );
}
