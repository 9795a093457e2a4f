"use server";

import { fieldErrors } from "@/lib/booking/schema";
import { createCallbackRequest } from "./mutations";
import { callbackRequestInput } from "./schema";

export type CallbackState = {
  ok: boolean;
  message: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
} | null;

export async function requestCallbackAction(_state: CallbackState, form: FormData): Promise<CallbackState> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  const parsed = callbackRequestInput.safeParse({ ...values, consent: values.consent === "on" ? true : undefined });
  if (!parsed.success) return { ok: false, message: "还没有提交，请按提示修改。", fields: fieldErrors(parsed.error), values };
  await createCallbackRequest(parsed.data);
  return { ok: true, message: "已收到。司法所工作人员会在 2 个工作日内给您回电，帮您安排咨询。" };
}
