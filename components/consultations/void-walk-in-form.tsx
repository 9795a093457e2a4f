"use client";

import { ActionForm, dangerButton, SubmitButton, TextField } from "@/components/form";
import { voidWalkInAction } from "@/lib/consultations/actions";
import { VOID_REASON_MAX } from "@/lib/consultations/rules";

/**
 * Voids a walk-in recorded by mistake, with a reason. Rendered whether the record is voided or
 * not, so that the answer stays on screen when the page refreshes after the void.
 */
export function VoidWalkInForm({ walkInId, voidReason }: { walkInId: string; voidReason: string | null }) {
  return (
    <ActionForm action={voidWalkInAction} idPrefix="void-walk-in" label="作废这条记录" order={["reason"]}>
      {(state) =>
        voidReason !== null ? (
          state?.ok ? null : (
            <p>这条记录已作废，原因：{voidReason}。它不计入工作日志和任何统计。</p>
          )
        ) : (
          <>
            <input type="hidden" name="walkInId" value={walkInId} />
            <TextField
              name="reason"
              label="作废原因"
              hint="例如“重复登记”“记错了律师”。作废后不计入工作日志和任何统计，记录和原因保留备查。"
              maxLength={VOID_REASON_MAX}
            />
            <SubmitButton pendingText="正在作废…" className={dangerButton}>
              作废这条记录
            </SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
