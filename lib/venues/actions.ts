"use server";

import { revalidatePath } from "next/cache";
import { townFormAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { textOf } from "@/lib/form-values";
import { updateVenue } from "./mutations";
import { venueInput } from "./schema";

export const updateVenueAction = townFormAction({
  allow: can.workAsStaff,
  schema: venueInput,
  invalid: "还没有保存，请按提示修改。",
  run: async (input, { actor: scope, values }) => {
    // The venue is named by the form's hidden field; an unknown one is not found, not a field to correct.
    const result = await updateVenue(scope, textOf(values, "venueId"), input);
    if (!result.ok) return result;
    // The public pages show venues too.
    revalidatePath("/", "layout");
    if (result.changed.length === 0) return { ok: true, message: "没有改动，无需保存。" };
    return { ok: true, message: `已保存：${result.changed.join("、")}。` };
  },
});
