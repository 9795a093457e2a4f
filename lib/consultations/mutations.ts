import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { venuesIn } from "@/lib/auth/scope";
import { db, type Tx } from "@/lib/db";
import { type Failure, failure } from "@/lib/errors";
import type { BookingStatus, Prisma } from "@/lib/generated/prisma/client";
import { type BookingEvent, tellVillager } from "@/lib/messages/mutations";
import { addDays, formatTime, toDateString, todayInShanghai, zonedInstant } from "@/lib/time";
import { emitEvent } from "@/lib/webhooks/mutations";
import type { WebhookEventType } from "@/lib/webhooks/rules";
import { isStaffRecorder, ownLawyerId, type Recorder, recorderAccount, recorderInAudit, recordsOf } from "./access";
import { CHECK_IN_LEAD_MINUTES, checkInRefusal, outcomeRefusal } from "./rules";
import type { CompleteBookingInput, WalkInInput } from "./schema";

export type ConsultationResult = { ok: true } | Failure;

const BOOKING_NOT_FOUND = "没有找到这个预约，它可能已被取消或改由其他律师接待。请回到“我的预约”查看。";
const WALK_IN_NOT_FOUND = "没有找到这条现场咨询记录。请回到“工作日志”查看。";
const WALK_IN_VOIDED = "这条现场咨询记录已经作废了，不再计入任何统计，不能再修改。如确有这次咨询，请重新记录。";
const WALK_IN_ANONYMISED = "这条记录已过保存期限，个人信息已删除，不能再修改。";
const WALK_IN_CHANGED = "这条记录刚刚被作废或修改了，您的修改没有保存。请刷新页面后再看。";

/** Why a booking in `status` cannot make the change asked for. */
const STATUS_MESSAGES: Record<BookingStatus, string> = {
  CONFIRMED: "这个预约还没有签到。请刷新页面查看最新状态。",
  CHECKED_IN: "这个预约已经签到了。咨询结束后请记录服务结果。",
  DONE: "这个预约已经记录为完成。如需修改，请打开“修改服务结果”。",
  NO_SHOW: "这个预约已经标记为未到。如村民后来到了，请作为现场咨询记录。",
  CANCELLED: "这个预约已被取消，不能再更改。",
  HELD: "这个时间正为候补的村民保留，还没有确认。请稍后刷新页面查看。",
};

type Change = {
  /** The statuses the booking may be in for this change; anything else changes nothing. */
  from: BookingStatus[];
  data: Prisma.BookingUpdateManyMutationInput;
  where?: Prisma.BookingWhereInput;
  action: string;
  summary: string;
  /** What the villager hears of it, in the same transaction (lib/messages). */
  tell?: BookingEvent;
  /** What API clients are told of it, in the same transaction (lib/webhooks). */
  event?: WebhookEventType;
  /** The answer when the booking exists in an allowed status but `where` did not match. */
  refused?: (booking: { status: BookingStatus; startsAt: Date }) => string;
};

/**
 * One conditional update: the row changes only if it is the recorder's (their own as a lawyer,
 * their town's as staff), in an allowed status, and matches `where`. The check and the write are
 * a single statement, so two clicks (or a lawyer and staff at once) cannot both win; a zero count
 * tells us why afterwards.
 */
async function change(by: Recorder, bookingId: string, c: Change): Promise<ConsultationResult> {
  const scope = recordsOf(by);
  if (!scope) return failure("not_found", BOOKING_NOT_FOUND);
  return db.$transaction(async (tx) => {
    const { count } = await tx.booking.updateMany({
      where: { id: bookingId, ...scope, status: { in: c.from }, ...c.where },
      data: c.data,
    });
    if (count === 0) {
      const row = await tx.booking.findFirst({
        where: { id: bookingId, ...scope },
        select: { status: true, startsAt: true },
      });
      if (!row) return failure("not_found", BOOKING_NOT_FOUND);
      const message = c.from.includes(row.status) && c.refused ? c.refused(row) : STATUS_MESSAGES[row.status];
      return failure("conflict", message);
    }
    // Which booking, by the code staff and the villager see; never the person's name, which the
    // retention job removes from the booking while the audit entry stays.
    const { code } = await tx.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { code: true } });
    await recordAudit(tx, recorderInAudit(by), {
      kind: "booking",
      action: c.action,
      subjectId: bookingId,
      summary: `${c.summary}：预约 ${code}`,
    });
    if (c.tell) await tellVillager(tx, bookingId, c.tell);
    if (c.event) await emitEvent(tx, c.event, bookingId);
    return { ok: true as const };
  });
}

/** Today (Asia/Shanghai) as a range of instants: a booking's day decides its check-in (rules.ts). */
function todayRange(now: Date) {
  const today = todayInShanghai(now);
  return { gte: zonedInstant(today), lt: zonedInstant(addDays(today, 1)) };
}

