// The top of the lawyer's day view on a day with duty: today's sessions with 签到 / 签退 in one
// tap. One line each, so that today's bookings below stay on a phone's first screen.
import { SessionAttendance } from "@/components/attendance/session-attendance";
import type { TodaySession } from "@/lib/attendance/schema";

/** Nothing on a day without duty. */
export function TodaysDuty({ sessions }: { sessions: TodaySession[] }) {
  if (sessions.length === 0) return null;
  return (
    <section aria-labelledby="todays-duty">
      {/* Each line says 坐班 itself: the heading is for screen readers, its room for today's bookings. */}
      <h2 id="todays-duty" className="sr-only">
        今天的坐班
      </h2>
      <ul className="space-y-2">
        {sessions.map((s) => (
          <SessionAttendance key={`${s.venue.id}-${s.startMinute}`} session={s} short />
        ))}
      </ul>
    </section>
  );
}
