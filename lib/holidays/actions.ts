"use server";

import { revalidatePath } from "next/cache";
import { formStrings } from "@/lib/accounts/schema";
import { authorise } from "@/lib/auth/session";
import { fieldErrors } from "@/lib/booking/schema";
import { addOverride, removeOverride } from "./mutations";
import { overrideIdInput, overrideInput } from "./schema";

export type HolidayFormState = {
  ok: boolean;
  message: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
} | null;

function refresh() {
  // Free times everywhere depend on the calendar.
  revalidatePath("/", "layout");
}

export async function addOverrideAction(_state: HolidayFormState, form: FormData): Promise<HolidayFormState> {
  const actor = await authorise("STAFF", "ADMIN");
  const values = formStrings(form);
  const parsed = overrideInput.safeParse(values);
  if (!parsed.success) return { ok: false, message: "还没有添加，请按提示修改。", fields: fieldErrors(parsed.error), values };
  const result = await addOverride(actor, parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fields: result.fields, values };
  refresh();
  return { ok: true, message: `已添加：${parsed.data.date} ${parsed.data.kind === "HOLIDAY" ? "放假" : "上班"}。` };
}

export async function removeOverrideAction(_state: HolidayFormState, form: FormData): Promise<HolidayFormState> {
  const actor = await authorise("STAFF", "ADMIN");
  const parsed = overrideIdInput.safeParse(formStrings(form));
  if (!parsed.success) return { ok: false, message: "没有找到这条调整，请刷新页面。" };
  const result = await removeOverride(actor, parsed.data.id);
  if (!result.ok) return { ok: false, message: result.message };
  refresh();
  return { ok: true, message: "调整已删除，这一天按国家公布的安排。" };
}
