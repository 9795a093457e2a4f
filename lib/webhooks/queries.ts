import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import type { WebhookEventRow } from "./schema";

export const DELIVERY_LOG_SIZE = 20;

/**
 * The delivery log: each of the scope's clients' latest notices (DELIVERY_LOG_SIZE each), newest
 * first, by client id. A town's scope reads its own clients' only.
 */
export async function listWebhookEvents(scope: Scope, clientIds: readonly string[]): Promise<Map<string, WebhookEventRow[]>> {
  const inScope = scope.townId ? { client: { townId: scope.townId } } : {};
  const byClient = new Map<string, WebhookEventRow[]>();
  // One small query a client: a page lists a handful of clients.
  for (const clientId of clientIds) {
    const rows = await db.webhookEvent.findMany({
      where: { clientId, ...inScope },
      orderBy: { createdAt: "desc" },
      take: DELIVERY_LOG_SIZE,
      select: {
        id: true,
        clientId: true,
        type: true,
        payload: true,
        attempts: true,
        lastStatus: true,
        lastError: true,
        nextAttemptAt: true,
        deliveredAt: true,
        failedAt: true,
        createdAt: true,
      },
    });
    byClient.set(clientId, rows);
  }
  return byClient;
}
