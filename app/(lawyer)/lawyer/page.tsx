import type { Metadata } from "next";
import Link from "next/link";
import { BookingCard } from "@/components/consultations/booking-card";
import { UnrecordedList } from "@/components/consultations/unrecorded-list";
import { textLink } from "@/components/form/styles";
import { Section } from "@/components/section";
import { listTodaysSessions } from "@/lib/attendance/queries";
import { requireLawyer } from "@/lib/auth/session";
import { type Agenda, listTodaysWalkIns, openAgenda, type TodaysWalkIn } from "@/lib/consultations/queries";
import { formatMonthDay, formatTime, isoWeekday, relativeDay, shortWeekdayName, todayInShanghai } from "@/lib/time";
import { TodaysDuty } from "./todays-duty";

export const metadata: Metadata = { title: "我的预约" };

// Today first, on the phone's first screen: it is what the lawyer opens the page for at the desk.
// The outcomes still owed follow as a short list, then the coming days.
export default async function LawyerBookingsPage() {
  const user = await requireLawyer("/lawyer");
  const [agenda, sessions, walkIns] = await Promise.all([
    openAgenda(user, user.lawyerId),
    listTodaysSessions(user),
    listTodaysWalkIns(user, user.lawyerId),
  ]);
  const today = todayInShanghai();
  // listAgenda puts today first, with or without bookings; the other days only when they have some.
  const [todays, ...coming] = agenda.days;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">我的预约</h1>
        <Link
          href="/lawyer/walk-in"
          className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 font-bold text-white hover:bg-brand-800"
        >
          记录现场咨询
        </Link>
      </div>
      <TodaysDuty sessions={sessions} />
      {todays && <DaySection day={todays} today={today} walkIns={walkIns} />}
      {agenda.unrecorded.length > 0 && (
        <Section id="unrecorded" title={`之前还没有记录结果的预约（${agenda.unrecorded.length} 个）`} className="space-y-2">
          <p>请记录服务结果，或标记未到，工作日志才完整。</p>
          <UnrecordedList bookings={agenda.unrecorded} labelledBy="unrecorded" />
        </Section>
      )}
      {coming.map((day) => (
        <DaySection key={day.date} day={day} today={today} />
      ))}
      {coming.length === 0 && <p>今后 4 周还没有其他预约。</p>}
      <p>
        <Link href="/lawyer/cards" className={textLink}>
          打印我的通讯卡
        </Link>
      </p>
    </div>
  );
}

function DaySection({ day, today, walkIns = [] }: { day: Agenda["days"][number]; today: string; walkIns?: TodaysWalkIn[] }) {
  const { date, bookings } = day;
  const near = relativeDay(date, today);
  return (
    <section aria-labelledby={`day-${date}`} className="space-y-2">
      {/* One line on a 360 px phone, so today's first booking fits on the first screen. */}
      <h2 id={`day-${date}`} className="text-xl font-bold">
        {near ? `${near} ` : ""}
        {formatMonthDay(date)} {shortWeekdayName(isoWeekday(date))} · {bookings.length} 个预约
      </h2>
      {bookings.length === 0 ? (
        <p>今天没有预约。有村民直接来咨询时，请用“记录现场咨询”登记。</p>
      ) : (
        bookings.map((b) => <BookingCard key={b.id} booking={b} />)
      )}
      {bookings.length > 0 && <SheetLinks date={date} venues={bookings.map((b) => b.venue)} />}
      {walkIns.length > 0 && <WalkInList walkIns={walkIns} date={date} />}
    </section>
  );
}

/** Today's walk-ins, one line each (time, name, topic), each opening its record to correct it. */
function WalkInList({ walkIns, date }: { walkIns: TodaysWalkIn[]; date: string }) {
  return (
    <>
      <h3 id={`walk-ins-${date}`} className="text-lg font-bold">
        现场咨询（{walkIns.length} 个）
      </h3>
      <ul aria-labelledby={`walk-ins-${date}`} className="space-y-1">
        {walkIns.map((w) => (
          <li key={w.id}>
            {formatTime(w.at)}{" "}
            <Link href={`/lawyer/walk-ins/${w.id}`} className={textLink}>
              {w.name}
            </Link>{" "}
            · {w.topic}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The day's sheet (预约名单) of each venue the day's bookings are at, to print for the desk. */
function SheetLinks({ date, venues }: { date: string; venues: { id: string; name: string }[] }) {
  const distinct = [...new Map(venues.map((v) => [v.id, v])).values()];
  return (
    <p className="flex flex-wrap gap-x-4">
      {distinct.map((v) => (
        <Link key={v.id} href={`/lawyer/sheet?date=${date}&venue=${v.id}`} className={textLink}>
          打印预约名单{distinct.length > 1 ? `：${v.name}` : <span className="sr-only">：{v.name}</span>}
        </Link>
      ))}
    </p>
  );
}
