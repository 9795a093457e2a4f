"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { addOverride, removeOverride } from "./mutations";
import { overrideIdInput, overrideInput } from "./schema";

function refresh() {
  // Free times everywhere depend on the calendar.
  revalidatePath("/", "layout");
}

export const addOverrideAction = formAction({
  allow: can.workAsStaff,
  schema: overrideInput,
  invalid: "还没有添加，请按提示修改。",
  run: async (input, { actor }) => {
    const result = await addOverride(actor, input);
    if (!result.ok) return result;
    refresh();
    return { ok: true, message: `已添加：${input.date} ${input.kind === "HOLIDAY" ? "放假" : "上班"}。` };
  },
});

export const removeOverrideAction = formAction({
  allow: can.workAsStaff,
  schema: overrideIdInput,
  invalid: "没有找到这条调整，请刷新页面。",
  run: async ({ id }, { actor }) => {
    const result = await removeOverride(actor, id);
    if (!result.ok) return result;
    refresh();
    return { ok: true, message: "调整已删除，这一天按国家公布的安排。" };
  },
});
