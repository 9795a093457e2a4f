import "server-only";
// Giving an evaluation (评价表): the villager on their booking page, a walk-in through the one-time
// link the lawyer shows as a QR code, staff typing in a paper form. Once per consultation: the
// unique indexes on evaluation.booking_id and evaluation.walk_in_id decide, not a look beforehand,
// so two submissions at once leave one row and the other gets a sentence. A change within 7 days
// and a link's single use are conditional updates whose zero count means "too late" or "used".
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import { atVenuesIn, auditActorOf, type TownScope } from "@/lib/auth/scope";
import { type Recorder, recordsOf } from "@/lib/consultations/access";
import { db, type Tx } from "@/lib/db";
import { violatedConstraint } from "@/lib/db-errors";
import { type Failure, failure, Rejected } from "@/lib/errors";
import type { EvaluationSource, Prisma } from "@/lib/generated/prisma/client";
import { OVERTAKEN, overtakeMessages } from "@/lib/messages/mutations";
import { storedSpellings } from "@/lib/phone";
import { formatTime, toDateString } from "@/lib/time";
import { CHANGE_DAYS, changeCutoff, LINK_HOURS, linkExpiry } from "./rules";
import type { EvaluationAnswers, PaperTarget } from "./schema";

export type EvaluationResult = { ok: true; changed: boolean } | Failure<"not_found" | "conflict">;

const NOT_DONE = "咨询结束、律师记录了服务结果以后才能评价。如果已经咨询过了，请过一会儿再来看，或拨打 12348。";
const ALREADY_GIVEN = "这次咨询刚刚已经有了评价（可能是在另一部手机上提交的），这次提交的没有保存。请刷新页面查看。";
const TOO_LATE = `评价已经超过 ${CHANGE_DAYS} 天，不能再修改了。您原来的评价仍然有效，谢谢您！`;
const FROM_PAPER = "您的评价已由工作人员按纸质评价表录入，不能在网上修改。如需更正，请拨打 12348。";
const LINK_NOT_FOUND = "没有找到这个评价链接。请核对二维码，或请律师重新出示。";
const LINK_USED = "这个评价二维码已经用过了，每个二维码只能评价一次。谢谢您！";
const LINK_EXPIRED = `这个评价二维码已经过期（出示后 ${LINK_HOURS} 小时内有效）。如还想评价，请律师重新出示二维码，或拨打 12348。`;
const WALK_IN_NOT_FOUND = "没有找到这条现场咨询记录。请回到“工作日志”查看。";
const WALK_IN_EVALUATED = "这次咨询已经有评价了，不需要再评价。";
const PAPER_NOT_DONE = "这个预约还没有记录为完成，不能录入评价表。请等律师记录服务结果后再录入。";
const PAPER_ONLINE = "村民已经自己在网上评价过这次咨询，纸质评价表不需要再录入。";
const PAPER_TOO_LATE = `这份纸质评价表录入已超过 ${CHANGE_DAYS} 天，不能再修改。`;

/** The two unique indexes that make an evaluation once per consultation. */
const ONCE = new Set(["evaluation_booking_id_key", "evaluation_walk_in_id_key"]);

type Of = { bookingId: string } | { walkInId: string };

const data = (answers: EvaluationAnswers) => ({
  satisfaction: answers.satisfaction,
  resolution: answers.resolution,
  comment: answers.comment ?? null,
});

/**
 * Creates the consultation's evaluation, or changes it when one of `source` exists and was first
 * given less than 7 days ago. Throws Rejected when it may not; a concurrent first evaluation
 * surfaces as the unique index's violation, answered by `once` (below).
 */
async function save(
  tx: Tx,
  of: Of,
  answers: EvaluationAnswers,
  source: EvaluationSource,
  now: Date,
  refusals: { otherSource: string; tooLate: string },
  enteredById: string | null = null,
): Promise<{ id: string; changed: boolean }> {
  const existing = await tx.evaluation.findFirst({ where: of, select: { id: true, source: true } });
  if (!existing) {
    const row = await tx.evaluation.create({
      data: { ...of, ...data(answers), source, enteredById, createdAt: now },
      select: { id: true },
    });
    // Evaluated already: the invitation, if still waiting to go, is not sent.
    if ("bookingId" in of && of.bookingId) await overtakeMessages(tx, of.bookingId, ["EVALUATION"], OVERTAKEN.evaluated);
    return { id: row.id, changed: false };
  }
  if (existing.source !== source) throw new Rejected(failure("conflict", refusals.otherSource));
  const { count } = await tx.evaluation.updateMany({
    where: { id: existing.id, source, createdAt: { gt: changeCutoff(now) } },
    data: { ...data(answers), ...(enteredById ? { enteredById } : {}) },
  });
  if (count === 0) throw new Rejected(failure("conflict", refusals.tooLate));
  return { id: existing.id, changed: true };
}

