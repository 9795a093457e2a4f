import "server-only";
import { issuePassword, type PasswordIssued, resetPassword, USERNAME_TAKEN } from "@/lib/accounts/mutations";
import { identifierInUse } from "@/lib/accounts/queries";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import { auditActorOf, lawyersIn, type TownScope, venuesIn } from "@/lib/auth/scope";
import { endSessionsOf } from "@/lib/auth/sessions";
import { db, type Tx } from "@/lib/db";
import { violatedConstraint } from "@/lib/db-errors";
import { type Failure, failure, Rejected } from "@/lib/errors";
import { applyChange, type Options, type ScheduleResult } from "@/lib/schedule/change/mutations";
import { servesOnlyIn } from "@/lib/schedule/queries";
import { toDbDate, todayInShanghai } from "@/lib/time";
import { type CreateLawyerInput, type LawyerInput, servedVenues } from "./schema";

const LAWYER_NOT_FOUND = "没有找到这位律师，请刷新页面后再试。";
const PHONE_TAKEN = "这个电话号码已是另一位在岗律师或另一个账号在用。律师用电话号码登录，号码不能重复。";

const OTHER_TOWNS =
  "这位律师也在其他镇的服务地点值班，不能在本镇停用。如只是不再在本镇服务，请在下面的律师资料中取消勾选本镇的服务地点。";

function requireStaff(scope: TownScope) {
  assertCan(can.manageAccount(scope.actor, "LAWYER"));
}

/** Field errors for venue ids that do not exist or are another town's (a stale or forged form), or null. */
async function unknownVenues(tx: Tx, scope: TownScope, input: LawyerInput): Promise<Record<string, string> | null> {
  const ids = servedVenues(input).map((v) => v.venueId);
  if (ids.length === 0) return null;
  const found = await tx.venue.count({ where: { id: { in: ids }, ...venuesIn(scope) } });
  return found === ids.length ? null : { venues: "有服务地点已不存在，请刷新页面后重新选择。" };
}

/** A lawyer of the scope's town and their sign-in account, with a one-time password to hand over. */
export async function createLawyer(
  scope: TownScope,
  input: CreateLawyerInput,
): Promise<(PasswordIssued & { lawyerId: string }) | Failure> {
  requireStaff(scope);
  const username = input.username ?? input.publicPhone.toLowerCase();
  const { password, passwordHash } = await issuePassword();
  try {
    return await db.$transaction(async (tx) => {
      const fields: Record<string, string> = { ...(await unknownVenues(tx, scope, input)) };
      if (await identifierInUse(tx, input.publicPhone)) fields.publicPhone = PHONE_TAKEN;
      if (username !== input.publicPhone && (await identifierInUse(tx, username))) fields.username = USERNAME_TAKEN;
      if (Object.keys(fields).length > 0) return failure("invalid_input", undefined, fields);
      const venues = servedVenues(input);
      const user = await tx.user.create({
        data: {
          username,
          displayName: input.name,
          role: "LAWYER",
          passwordHash,
          mustChangePassword: true,
          lawyer: {
            create: {
              name: input.name,
              firm: input.firm,
              publicPhone: input.publicPhone,
              specialties: input.specialties,
              townId: scope.townId,
              venues: { create: venues },
            },
          },
        },
        select: { id: true, lawyer: { select: { id: true } } },
      });
      const lawyerId = user.lawyer?.id as string;
      await recordAudit(tx, auditActorOf(scope), {
        kind: "lawyer",
        action: "create",
        subjectId: lawyerId,
        summary: `新增律师 ${input.name}（${input.firm}），账号 ${username}，服务 ${venues.length} 个地点`,
      });
      return { ok: true as const, lawyerId, userId: user.id, username, password };
    });
  } catch (error) {
    if (violatedConstraint(error) === "app_user_username_key") {
      return failure("invalid_input", undefined, { [input.username ? "username" : "publicPhone"]: USERNAME_TAKEN });
    }
    throw error;
  }
}

/**
 * Corrects the profile of a lawyer in scope and the venues they serve in the scope's town: their
 * venues in other towns are theirs to keep, whatever the form sends. Their duty sessions are the
 * rota's business.
 */
