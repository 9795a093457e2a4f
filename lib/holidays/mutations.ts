import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import { auditActorOf, type TownScope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { violatedConstraint } from "@/lib/db-errors";
import { type Failure, failure } from "@/lib/errors";
import { formatDate, fromDbDate, toDbDate } from "@/lib/time";
import { OVERRIDE_KINDS } from "./rules";
import type { OverrideInput } from "./schema";

const DATE_TAKEN = "这一天已经有调整了。如要改变，请先在下面的列表中删除原来的调整。";

// The calendar is the deployment's, not a town's: an override changes duty in every town. So only
// an administrator (of any town, as before a district existed) or a district account acting for a
// town may change it (lib/auth/can.ts manageHolidays), and the audit entry names who and for which town.

function requireAdmin(scope: TownScope) {
  assertCan(can.manageHolidays(scope.actor));
}

/** Declares a date a holiday (no duty) or a working day (duty as usual), whatever the published calendar says. */
export async function addOverride(scope: TownScope, input: OverrideInput): Promise<{ ok: true; id: string } | Failure> {
  requireAdmin(scope);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.calendarOverride.create({
        data: { date: toDbDate(input.date), kind: input.kind, note: input.note },
        select: { id: true },
      });
      await recordAudit(tx, auditActorOf(scope), {
        kind: "calendar",
        action: "create",
        subjectId: row.id,
        summary: `节假日调整：${formatDate(input.date)} 设为${OVERRIDE_KINDS[input.kind]}${input.note ? `（${input.note}）` : ""}`,
      });
      return { ok: true as const, id: row.id };
    });
  } catch (error) {
    // One override per date, guaranteed by the unique index even when two people add at once.
    if (violatedConstraint(error) === "calendar_override_date_key")
      return failure("invalid_input", undefined, { date: DATE_TAKEN });
    throw error;
  }
}

/** Takes an override away: the published calendar applies to that date again. */
export async function removeOverride(scope: TownScope, id: string): Promise<{ ok: true } | Failure> {
  requireAdmin(scope);
  return db.$transaction(async (tx) => {
    const row = await tx.calendarOverride.findUnique({ where: { id }, select: { date: true, kind: true } });
    if (!row) return failure("not_found", "这条调整已经删除了，请刷新页面。");
    const { count } = await tx.calendarOverride.deleteMany({ where: { id } });
    if (count === 0) return failure("not_found", "这条调整已经删除了，请刷新页面。");
    await recordAudit(tx, auditActorOf(scope), {
      kind: "calendar",
      action: "delete",
      subjectId: id,
      summary: `删除节假日调整：${formatDate(fromDbDate(row.date))}（原设为${OVERRIDE_KINDS[row.kind]}）`,
    });
    return { ok: true as const };
  });
}
