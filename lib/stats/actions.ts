"use server";

import { revalidatePath } from "next/cache";
import { townFormAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { handleCallbackRequest } from "./mutations";
import { handleCallbackInput } from "./schema";

/** Staff mark a call-back request handled, with a short note of what they did. */
export const handleCallbackAction = townFormAction({
  allow: can.workAsStaff,
  schema: handleCallbackInput,
  invalid: "还没有标记，请按提示修改。",
  run: async (input, { actor: scope }) => {
    const result = await handleCallbackRequest(scope, input);
    // Handled by someone else meanwhile, or not: the list is out of date either way.
    revalidatePath("/staff/dashboard");
    return result.ok ? { ok: true, message: "已标记为已处理。" } : result;
  },
});