/** Runs a write that may lose the race for the first evaluation: the loser gets `message`, nothing written. */
async function once<R>(write: () => Promise<R>, message = ALREADY_GIVEN): Promise<R | Failure<"not_found" | "conflict">> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Rejected) return error.result as Failure<"not_found" | "conflict">;
    const constraint = violatedConstraint(error);
    if (constraint && ONCE.has(constraint)) return failure("conflict", message);
    throw error;
  }
}

/**
 * The villager's own evaluation, on the booking page: the booking by code and phone (a wrong one
 * is not found), done, evaluated once and changeable for 7 days. A booking stays DONE once done
 * (recording it again keeps it DONE), so the status read here cannot go stale before the insert.
 */
export function giveBookingEvaluation(
  { code, phone }: { code: string; phone: string },
  answers: EvaluationAnswers,
  { now = new Date() }: { now?: Date } = {},
): Promise<EvaluationResult> {
  return once(() =>
    db.$transaction(async (tx) => {
      const booking = await tx.booking.findFirst({
        where: { code, phone: { in: storedSpellings(phone) }, anonymisedAt: null },
        select: { id: true, status: true },
      });
      if (!booking) return failure("not_found");
      if (booking.status !== "DONE") return failure("conflict", NOT_DONE);
      const saved = await save(tx, { bookingId: booking.id }, answers, "BOOKING_PAGE", now, {
        otherSource: FROM_PAPER,
        tooLate: TOO_LATE,
      });
      return { ok: true as const, changed: saved.changed };
    }),
  );
}

/**
 * A walk-in's evaluation through its one-time link. The link is spent by one conditional update
 * (`used_at IS NULL AND expires_at > now`): of two submissions at once, the second waits for the
 * first's row lock, then finds it used, and writes nothing.
 */
export function giveLinkEvaluation(
  token: string,
  answers: EvaluationAnswers,
  { now = new Date() }: { now?: Date } = {},
): Promise<EvaluationResult> {
  return once(
    () =>
      db.$transaction(async (tx) => {
        const { count } = await tx.evaluationLink.updateMany({
          where: { token, usedAt: null, expiresAt: { gt: now }, walkIn: { voidedAt: null } },
          data: { usedAt: now },
        });
        const link = await tx.evaluationLink.findUnique({
          where: { token },
          select: { walkInId: true, usedAt: true, expiresAt: true },
        });
        if (!link) return failure("not_found", LINK_NOT_FOUND);
        if (count === 0) {
          if (link.usedAt) return failure("conflict", LINK_USED);
          if (link.expiresAt <= now) return failure("conflict", LINK_EXPIRED);
          // Still good, but its walk-in was voided (recorded by mistake): nothing to evaluate.
          return failure("not_found", LINK_NOT_FOUND);
        }
        await tx.evaluation.create({
          data: { walkInId: link.walkInId, ...data(answers), source: "WALK_IN_LINK", createdAt: now },
        });
        return { ok: true as const, changed: false };
      }),
    // Staff typed in a paper form for the same walk-in meanwhile: the link is not spent either.
    WALK_IN_EVALUATED,
  );
}

export type LinkResult = { ok: true; token: string; expiresAt: Date } | Failure<"not_found" | "conflict">;

/**
 * The link for a walk-in's QR code, made by its lawyer (or staff). One per walk-in (a unique
 * index): a link still good is shown again; one that ran out unused is replaced by a new token.
 * The token is 32 random bytes: unguessable, so the page it opens needs no other proof.
 */
