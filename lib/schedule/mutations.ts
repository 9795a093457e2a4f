import "server-only";
// The six changes a lawyer (or staff for them) makes to duty hours. Each checks its own input and
// hands a plan to applyChange (change/mutations.ts), which looks after the booked villagers. Over
// 300 lines because the six belong together: they share the checks and the wording of the answers.
import { recordAudit } from "@/lib/audit/mutations";
import { can } from "@/lib/auth/can";
import type { CurrentUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { type Failure, failure, Rejected } from "@/lib/errors";
import { loadHolidayCalendar } from "@/lib/holidays/queries";
import { addDays, formatDate, fromDbDate, toDbDate, todayInShanghai, weekdayName } from "@/lib/time";
import { applyChange, type ExceptionRow, loadRows, type Options, type ScheduleResult } from "./change/mutations";
import { clashMessage, dutyOn, findDutyClash, hoursText } from "./impact";
import type {
  AddExtraInput,
  AddLeaveInput,
  AddSessionInput,
  ChangeSessionInput,
  EndSessionInput,
  RemoveExceptionInput,
} from "./schema";

export type { NeedsChoices, ScheduleResult } from "./change/mutations";

const NOT_FOUND = "没有找到这项值班安排，它可能已被修改。请刷新页面后再试。";
const NOT_SERVED = "您不在这个地点值班，请从列表中选择。";
const PAST = "不能修改已经过去的日期，请选择今天或以后的日期。";

/** A row that does not exist, or is not this lawyer's: the same answer, so ids cannot be probed. */
function notFound(): Failure<"not_found"> {
  return failure("not_found", NOT_FOUND);
}

/** The caller may not change this lawyer's duty at all (a replayed post for another lawyer): 没有权限. */
function forbidden(): Failure<"forbidden"> {
  return failure("forbidden");
}

/**
 * One audit entry of a change to a lawyer's duty, naming the lawyer (staff change many lawyers'
 * hours: the log must say whose), in the change's transaction.
 */
async function auditDuty(
  tx: Tx,
  actor: CurrentUser,
  lawyerId: string,
  entry: { kind: "session" | "exception"; action: string; subjectId: string; summary: string },
): Promise<void> {
  const { name } = await tx.lawyer.findUniqueOrThrow({ where: { id: lawyerId }, select: { name: true } });
  await recordAudit(tx, actor, { ...entry, summary: `${name}律师：${entry.summary}` });
}

async function servedVenue(lawyerId: string, venueId: string) {
  const row = await db.lawyerVenue.findFirst({
    where: { lawyerId, venueId, venue: { active: true } },
    select: { venue: { select: { id: true, name: true } } },
  });
  return row?.venue ?? null;
}

/** A new weekly session at a venue the lawyer serves. */
export async function addSession(
  actor: CurrentUser,
  lawyerId: string,
  input: AddSessionInput,
  options: Options = {},
): Promise<ScheduleResult> {
  if (!can.actForLawyer(actor, lawyerId)) return forbidden();
  const venue = await servedVenue(lawyerId, input.venueId);
  if (!venue) return failure("invalid_input", undefined, { venueId: NOT_SERVED });
  const today = todayInShanghai(options.now);
  if (input.validFrom < today) return failure("invalid_input", undefined, { validFrom: PAST });
  const desc = `${weekdayName(input.weekday)} ${hoursText(input.startMinute, input.endMinute)} 在 ${venue.name}`;
  return applyChange(
    actor,
    {
      lawyerId,
      weekly: input,
      why: "",
      done: `已添加每周值班：${desc}。村民现在可以预约这些时间。`,
      apply: async (tx) => {
        const row = await tx.dutySession.create({
          data: {
            lawyerId,
            venueId: input.venueId,
            weekday: input.weekday,
            startMinute: input.startMinute,
            endMinute: input.endMinute,
            validFrom: toDbDate(input.validFrom),
            validUntil: input.validUntil ? toDbDate(input.validUntil) : null,
          },
          select: { id: true },
        });
        await auditDuty(tx, actor, lawyerId, {
          kind: "session",
          action: "create",
          subjectId: row.id,
          summary: `添加每周值班：${desc}`,
        });
      },
    },
    options,
  );
}

async function ownSession(lawyerId: string, sessionId: string) {
  const row = await db.dutySession.findFirst({
    where: { id: sessionId, lawyerId },
    select: {
      id: true,
      venueId: true,
      weekday: true,
      startMinute: true,
      endMinute: true,
      validFrom: true,
      validUntil: true,
      venue: { select: { name: true } },
    },
  });
  return row
    ? { ...row, validFrom: fromDbDate(row.validFrom), validUntil: row.validUntil ? fromDbDate(row.validUntil) : null }
    : null;
}

/**
 * New day or hours for a weekly session from `from` on. History is kept: a session that has
 * already begun ends the day before, and a new row carries the change; one that has not begun is
 * changed in place.
 */
export async function changeSession(
  actor: CurrentUser,
  lawyerId: string,
  input: ChangeSessionInput,
  options: Options = {},
): Promise<ScheduleResult> {
  if (!can.actForLawyer(actor, lawyerId)) return forbidden();
  const old = await ownSession(lawyerId, input.sessionId);
  if (!old) return notFound();
  const today = todayInShanghai(options.now);
  if (input.from < today) return failure("invalid_input", undefined, { from: PAST });
  if (old.validUntil !== null && old.validUntil < input.from)
    return failure("invalid_input", undefined, { from: "这个值班在生效日期之前已经结束了，请添加一个新的每周值班。" });
  const inPlace = old.validFrom >= input.from;
  const validFrom = inPlace ? old.validFrom : input.from;
  const next = { weekday: input.weekday, startMinute: input.startMinute, endMinute: input.endMinute };
  const desc = `${weekdayName(input.weekday)} ${hoursText(input.startMinute, input.endMinute)} 在 ${old.venue.name}`;
  return applyChange(
    actor,
    {
      lawyerId,
      weekly: { ...next, validFrom, validUntil: old.validUntil, exceptId: old.id },
      why: "原律师调整了值班时间",
      done: `已修改每周值班：从 ${formatDate(validFrom)} 起为 ${desc}。`,
      after: (rows) => ({
        ...rows,
        sessions: rows.sessions.flatMap((s) => {
          if (s.id !== old.id) return [s];
          if (inPlace) return [{ ...s, ...next }];
          return [
            { ...s, validUntil: addDays(input.from, -1) },
            { ...s, id: "new", ...next, validFrom: input.from },
          ];
        }),
      }),
      apply: async (tx) => {
        if (inPlace) {
          await tx.dutySession.update({ where: { id: old.id }, data: next });
        } else {
          await tx.dutySession.update({ where: { id: old.id }, data: { validUntil: toDbDate(addDays(input.from, -1)) } });
          await tx.dutySession.create({
            data: {
              lawyerId,
              venueId: old.venueId,
              ...next,
              validFrom: toDbDate(input.from),
              validUntil: old.validUntil ? toDbDate(old.validUntil) : null,
            },
          });
        }
        await auditDuty(tx, actor, lawyerId, {
          kind: "session",
          action: "update",
          subjectId: old.id,
          summary: `修改每周值班：${weekdayName(old.weekday)} ${hoursText(old.startMinute, old.endMinute)} → 从 ${validFrom} 起 ${desc}`,
        });
      },
    },
    options,
  );
}

/** A weekly session stops after `lastDate`. A session that would never have applied is removed: it has no history. */
export async function endSession(
  actor: CurrentUser,
  lawyerId: string,
  input: EndSessionInput,
  options: Options = {},
): Promise<ScheduleResult> {
  if (!can.actForLawyer(actor, lawyerId)) return forbidden();
  const old = await ownSession(lawyerId, input.sessionId);
  if (!old) return notFound();
  const today = todayInShanghai(options.now);
  if (input.lastDate < addDays(today, -1))
    return failure("invalid_input", undefined, { lastDate: "最后一天不能早于昨天：过去的值班记录要保留。" });
  if (old.validUntil !== null && old.validUntil <= input.lastDate)
    return failure("invalid_input", undefined, { lastDate: `这个值班已经在 ${formatDate(old.validUntil)} 结束，不需要再停止。` });
  const never = input.lastDate < old.validFrom;
  const desc = `${weekdayName(old.weekday)} ${hoursText(old.startMinute, old.endMinute)} 在 ${old.venue.name}`;
  return applyChange(
    actor,
    {
      lawyerId,
      why: "原律师调整了值班时间",
      done: never ? `已取消还没开始的每周值班：${desc}。` : `每周值班 ${desc} 最后一天为 ${formatDate(input.lastDate)}。`,
      after: (rows) => ({
        ...rows,
        sessions: rows.sessions.flatMap((s) => (s.id !== old.id ? [s] : never ? [] : [{ ...s, validUntil: input.lastDate }])),
      }),
      apply: async (tx) => {
        if (never) await tx.dutySession.delete({ where: { id: old.id } });
        else await tx.dutySession.update({ where: { id: old.id }, data: { validUntil: toDbDate(input.lastDate) } });
        await auditDuty(tx, actor, lawyerId, {
          kind: "session",
          action: "end",
          subjectId: old.id,
          summary: never ? `取消未开始的每周值班：${desc}` : `停止每周值班：${desc}，最后一天 ${input.lastDate}`,
        });
      },
    },
    options,
  );
}

/** Leave on a date: everywhere or at one venue, the whole day or part of it. */
export async function addLeave(
  actor: CurrentUser,
  lawyerId: string,
  input: AddLeaveInput,
  options: Options = {},
): Promise<ScheduleResult> {
  if (!can.actForLawyer(actor, lawyerId)) return forbidden();
  const venue = input.venueId ? await servedVenue(lawyerId, input.venueId) : null;
  if (input.venueId && !venue) return failure("invalid_input", undefined, { venueId: NOT_SERVED });
  if (input.date < todayInShanghai(options.now)) return failure("invalid_input", undefined, { date: PAST });
  const part = input.startMinute === null || input.endMinute === null ? "全天" : hoursText(input.startMinute, input.endMinute);
  const desc = `${formatDate(input.date)} ${part}${venue ? `（${venue.name}）` : "（所有地点）"}`;
  const leave: ExceptionRow = {
    id: "new",
    lawyerId,
    venueId: input.venueId,
    kind: "LEAVE",
    date: input.date,
    startMinute: input.startMinute,
    endMinute: input.endMinute,
  };
  return applyChange(
    actor,
    {
      lawyerId,
      why: "原律师临时请假",
      cause: "leave",
      // Said to whoever filed it: the lawyer, or staff filing it for them.
      done: `已请假：${desc}。这段时间村民不能再预约${actor.lawyerId === lawyerId ? "您" : "这位律师"}。`,
      after: (rows) => ({ ...rows, exceptions: [...rows.exceptions, leave] }),
      apply: (tx) => createException(tx, actor, lawyerId, "LEAVE", input, `请假：${desc}`),
    },
    options,
  );
}

/** Writes a date exception and its audit entry, inside the change's transaction. */
async function createException(
  tx: Tx,
  actor: CurrentUser,
  lawyerId: string,
  kind: "LEAVE" | "EXTRA",
  input: { venueId?: string | null; date: string; startMinute: number | null; endMinute: number | null; note?: string | null },
  summary: string,
): Promise<void> {
  const row = await tx.dutyException.create({
    data: {
      lawyerId,
      venueId: input.venueId ?? null,
      kind,
      date: toDbDate(input.date),
      startMinute: input.startMinute,
      endMinute: input.endMinute,
      note: input.note ?? null,
    },
    select: { id: true },
  });
  await auditDuty(tx, actor, lawyerId, { kind: "exception", action: "create", subjectId: row.id, summary });
}

/** An extra session on a date at a venue the lawyer serves, refused when it overlaps their other duty that day. */
export async function addExtra(
  actor: CurrentUser,
  lawyerId: string,
  input: AddExtraInput,
  options: Options = {},
): Promise<ScheduleResult> {
  if (!can.actForLawyer(actor, lawyerId)) return forbidden();
  const venue = await servedVenue(lawyerId, input.venueId);
  if (!venue) return failure("invalid_input", undefined, { venueId: NOT_SERVED });
  const today = todayInShanghai(options.now);
  if (input.date < today) return failure("invalid_input", undefined, { date: PAST });
  const rows = await loadRows(lawyerId, today);
  const venueIds = [...new Set([...rows.sessions.map((s) => s.venueId), ...rows.exceptions.flatMap((e) => e.venueId ?? [])])];
  const clash = findDutyClash(dutyOn(rows, venueIds, input.date, await loadHolidayCalendar()), input);
  if (clash) {
    const where = await db.venue.findUnique({ where: { id: clash.venueId }, select: { name: true } });
    const message = clashMessage(formatDate(input.date), clash.startMinute, clash.endMinute, where?.name ?? "");
    return failure("invalid_input", message, { start: message });
  }
  const desc = `${formatDate(input.date)} ${hoursText(input.startMinute, input.endMinute)} 在 ${venue.name}`;
  return applyChange(
    actor,
    {
      lawyerId,
      why: "",
      done: `已添加加班：${desc}。村民现在可以预约这段时间。`,
      apply: (tx) => createException(tx, actor, lawyerId, "EXTRA", input, `加班：${desc}`),
    },
    options,
  );
}

/** Takes back leave (adds the time again) or an extra session (removes it: booked villagers are looked after first). */
export async function removeException(
  actor: CurrentUser,
  lawyerId: string,
  input: RemoveExceptionInput,
  options: Options = {},
): Promise<ScheduleResult> {
  if (!can.actForLawyer(actor, lawyerId)) return forbidden();
  const today = todayInShanghai(options.now);
  const row = await db.dutyException.findFirst({
    where: { id: input.exceptionId, lawyerId, date: { gte: toDbDate(today) } },
    select: { id: true, kind: true, date: true, startMinute: true, endMinute: true, venue: { select: { name: true } } },
  });
  if (!row) return notFound();
  const date = fromDbDate(row.date);
  const part = row.startMinute === null || row.endMinute === null ? "全天" : hoursText(row.startMinute, row.endMinute);
  const desc = `${formatDate(date)} ${part}${row.venue ? ` 在 ${row.venue.name}` : ""}`;
  const label = row.kind === "LEAVE" ? "请假" : "加班";
  return applyChange(
    actor,
    {
      lawyerId,
      why: "原律师取消了这次加班",
      done: `已撤销${label}：${desc}。`,
      after:
        row.kind === "EXTRA" ? (rows) => ({ ...rows, exceptions: rows.exceptions.filter((e) => e.id !== row.id) }) : undefined,
      apply: async (tx) => {
        const { count } = await tx.dutyException.deleteMany({ where: { id: row.id, lawyerId } });
        if (count === 0) throw new Rejected(notFound());
        await auditDuty(tx, actor, lawyerId, {
          kind: "exception",
          action: "delete",
          subjectId: row.id,
          summary: `撤销${label}：${desc}`,
        });
      },
    },
    options,
  );
}
