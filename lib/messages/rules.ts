// What a text message says and when it may go (issue 8), as pure functions: no database, no clock
// but the `now` passed in, Asia/Shanghai whatever the server's TZ. See ../shared/domain.md, "Text
// messages": a pre-approved signature first, within one 70-character segment where possible, the
// booking code, date, time, place and link always, never the topic or the note (someone else in
// the family may read it), nothing between 21:00 and 08:00 but an urgent change.
import { type QuietHours, quietHours } from "@/lib/sms/quiet-hours";
import { addDays, formatTime, toDateString, zonedInstant } from "@/lib/time";

export { DEFAULT_QUIET_HOURS, parseQuietHours, type QuietHours, quietHours } from "@/lib/sms/quiet-hours";

export type MessageKind = "confirmation" | "change" | "cancellation" | "reminder" | "waitlist_offer" | "evaluation";
/** The texts: a reminder reads 明天 the day before and 今天 two hours before (one template, a variable). */
export type TextKind = MessageKind | "reminder_soon";

export const SIGNATURE = "【睦洲公共法律服务】";
/** One SMS segment of Chinese text, the signature included; longer messages are billed per 67 characters. */
export const SEGMENT = 70;

/** What every message about a booking carries, and nothing else. */
export type MessageFacts = { code: string; start: Date; place: string; link: string };

/** "12月3日 09:00" in Shanghai. */
export function shortWhen(start: Date): string {
  const [, m, d] = toDateString(start).split("-").map(Number);
  return `${m}月${d}日 ${formatTime(start)}`;
}

const LEADS: Record<TextKind, string> = {
  confirmation: "预约成功",
  change: "您的预约有变动，现为",
  cancellation: "您的预约已取消",
  reminder: "提醒您明天有法律咨询",
  reminder_soon: "提醒您今天有法律咨询",
  waitlist_offer: "有空位了，30分钟内有效",
  evaluation: "感谢您来咨询，请为这次服务评价",
};

/** The text of a message: signature, what happened, when, where, the code and the link. */
export function messageText(kind: TextKind, { code, start, place, link }: MessageFacts): string {
  return `${SIGNATURE}${LEADS[kind]}：${shortWhen(start)}，${place}，预约号${code}。${link}`;
}

/** Whether a number can get a text: a mainland mobile (a landline gets a phone call from staff). */
export function isMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

const HOUR = 60 * 60 * 1000;

function shanghaiMinute(instant: Date): number {
  const [h, m] = formatTime(instant).split(":").map(Number);
  return h * 60 + m;
}

/** Whether `instant` is in the quiet hours (21:00 to 08:00 in Shanghai unless configured otherwise). */
export function isQuiet(instant: Date, quiet: QuietHours = quietHours()): boolean {
  const minute = shanghaiMinute(instant);
  if (quiet.from === quiet.until) return false;
  return quiet.from > quiet.until ? minute >= quiet.from || minute < quiet.until : minute >= quiet.from && minute < quiet.until;
}

/**
 * When a message due at `due` may go: at once outside the quiet hours; inside them, at the next
 * 08:00, except a change or cancellation of a consultation within the next 12 hours, which cannot
 * wait for the morning.
 */
export function sendTime(kind: MessageKind, due: Date, consultationStart: Date, quiet: QuietHours = quietHours()): Date {
  if (!isQuiet(due, quiet)) return due;
  const urgent = (kind === "change" || kind === "cancellation") && consultationStart.getTime() - due.getTime() <= 12 * HOUR;
  if (urgent) return due;
  const today = toDateString(due);
  const morning = zonedInstant(today, quiet.until);
  return morning.getTime() > due.getTime() ? morning : zonedInstant(addDays(today, 1), quiet.until);
}

/** A venue's reminder rule: the day before at `dayBeforeMinute`, and `hoursBefore` hours before for bookings made over a day ahead. */
export type ReminderRule = { dayBeforeMinute: number | null; hoursBefore: number | null };
export const DEFAULT_REMINDERS: ReminderRule = { dayBeforeMinute: 18 * 60, hoursBefore: 2 };

export type Reminder = { slot: "day_before" | "hours_before"; at: Date };

/**
 * The reminders of a booking starting at `start`, made (or moved) at `now`: those still ahead of
 * `now`, each moved out of the quiet hours, none after the consultation has begun.
 */
export function reminders(start: Date, now: Date, rule: ReminderRule = DEFAULT_REMINDERS): Reminder[] {
  const out: Reminder[] = [];
  if (rule.dayBeforeMinute !== null) {
    const at = zonedInstant(addDays(toDateString(start), -1), rule.dayBeforeMinute);
    if (at > now) out.push({ slot: "day_before", at: sendTime("reminder", at, start) });
  }
  if (rule.hoursBefore !== null && start.getTime() - now.getTime() > 24 * HOUR) {
    const at = sendTime("reminder", new Date(start.getTime() - rule.hoursBefore * HOUR), start);
    if (at > now && at < start) out.push({ slot: "hours_before", at });
  }
  return out;
}