/**
 * The villager has arrived: only on the booking's day, from an hour before its start (rules.ts).
 * The window is part of the conditional update, so a check-in outside it changes nothing.
 */
export function checkInBooking(by: Recorder, bookingId: string, { now = new Date() }: { now?: Date } = {}) {
  return change(by, bookingId, {
    from: ["CONFIRMED"],
    where: { startsAt: { ...todayRange(now), lte: new Date(now.getTime() + CHECK_IN_LEAD_MINUTES * 60_000) } },
    data: { status: "CHECKED_IN", checkedInAt: now },
    action: "check_in",
    summary: "签到",
    event: "booking.checked_in",
    refused: ({ startsAt }) => checkInRefusal(startsAt, now),
  });
}

/**
 * A check-in by mistake (the wrong card tapped) is undone by the booking's own lawyer (or staff),
 * on the booking's day only: after that the day's record stands.
 */
export function undoCheckIn(by: Recorder, bookingId: string, { now = new Date() }: { now?: Date } = {}) {
  return change(by, bookingId, {
    from: ["CHECKED_IN"],
    where: { startsAt: todayRange(now) },
    data: { status: "CONFIRMED", checkedInAt: null },
    action: "undo_check_in",
    summary: "撤销签到",
    refused: () => "只能在预约当天撤销签到。这一天已经过去，签到记录保留。",
  });
}

/**
 * The consultation is over: what it led to, how long it took, a private note. Lawyers often record
 * after the fact; a done booking may be saved again to correct it. Only for a consultation that
 * happened (rules.ts canRecordOutcome): checked in, or its booked time begun; the condition is part
 * of the conditional update.
 */
export function completeBooking(
  by: Recorder,
  bookingId: string,
  input: CompleteBookingInput,
  { now = new Date() }: { now?: Date } = {},
) {
  return change(by, bookingId, {
    from: ["CONFIRMED", "CHECKED_IN", "DONE"],
    where: { OR: [{ status: { in: ["CHECKED_IN", "DONE"] } }, { startsAt: { lte: now } }] },
    refused: ({ startsAt }) => outcomeRefusal(startsAt),
    data: {
      status: "DONE",
      completedAt: now,
      outcomes: input.outcomes,
      minutesSpent: input.minutesSpent,
      lawyerNote: input.lawyerNote ?? null,
    },
    action: "done",
    event: "booking.completed",
    // The invitation to give an evaluation: the link to the booking page.
    tell: "done",
    summary: `记录服务结果（${input.outcomes.length} 项，${input.minutesSpent} 分钟）`,
  });
}

/** The villager did not come. Only once the booked time has begun: before that they may still arrive. */
export function markNoShow(by: Recorder, bookingId: string, { now = new Date() }: { now?: Date } = {}) {
  return change(by, bookingId, {
    from: ["CONFIRMED"],
    where: { startsAt: { lte: now } },
    data: { status: "NO_SHOW" },
    action: "no_show",
    summary: "标记未到",
    event: "booking.no_show",
    refused: ({ startsAt }) =>
      `预约时间（${toDateString(startsAt)} ${formatTime(startsAt)}）还没到，村民还可能来，不能标记为未到。请到时间后再操作。`,
  });
}

export type WalkInResult = { ok: true; id: string } | Failure;

/**
 * Checks the walk-in's lawyer, venue, topic and time; returns the row's data or why not. Staff
 * name the lawyer and a venue of their town (one elsewhere is not served, as far as they can tell).
 */
async function walkInData(by: Recorder, input: WalkInInput, now: Date) {
  // A lawyer's own walk-ins are theirs; staff name the lawyer.
  const lawyerId = ownLawyerId(by) ?? input.lawyerId;
  if (!lawyerId || !recordsOf(by)) return failure("invalid_input", undefined, { lawyerId: "请选择接待的律师。" });
  const inTown = isStaffRecorder(by) ? venuesIn(by) : {};
  const [served, topic] = await Promise.all([
    db.lawyerVenue.findFirst({
      where: { lawyerId, venueId: input.venueId, lawyer: { active: true }, venue: { active: true, ...inTown } },
      select: { venueId: true },
    }),
    db.topic.findFirst({ where: { code: input.topic, active: true }, select: { id: true } }),
  ]);
  const fields: Record<string, string> = {};
  if (!served)
    fields.venueId = ownLawyerId(by)
      ? "请从列表中选择您服务的地点。"
      : "这位律师不在这个地点服务。请选择后面写着这位律师名字的地点，或换一位律师。";
  if (!topic) fields.topic = "请从列表中选择咨询事项。";
  // Recorded after the consultation: a date in the future is a slip of the finger.
  if (input.date > todayInShanghai(now)) fields.date = "日期不能晚于今天，请填写实际接待的日期。";
  if (Object.keys(fields).length > 0 || !topic) return failure("invalid_input", undefined, fields);
  const [h, m] = input.time.split(":").map(Number);
  return {
    venueId: input.venueId,
    lawyerId,
    at: zonedInstant(input.date, h * 60 + m),
    name: input.name,
    phone: input.phone ?? null,
    village: input.village ?? null,
    topicId: topic.id,
    priorityGroup: input.priorityGroup ?? null,
    outcomes: input.outcomes,
    minutesSpent: input.minutesSpent,
    lawyerNote: input.lawyerNote ?? null,
  };
}

