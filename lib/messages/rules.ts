// What a text message says and when it may go (issue 8), as pure functions: no database, no clock
// but the `now` passed in, Asia/Shanghai whatever the server's TZ. See ../shared/domain.md, "Text
// messages": a pre-approved signature first, within one 70-character segment where possible, the
// booking code, date, time, place and link always, never the topic or the note (someone else in
// the family may read it), nothing between 21:00 and 08:00 but an urgent change.
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { type QuietHours, quietHours } from "@/lib/sms/quiet-hours";
import { DEFAULT_SIGN_NAME, signName } from "@/lib/sms/schema";
import { addDays, formatTime, toDateString, zonedInstant } from "@/lib/time";

export { DEFAULT_QUIET_HOURS, parseQuietHours, type QuietHours, quietHours } from "@/lib/sms/quiet-hours";

export type MessageKind = "confirmation" | "change" | "cancellation" | "reminder" | "waitlist_offer" | "evaluation";

/** The database's name of each kind (notification.kind), and back. */
export const NOTIFICATION_KIND: Record<MessageKind, NotificationKind> = {
  confirmation: "CONFIRMATION",
  change: "CHANGE",
  cancellation: "CANCELLATION",
  reminder: "REMINDER",
  waitlist_offer: "WAITLIST_OFFER",
  evaluation: "EVALUATION",
};
export const FROM_NOTIFICATION_KIND = Object.fromEntries(Object.entries(NOTIFICATION_KIND).map(([k, v]) => [v, k])) as Record<
  NotificationKind,
  MessageKind
>;
/** The texts: a reminder reads 明天 the day before and 今天 two hours before (one template, a variable). */
export type TextKind = MessageKind | "reminder_soon";

/**
 * A text's signature, as the gateway puts it first: the deployment's one approved signature
 * (SMS_SIGN_NAME, lib/sms/schema.ts), whichever town the booking is in; the town is in the place.
 */
export const signature = (name: string = signName()) => `【${name}】`;
/** The signature of a deployment that configured none: 【睦洲公共法律服务】. */
export const SIGNATURE = signature(DEFAULT_SIGN_NAME);
/** One SMS segment of Chinese text, the signature included; longer messages are billed per 67 characters. */
export const SEGMENT = 70;

/**
 * What every message about a booking carries, and nothing else; `detail` is what changed (a change)
 * or the cause (a cancellation), from CHANGE_DETAIL and CANCEL_CAUSES, never free text; `place` is
 * the venue's name, which for a town's station names the town (睦洲镇公共法律服务工作站).
 */
export type MessageFacts = { code: string; start: Date; place: string; link: string; detail?: string | null };

/** A place's name without 公共法律服务, for a text it would push past one segment: 会城街道工作站, 南镇村工作室. */
export function shortPlace(place: string): string {
  return place.replace("公共法律服务", "") || place;
}

/** A change's detail: a new lawyer at the same time and place, or a new time (and place). */
export const CHANGE_DETAIL = {
  lawyer: (name: string) => `改由${name}律师接待`,
  moved: "改为",
} as const;

/** Why a booking was cancelled, in four characters the villager understands (issue 22 item 2). */
export const CANCEL_CAUSES = {
  villager: "您的要求",
  leave: "律师请假",
  duty: "值班调整",
  staff: "工作安排",
} as const;
export type CancelCause = keyof typeof CANCEL_CAUSES;

/** "12月3日 09:00" in Shanghai. */
export function shortWhen(start: Date): string {
  const [, m, d] = toDateString(start).split("-").map(Number);
  return `${m}月${d}日 ${formatTime(start)}`;
}

/** What happened, after "预约<code>", for the kinds that say it in a word. */
const LEADS: Record<Exclude<TextKind, "cancellation" | "waitlist_offer">, string> = {
  confirmation: "已确认",
  change: "有变动，现为",
  reminder: "就在明天",
  reminder_soon: "就在今天",
  evaluation: "已结束，请评价",
};

/**
 * The text of a message: signature, the booking code and what happened, when, where, and the link,
 * within one segment with the longest place name and a 16-character link (docs/sms.md shows one of
 * each). A change says what changed (a new lawyer, the time and place as they were; or the new time
 * and place), a cancellation why. A place whose full name would need a second segment (a station
 * of a town with a four-character name, 会城街道) is named without 公共法律服务.
 */
export function messageText(kind: TextKind, facts: MessageFacts, sign: string = signature()): string {
  const text = composeText(kind, facts, sign);
  if ([...text].length <= SEGMENT) return text;
  return composeText(kind, { ...facts, place: shortPlace(facts.place) }, sign);
}

function composeText(kind: TextKind, { code, start, place, link, detail }: MessageFacts, sign: string): string {
  const where = `${shortWhen(start)}，${place}`;
  switch (kind) {
    case "cancellation":
      return `${sign}预约${code}（${where}）${detail ? `因${detail}` : ""}已取消。${link}`;
    case "waitlist_offer":
      // A held slot is the villager's only once they confirm: the code is the hold's.
      return `${sign}候补空位留30分钟：${where}，预约${code}。${link}`;
    case "change":
      return `${sign}预约${code}${detail ?? LEADS.change}：${where}。${link}`;
    default:
      return `${sign}预约${code}${LEADS[kind]}：${where}。${link}`;
  }
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

/** The booking code read out a character at a time, letters and digits apart: "M Z 7 K 3 Q". */
export function spokenCode(code: string): string {
  return [...code].join(" ");
}

/**
 * What staff say on the phone instead of a text (the call list, issue 22 item 16): the facts of the
 * message in a spoken sentence, the booking code spelled out and 12348 for questions, never the
 * link (nobody can write down an address read out over the phone), nor the topic or the note.
 */
export function callScript(
  kind: MessageKind,
  facts: { name: string; code: string; start: Date; place: string; address: string; detail?: string | null },
): string {
  const when = shortWhen(facts.start);
  const where = `${facts.place}（${facts.address}）`;
  const what: Record<MessageKind, string> = {
    confirmation: `您的法律咨询预约好了，时间是${when}，地点在${where}`,
    change: facts.detail?.startsWith("改由")
      ? `您的预约${facts.detail}，时间地点不变：${when}，${where}`
      : `您的预约改了时间，现在是${when}，地点在${where}`,
    cancellation: `您${when}在${facts.place}的预约${facts.detail ? `因${facts.detail}` : ""}已经取消了，需要的话可以重新预约`,
    reminder: `提醒您，您预约的法律咨询在${when}，地点在${where}`,
    waitlist_offer: `您候补的时间有空位了：${when}，${where}，请在 30 分钟内确认`,
    evaluation: `您的法律咨询已经结束，欢迎对这次服务提意见`,
  };
  return `${facts.name}您好，这里是镇司法所。${what[kind]}。预约号是 ${spokenCode(facts.code)}。有疑问请拨打 12348。`;
}
