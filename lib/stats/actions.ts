"use server";

import { revalidatePath } from "next/cache";
import { authorise } from "@/lib/auth/session";
import { handleCallbackRequest } from "./mutations";
import { handleCallbackInput } from "./schema";

export type HandleCallbackState = { ok: boolean; message: string; fields?: Record<string, string> } | null;

/** Staff mark a call-back request handled, with a short note of what they did. */
export async function handleCallbackAction(_state: HandleCallbackState, form: FormData): Promise<HandleCallbackState> {
  const actor = await authorise("STAFF", "ADMIN");
  const parsed = handleCallbackInput.safeParse({ id: form.get("id"), note: form.get("note") });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return { ok: false, message: fields.note ?? fields.id ?? "填写的内容有误，请按提示修改。", fields };
  }
  const result = await handleCallbackRequest(actor, parsed.data);
  revalidatePath("/staff/dashboard");
  return result.ok ? { ok: true, message: "已标记为已处理。" } : { ok: false, message: result.message };
}
