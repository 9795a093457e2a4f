import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import { auditActorOf, type TownScope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { type Failure, failure } from "@/lib/errors";
import type { HandleCallbackInput } from "./schema";

export type HandleResult = { ok: true } | Failure<"not_found" | "conflict">;

/**
 * Marks a call-back request at one of the town's venues handled, with the staff member's note.
 * The update only matches a request of the town nobody has handled yet, so two staff pressing at
 * once cannot both "handle" it (the second sees a zero count) and another town's request is
 * answered as a missing one. The audit entry commits with the change or not at all.
 */
export async function handleCallbackRequest(
  scope: TownScope,
  input: HandleCallbackInput,
  now = new Date(),
): Promise<HandleResult> {
  assertCan(can.workAsStaff(scope.actor));
  return db.$transaction(async (tx) => {
    // A request has a venue id and no relation to it: the town's venues, read in the same transaction.
    const venues = await tx.venue.findMany({ where: { townId: scope.townId }, select: { id: true } });
    const inTown = { id: input.id, venueId: { in: venues.map((v) => v.id) } };
    const { count } = await tx.callbackRequest.updateMany({
      where: { ...inTown, handledAt: null },
      data: { handledAt: now, handledById: scope.actor.id, handledNote: input.note },
    });
    if (count === 0) {
      const exists = await tx.callbackRequest.findFirst({ where: inTown, select: { id: true } });
      return exists
        ? failure("conflict", "这条回电请求已由其他同事处理，页面已更新。")
        : failure("not_found", "没有找到这条回电请求，请刷新页面后再试。");
    }
    await recordAudit(tx, auditActorOf(scope), {
      kind: "callback",
      action: "update",
      subjectId: input.id,
      // The note stays on the request (and goes with it when the request is anonymised): it may
      // name the villager, and the audit log, which cannot be changed, keeps no one's name.
      summary: "回电请求已处理（处理说明记在回电请求上）",
    });
    return { ok: true as const };
  });
}
