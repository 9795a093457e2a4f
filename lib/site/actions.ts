"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { setPublicAddress } from "./mutations";
import { publicAddressInput } from "./schema";

// The site's settings are an administrator's alone: a staff member's forged request stops here.
export const setPublicAddressAction = formAction<typeof publicAddressInput>({
  allow: can.manageSite,
  schema: publicAddressInput,
  invalid: "地址还没有保存，请按提示修改。",
  run: async (input, { actor }) => {
    const result = await setPublicAddress(actor, input);
    if (result.ok) revalidatePath("/staff", "layout");
    return result;
  },
});
