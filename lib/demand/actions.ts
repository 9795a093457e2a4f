"use server";

import { publicFormAction } from "@/lib/action";
import { ticked } from "@/lib/form-values";
import { limitByAddress, requestAddress } from "@/lib/rate-limit";
import { createCallbackRequest } from "./mutations";
import { callbackRequestInput } from "./schema";

/** "Nothing free? Call me back": a villager leaves a name and a number. */
export const requestCallbackAction = publicFormAction({
  schema: callbackRequestInput,
  prepare: (input) => ({ ...input, consent: ticked(input.consent) }),
  invalid: "还没有提交，请按提示修改。",
  run: async (input) => {
    const limited = await limitByAddress("callbackAddress", "申请回电", await requestAddress());
    if (limited) return limited;
    await createCallbackRequest(input);
    return { ok: true, message: "已收到。司法所工作人员会在 2 个工作日内给您回电，帮您安排咨询。" };
  },
});
