import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { BookingSummary } from "@/components/booking-summary";
import { textLink } from "@/components/form/styles";
import { MoveForm } from "@/components/manage-booking-forms";
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
        <section aria-labelledby="old-time" className="space-y-2">
          <h2 id="old-time" className="text-xl font-bold">
            原来的时间
          </h2>
          <BookingSummary {...current} />
        </section>
        {target && (
          <section aria-labelledby="new-time" className="space-y-2">
            <h2 id="new-time" className="text-xl font-bold">
              新的时间
            </h2>
            <BookingSummary
              start={target.start}
              end={target.end}
              venue={booking.venue}
              lawyer={lawyerId ? target.lawyer : null}
            />
          </section>
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
      <section aria-labelledby="old-time" className="space-y-2">
        <h2 id="old-time" className="text-xl font-bold">
          现在的预约
        </h2>
        <BookingSummary {...current} />
      </section>
      {day ? (
        <>
          <section aria-labelledby="dates-heading" className="space-y-3">
            <h2 id="dates-heading" className="text-xl font-bold">
              选择新的日期
            </h2>
            <DateLinks days={days} current={day[0]} hrefFor={(date) => `${base}?date=${date}#slots`} />
          </section>
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
