import type { Metadata } from "next";
import Link from "next/link";
import { BookingCard } from "@/components/consultations/booking-card";
import { requireLawyer } from "@/lib/auth/session";
import { openAgenda } from "@/lib/consultations/queries";
import { formatDate, toDateString, todayInShanghai } from "@/lib/time";

export const metadata: Metadata = { title: "我的预约" };

export default async function LawyerBookingsPage() {
  const user = await requireLawyer("/lawyer");
  const agenda = await openAgenda(user, user.lawyerId);
  const today = todayInShanghai();
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">我的预约</h1>
        <Link
          href="/lawyer/walk-in"
          className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 font-bold text-white hover:bg-brand-800"
        >
          记录现场咨询
        </Link>
      </div>
      {agenda.unrecorded.length > 0 && (
        <section aria-labelledby="unrecorded" className="space-y-3">
          <h2 id="unrecorded" className="text-xl font-bold">
            之前还没有记录结果的预约（{agenda.unrecorded.length} 个）
          </h2>
          <p>请记录服务结果，或标记未到，工作日志才完整。</p>
          {agenda.unrecorded.map((b) => (
            <div key={b.id} className="space-y-1">
              <p className="font-semibold">{formatDate(toDateString(b.start))}</p>
              <BookingCard booking={b} />
            </div>
          ))}
        </section>
      )}
      {agenda.days.map((day) => (
        <section key={day.date} aria-labelledby={`day-${day.date}`} className="space-y-3">
          <h2 id={`day-${day.date}`} className="text-xl font-bold">
            {day.date === today ? "今天 · " : ""}
            {formatDate(day.date)}（{day.bookings.length} 个预约）
          </h2>
          {day.bookings.length === 0 ? (
            <p>今天没有预约。有村民直接来咨询时，请用“记录现场咨询”登记。</p>
          ) : (
            day.bookings.map((b) => <BookingCard key={b.id} booking={b} />)
          )}
        </section>
      ))}
      {agenda.days.length === 1 && <p>今后 4 周还没有其他预约。</p>}
    </div>
  );
}
