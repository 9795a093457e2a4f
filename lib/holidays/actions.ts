"use server";

import { revalidatePath } from "next/cache";
import { townFormAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { addOverride, removeOverride } from "./mutations";
import { overrideIdInput, overrideInput } from "./schema";

function refresh() {
  // Free times everywhere depend on the calendar.
  revalidatePath("/", "layout");
}

export const addOverrideAction = townFormAction({
  allow: can.manageHolidays,
  schema: overrideInput,
  invalid: "还没有添加，请按提示修改。",
  run: async (input, { actor: scope }) => {
    const result = await addOverride(scope, input);
    if (!result.ok) return result;
    refresh();
    return { ok: true, message: `已添加：${input.date} ${input.kind === "HOLIDAY" ? "放假" : "上班"}。` };
  },
});

export const removeOverrideAction = townFormAction({
  allow: can.manageHolidays,
  schema: overrideIdInput,
  invalid: "没有找到这条调整，请刷新页面。",
  run: async ({ id }, { actor: scope }) => {
    const result = await removeOverride(scope, id);
    if (!result.ok) return result;
    refresh();
    return { ok: true, message: "调整已删除，这一天按国家公布的安排。" };
  },
});
