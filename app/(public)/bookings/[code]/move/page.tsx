import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { BookingSummary } from "@/components/booking-summary";
import { textLink } from "@/components/form/styles";
import { MoveForm } from "@/components/manage-booking-forms";
import { Section } from "@/components/section";
import { DateLinks, DaySlots, groupByDate, slotQuery } from "@/components/slot-picker";
import { listVenueSlots } from "@/lib/availability/queries";
import { findOwnBooking, isChangeable } from "@/lib/booking/access";
import { instant, slotValue } from "@/lib/booking/schema";

export const metadata: Metadata = { title: "改到其他时间" };

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ date?: string; start?: string; lawyer?: string }>;
};

export default async function MovePage({ params, searchParams }: Props) {
  const { code, booking } = await findOwnBooking((await params).code);
  if (!code) notFound();
  if (!booking || !isChangeable(booking)) redirect(`/bookings/${code}`);
  const query = await searchParams;
  const date = query.date && /^\d{4}-\d{2}-\d{2}$/.test(query.date) ? query.date : undefined;
  const free = await listVenueSlots(booking.venue.slug);
  const slots = free?.slots ?? [];
  const base = `/bookings/${booking.code}/move`;
  const current = { start: booking.start, end: booking.end, venue: booking.venue, lawyer: booking.lawyer };

  const start = instant.safeParse(query.start);
  if (start.success) {
    const lawyerId = query.lawyer || undefined;
    const matching = slots.filter((s) => s.start.getTime() === start.data.getTime() && (!lawyerId || s.lawyer.id === lawyerId));
    const target = matching[0] ?? null;
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">确认改期</h1>
        <Section id="old-time" title="原来的时间" className="space-y-2">
          <BookingSummary {...current} />
        </Section>
        {target && (
          <Section id="new-time" title="新的时间" className="space-y-2">
            <BookingSummary
              start={target.start}
              end={target.end}
              venue={booking.venue}
              lawyer={lawyerId ? target.lawyer : null}
            />
          </Section>
        )}
        <MoveForm
          code={booking.code}
          slot={slotValue({ start: start.data, lawyerId })}
          available={target !== null}
          backHref={`${base}${date ? `?date=${date}` : ""}`}
        />
      </div>
    );
  }

  const days = groupByDate(slots);
  const day = days.find(([d]) => d === date) ?? days[0];
  return (
    <div className="space-y-6">
      <p>
        <a href={`/bookings/${booking.code}`} className={textLink}>
          ← 不改了，返回我的预约
        </a>
      </p>
      <h1 className="text-2xl font-bold">改到其他时间</h1>
      <Section id="old-time" title="现在的预约" className="space-y-2">
        <BookingSummary {...current} />
      </Section>
      {day ? (
        <>
          <Section id="dates-heading" title="选择新的日期" className="space-y-3">
            <DateLinks days={days} current={day[0]} hrefFor={(date) => `${base}?date=${date}#slots`} />
          </Section>
          <div id="slots">
            <DaySlots
              date={day[0]}
              slots={day[1]}
              next="点一个新的时间，下一步确认改期。"
              hrefFor={(choice) => `${base}?date=${day[0]}&${slotQuery(choice)}`}
            />
          </div>
        </>
      ) : (
        <p>
          {booking.venue.name}近期没有其他空位。您的预约没有改变。需要帮助请拨打{" "}
          <a href="tel:12348" className={textLink}>
            12348
          </a>
          。
        </p>
      )}
    </div>
  );
}
