import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import { auditActorOf, type TownScope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { type Failure, failure } from "@/lib/errors";
import { EDITABLE_VENUE_FIELDS, VENUE_FIELD_NAMES, type VenueInput } from "./schema";

const NOT_FOUND = "没有找到这个服务地点，请回到服务地点列表重新选择。";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "（空）";
  if (typeof value === "boolean") return value ? "是" : "否";
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Saves the details of a venue in the scope's town (another town's answers as a missing one).
 * Making it inactive keeps its history; booking already requires an active venue, so it simply
 * takes no new bookings. The audit entry names each changed field.
 */
export async function updateVenue(
  scope: TownScope,
  venueId: string,
  input: VenueInput,
): Promise<{ ok: true; changed: string[] } | Failure> {
  assertCan(can.workAsStaff(scope.actor));
  return db.$transaction(async (tx) => {
    // Locked, so the "before" values in the audit entry are the ones this change replaced; a venue
    // of another town is not locked, not read and not changed.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM venue WHERE id = ${venueId} AND town_id = ${scope.townId} FOR UPDATE`;
    if (locked.length === 0) return failure("not_found", NOT_FOUND);
    const before = await tx.venue.findUniqueOrThrow({
      where: { id: venueId },
      select: EDITABLE_VENUE_FIELDS,
    });
    const keys = Object.keys(VENUE_FIELD_NAMES) as (keyof VenueInput)[];
    const changed = keys.filter((k) => (before[k] ?? null) !== (input[k] ?? null));
    if (changed.length === 0) return { ok: true as const, changed: [] };
    await tx.venue.update({ where: { id: venueId }, data: input });
    await recordAudit(tx, auditActorOf(scope), {
      kind: "venue",
      action: "update",
      subjectId: venueId,
      summary: `修改服务地点“${before.name}”：${changed
        .map((k) => `${VENUE_FIELD_NAMES[k]} ${show(before[k])} → ${show(input[k])}`)
        .join("；")}`,
    });
    return { ok: true as const, changed: changed.map((k) => VENUE_FIELD_NAMES[k]) };
  });
}
