import "server-only";
// Personal data over time (PIPL arts. 19 and 47): anonymising what has been kept long enough, and
// what a villager asks to have removed. Anonymising keeps every count and figure (venue, lawyer,
// topic, village, priority group, times, status, outcomes, minutes) and removes the person: name,
// phone, notes, on-behalf-of, cancel reason, the lawyer's note, the messages queued for them, and
// the comment of their evaluation (its ratings stay: they are the year's 满意度).
//
// The audit log is not touched: a trigger refuses every change to it, on purpose. Its entries
// name bookings by code, staff and lawyers by name, never a villager's name or phone — except
// where a summary carries words staff or lawyers typed: a staff cancel or move reason
// (lib/booking/mutations.ts) and a lawyer's reason for cancelling through a duty change
// (lib/schedule/change/mutations.ts). Those stay as written; see docs/privacy.md.
import { deleteExpiredIdempotencyRecords } from "@/lib/api/idempotency";
import { type AuditActor, recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import { auditActorOf, type Scope } from "@/lib/auth/scope";
import { findBooking } from "@/lib/booking/queries";
import { db, type Tx } from "@/lib/db";
import { type Failure, failure } from "@/lib/errors";
import { clearComments } from "@/lib/evaluations/mutations";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deleteOldWebhookEvents } from "@/lib/webhooks/mutations";
import { getRetentionSettings } from "./queries";
import { retentionCutoff } from "./rules";
import { RETENTION_FIELD_NAMES, type RetentionInput, type RetentionSettings } from "./schema";

/** What stands in for a removed name; a removed phone is '' (the database allows it on anonymised rows only). */
export const REMOVED_NAME = "（已删除）";
const REMOVED_PHONE = "";

const SYSTEM: AuditActor = { id: null, displayName: "到期自动处理", role: "系统" };
const VILLAGER: AuditActor = { id: null, displayName: "预约人本人", role: "村民" };

/**
 * Key of the purge's advisory lock (two keys, 3 first: apart from the lawyers' locks, 1, the audit
 * views', 2, and the one-key locks per phone number; see lib/db.ts and lib/audit/mutations.ts).
 */
const PURGE_LOCK = [3, 1] as const;

/** Removes the personal fields of these bookings and of the messages queued for them; returns how many bookings changed. */
async function anonymiseBookings(tx: Tx, where: Prisma.BookingWhereInput, now: Date): Promise<number> {
  const rows = await tx.booking.findMany({ where: { ...where, anonymisedAt: null }, select: { id: true } });
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  // Conditional on anonymisedAt still being empty: a row done meanwhile is not counted twice.
  const { count } = await tx.booking.updateMany({
    where: { id: { in: ids }, anonymisedAt: null },
    data: {
      name: REMOVED_NAME,
      phone: REMOVED_PHONE,
      note: null,
      onBehalfOfName: null,
      onBehalfOfRelation: null,
      cancelReason: null,
      notice: null,
      lawyerNote: null,
      anonymisedAt: now,
    },
  });
  await tx.notification.updateMany({ where: { bookingId: { in: ids } }, data: { phone: REMOVED_PHONE, message: REMOVED_NAME } });
  await clearComments(tx, { bookingId: { in: ids } });
  return count;
}

/**
 * The purge as a recurring job of the queue (scripts/worker.ts): every day at 03:00 Asia/Shanghai
 * (graphile-worker's crontab reads UTC), run once whichever worker takes it, and made up for within
 * a day when no worker was running at that hour.
 */
export const PURGE_TASK = "privacy_purge";
export const PURGE_CRONTAB = `0 19 * * * ${PURGE_TASK} ?fill=1d`;

export type PurgeResult = {
  /** False when another purge held the lock: it does the work, this one did nothing. */
  ran: boolean;
  bookings: number;
  walkIns: number;
  callbacks: number;
  waitlist: number;
};

/**
 * Anonymises what has been kept for its retention period (getRetentionSettings): bookings and
 * walk-ins counted from the consultation, call-back requests from the request, ended waitlist
 * entries (deleted) from their end. Idempotent (a
 * second run finds nothing left to do), in one transaction, under an advisory lock: a second purge
 * at the same time (another server, cron beside the in-process timer) returns at once with
 * `ran: false` instead of waiting to find nothing.
 */
