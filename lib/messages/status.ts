// How a text message's state reads to staff and to the villager, whether staff may send it again,
// and the one sentence the confirmation page says about what will come. Pure: no database, no
// clock but the `now` passed in, Asia/Shanghai whatever the server's TZ.
import type { BookingStatus, NotificationKind, NotificationStatus } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_STATUSES } from "@/lib/labels";
import { maskPhone } from "@/lib/phone";
import { addDays, formatTime, toDateString } from "@/lib/time";
import { isMobile, shortWhen } from "./rules";

type State = { status: NotificationStatus; sendAfter: Date };

/** "18:00" on the day of `now`, else "12月3日 18:00". */
function when(instant: Date, now: Date): string {
  return toDateString(instant) === toDateString(now) ? formatTime(instant) : shortWhen(instant);
}

/**
 * The staff list's status: a queued message not yet due says when it will go; a test booking's
 * (lib/test-mode.ts) that the worker has handled says it stayed in the outbox.
 */
export function staffStatus({ status, sendAfter, test = false }: State & { test?: boolean }, now: Date): string {
  if (status === "QUEUED" && sendAfter > now) return `等待 ${when(sendAfter, now)} 后发送`;
  if (test && status === "SENT") return "留在发件箱，没有发出（测试预约）";
  return NOTIFICATION_STATUSES[status];
}

/** What the villager reads about one message: no gateway, no number, only what happened or will. */
export function villagerStatus(
  { status, sendAfter, sentAt, calledAt }: State & { sentAt: Date | null; calledAt: Date | null },
  now: Date,
): string {
  switch (status) {
    case "SENT":
      return sentAt ? `${shortWhen(sentAt)} 已发送` : "已发送";
    case "QUEUED":
      return sendAfter > now ? `将于 ${shortWhen(sendAfter)} 发送` : "正在发送";
    case "SENDING":
      return "正在发送";
    case "FAILED":
      return calledAt ? `短信没有发出，工作人员已于 ${shortWhen(calledAt)} 打电话告诉您` : "短信没有发出，工作人员会打电话告诉您";
    case "CALL":
      return calledAt ? `工作人员已于 ${shortWhen(calledAt)} 打电话告诉您` : "工作人员会打电话告诉您";
    case "DROPPED":
      return "不用再发";
  }
}

// What is still worth saying once the booking is cancelled or over: only these.
const STILL_TRUE_AFTER: readonly NotificationKind[] = ["CANCELLATION", "EVALUATION"];

/**
 * Whether staff may send a failed message again: a mobile number (a landline gets a call), and a
 * message still true (no confirmation or reminder of a booking cancelled or begun since).
 */
export function mayResend(
  message: { status: NotificationStatus; kind: NotificationKind; phone: string },
  booking: { status: BookingStatus; startsAt: Date },
  now: Date,
): boolean {
  if (message.status !== "FAILED" || !isMobile(message.phone)) return false;
  return STILL_TRUE_AFTER.includes(message.kind) || (booking.status === "CONFIRMED" && booking.startsAt > now);
}

/**
 * The confirmation page's sentence of what will come, and when: a confirmation held back by the
 * quiet hours says when it will go, and each reminder queued is named (the venue's rule made them,
 * and left out those already past), so nothing is promised that will not come.
 */
export function whatWillCome(
  phone: string,
  start: Date,
  messages: readonly (State & { kind: NotificationKind })[],
  now: Date = new Date(),
): string {
  const masked = maskPhone(phone);
  if (!isMobile(phone)) return `工作人员会打电话到 ${masked} 跟您确认。`;
  const confirmation = messages.find((m) => m.kind === "CONFIRMATION" && m.status === "QUEUED");
  const later = confirmation && confirmation.sendAfter.getTime() - now.getTime() > 60_000 ? confirmation.sendAfter : null;
  const today = toDateString(now);
  const lead = !later
    ? `我们会发短信到 ${masked} 确认`
    : toDateString(later) === addDays(today, 1)
      ? `夜间不发短信，确认短信明天 ${formatTime(later)} 发到 ${masked}`
      : toDateString(later) === today
        ? `夜间不发短信，确认短信今天 ${formatTime(later)} 发到 ${masked}`
        : `确认短信将于 ${shortWhen(later)} 发到 ${masked}`;
  const day = toDateString(start);
  const reminders = messages
    .filter((m) => m.kind === "REMINDER" && m.status === "QUEUED")
    .sort((a, b) => a.sendAfter.getTime() - b.sendAfter.getTime())
    .map(({ sendAfter: at }) =>
      toDateString(at) === addDays(day, -1)
        ? `前一天 ${formatTime(at)}`
        : toDateString(at) === day
          ? `当天 ${formatTime(at)}`
          : shortWhen(at),
    );
  if (reminders.length === 0) return `${lead}。`;
  return `${lead}，并在${reminders.join(" 和")} 提醒您。`;
}
