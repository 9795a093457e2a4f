import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/mutations";
import { venuesIn } from "@/lib/auth/scope";
// The six changes a lawyer (or staff for them) makes to duty hours. Each checks its own input and
// hands a plan to applyChange (change/mutations.ts), which looks after the booked villagers. Over
// 300 lines because the six belong together: they share the checks and the wording of the answers.
import { WEEKLY_SESSION_FIELDS } from "@/lib/availability/slots";
import { db, type Tx } from "@/lib/db";
import { type Failure, failure, Rejected } from "@/lib/errors";
import { loadHolidayCalendar } from "@/lib/holidays/queries";
import { addDays, formatDate, fromDbDate, toDbDate, todayInShanghai, weekdayName } from "@/lib/time";
import { applyChange, type ExceptionRow, loadRows, type Options, type ScheduleResult } from "./change/mutations";
import { clashMessage, dutyOn, findDutyClash, hoursText } from "./impact";
import { auditActorOfCaller, type DutyCaller, dutyReach, exceptionsIn, servesOnlyIn, type VenueReach } from "./queries";
import type {
  AddExtraInput,
  AddLeaveInput,
  AddSessionInput,
  ChangeSessionInput,
  EndSessionInput,
  RemoveExceptionInput,
} from "./schema";

export type { NeedsChoices, ScheduleResult } from "./change/mutations";
export type { DutyCaller } from "./queries";

const NOT_FOUND = "没有找到这项值班安排，它可能已被修改。请刷新页面后再试。";
const NOT_SERVED = "您不在这个地点值班，请从列表中选择。";
const PAST = "不能修改已经过去的日期，请选择今天或以后的日期。";
const NOWHERE_HERE = "这位律师在本镇没有服务地点，不能在这里请假。";
const LAWYERS_OWN_LEAVE =
  "这次请假是律师为所有地点请的，也包括其他镇的值班，不能在本镇撤销。请律师本人撤销，或联系其他镇的司法所。";

/** A row that does not exist, is not this lawyer's or not in the caller's town: the same answer, so ids cannot be probed. */
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
  actor: AuditActor,
  lawyerId: string,
  entry: { kind: "session" | "exception"; action: string; subjectId: string; summary: string },
): Promise<void> {
  const { name } = await tx.lawyer.findUniqueOrThrow({ where: { id: lawyerId }, select: { name: true } });
  await recordAudit(tx, actor, { ...entry, summary: `${name}律师：${entry.summary}` });
}

/** A venue the lawyer serves, within the caller's reach (staff: their town's), or null. */
async function servedVenue(lawyerId: string, venueId: string, reach: VenueReach) {
  const row = await db.lawyerVenue.findFirst({
    where: { lawyerId, venueId, venue: { active: true, ...reach } },
    select: { venue: { select: { id: true, name: true } } },
  });
  return row?.venue ?? null;
}

/** What every duty change starts from: who calls, whose duty, the venues they reach, who the audit log names. */
type DutyContext = { caller: DutyCaller; lawyerId: string; reach: VenueReach; actor: AuditActor };

/**
 * A change to a lawyer's duty, as callers call it — `(caller, lawyerId, input, options)` — with the
 * one preamble every change shares: the caller's reach over that lawyer's venues (none: forbidden)
 * and the actor for the audit log. The work itself gets both.
 */
function dutyMutation<Input>(work: (context: DutyContext, input: Input, options: Options) => Promise<ScheduleResult>) {
  return async (caller: DutyCaller, lawyerId: string, input: Input, options: Options = {}): Promise<ScheduleResult> => {
    const reach = dutyReach(caller, lawyerId);
    if (!reach) return forbidden();
    return work({ caller, lawyerId, reach, actor: auditActorOfCaller(caller) }, input, options);
  };
}

/** A new weekly session at a venue the lawyer serves. */
export const addSession = dutyMutation<AddSessionInput>(async ({ lawyerId, reach, actor }, input, options) => {
  const venue = await servedVenue(lawyerId, input.venueId, reach);
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
});

/** A write that found no row (changed meanwhile, or out of reach) undoes the change: not found. */
async function changedOrNotFound(write: Promise<{ count: number }>): Promise<void> {
  if ((await write).count === 0) throw new Rejected(notFound());
}

