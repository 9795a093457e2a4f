"use server";

import { revalidatePath } from "next/cache";
import { formAction, townFormAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { type DistrictScope, districtScope } from "@/lib/auth/scope";
import { resendWebhook } from "./mutations";
import { webhookEventIdInput } from "./schema";

const NOT_FOUND = "没有找到这条通知，请刷新页面后再试。";
const RESENT = "已重新排队发送，稍后刷新页面查看结果。";

/** Sends a notice again from a town's delivery log (its administrator, or the district acting for it). */
export const resendWebhookAction = townFormAction({
  allow: can.manageApiClients,
  schema: webhookEventIdInput,
  invalid: NOT_FOUND,
  run: async ({ eventId }, { actor: scope }) => {
    const result = await resendWebhook(scope, eventId);
    if (!result.ok) return result;
    revalidatePath("/staff/api-clients");
    return { ok: true, message: RESENT };
  },
});

/** The same from the district's delivery log. The allow rule admits district accounts only. */
export const resendDistrictWebhookAction = formAction({
  allow: can.manageTowns,
  schema: webhookEventIdInput,
  invalid: NOT_FOUND,
  run: async ({ eventId }, { actor }) => {
    const result = await resendWebhook(districtScope(actor) as DistrictScope, eventId);
    if (!result.ok) return result;
    revalidatePath("/district/api-clients");
    return { ok: true, message: RESENT };
  },
});
