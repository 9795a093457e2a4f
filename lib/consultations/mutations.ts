import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { can, lawyerScope } from "@/lib/auth/can";
import type { CurrentUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { type Failure, failure } from "@/lib/errors";
import type { BookingStatus, Prisma } from "@/lib/generated/prisma/client";
import { type BookingEvent, tellVillager } from "@/lib/messages/mutations";
import { formatTime, toDateString, todayInShanghai, zonedInstant } from "@/lib/time";
import type { CompleteBookingInput, WalkInInput } from "./schema";

export type ConsultationResult = { ok: true } | Failure;

const BOOKING_NOT_FOUND = "没有找到这个预约，它可能已被取消或改由其他律师接待。请回到“我的预约”查看。";
const WALK_IN_NOT_FOUND = "没有找到这条现场咨询记录。请回到“工作日志”查看。";

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
  /** The answer when the booking exists but `where` did not match. */
  refused?: (status: BookingStatus) => string;
};

/**
 * One conditional update: the row changes only if it is the actor's, in an allowed status, and
 * matches `where`. The check and the write are a single statement, so two clicks (or a lawyer and
 * staff at once) cannot both win; a zero count tells us why afterwards.
 */
async function change(actor: CurrentUser, bookingId: string, c: Change): Promise<ConsultationResult> {
  const scope = lawyerScope(actor);
  if (!scope) return failure("not_found", BOOKING_NOT_FOUND);
  return db.$transaction(async (tx) => {
    const { count } = await tx.booking.updateMany({
      where: { id: bookingId, ...scope, status: { in: c.from }, ...c.where },
      data: c.data,
    });
    if (count === 0) {
      const row = await tx.booking.findFirst({ where: { id: bookingId, ...scope }, select: { status: true } });
      if (!row) return failure("not_found", BOOKING_NOT_FOUND);
      const message = c.from.includes(row.status) && c.refused ? c.refused(row.status) : STATUS_MESSAGES[row.status];
      return failure("conflict", message);
    }
    // Which booking, by the code staff and the villager see; never the person's name, which the
    // retention job removes from the booking while the audit entry stays.
    const { code } = await tx.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { code: true } });
    await recordAudit(tx, actor, {
      kind: "booking",
      action: c.action,
      subjectId: bookingId,
      summary: `${c.summary}：预约 ${code}`,
    });
    if (c.tell) await tellVillager(tx, bookingId, c.tell);
    return { ok: true as const };
  });
}

/** The villager has arrived. */
export function checkInBooking(actor: CurrentUser, bookingId: string, { now = new Date() }: { now?: Date } = {}) {
  return change(actor, bookingId, {
    from: ["CONFIRMED"],
    data: { status: "CHECKED_IN", checkedInAt: now },
    action: "check_in",
    summary: "签到",
  });
}

/**
 * The consultation is over: what it led to, how long it took, a private note. Lawyers often
 * record after the fact, and sometimes before the booked time, so time is not checked; a done
 * booking may be saved again to correct it.
 */
export function completeBooking(
  actor: CurrentUser,
  bookingId: string,
  input: CompleteBookingInput,
  { now = new Date() }: { now?: Date } = {},
) {
  return change(actor, bookingId, {
    from: ["CONFIRMED", "CHECKED_IN", "DONE"],
    data: {
      status: "DONE",
      completedAt: now,
      outcomes: input.outcomes,
      minutesSpent: input.minutesSpent,
      lawyerNote: input.lawyerNote ?? null,
    },
    action: "done",
    // The invitation to give an evaluation: the link to the booking page.
    tell: "done",
    summary: `记录服务结果（${input.outcomes.length} 项，${input.minutesSpent} 分钟）`,
  });
}

/** The villager did not come. Only once the booked time has begun: before that they may still arrive. */
export function markNoShow(actor: CurrentUser, bookingId: string, { now = new Date() }: { now?: Date } = {}) {
  return change(actor, bookingId, {
    from: ["CONFIRMED"],
    where: { startsAt: { lte: now } },
    data: { status: "NO_SHOW" },
    action: "no_show",
    summary: "标记未到",
    refused: () => "预约时间还没到，不能标记为未到。请到时间后再操作。",
  });
}

export type WalkInResult = { ok: true; id: string } | Failure;

/** Checks the walk-in's lawyer, venue, topic and time; returns the row's data or why not. */
async function walkInData(actor: CurrentUser, input: WalkInInput, now: Date) {
  // A lawyer's own walk-ins are theirs; staff name the lawyer.
  const lawyerId = lawyerScope(actor)?.lawyerId ?? input.lawyerId;
  if (!lawyerId || !can.actForLawyer(actor, lawyerId))
    return failure("invalid_input", undefined, { lawyerId: "请选择接待的律师。" });
  const [served, topic] = await Promise.all([
    db.lawyerVenue.findFirst({
      where: { lawyerId, venueId: input.venueId, lawyer: { active: true }, venue: { active: true } },
      select: { venueId: true },
    }),
    db.topic.findFirst({ where: { code: input.topic, active: true }, select: { id: true } }),
  ]);
  const fields: Record<string, string> = {};
  if (!served) fields.venueId = "请从列表中选择您服务的地点。";
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
  actor: CurrentUser,
  input: WalkInInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<WalkInResult> {
  const data = await walkInData(actor, input, now);
  if ("ok" in data) return data;
  return db.$transaction(async (tx) => {
    const row = await tx.walkIn.create({ data: { ...data, createdById: actor.id }, select: { id: true } });
    await recordAudit(tx, actor, {
      kind: "walk_in",
      action: "create",
      subjectId: row.id,
      summary: `记录现场咨询：${await walkInLabel(tx, data)}`,
    });
    return { ok: true as const, id: row.id };
  });
}

/** Corrects a walk-in record; another lawyer's record is not found and stays as it was. */
export async function updateWalkIn(
  actor: CurrentUser,
  walkInId: string,
  input: WalkInInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<WalkInResult> {
  const scope = lawyerScope(actor);
  if (!scope) return failure("not_found", WALK_IN_NOT_FOUND);
  const existing = await db.walkIn.findFirst({ where: { id: walkInId, ...scope }, select: { lawyerId: true } });
  if (!existing) return failure("not_found", WALK_IN_NOT_FOUND);
  const data = await walkInData(actor, { ...input, lawyerId: input.lawyerId ?? existing.lawyerId }, now);
  if ("ok" in data) return data;
  return db.$transaction(async (tx) => {
    const { count } = await tx.walkIn.updateMany({ where: { id: walkInId, ...scope }, data });
    if (count === 0) return failure("not_found", WALK_IN_NOT_FOUND);
    await recordAudit(tx, actor, {
      kind: "walk_in",
      action: "update",
      subjectId: walkInId,
      summary: `修改现场咨询记录：${await walkInLabel(tx, data)}`,
    });
    return { ok: true as const, id: walkInId };
  });
}
