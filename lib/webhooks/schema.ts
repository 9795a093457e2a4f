// The delivery log's one form: a resend names one event notice.
import { z } from "zod";
import { plainText } from "@/lib/form";

export const webhookEventIdInput = z.object({
  eventId: z.string({ error: "缺少通知。" }).trim().min(1, "缺少通知。").max(60).check(plainText()),
});
