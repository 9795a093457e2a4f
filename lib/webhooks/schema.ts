// The delivery log's one form: a resend names one event notice.
import { z } from "zod";
import { plainText } from "@/lib/form";

export const webhookEventIdInput = z.object({
  eventId: z.string({ error: "缺少通知。" }).trim().min(1, "缺少通知。").max(60).check(plainText()),
});

/** One notice of the delivery log (lib/webhooks/queries.ts listWebhookEvents), as staff read it. */
export type WebhookEventRow = {
  id: string;
  clientId: string;
  type: string;
  payload: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  createdAt: Date;
};
