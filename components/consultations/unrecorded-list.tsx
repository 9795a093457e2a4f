// Earlier bookings whose outcome the lawyer still owes, one line each: the detail page behind each
// line has the result form and the no-show button.
import Link from "next/link";
import { textLink } from "@/components/form/styles";
import type { ConsultationView } from "@/lib/consultations/schema";
import { formatMonthDay, formatTime, toDateString } from "@/lib/time";

type Owed = Pick<ConsultationView, "id" | "status" | "start" | "name" | "topic" | "venue">;

export function UnrecordedList({ bookings, labelledBy }: { bookings: Owed[]; labelledBy: string }) {
  return (
    <ul aria-labelledby={labelledBy} className="divide-y divide-gray-300 rounded-lg border-2 border-gray-300">
      {bookings.map((b) => {
        const when = `${formatMonthDay(toDateString(b.start))} ${formatTime(b.start)}`;
        return (
          <li key={b.id} className="flex items-center justify-between gap-x-3 px-3">
            <p className="min-w-0 py-1">
              <span className="font-semibold">{when}</span> {b.name}
              <span className="text-gray-700">
                {" "}
                · {b.topic}
                {b.status === "CHECKED_IN" ? " · 已签到" : ""}
              </span>
            </p>
            {/* "记录" on screen, where a line has no room for more; the whole of it for screen readers. */}
            <Link
              href={`/lawyer/bookings/${b.id}`}
              aria-label={`记录服务结果：${when} ${b.name}`}
              className={`${textLink} shrink-0`}
            >
              记录
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
