import "server-only";
// How every change to duty hours is applied: a preview of the bookings it takes time from, then one
// transaction for the change, the hand-overs, the cancellations, the villagers' notifications and
// the API clients' event notices (lib/webhooks).
// A lawyer leaving (lib/lawyers deactivateLawyer) is such a change too: it takes all their time.
import { type AuditActor, recordAudit } from "@/lib/audit/mutations";
import { type DateException, WEEKLY_SESSION_FIELDS, type WeeklySession } from "@/lib/availability/slots";
import { db, lockLawyers, type Tx } from "@/lib/db";
import { violatedConstraint } from "@/lib/db-errors";
import { type Failure, type FailureCode, failure, Rejected } from "@/lib/errors";
import { loadHolidayCalendar } from "@/lib/holidays/queries";
import { tellVillager } from "@/lib/messages/mutations";
import { addDays, formatDate, formatTime, fromDbDate, toDateString, toDbDate, todayInShanghai } from "@/lib/time";
import { emitEvent } from "@/lib/webhooks/mutations";
import { type BookedTime, bookingsLosingDuty, type DutyRows, type Settled, settledSentence, weeklyClashMessage } from "../impact";
import { type AffectedBooking, describeAffected } from "../queries";
import type { BookingChoice } from "../schema";

const CHANGE_WAITS = { maxWait: 10_000, timeout: 30_000 };

/** The change removes time that villagers have booked: nothing was saved; choose for each booking first. */
export type NeedsChoices = Failure<"bookings_affected"> & { affected: AffectedBooking[] };
export type ScheduleResult = { ok: true; message: string } | Failure<Exclude<FailureCode, "bookings_affected">> | NeedsChoices;
export type Options = { now?: Date; choices?: BookingChoice[] };
type SessionRow = WeeklySession & { id: string };
export type ExceptionRow = DateException & { id: string };
export type Rows = { sessions: SessionRow[]; exceptions: ExceptionRow[] };

const CHOOSE = "这次修改会影响村民已经约好的时间。请为每个预约选择：交给其他有空的律师，或取消并说明原因。确认之前什么都不会改。";
const CHOOSE_AGAIN = "您选的律师在这个时间刚刚有了别的预约，什么都没有改。请重新选择。";
const CHANGED_MEANWHILE = "有预约刚刚发生了变化，什么都没有改。请按最新的情况重新选择。";

/** A booking changed (checked in, cancelled, moved) between the preview and the transaction. */
class Stale extends Error {}

/** The lawyer's duty rows (history included: they decide which bookings a change takes duty away from). */
export async function loadRows(lawyerId: string, today: string): Promise<Rows> {
  const [sessions, exceptions] = await Promise.all([
    db.dutySession.findMany({
      where: { lawyerId, OR: [{ validUntil: null }, { validUntil: { gte: toDbDate(today) } }] },
      select: { id: true, ...WEEKLY_SESSION_FIELDS },
    }),
    db.dutyException.findMany({
      where: { lawyerId, date: { gte: toDbDate(today) } },
      select: { id: true, lawyerId: true, venueId: true, kind: true, date: true, startMinute: true, endMinute: true },
    }),
  ]);
  return {
    sessions: sessions.map((s) => ({
      ...s,
      validFrom: fromDbDate(s.validFrom),
      validUntil: s.validUntil ? fromDbDate(s.validUntil) : null,
    })),
    exceptions: exceptions.map((e) => ({ ...e, date: fromDbDate(e.date) })),
  };
}

