import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { BookingSummary } from "@/components/booking-summary";
import { CancelForm } from "@/components/manage-booking-forms";
import { findOwnBooking, isChangeable } from "@/lib/booking/access";

export const metadata: Metadata = { title: "取消预约" };

export default async function CancelPage({ params }: { params: Promise<{ code: string }> }) {
  const { code, booking } = await findOwnBooking((await params).code);
  if (!code) notFound();
  // Without the phone proven on this device, the booking's page asks for it first.
  if (!booking || !isChangeable(booking)) redirect(`/bookings/${code}`);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">确定要取消这个预约吗？</h1>
      <BookingSummary start={booking.start} end={booking.end} venue={booking.venue} lawyer={booking.lawyer} />
      <p>取消后这个时间会让给别人。以后还可以重新预约。</p>
      <CancelForm code={booking.code} backHref={`/bookings/${booking.code}`} />
    </div>
  );
}
