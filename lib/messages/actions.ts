"use server";

import { townFormAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { markCalled, resendMessage } from "./mutations";
import { messageKeyInput } from "./schema";

// No revalidatePath: the row's form stays to show the answer (the call list's "today" part and the
// list's status show it on the next opening, and without JavaScript the page is drawn afresh anyway).

/** Staff note that they phoned the villager about a message on the call list. */
export const markCalledAction = townFormAction({
  allow: can.workAsStaff,
  schema: messageKeyInput,
  invalid: "没有记下，请刷新页面后再试。",
  run: (input, { actor: scope }) => markCalled(scope, input),
});

/** Staff send a failed message to a mobile number again. */
export const resendMessageAction = townFormAction({
  allow: can.workAsStaff,
  schema: messageKeyInput,
  invalid: "没有重发，请刷新页面后再试。",
  run: (input, { actor: scope }) => resendMessage(scope, input),
});
