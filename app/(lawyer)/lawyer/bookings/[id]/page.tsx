import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { BookingCard } from "@/components/consultations/booking-card";
import { CompleteForm } from "@/components/consultations/complete-form";
import { Section } from "@/components/section";
import { requireLawyer } from "@/lib/auth/session";
import { openConsultation } from "@/lib/consultations/queries";
import { canRecordOutcome, outcomeRefusal } from "@/lib/consultations/rules";
import { formatDate, toDateString } from "@/lib/time";

export const metadata: Metadata = { title: "记录服务结果" };

export default async function BookingResultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireLawyer(`/lawyer/bookings/${id}`);
  // Another lawyer's booking is "not found", exactly like one that does not exist.
  const booking = await openConsultation(user, id);
  if (!booking) notFound();
  const now = new Date();
  const recordable = canRecordOutcome(booking.status, booking.start, now);
  return (
    <div className="space-y-6">
      <BackLink href="/lawyer">返回我的预约</BackLink>
      <h1 className="text-2xl font-bold">记录服务结果</h1>
      <p className="font-semibold">{formatDate(toDateString(booking.start))}</p>
      <BookingCard booking={booking} now={now} withActions={booking.status === "CONFIRMED" || booking.status === "CHECKED_IN"} />
      {recordable ? (
        <Section id="result-heading" title={booking.status === "DONE" ? "修改服务结果" : "服务结果"} className="space-y-3">
          <p>可以事后补记。保存后计入当月工作日志。</p>
          <CompleteForm
            bookingId={booking.id}
            initial={{ outcomes: booking.outcomes, minutesSpent: booking.minutesSpent, lawyerNote: booking.lawyerNote }}
          />
        </Section>
      ) : booking.status === "CONFIRMED" ? (
        <p>{outcomeRefusal(booking.start)}</p>
      ) : (
        <p>这个预约{booking.status === "NO_SHOW" ? "已标记为未到" : "已取消"}，不能记录服务结果。</p>
      )}
    </div>
  );
}