export async function updateLawyer(scope: TownScope, lawyerId: string, input: LawyerInput): Promise<{ ok: true } | Failure> {
  requireStaff(scope);
  return db.$transaction(async (tx) => {
    const before = await tx.lawyer.findFirst({
      where: { id: lawyerId, ...lawyersIn(scope) },
      select: {
        name: true,
        firm: true,
        publicPhone: true,
        specialties: true,
        userId: true,
        venues: { where: { venue: venuesIn(scope) } },
      },
    });
    if (!before) return failure("not_found", LAWYER_NOT_FOUND);
    const fields: Record<string, string> = { ...(await unknownVenues(tx, scope, input)) };
    if (
      input.publicPhone !== before.publicPhone &&
      (await identifierInUse(tx, input.publicPhone, { userId: before.userId, lawyerId }))
    ) {
      fields.publicPhone = PHONE_TAKEN;
    }
    if (Object.keys(fields).length > 0) return failure("invalid_input", undefined, fields);
    const venues = servedVenues(input);
    await tx.lawyer.update({
      where: { id: lawyerId },
      data: { name: input.name, firm: input.firm, publicPhone: input.publicPhone, specialties: input.specialties },
    });
    await tx.lawyerVenue.deleteMany({
      where: { lawyerId, venue: venuesIn(scope), venueId: { notIn: venues.map((v) => v.venueId) } },
    });
    for (const v of venues) {
      await tx.lawyerVenue.upsert({
        where: { lawyerId_venueId: { lawyerId, venueId: v.venueId } },
        create: { lawyerId, ...v },
        update: { isAdviser: v.isAdviser },
      });
    }
    if (before.userId) await tx.user.update({ where: { id: before.userId }, data: { displayName: input.name } });
    const key = (list: { venueId: string; isAdviser: boolean }[]) =>
      list
        .map((v) => `${v.venueId}:${v.isAdviser}`)
        .sort()
        .join();
    const changed = [
      before.name !== input.name && "姓名",
      before.firm !== input.firm && "律师事务所",
      before.publicPhone !== input.publicPhone && "电话",
      before.specialties.join() !== input.specialties.join() && "擅长领域",
      key(before.venues) !== key(venues) && "服务地点",
    ].filter(Boolean);
    await recordAudit(tx, auditActorOf(scope), {
      kind: "lawyer",
      action: "update",
      subjectId: lawyerId,
      summary: `修改律师 ${input.name} 的资料：${changed.length ? changed.join("、") : "没有改动"}`,
    });
    return { ok: true as const };
  });
}

/** A new one-time password for the account of a lawyer in scope. */
export async function resetLawyerPassword(scope: TownScope, lawyerId: string): Promise<PasswordIssued | Failure> {
  requireStaff(scope);
  const lawyer = await db.lawyer.findFirst({
    where: { id: lawyerId, ...lawyersIn(scope) },
    select: { userId: true, active: true },
  });
  if (!lawyer) return failure("not_found", LAWYER_NOT_FOUND);
  if (!lawyer.userId) return failure("conflict", "这位律师没有登录账号。");
  if (!lawyer.active) return failure("conflict", "这位律师已停用，不能重设密码。");
  return resetPassword(scope, lawyer.userId);
}

export type DeactivateResult = (ScheduleResult & { ok: false }) | { ok: true; message: string; endedSessions: number };

const ALREADY_INACTIVE = "这位律师已经停用了。";

/**
 * The lawyer (in scope, and serving no other town: else refused, nothing changed) leaves: they can no longer sign in, no new bookings are offered with them, and their
 * weekly sessions end today. Their history stays. Like leave, it takes time villagers have booked:
 * the first answer lists their confirmed future bookings (bookings_affected) and changes nothing;
 * with a choice for each (a free colleague at the same time, or a cancellation with a reason) the
 * deactivation, the hand-overs, the cancellations and the villagers' texts are one transaction
 * (lib/schedule/change).
 */
export async function deactivateLawyer(
  scope: TownScope,
  lawyerId: string,
  { now = new Date(), choices }: Options = {},
): Promise<DeactivateResult> {
  requireStaff(scope);
  const lawyer = await db.lawyer.findFirst({
    where: { id: lawyerId, ...lawyersIn(scope) },
    select: { name: true, active: true },
  });
  if (!lawyer) return failure("not_found", LAWYER_NOT_FOUND);
  if (!lawyer.active) return failure("conflict", ALREADY_INACTIVE);
  if (!(await servesOnlyIn(scope, lawyerId))) return failure("conflict", OTHER_TOWNS);
  const actor = auditActorOf(scope);
  const today = toDbDate(todayInShanghai(now));
  let endedSessions = 0;
  const result = await applyChange(
    actor,
    {
      lawyerId,
      everyBooking: true,
      why: "原律师已不再驻点服务",
      done: "律师已停用。",
      apply: async (tx) => {
        // Conditional: of two staff deactivating at once, one does it and the other is told; and
        // checked again here, so a venue of another town given to the lawyer meanwhile stops it.
        if (!(await servesOnlyIn(scope, lawyerId, tx))) throw new Rejected(failure("conflict", OTHER_TOWNS));
        const { count } = await tx.lawyer.updateMany({
          where: { id: lawyerId, active: true, ...lawyersIn(scope) },
          data: { active: false },
        });
        if (count === 0) throw new Rejected(failure("conflict", ALREADY_INACTIVE));
        const { userId } = await tx.lawyer.findUniqueOrThrow({ where: { id: lawyerId }, select: { userId: true } });
        if (userId) {
          await tx.user.update({ where: { id: userId }, data: { active: false } });
          await endSessionsOf(tx, userId);
        }
        const ended = await tx.dutySession.updateMany({
          where: { lawyerId, validFrom: { lte: today }, OR: [{ validUntil: null }, { validUntil: { gt: today } }] },
          data: { validUntil: today },
        });
        // Sessions that have not begun yet have no history to keep.
        const dropped = await tx.dutySession.deleteMany({ where: { lawyerId, validFrom: { gt: today } } });
        endedSessions = ended.count + dropped.count;
        await recordAudit(tx, actor, {
          kind: "lawyer",
          action: "deactivate",
          subjectId: lawyerId,
          // Each booking handed over or cancelled has its own entry (lib/schedule/change).
          summary: `停用律师 ${lawyer.name}：结束 ${endedSessions} 个每周排班`,
        });
      },
    },
    { now, choices },
  );
  return result.ok ? { ...result, endedSessions } : result;
}
