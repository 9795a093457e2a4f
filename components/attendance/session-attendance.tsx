// One duty session of today with its lawyer's arrival and departure (签到 / 签退): on the lawyer's
// day view and on the venue's page opened from the poster's QR code. Compact: on the day view it
// sits above today's bookings, which must stay on a phone's first screen.
import type { TodaySession } from "@/lib/attendance/schema";
import { formatTime, formatTimeRange } from "@/lib/time";
import { AttendanceButton } from "./attendance-button";

function attendanceLine(a: TodaySession["attendances"][number]): string {
  const arrived = `${formatTime(a.arrivedAt)} 签到`;
  if (a.state === "open" || !a.departure) return `${arrived} · 在场，还没有签退`;
  return a.state === "left"
    ? `${arrived} · ${formatTime(a.departure)} 签退`
    : `${arrived} · ${formatTime(a.departure)} 未签退（自动结束）`;
}

/** What the session needs, in words, where there is no button for it. */
function waiting(session: TodaySession, short: boolean): string | null {
  if (session.openId || session.timing === "open") return null;
  if (session.timing === "early") return `${formatTime(session.opensAt)} 起可以签到`;
  if (session.attendances.length > 0) return null;
  // One line on a phone's day view, where today's bookings follow.
  return short ? "未签到。到过请找司法所更正。" : "未签到，已结束。到过的请联系司法所更正。";
}

export function SessionAttendance({
  session,
  arriveLabel = "签到",
  short = false,
}: {
  session: TodaySession;
  arriveLabel?: string;
  /** One line on a phone: 坐班 and the village's name alone (the full name for screen readers). */
  short?: boolean;
}) {
  const hours = `${formatTimeRange(session.start, session.end)}`;
  const which = `${hours} ${session.venue.name}`;
  const canArrive = session.timing === "open" && !session.openId;
  const note = waiting(session, short);
  // The station has no village: 镇工作站 keeps its line as short as a workroom's.
  const place = short ? (session.venue.village ?? "镇工作站") : null;
  return (
    // Wrapping, not a grid: the button sits beside the text, but its answer ("已签到：…") is wider
    // than the button and takes a line of its own below, where a grid column squeezed the text
    // to a character a line.
    <li className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2 rounded-lg border-2 border-gray-400 px-3 py-1.5">
      <div className="min-w-0 grow basis-48">
        <p className="font-bold">
          {short && "坐班 "}
          {hours} ·{" "}
          {place ? (
            <>
              <span aria-hidden="true">{place}</span>
              <span className="sr-only">{session.venue.name}</span>
            </>
          ) : (
            session.venue.name
          )}
        </p>
        {session.attendances.map((a) => (
          <p key={a.id}>{attendanceLine(a)}</p>
        ))}
        {note && <p>{note}</p>}
      </div>
      {(canArrive || session.openId) && (
        <AttendanceButton
          venueId={session.venue.id}
          startMinute={session.startMinute}
          openId={session.openId}
          arriveLabel={session.attendances.length > 0 ? "再次签到" : arriveLabel}
          which={which}
        />
      )}
    </li>
  );
}
