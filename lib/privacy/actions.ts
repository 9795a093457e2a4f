"use server";

// The privacy forms: a villager removing a booking's personal data, staff setting how long it is kept.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { publicFormAction, townFormAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { changeOwnBooking, forgetBooking, rememberedPhone } from "@/lib/booking/access";
import { failure } from "@/lib/errors";
import { requestAddress } from "@/lib/rate-limit";
import { deleteOwnBookingData, saveRetentionSettings } from "./mutations";
import { deleteOwnDataInput, retentionInput } from "./schema";

/** The villager's own booking (the phone proven on this device): removed at once, then forgotten here. */
export const deleteOwnDataAction = publicFormAction({
  schema: deleteOwnDataInput,
  invalid: "没有删除，请回到预约页面再试。",
  run: async ({ code }) => {
    const phone = await rememberedPhone(code);
    if (!phone) return failure("not_found");
    // A look-up by code and phone like any other: misses count towards the same limits.
    const result = await changeOwnBooking({ phone, address: await requestAddress() }, () =>
      deleteOwnBookingData({ code, phone }),
    );
    if (!result.ok) return result;
    await forgetBooking(code);
    redirect("/privacy/deleted");
  },
});

/** The whole deployment's periods: an administrator's (or the district's) to set. */
export const saveRetentionAction = townFormAction({
  allow: can.manageRetention,
  schema: retentionInput,
  invalid: "还没有保存，请按提示修改。",
  run: async (input, { actor: scope }) => {
    const result = await saveRetentionSettings(scope, input);
    if (!result.ok) return result;
    // The privacy notice states the periods.
    revalidatePath("/privacy");
    revalidatePath("/staff/privacy");
    if (result.changed.length === 0) return { ok: true, message: "没有改动，无需保存。" };
    return { ok: true, message: `已保存：${result.changed.join("、")}的保存期限。下次自动处理时按新期限执行。` };
  },
});
