import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import { can } from "@/lib/auth/can";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { type Failure, failure } from "@/lib/errors";

const NOT_FOUND = "没有找到这位律师。";

/**
 * A new secret for the lawyer's subscription URL. The old one stops working at once, since the
 * feed looks the token up and only one is stored. `replaced` says whether there was an old one,
 * so the lawyer is told to change their calendar app only when they have one to change.
 */
export async function replaceCalendarToken(
  actor: CurrentUser,
  lawyerId: string,
): Promise<{ ok: true; token: string; replaced: boolean } | Failure> {
  if (!can.actForLawyer(actor, lawyerId)) return failure("not_found", NOT_FOUND);
  const token = randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    // First the update only a lawyer without a link matches. Two presses at once cannot both take
    // it: the second waits for the first's row lock, then finds a token and replaces it.
    const data = { calendarToken: token };
    const created = await tx.lawyer.updateMany({ where: { id: lawyerId, calendarToken: null }, data });
    const replaced = created.count === 0;
    if (replaced && (await tx.lawyer.updateMany({ where: { id: lawyerId }, data })).count === 0) {
      return failure("not_found", NOT_FOUND);
    }
    await recordAudit(tx, actor, {
      kind: "calendar",
      action: "update",
      subjectId: lawyerId,
      summary: replaced ? "生成新的日历订阅链接（旧链接失效）" : "生成日历订阅链接",
    });
    return { ok: true as const, token, replaced };
  });
}

/** Turns the subscription off: no token, no feed. */
export async function revokeCalendarToken(actor: CurrentUser, lawyerId: string): Promise<{ ok: true } | Failure> {
  if (!can.actForLawyer(actor, lawyerId)) return failure("not_found", NOT_FOUND);
  return db.$transaction(async (tx) => {
    const { count } = await tx.lawyer.updateMany({ where: { id: lawyerId }, data: { calendarToken: null } });
    if (count === 0) return failure("not_found", NOT_FOUND);
    await recordAudit(tx, actor, { kind: "calendar", action: "end", subjectId: lawyerId, summary: "停用日历订阅链接" });
    return { ok: true as const };
  });
}
