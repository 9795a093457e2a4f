// When a villager's arrival (签到) may be recorded and undone, and when a consultation's outcome or a no-show may be. Pure: the mutations turn the same
// window into the conditions of their conditional update, and the booking card uses it to decide
// which button to show.
import { addDays, type DateString, formatTime, toDateString, zonedInstant } from "@/lib/time";

export const LAWYER_NOTE_MAX = 1000;

/** A consultation longer than a working day is a typing slip. */
export const MINUTES_MAX = 600;

export const VOID_REASON_MAX = 200;

/** How long before a booking's start its villager may be checked in. */
export const CHECK_IN_LEAD_MINUTES = 60;

/**
 * The instants a booking starting at `start` may be checked in: on its own day (Asia/Shanghai) from
 * an hour before the start, until that day ends. A booking just after midnight opens at midnight.
 */
export function checkInWindow(start: Date): { opens: Date; closes: Date } {
  const day = toDateString(start);
  const lead = start.getTime() - CHECK_IN_LEAD_MINUTES * 60_000;
  return { opens: new Date(Math.max(lead, zonedInstant(day).getTime())), closes: dayEnd(day) };
}

/** The first instant after `day` (Asia/Shanghai). */
function dayEnd(day: DateString): Date {
  return zonedInstant(addDays(day, 1));
}

export function canCheckIn(start: Date, now: Date): boolean {
  const { opens, closes } = checkInWindow(start);
  return now >= opens && now < closes;
}

/** A check-in may be undone until the end of the booking's day. */
export function canUndoCheckIn(start: Date, now: Date): boolean {
  return toDateString(start) === toDateString(now);
}

/** Why a check-in at `now` is refused, in words for the lawyer. */
export function checkInRefusal(start: Date, now: Date): string {
  const day = toDateString(start);
  if (toDateString(now) !== day) {
    return now < start
      ? `只能在预约当天签到。这个预约在 ${day} ${formatTime(start)}，请到当天再签到。`
      : "预约的日期已经过了，不能再签到。如村民来了，请记录服务结果或作为现场咨询记录。";
  }
  return `预约开始前 1 小时起才能签到（${formatTime(checkInWindow(start).opens)} 起）。请到时间后再签到。`;
}

/**
 * An outcome is only for a consultation that happened (issue 22 item 6): a booking the villager was
 * checked in for (check-in opens an hour before the start, so a consultation begun early is
 * covered), one already recorded (to correct it), or one whose booked time has begun. Before
 * that, nothing has happened yet to record, and an outcome would open the evaluation to the villager.
 */
export function canRecordOutcome(status: string, start: Date, now: Date): boolean {
  if (status === "CHECKED_IN" || status === "DONE") return true;
  return status === "CONFIRMED" && now >= start;
}

/** Why an outcome is refused before the booked time, in words for the lawyer. */
export function outcomeRefusal(start: Date): string {
  return `预约时间（${toDateString(start)} ${formatTime(start)}）还没到，还不能记录服务结果。村民提前到了，请先点“签到”再记录。`;
}

/** A villager may be marked as not come only once the booked time has begun: before that they may still arrive. */
export function canMarkNoShow(status: string, start: Date, now: Date): boolean {
  return status === "CONFIRMED" && now >= start;
}

/**
 * The venue a new walk-in starts at: where the lawyer is signed in (an open 签到), else where they
 * sit today (the session under way, then the day's first), else the first venue they serve.
 */
export function defaultWalkInVenue(
  served: { id: string }[],
  today: { venue: { id: string }; openId: string | null; timing: "early" | "open" | "over" }[],
): string | undefined {
  const serves = (s: (typeof today)[number]) => served.some((v) => v.id === s.venue.id);
  const session =
    today.find((s) => s.openId && serves(s)) ?? today.find((s) => s.timing === "open" && serves(s)) ?? today.find(serves);
  return session?.venue.id ?? served[0]?.id;
}
