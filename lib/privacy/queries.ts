import "server-only";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db-client";
import { DEFAULT_RETENTION, type RetentionSettings } from "./schema";

const retentionSelect = { consultationMonths: true, callbackMonths: true, waitlistMonths: true } as const;

/**
 * How long personal data is kept, as staff set it. The migration writes the one row; the defaults
 * stand in only should it be missing, so the privacy notice never says less than the job does.
 */
export async function getRetentionSettings(reader: Pick<PrismaClient, "retentionSetting"> = db): Promise<RetentionSettings> {
  return (await reader.retentionSetting.findUnique({ where: { id: 1 }, select: retentionSelect })) ?? DEFAULT_RETENTION;
}