/** Where and when a walk-in was, for its audit entry: "南镇村公共法律服务工作室 2026-12-01 10:30". No name. */
async function walkInLabel(tx: Tx, data: { venueId: string; at: Date }): Promise<string> {
  const venue = await tx.venue.findUniqueOrThrow({ where: { id: data.venueId }, select: { name: true } });
  return `${venue.name} ${toDateString(data.at)} ${formatTime(data.at)}`;
}

/** Someone came without a booking: recorded so that the work log is complete. */
export async function recordWalkIn(
  by: Recorder,
  input: WalkInInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<WalkInResult> {
  const data = await walkInData(by, input, now);
  if ("ok" in data) return data;
  return db.$transaction(async (tx) => {
    const row = await tx.walkIn.create({ data: { ...data, createdById: recorderAccount(by).id }, select: { id: true } });
    await recordAudit(tx, recorderInAudit(by), {
      kind: "walk_in",
      action: "create",
      subjectId: row.id,
      summary: `记录现场咨询：${await walkInLabel(tx, data)}`,
    });
    return { ok: true as const, id: row.id };
  });
}

/**
 * Corrects a walk-in record; another lawyer's (or another town's) record is not found and stays as
 * it was. A voided one stays voided.
 */
export async function updateWalkIn(
  by: Recorder,
  walkInId: string,
  input: WalkInInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<WalkInResult> {
  const scope = recordsOf(by);
  if (!scope) return failure("not_found", WALK_IN_NOT_FOUND);
  const existing = await db.walkIn.findFirst({
    where: { id: walkInId, ...scope },
    select: { lawyerId: true, voidedAt: true, anonymisedAt: true },
  });
  if (!existing) return failure("not_found", WALK_IN_NOT_FOUND);
  if (existing.voidedAt) return failure("conflict", WALK_IN_VOIDED);
  if (existing.anonymisedAt) return failure("conflict", WALK_IN_ANONYMISED);
  const data = await walkInData(by, { ...input, lawyerId: input.lawyerId ?? existing.lawyerId }, now);
  if ("ok" in data) return data;
  return db.$transaction(async (tx) => {
    // Conditional: a record voided (or handed to another lawyer) since the look above stays as it is.
    const { count } = await tx.walkIn.updateMany({
      where: { id: walkInId, ...scope, voidedAt: null, anonymisedAt: null },
      data,
    });
    if (count === 0) return failure("conflict", WALK_IN_CHANGED);
    await recordAudit(tx, recorderInAudit(by), {
      kind: "walk_in",
      action: "update",
      subjectId: walkInId,
      summary: `修改现场咨询记录：${await walkInLabel(tx, data)}`,
    });
    return { ok: true as const, id: walkInId };
  });
}

/**
 * A walk-in recorded by mistake (twice, for the wrong lawyer) is voided, not deleted: the row and
 * its reason stay for the audit, and every figure, log and export leaves it out (voided_at).
 */
export async function voidWalkIn(
  by: Recorder,
  walkInId: string,
  reason: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<WalkInResult> {
  const scope = recordsOf(by);
  if (!scope) return failure("not_found", WALK_IN_NOT_FOUND);
  return db.$transaction(async (tx) => {
    // One statement decides: a second void (two taps, a lawyer and staff at once) changes nothing.
    const { count } = await tx.walkIn.updateMany({
      where: { id: walkInId, ...scope, voidedAt: null },
      data: { voidedAt: now, voidReason: reason },
    });
    const row = await tx.walkIn.findFirst({ where: { id: walkInId, ...scope }, select: { venueId: true, at: true } });
    if (!row) return failure("not_found", WALK_IN_NOT_FOUND);
    if (count === 0) return failure("conflict", WALK_IN_VOIDED);
    await recordAudit(tx, recorderInAudit(by), {
      kind: "walk_in",
      action: "void",
      subjectId: walkInId,
      summary: `作废现场咨询记录：${await walkInLabel(tx, row)}，原因：${reason}`,
    });
    return { ok: true as const, id: walkInId };
  });
}
