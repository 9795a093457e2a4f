import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import type { CurrentUser } from "@/lib/auth/session";
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
 * Saves a venue's details. Making it inactive keeps its history; booking already requires an
 * active venue, so it simply takes no new bookings. The audit entry names each changed field.
 */
export async function updateVenue(
  actor: CurrentUser,
  venueId: string,
  input: VenueInput,
): Promise<{ ok: true; changed: string[] } | Failure> {
  assertCan(can.workAsStaff(actor));
  return db.$transaction(async (tx) => {
    // Locked, so the "before" values in the audit entry are the ones this change replaced.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM venue WHERE id = ${venueId} FOR UPDATE`;
    if (locked.length === 0) return failure("not_found", NOT_FOUND);
    const before = await tx.venue.findUniqueOrThrow({
      where: { id: venueId },
      select: EDITABLE_VENUE_FIELDS,
    });
    const keys = Object.keys(VENUE_FIELD_NAMES) as (keyof VenueInput)[];
    const changed = keys.filter((k) => (before[k] ?? null) !== (input[k] ?? null));
    if (changed.length === 0) return { ok: true as const, changed: [] };
    await tx.venue.update({ where: { id: venueId }, data: input });
    await recordAudit(tx, actor, {
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