export async function createEvaluationLink(
  by: Recorder,
  walkInId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<LinkResult> {
  const scope = recordsOf(by);
  if (!scope) return failure("not_found", WALK_IN_NOT_FOUND);
  const walkIn = await db.walkIn.findFirst({
    where: { id: walkInId, ...scope, voidedAt: null, anonymisedAt: null },
    select: {
      id: true,
      evaluation: { select: { id: true } },
      evaluationLink: { select: { token: true, usedAt: true, expiresAt: true } },
    },
  });
  if (!walkIn) return failure("not_found", WALK_IN_NOT_FOUND);
  if (walkIn.evaluation) return failure("conflict", WALK_IN_EVALUATED);
  const link = walkIn.evaluationLink;
  if (link && !link.usedAt && link.expiresAt > now) return { ok: true, token: link.token, expiresAt: link.expiresAt };
  if (link?.usedAt) return failure("conflict", WALK_IN_EVALUATED);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = linkExpiry(now);
  try {
    if (link) {
      // Replaced only if still unused: a villager who used it a moment ago keeps their evaluation.
      const { count } = await db.evaluationLink.updateMany({
        where: { token: link.token, usedAt: null },
        data: { token, expiresAt, createdAt: now },
      });
      if (count === 0) return failure("conflict", WALK_IN_EVALUATED);
    } else {
      await db.evaluationLink.create({ data: { token, walkInId, expiresAt, createdAt: now } });
    }
  } catch (error) {
    // Two taps at once: the other made the link; show that one.
    if (violatedConstraint(error) !== "evaluation_link_walk_in_id_key") throw error;
    const made = await db.evaluationLink.findUniqueOrThrow({ where: { walkInId }, select: { token: true, expiresAt: true } });
    return { ok: true, ...made };
  }
  return { ok: true, token, expiresAt };
}

/**
 * Staff type in a paper form's answers (source PAPER, who typed it). A booking must be done; a
 * walk-in not void; either at a venue of their town (one elsewhere is not found). A consultation
 * the villager evaluated online is refused; a paper entry may be corrected for 7 days. Audited, by
 * the booking's code or the walk-in's place and time.
 */
export async function enterPaperEvaluation(
  scope: TownScope,
  target: PaperTarget,
  answers: EvaluationAnswers,
  { now = new Date() }: { now?: Date } = {},
): Promise<EvaluationResult> {
  assertCan(can.enterPaperEvaluations(scope.actor));
  return once(
    () =>
      db.$transaction(async (tx) => {
        const consultation = await paperConsultation(tx, scope, target);
        if ("ok" in consultation) return consultation;
        const saved = await save(
          tx,
          consultation.of,
          answers,
          "PAPER",
          now,
          {
            otherSource: PAPER_ONLINE,
            tooLate: PAPER_TOO_LATE,
          },
          scope.actor.id,
        );
        await recordAudit(tx, auditActorOf(scope), {
          kind: "evaluation",
          action: saved.changed ? "paper_update" : "paper",
          subjectId: saved.id,
          summary: `${saved.changed ? "修改" : "录入"}纸质评价表：${consultation.label}`,
        });
        return { ok: true as const, changed: saved.changed };
      }),
    PAPER_ONLINE,
  );
}

async function paperConsultation(
  tx: Tx,
  scope: TownScope,
  target: PaperTarget,
): Promise<{ of: Of; label: string } | Failure<"not_found" | "conflict">> {
  if (target.kind === "booking") {
    const booking = await tx.booking.findFirst({
      where: { id: target.id, ...atVenuesIn(scope) },
      select: { code: true, status: true },
    });
    if (!booking) return failure("not_found");
    if (booking.status !== "DONE") return failure("conflict", PAPER_NOT_DONE);
    return { of: { bookingId: target.id }, label: `预约 ${booking.code}` };
  }
  const walkIn = await tx.walkIn.findFirst({
    where: { id: target.id, voidedAt: null, ...atVenuesIn(scope) },
    select: { at: true, venue: { select: { name: true } } },
  });
  if (!walkIn) return failure("not_found", WALK_IN_NOT_FOUND);
  // Where and when, never the person's name: the retention job removes that while the entry stays.
  return {
    of: { walkInId: target.id },
    label: `现场咨询 ${walkIn.venue.name} ${toDateString(walkIn.at)} ${formatTime(walkIn.at)}`,
  };
}

/** For lib/privacy at the end of retention: the comments go with the person; the ratings stay for the figures. */
export async function clearComments(tx: Tx, where: Prisma.EvaluationWhereInput): Promise<number> {
  const { count } = await tx.evaluation.updateMany({ where: { ...where, comment: { not: null } }, data: { comment: null } });
  return count;
}
