"use client";

import { ActionForm, SubmitButton, secondaryButton } from "@/components/form";
import { markCalledAction, resendMessageAction } from "@/lib/messages/actions";

// One small form per row. After a success the button goes and the answer stays in its place (the
// list is read afresh on the next opening); after a refusal the button stays with the reason.

/** "已电话联系" for one line of the call list. */
export function MarkCalledForm({ messageKey, code, what }: { messageKey: string; code: string; what: string }) {
  return (
    <ActionForm
      action={markCalledAction}
      idPrefix={`called-${messageKey.replace(/[^a-z0-9]/g, "-")}`}
      label={`电话通知：预约 ${code} 的${what}`}
      className="space-y-2"
    >
      {(state) =>
        state?.ok ? null : (
          <>
            <input type="hidden" name="key" value={messageKey} />
            <SubmitButton pendingText="正在记下…">
              已电话联系<span className="sr-only">：预约 {code}</span>
            </SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}

/** "重新发送" for a failed message to a mobile number. */
export function ResendForm({ messageKey, code, what }: { messageKey: string; code: string; what: string }) {
  return (
    <ActionForm
      action={resendMessageAction}
      idPrefix={`resend-${messageKey.replace(/[^a-z0-9]/g, "-")}`}
      label={`重新发送：预约 ${code} 的${what}`}
      className="space-y-2"
    >
      {(state) =>
        state?.ok ? null : (
          <>
            <input type="hidden" name="key" value={messageKey} />
            <SubmitButton pendingText="正在重新排队…" className={secondaryButton}>
              重新发送<span className="sr-only">：预约 {code}</span>
            </SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