/** The lawyer's weekly session the database refused the new one for, to name it. */
async function findWeeklyClash(
  lawyerId: string,
  s: { weekday: number; startMinute: number; endMinute: number; validFrom: string; validUntil: string | null },
  exceptId?: string,
): Promise<string> {
  const clash = await db.dutySession.findFirst({
    where: {
      lawyerId,
      weekday: s.weekday,
      startMinute: { lt: s.endMinute },
      endMinute: { gt: s.startMinute },
      OR: [{ validUntil: null }, { validUntil: { gte: toDbDate(s.validFrom) } }],
      ...(s.validUntil ? { validFrom: { lte: toDbDate(s.validUntil) } } : {}),
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    orderBy: { validFrom: "asc" },
    select: { weekday: true, startMinute: true, endMinute: true, venue: { select: { name: true } } },
  });
  if (!clash) return "与您的另一次每周值班时间重叠。同一时间只能在一个地点值班，请换一个时间。";
  return weeklyClashMessage(clash.weekday, clash.startMinute, clash.endMinute, clash.venue.name);
}

export type Plan = {
  lawyerId: string;
  /** The rows as they will be, to see which bookings lose their duty. Omit when the change only adds time. */
  after?: (rows: Rows) => Rows;
  /** The lawyer leaves: every confirmed future booking of theirs needs a choice, whatever the duty rows say. */
  everyBooking?: boolean;
  apply: (tx: Tx) => Promise<void>;
  /** Why the booking changed, at the start of the villager's notice: "原律师临时请假". */
  why: string;
  /** The cause a cancellation's text gives (lib/messages/rules.ts CANCEL_CAUSES): leave, or a change of duty. */
  cause?: "leave" | "duty";
  done: string;
  /** Names the clash when the database refuses a weekly session. */
  weekly?: {
    weekday: number;
    startMinute: number;
    endMinute: number;
    validFrom: string;
    validUntil: string | null;
    exceptId?: string;
  };
};

/**
 * Applies a change to duty hours. When it removes time that has confirmed future bookings, it
 * first answers with those bookings (and the colleagues free to take each), and changes nothing
 * until a choice for every one of them comes back; then the change, the hand-overs, the
 * cancellations and the villagers' notifications are one transaction.
 */
export async function applyChange(
  actor: AuditActor,
  plan: Plan,
  { now = new Date(), choices }: Options,
): Promise<ScheduleResult> {
  const today = todayInShanghai(now);
  const affects = await affectedBy(plan, today, now);
  const affected = affects ? await describeAffected(plan.lawyerId, await affects(db), now) : [];
  if (affected.length > 0) {
    const check = checkChoices(affected, choices);
    if (check) return check;
  }
  const picked = new Map((choices ?? []).map((c) => [c.bookingId, c]));
  try {
    return await db.$transaction(async (tx) => {
      // What became of each booking, for the answer (cleared on a retry of the transaction).
      const settled: Settled[] = [];
      // A booking for this lawyer (or for a colleague taking one over) being written now finishes
      // first, so the read below sees it; one that starts now waits and then sees this change.
      const takers = [...picked.values()].flatMap((c) => (c.action === "cancel" ? [] : [c.lawyerId]));
      await lockLawyers(tx, [plan.lawyerId, ...takers]);
      await plan.apply(tx);
      if (affects) {
        // Read again in the transaction: a booking made since the preview in the time being removed
        // must not be left without a lawyer.
        const fresh = await affects(tx);
        if (fresh.some((b) => !picked.has(b.id))) {
          throw new Rejected(needsChoices(await describeAffected(plan.lawyerId, fresh, now), CHANGED_MEANWHILE));
        }
        for (const booking of affected) {
          if (fresh.some((b) => b.id === booking.id)) {
            settled.push(await settle(tx, actor, plan, booking, picked.get(booking.id) as BookingChoice, now));
          }
        }
      }
      return { ok: true as const, message: `${plan.done}${settledSentence(settled)}` };
      // Bookings racing this change give up their wait for the lawyer's lock after 2 s
      // (lib/booking/mutations.ts stillOnDuty); this change may wait longer for a connection and for them.
    }, CHANGE_WAITS);
  } catch (error) {
    if (error instanceof Rejected) return error.result;
    if (error instanceof Stale && affects) {
      const again = await describeAffected(plan.lawyerId, await affects(db), now);
      return needsChoices(again, CHANGED_MEANWHILE);
    }
    const constraint = violatedConstraint(error);
    if (constraint === "booking_lawyer_no_overlap" && affects) {
      // A colleague was booked at that time after the preview: everything was rolled back.
      const again = await describeAffected(plan.lawyerId, await affects(db), now);
      return needsChoices(again, CHOOSE_AGAIN);
    }
    if (constraint === "duty_session_lawyer_no_overlap" && plan.weekly) {
      const message = await findWeeklyClash(plan.lawyerId, plan.weekly, plan.weekly.exceptId);
      return failure("invalid_input", message, { start: message });
    }
    throw error;
  }
}

/** The offered time a move chose (lib/schedule/queries.ts otherTimes), or undefined when it was not offered. */
function moveOf(booking: AffectedBooking, choice: { lawyerId: string; start: Date }) {
  return booking.moves.find((m) => m.lawyerId === choice.lawyerId && m.start.getTime() === choice.start.getTime());
}

function needsChoices(affected: AffectedBooking[], message = CHOOSE, fields?: Record<string, string>): NeedsChoices {
  const result: NeedsChoices = { ok: false, code: "bookings_affected", message, affected };
  return fields ? { ...result, fields } : result;
}

/** A choice for every affected booking, and only colleagues who are free then. */
function checkChoices(affected: AffectedBooking[], choices: BookingChoice[] | undefined): NeedsChoices | null {
  if (!choices) return needsChoices(affected);
  const fields: Record<string, string> = {};
  for (const booking of affected) {
    const choice = choices.find((c) => c.bookingId === booking.id);
    if (!choice) fields[`choice-${booking.id}`] = "请为这个预约选择：交给其他律师、改到其他时间，或取消。";
    else if (choice.action === "reassign" && !booking.colleagues.some((c) => c.id === choice.lawyerId))
      fields[`choice-${booking.id}`] = "这位律师在这个时间没有空，请重新选择。";
    else if (choice.action === "reschedule" && !moveOf(booking, choice))
      fields[`choice-${booking.id}`] = "这个时间已经没有空了，请从列出的时间中重新选择。";
  }
  return Object.keys(fields).length > 0 ? needsChoices(affected, "还没有保存，请按提示为每个预约选择。", fields) : null;
}

type Duty = { before: DutyRows; after: DutyRows; calendar: Awaited<ReturnType<typeof loadHolidayCalendar>> };

/** The lawyer's rows now and as the change leaves them, read once before the transaction. */
async function dutyBeforeAndAfter(lawyerId: string, after: NonNullable<Plan["after"]>, today: string): Promise<Duty> {
  // From yesterday: a booking just after midnight belongs to today's Shanghai date, never earlier.
  const [before, calendar] = await Promise.all([loadRows(lawyerId, addDays(today, -1)), loadHolidayCalendar()]);
  return { before, after: after(before), calendar };
}

type Reader = Tx | typeof db;

/** How to find the bookings the change leaves without their lawyer, or null when it leaves none. */
async function affectedBy(plan: Plan, today: string, now: Date): Promise<((reader: Reader) => Promise<BookedTime[]>) | null> {
  if (plan.everyBooking) return (reader) => upcoming(reader, plan.lawyerId, now);
  if (!plan.after) return null;
  const duty = await dutyBeforeAndAfter(plan.lawyerId, plan.after, today);
  return async (reader) => bookingsLosingDuty(duty.before, duty.after, await upcoming(reader, plan.lawyerId, now), duty.calendar);
}

/** The lawyer's confirmed future bookings. */
async function upcoming(reader: Reader, lawyerId: string, now: Date): Promise<BookedTime[]> {
  const bookings = await reader.booking.findMany({
    where: { lawyerId, status: "CONFIRMED", startsAt: { gt: now } },
    select: { id: true, venueId: true, startsAt: true, endsAt: true },
  });
  return bookings.map((b) => ({ id: b.id, venueId: b.venueId, start: b.startsAt, end: b.endsAt }));
}

async function settle(
  tx: Tx,
  actor: AuditActor,
  plan: Plan,
  booking: AffectedBooking,
  choice: BookingChoice,
  now: Date,
): Promise<Settled> {
  // Conditional: only a booking still this lawyer's, confirmed and in the future changes.
  const where = { id: booking.id, lawyerId: plan.lawyerId, status: "CONFIRMED" as const, startsAt: { gt: now } };
  if (choice.action === "reassign") {
    const colleague = booking.colleagues.find((c) => c.id === choice.lawyerId) as { id: string; name: string };
    if (!(await handOver(tx, actor, { ...booking, lawyerId: plan.lawyerId }, colleague, plan.why, now))) throw new Stale();
    return { action: "reassign", lawyer: colleague.name };
  }
  if (choice.action === "reschedule") {
    const to = moveOf(booking, choice) as AffectedBooking["moves"][number];
    const when = `${formatDate(toDateString(to.start))} ${formatTime(to.start)}`;
    const notice = `${plan.why}，您的预约已改到 ${when}，由 ${to.lawyerName} 律师接待。`;
    const { count } = await tx.booking.updateMany({
      where,
      data: { lawyerId: to.lawyerId, startsAt: to.start, endsAt: to.end, notice },
    });
    if (count === 0) throw new Stale();
    await tellVillager(tx, booking.id, "moved", now);
    await emitEvent(tx, "booking.rescheduled", booking.id, now);
    await recordAudit(tx, actor, {
      kind: "booking",
      action: "reschedule",
      subjectId: booking.id,
      summary: `${plan.why || "律师调整值班"}，预约 ${booking.code} 改到 ${when}，由 ${to.lawyerName} 接待`,
    });
    return { action: "reschedule", when };
  }
  const notice = `很抱歉，律师临时有事，这个预约已取消：${choice.reason}。请重新预约或拨打 12348。`;
  const { count } = await tx.booking.updateMany({
    where,
    data: { status: "CANCELLED", cancelledAt: now, cancelReason: choice.reason, notice },
  });
  if (count === 0) throw new Stale();
  await tellVillager(tx, booking.id, "cancelled", now, { cause: plan.cause ?? "duty" });
  await emitEvent(tx, "booking.cancelled", booking.id, now);
  await recordAudit(tx, actor, {
    kind: "booking",
    action: "cancel",
    subjectId: booking.id,
    summary: `${plan.why || "律师调整值班"}，取消预约 ${booking.code}：${choice.reason}`,
  });
  return { action: "cancel" };
}

/**
 * Gives a confirmed future booking of `booking.lawyerId` to `colleague` at the same time and place,
 * in the caller's transaction (which has locked both lawyers): the villager's notice and text, and
 * the audit entry. False when the booking is no longer that lawyer's, confirmed and to come. The
 * colleague's exclusion constraint (booking_lawyer_no_overlap) refuses a colleague booked meanwhile.
 */
export async function handOver(
  tx: Tx,
  actor: AuditActor,
  booking: { id: string; code: string; lawyerId: string },
  colleague: { id: string; name: string },
  why: string,
  now: Date,
): Promise<boolean> {
  const notice = `${why}，您的预约已改由 ${colleague.name} 律师接待，时间地点不变。`;
  const { count } = await tx.booking.updateMany({
    where: { id: booking.id, lawyerId: booking.lawyerId, status: "CONFIRMED", startsAt: { gt: now } },
    data: { lawyerId: colleague.id, notice },
  });
  if (count === 0) return false;
  await tellVillager(tx, booking.id, "reassigned", now);
  // Another lawyer is a change the API's clients follow too (issue 25 item 2): booking.rescheduled.
  await emitEvent(tx, "booking.rescheduled", booking.id, now);
  await recordAudit(tx, actor, {
    kind: "booking",
    action: "reassign",
    subjectId: booking.id,
    summary: `预约 ${booking.code} 改由 ${colleague.name} 接待（${why}）`,
  });
  return true;
}
