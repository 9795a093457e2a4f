import "server-only";
// A lawyer's arrival and departure (签到 / 签退), the job that closes a missed departure at the
// session's end, and staff's correction. The database keeps one attendance open per lawyer and
// none overlapping (a partial unique index and an exclusion constraint); the checks here only
// find the words for what it refuses.
import { type AuditActor, recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import { atVenuesIn, auditActorOf, type TownScope, venuesIn } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { violatedConstraint } from "@/lib/db-errors";
import { type Failure, failure, Rejected } from "@/lib/errors";
import { enqueue } from "@/lib/jobs";
import { formatTime, formatTimeRange, toDateString, todayInShanghai, zonedInstant } from "@/lib/time";
import { loadSessions } from "./queries";
import { arrivalOpens, arrivalTiming, attendanceState } from "./rules";
import { type ArrivalInput, type CorrectAttendanceInput, clockMinutes, type RecordMissedInput } from "./schema";

export type AttendanceResult = { ok: true; message: string; attendanceId: string } | Failure;

const NOT_FOUND = "没有找到这次签到记录，请刷新页面再看。";
const AUTO_CLOSED = "未签退（自动结束）";

/**
 * Closes the lawyer's attendances still open after their session's end, at that end, marked as
 * closed automatically: what the job does, done here too where the next write must not wait for it.
 */
async function closeOverdue(tx: Tx, lawyerId: string, now: Date): Promise<void> {
  const closed = await tx.$queryRaw<{ id: string }[]>`
    UPDATE attendance SET left_at = session_ends_at, auto_closed = true, updated_at = ${now}
    WHERE lawyer_id = ${lawyerId} AND left_at IS NULL AND session_ends_at <= ${now} AND session_ends_at > arrived_at
    RETURNING id`;
  for (const { id } of closed) await auditAutoClose(tx, id);
}

/** Closes made by the app itself (a missed 签退 at the session's end), in the audit log like the lawyer's own. */
const AUTO_CLOSER: AuditActor = { id: null, displayName: "到时自动签退", role: "系统" };

/** Where and when an attendance was, for its audit entries: "陈志明，南镇村公共法律服务工作室，2026-12-08 09:02". */
async function attendanceLabel(tx: Tx, attendanceId: string): Promise<string> {
  const row = await tx.attendance.findUniqueOrThrow({
    where: { id: attendanceId },
    select: { arrivedAt: true, lawyer: { select: { name: true } }, venue: { select: { name: true } } },
  });
  return `${row.lawyer.name}，${row.venue.name}，${toDateString(row.arrivedAt)} ${formatTime(row.arrivedAt)} 签到`;
}

async function auditAutoClose(tx: Tx, attendanceId: string): Promise<void> {
  const label = await attendanceLabel(tx, attendanceId);
  await recordAudit(tx, AUTO_CLOSER, {
    kind: "attendance",
    action: "auto_close",
    subjectId: attendanceId,
    summary: `没有签退，按坐班结束时间自动签退：${label}`,
  });
}

/**
 * The lawyer has arrived for their session at the venue starting at `startMinute` today: accepted
 * from 30 minutes before it starts until it ends. The job that closes it at the session's end is
 * queued in the same transaction.
 */
export async function recordArrival(
  actor: CurrentUser,
  input: Pick<ArrivalInput, "venueId" | "startMinute">,
  { now = new Date() }: { now?: Date } = {},
): Promise<AttendanceResult> {
  assertCan(can.recordAttendance(actor));
  const lawyerId = actor.lawyerId as string;
  const today = todayInShanghai(now);
  const venue = await db.venue.findFirst({ where: { id: input.venueId, active: true }, select: { id: true, name: true } });
  const sessions = venue ? await loadSessions({ venues: [venue], from: today, to: today, lawyerId }) : [];
  const session = sessions.find((s) => s.startMinute === input.startMinute);
  if (!venue || !session) {
    return failure("not_found", "今天您在这个地点没有坐班安排，不能签到。请核对地点；排班有误请联系司法所。");
  }
  const hours = `${formatTimeRange(session.start, session.end)}`;
  const timing = arrivalTiming(session, now);
  if (timing === "early") {
    return failure("conflict", `还没到签到时间：这次坐班是 ${hours}，${formatTime(arrivalOpens(session))} 起可以签到。`);
  }
  if (timing === "over") {
    return failure("conflict", `这次坐班已在 ${formatTime(session.end)} 结束，不能再签到。如您确实到过，请联系司法所更正。`);
  }
  try {
    return await db.$transaction(async (tx) => {
      await closeOverdue(tx, lawyerId, now);
      const row = await tx.attendance.create({
        data: { lawyerId, venueId: venue.id, arrivedAt: now, sessionEndsAt: session.end },
        select: { id: true },
      });
      await enqueue(tx, "closeAttendance", { attendanceId: row.id }, { runAt: session.end });
      await recordAudit(tx, actor, {
        kind: "attendance",
        action: "check_in",
        subjectId: row.id,
        summary: `律师签到：${venue.name}，${today} ${formatTime(now)}（${hours} 的坐班）`,
      });
      return {
        ok: true as const,
        attendanceId: row.id,
        message: `已签到：${venue.name}，${formatTime(now)}。离开时请点“签退”；没有签退的，到 ${formatTime(session.end)} 自动结束。`,
      };
    });
  } catch (error) {
    const constraint = violatedConstraint(error);
    if (constraint === "attendance_one_open_per_lawyer" || constraint === "attendance_no_overlap") {
      return alreadyArrived(lawyerId, venue.id, now);
    }
    throw error;
  }
}

/** Why the database refused a second arrival, in words: the open attendance, here or elsewhere. */
async function alreadyArrived(lawyerId: string, venueId: string, now: Date): Promise<Failure> {
  const open = await db.attendance.findFirst({
    where: { lawyerId, leftAt: null, sessionEndsAt: { gt: now } },
    select: { venueId: true, arrivedAt: true, venue: { select: { name: true } } },
  });
  if (open?.venueId === venueId) {
    return failure("conflict", `您已经签到了（${formatTime(open.arrivedAt)}），不用再签。离开时请点“签退”。`);
  }
  if (open) {
    return failure(
      "conflict",
      `您在${open.venue.name}的签到（${formatTime(open.arrivedAt)}）还没有签退。请先在那里签退，再在这里签到。`,
    );
  }
  return failure("conflict", "这个时间与您已有的一次签到重叠，不能再签到。如有出入，请联系司法所更正。");
}

/** The lawyer leaves: after their arrival, before the session's end (after it, it closed by itself). */
export async function recordDeparture(
  actor: CurrentUser,
  attendanceId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<AttendanceResult> {
  assertCan(can.recordAttendance(actor));
  const lawyerId = actor.lawyerId as string;
  return db.$transaction(async (tx) => {
    // One conditional update: a second tap, or the job at the session's end, finds it closed.
    const { count } = await tx.attendance.updateMany({
      where: { id: attendanceId, lawyerId, leftAt: null, arrivedAt: { lt: now }, sessionEndsAt: { gt: now } },
      data: { leftAt: now },
    });
    const row = await tx.attendance.findFirst({
      where: { id: attendanceId, lawyerId },
      select: { arrivedAt: true, leftAt: true, autoClosed: true, sessionEndsAt: true, venue: { select: { name: true } } },
    });
    if (!row) return failure("not_found", NOT_FOUND);
    if (count === 1) {
      const minutes = Math.round((now.getTime() - row.arrivedAt.getTime()) / 60_000);
      await recordAudit(tx, actor, {
        kind: "attendance",
        action: "check_out",
        subjectId: attendanceId,
        summary: `律师签退：${row.venue.name}，${toDateString(now)} ${formatTime(now)}（${formatTime(row.arrivedAt)} 签到，在场 ${minutes} 分钟）`,
      });
      return {
        ok: true as const,
        attendanceId,
        message: `已签退：${row.venue.name}，${formatTime(now)}。这次在场 ${minutes} 分钟（${formatTime(row.arrivedAt)} 签到）。`,
      };
    }
    if (row.leftAt) {
      return failure(
        "conflict",
        `这次签到已经在 ${formatTime(row.leftAt)} 结束${row.autoClosed ? `（${AUTO_CLOSED}）` : ""}，不用再签退。`,
      );
    }
    if (row.arrivedAt >= now) {
      return failure("conflict", `签退时间不能早于签到时间（${formatTime(row.arrivedAt)}）。请在签到之后再签退。`);
    }
    // The session is over: the departure is its end, as every figure already counts it.
    await closeOverdue(tx, lawyerId, now);
    return failure(
      "conflict",
      `这次坐班已在 ${formatTime(row.sessionEndsAt)} 结束，已按结束时间记为${AUTO_CLOSED}。如有出入，请联系司法所更正。`,
    );
  });
}

/**
 * The job at the session's end: closes the attendance at that end if nobody signed out. Returns
 * when to try again if it ran before the end (a clock ahead of the database's).
 */
export async function autoCloseAttendance(
  attendanceId: string,
  now: Date = new Date(),
): Promise<{ closed: boolean; later?: Date }> {
  const row = await db.attendance.findUnique({
    where: { id: attendanceId },
    select: { leftAt: true, sessionEndsAt: true },
  });
  if (!row || row.leftAt) return { closed: false };
  if (row.sessionEndsAt > now) return { closed: false, later: row.sessionEndsAt };
  return db.$transaction(async (tx) => {
    const { count } = await tx.attendance.updateMany({
      where: { id: attendanceId, leftAt: null, arrivedAt: { lt: row.sessionEndsAt } },
      data: { leftAt: row.sessionEndsAt, autoClosed: true },
    });
    if (count === 1) await auditAutoClose(tx, attendanceId);
    return { closed: count === 1 };
  });
}

/**
 * Staff correct an attendance at a venue of their town (another town's answers as a missing one)
 * on its own date, with a reason kept with it and in the audit log. Refused (nothing changed) when
 * the record changed meanwhile, when the departure is still to come, or when the new times overlap
 * another attendance of the lawyer.
 */
export async function correctAttendance(
  scope: TownScope,
  input: CorrectAttendanceInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<AttendanceResult> {
  assertCan(can.correctAttendance(scope.actor));
  const row = await db.attendance.findFirst({
    where: { id: input.attendanceId, ...atVenuesIn(scope) },
    select: {
      arrivedAt: true,
      leftAt: true,
      sessionEndsAt: true,
      autoClosed: true,
      updatedAt: true,
      lawyer: { select: { name: true } },
      venue: { select: { name: true } },
    },
  });
  if (!row) return failure("not_found", NOT_FOUND);
  const date = toDateString(row.arrivedAt);
  const arrivedAt = zonedInstant(date, clockMinutes(input.arrived));
  const leftAt = zonedInstant(date, clockMinutes(input.left));
  if (leftAt > now) {
    return failure("invalid_input", "签退时间还没到，不能这样更正。", { left: "签退时间不能晚于现在。" });
  }
  const before = attendanceState(row, now);
  const oldLeft = row.leftAt ?? (before === "open" ? null : row.sessionEndsAt);
  const summary =
    `更正律师签到：${row.lawyer.name}，${row.venue.name}，${date}；` +
    `签到 ${formatTime(row.arrivedAt)} → ${input.arrived}，` +
    `签退 ${oldLeft ? formatTime(oldLeft) : "（未签退）"}${before === "auto_closed" ? `（${AUTO_CLOSED}）` : ""} → ${input.left}；` +
    `原因：${input.reason}`;
  try {
    await db.$transaction(async (tx) => {
      // Conditional on the version read: a departure recorded meanwhile is not overwritten unseen.
      const { count } = await tx.attendance.updateMany({
        where: { id: input.attendanceId, updatedAt: row.updatedAt, ...atVenuesIn(scope) },
        data: {
          arrivedAt,
          leftAt,
          autoClosed: false,
          correctedAt: now,
          correctedBy: scope.actor.id,
          correctionReason: input.reason,
        },
      });
      if (count === 0)
        throw new Rejected(failure("conflict", "这条签到记录刚刚有了变化（律师签退了，或别人改过）。请刷新页面后再更正。"));
      await recordAudit(tx, auditActorOf(scope), {
        kind: "attendance",
        action: "correct",
        subjectId: input.attendanceId,
        summary,
      });
    });
  } catch (error) {
    if (error instanceof Rejected) return error.result;
    if (violatedConstraint(error) === "attendance_no_overlap") {
      return failure("conflict", "更正后的时间与这位律师的另一次签到重叠，没有保存。请核对两次签到的时间后再改。", {
        arrived: "与另一次签到重叠。",
      });
    }
    throw error;
  }
  return {
    ok: true,
    attendanceId: input.attendanceId,
    message: `已更正：${row.lawyer.name} ${date} ${input.arrived}–${input.left}（${row.venue.name}），已记入操作记录。`,
  };
}

/**
 * Staff's 补录 of a session at a venue of their town that ended with nobody signed in (未签到): the
 * lawyer was there (the village committee's word, the paper ledger), so staff record the times with
 * why, as a correction is recorded. Refused (nothing written) for a session the lawyer did not
 * have there (or a venue of another town), a departure still to come, or times overlapping another
 * attendance of the lawyer (the database's constraint).
 */
export async function recordMissedAttendance(
  scope: TownScope,
  input: RecordMissedInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<AttendanceResult> {
  assertCan(can.correctAttendance(scope.actor));
  // A venue's town never changes: the venue read in scope here is in scope when the row is written.
  const [venue, lawyer] = await Promise.all([
    db.venue.findFirst({
      where: { id: input.venueId, ...venuesIn(scope) },
      select: { id: true, slug: true, name: true, village: true },
    }),
    db.lawyer.findUnique({ where: { id: input.lawyerId }, select: { name: true } }),
  ]);
  const sessions =
    venue && lawyer
      ? await loadSessions({
          venues: [venue],
          from: input.date,
          to: input.date,
          lawyerId: input.lawyerId,
          activeLawyersOnly: false,
        })
      : [];
  const session = sessions.find((s) => s.startMinute === input.startMinute);
  if (!venue || !lawyer || !session) {
    return failure("not_found", "那天这位律师在这个地点没有这次坐班，没有补录。请刷新页面再看。");
  }
  const arrivedAt = zonedInstant(input.date, clockMinutes(input.arrived));
  const leftAt = zonedInstant(input.date, clockMinutes(input.left));
  if (leftAt > now) {
    return failure("invalid_input", "签退时间还没到，不能这样补录。", { left: "签退时间不能晚于现在。" });
  }
  const summary =
    `补录律师签到：${lawyer.name}，${venue.name}，${input.date} ${formatTimeRange(session.start, session.end)} 的坐班；` +
    `签到 ${input.arrived}，签退 ${input.left}；原因：${input.reason}`;
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.attendance.create({
        data: {
          lawyerId: input.lawyerId,
          venueId: venue.id,
          arrivedAt,
          leftAt,
          sessionEndsAt: session.end,
          correctedAt: now,
          correctedBy: scope.actor.id,
          correctionReason: input.reason,
        },
        select: { id: true },
      });
      await recordAudit(tx, auditActorOf(scope), {
        kind: "attendance",
        action: "record_missed",
        subjectId: created.id,
        summary,
      });
      return created;
    });
    return {
      ok: true,
      attendanceId: row.id,
      message: `已补录：${lawyer.name} ${input.date} ${input.arrived}–${input.left}（${venue.name}），已记入操作记录。`,
    };
  } catch (error) {
    const constraint = violatedConstraint(error);
    if (constraint === "attendance_no_overlap" || constraint === "attendance_one_open_per_lawyer") {
      return failure("conflict", "补录的时间与这位律师的另一次签到重叠，没有保存。请核对时间后再补录。", {
        arrived: "与另一次签到重叠。",
      });
    }
    throw error;
  }
}