export async function anonymiseExpired(now: Date = new Date()): Promise<PurgeResult> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${PURGE_LOCK[0]}::int, ${PURGE_LOCK[1]}::int) AS locked`;
      if (!lock?.locked) return { ran: false, bookings: 0, walkIns: 0, callbacks: 0, waitlist: 0 };
      const retention = await getRetentionSettings(tx);
      const consultations = retentionCutoff(now, retention.consultationMonths);
      const requests = retentionCutoff(now, retention.callbackMonths);
      // The consultation's end decides, whatever became of it (done, missed, cancelled, never marked).
      const bookings = await anonymiseBookings(tx, { endsAt: { lt: consultations } }, now);
      await clearComments(tx, { walkIn: { at: { lt: consultations } } });
      const { count: walkIns } = await tx.walkIn.updateMany({
        where: { at: { lt: consultations }, anonymisedAt: null },
        data: { name: REMOVED_NAME, phone: null, lawyerNote: null, anonymisedAt: now },
      });
      const { count: callbacks } = await tx.callbackRequest.updateMany({
        where: { createdAt: { lt: requests }, anonymisedAt: null },
        data: { name: REMOVED_NAME, phone: REMOVED_PHONE, note: null, handledNote: null, anonymisedAt: now },
      });
      // A waitlist entry that ended (booked, left, lapsed) is deleted whole: it records no service.
      const { count: waitlist } = await tx.waitlistEntry.deleteMany({
        where: { status: { notIn: ["WAITING", "OFFERED"] }, endedAt: { lt: retentionCutoff(now, retention.waitlistMonths) } },
      });
      // The API's kept answers to retried requests (they hold a booking's name and phone) last a day.
      await deleteExpiredIdempotencyRecords(tx, now);
      // Event notices sent to API clients (some hold a name, phone and note) are kept 30 days.
      await deleteOldWebhookEvents(tx, now);
      if (bookings + walkIns + callbacks + waitlist > 0) {
        await recordAudit(tx, SYSTEM, {
          kind: "privacy",
          action: "anonymise",
          summary: `保存期限已到，匿名化：预约 ${bookings} 个、现场咨询 ${walkIns} 条、回电请求 ${callbacks} 条；删除已结束的候补登记 ${waitlist} 条`,
        });
      }
      return { ran: true, bookings, walkIns, callbacks, waitlist };
    },
    // The first run on a database of several years has more to do than a daily one.
    { timeout: 120_000, maxWait: 10_000 },
  );
}

const NOT_OVER =
  "这个预约还没有结束，现在不能删除个人信息：律师和工作人员要靠姓名和电话接待您。不需要这次咨询了，请先取消预约，然后再删除。";

/**
 * The villager's own request (code and phone): removes the booking's personal data at once, as
 * the purge would, and writes it to the audit log. Only a booking that is over (lib/privacy/rules.ts
 * isOver, checked again here in the update itself, so a booking cannot change between the check
 * and the write); one to come must be cancelled first.
 */
export async function deleteOwnBookingData(
  { code, phone }: { code: string; phone: string },
  now: Date = new Date(),
): Promise<{ ok: true } | Failure<"not_found" | "conflict">> {
  // The booking domain's own look-up, so a phone matches here exactly as it does on the booking page.
  const found = await findBooking({ code, phone });
  if (!found) return failure("not_found");
  return db.$transaction(async (tx) => {
    const booking = await tx.booking.findUnique({ where: { code: found.code }, select: { id: true, anonymisedAt: true } });
    if (!booking || booking.anonymisedAt) return failure("not_found");
    const over: Prisma.BookingWhereInput = {
      id: booking.id,
      OR: [{ status: { in: ["CANCELLED", "DONE", "NO_SHOW"] } }, { endsAt: { lte: now } }],
    };
    const count = await anonymiseBookings(tx, over, now);
    if (count === 0) return failure("conflict", NOT_OVER);
    await recordAudit(tx, VILLAGER, {
      kind: "privacy",
      action: "delete",
      subjectId: booking.id,
      summary: `预约人本人在预约页面删除了预约 ${found.code} 的个人信息`,
    });
    return { ok: true as const };
  });
}

/**
 * An administrator (or the district) sets how long personal data is kept; audited with the periods
 * before and after. One setting for the whole deployment: the purge runs across every town.
 */
export async function saveRetentionSettings(
  scope: Scope,
  input: RetentionInput,
): Promise<{ ok: true; changed: string[] } | Failure> {
  assertCan(can.manageRetention(scope.actor));
  return db.$transaction(async (tx) => {
    // Locked, so the "before" in the audit entry is what this change replaced.
    await tx.$queryRaw`SELECT id FROM retention_setting WHERE id = 1 FOR UPDATE`;
    const before = await getRetentionSettings(tx);
    const keys = Object.keys(RETENTION_FIELD_NAMES) as (keyof RetentionSettings)[];
    const changed = keys.filter((k) => before[k] !== input[k]);
    if (changed.length === 0) return { ok: true as const, changed: [] };
    await tx.retentionSetting.upsert({ where: { id: 1 }, update: input, create: { id: 1, ...input } });
    await recordAudit(tx, auditActorOf(scope), {
      kind: "privacy",
      action: "update",
      summary: `修改个人信息保存期限：${changed
        .map((k) => `${RETENTION_FIELD_NAMES[k]} ${before[k]} → ${input[k]} 个月`)
        .join("；")}`,
    });
    return { ok: true as const, changed: changed.map((k) => RETENTION_FIELD_NAMES[k]) };
  });
}
