import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import type { CallbackRequestInput } from "./schema";

/**
 * Notes one look at a venue's free times. Staff read these as unmet demand (how often someone
 * found nothing free); it must never break the page, so a failure is only logged.
 */
export async function recordVenueLookup(venueId: string, hadFreeSlot: boolean): Promise<void> {
  try {
    await db.venueLookup.create({ data: { venueId, hadFreeSlot } });
  } catch (error) {
    log.error({ err: error }, "venue lookup not recorded");
  }
}

export async function createCallbackRequest(input: CallbackRequestInput, now = new Date()): Promise<{ ok: true }> {
  const venue = input.venue ? await db.venue.findUnique({ where: { slug: input.venue }, select: { id: true } }) : null;
  await db.callbackRequest.create({
    data: {
      venueId: venue?.id ?? null,
      name: input.name,
      phone: input.phone,
      topicCode: input.topic || null,
      note: input.note ?? null,
      consentAt: now,
    },
  });
  return { ok: true };
}