async function ownSession(lawyerId: string, sessionId: string, reach: VenueReach) {
  const row = await db.dutySession.findFirst({
    where: { id: sessionId, lawyerId, venue: reach },
    select: { id: true, ...WEEKLY_SESSION_FIELDS, venue: { select: { name: true } } },
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
export const changeSession = dutyMutation<ChangeSessionInput>(async ({ lawyerId, reach, actor }, input, options) => {
  const old = await ownSession(lawyerId, input.sessionId, reach);
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
        // Conditional on the caller's reach, in the change's transaction: nothing of another town is written.
        const mine = { id: old.id, lawyerId, venue: reach };
        if (inPlace) {
          await changedOrNotFound(tx.dutySession.updateMany({ where: mine, data: next }));
        } else {
          await changedOrNotFound(
            tx.dutySession.updateMany({ where: mine, data: { validUntil: toDbDate(addDays(input.from, -1)) } }),
          );
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
});

/** A weekly session stops after `lastDate`. A session that would never have applied is removed: it has no history. */
export const endSession = dutyMutation<EndSessionInput>(async ({ lawyerId, reach, actor }, input, options) => {
  const old = await ownSession(lawyerId, input.sessionId, reach);
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
        const mine = { id: old.id, lawyerId, venue: reach };
        if (never) await changedOrNotFound(tx.dutySession.deleteMany({ where: mine }));
        else await changedOrNotFound(tx.dutySession.updateMany({ where: mine, data: { validUntil: toDbDate(input.lastDate) } }));
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
});

/**
 * The venues a leave "at all venues" covers: every venue for the lawyer themself, and for staff
 * too when all the lawyer's work is in their town (one row without a venue, as always); else one
 * row per venue the lawyer serves in the staff's town, so the leave never reaches another town's duty.
 */
async function leaveVenues(caller: DutyCaller, lawyerId: string): Promise<{ id: string; name: string }[] | null> {
  if (!("kind" in caller) || (await servesOnlyIn(caller, lawyerId))) return null;
  const rows = await db.lawyerVenue.findMany({
    where: { lawyerId, venue: { active: true, ...venuesIn(caller) } },
    orderBy: [{ venue: { kind: "asc" } }, { venue: { sortOrder: "asc" } }],
    select: { venue: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.venue);
}

/** Leave on a date: everywhere or at one venue, the whole day or part of it. */
export const addLeave = dutyMutation<AddLeaveInput>(async ({ caller, lawyerId, reach, actor }, input, options) => {
  const venue = input.venueId ? await servedVenue(lawyerId, input.venueId, reach) : null;
  if (input.venueId && !venue) return failure("invalid_input", undefined, { venueId: NOT_SERVED });
  if (input.date < todayInShanghai(options.now)) return failure("invalid_input", undefined, { date: PAST });
  // "All venues" from staff of one of several towns the lawyer serves: their town's venues, each.
  const each = input.venueId ? null : await leaveVenues(caller, lawyerId);
  if (each?.length === 0) return failure("invalid_input", NOWHERE_HERE, { venueId: NOWHERE_HERE });
  const part = input.startMinute === null || input.endMinute === null ? "全天" : hoursText(input.startMinute, input.endMinute);
  const where = venue ? venue.name : each ? `本镇的服务地点：${each.map((v) => v.name).join("、")}` : "所有地点";
  const desc = `${formatDate(input.date)} ${part}（${where}）`;
  const venueIds = each ? each.map((v) => v.id) : [input.venueId];
  const leaves: ExceptionRow[] = venueIds.map((venueId) => ({
    id: "new",
    lawyerId,
    venueId,
    kind: "LEAVE",
    date: input.date,
    startMinute: input.startMinute,
    endMinute: input.endMinute,
  }));
  const own = !("kind" in caller) && caller.lawyerId === lawyerId;
  return applyChange(
    actor,
    {
      lawyerId,
      why: "原律师临时请假",
      cause: "leave",
      // Said to whoever filed it: the lawyer, or staff filing it for them.
      done: `已请假：${desc}。这段时间村民不能再预约${own ? "您" : "这位律师"}。`,
      after: (rows) => ({ ...rows, exceptions: [...rows.exceptions, ...leaves] }),
      apply: async (tx) => {
        for (const venueId of venueIds)
          await createException(tx, actor, lawyerId, "LEAVE", { ...input, venueId }, `请假：${desc}`);
      },
    },
    options,
  );
});

/** Writes a date exception and its audit entry, inside the change's transaction. */
async function createException(
  tx: Tx,
  actor: AuditActor,
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
export const addExtra = dutyMutation<AddExtraInput>(async ({ lawyerId, reach, actor }, input, options) => {
  const venue = await servedVenue(lawyerId, input.venueId, reach);
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
});

/** Takes back leave (adds the time again) or an extra session (removes it: booked villagers are looked after first). */
export const removeException = dutyMutation<RemoveExceptionInput>(async ({ caller, lawyerId, reach, actor }, input, options) => {
  const today = todayInShanghai(options.now);
  // Staff reach their town's venues, and a leave "at all venues" (which reaches theirs too).
  const mine = { id: input.exceptionId, lawyerId, ...exceptionsIn(reach) };
  const row = await db.dutyException.findFirst({
    where: { ...mine, date: { gte: toDbDate(today) } },
    select: { id: true, kind: true, date: true, startMinute: true, endMinute: true, venue: { select: { name: true } } },
  });
  if (!row) return notFound();
  // Taking back a leave "at all venues" gives back duty in every town the lawyer serves: a town's
  // staff may do it only when the lawyer serves theirs alone.
  if (!row.venue && "kind" in caller && !(await servesOnlyIn(caller, lawyerId))) return failure("conflict", LAWYERS_OWN_LEAVE);
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
        const { count } = await tx.dutyException.deleteMany({ where: mine });
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
});
