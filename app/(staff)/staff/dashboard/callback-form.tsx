"use client";

import { ActionForm, SubmitButton, secondaryButton, TextareaField } from "@/components/form";
import { handleCallbackAction } from "@/lib/stats/actions";

/** Marks one call-back request handled, with a note; a plain form post when JavaScript is off. */
export function CallbackForm({ id, who }: { id: string; who: string }) {
  return (
    <ActionForm action={handleCallbackAction} idPrefix={`cb-${id}`} label={`处理回电请求：${who}`} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <TextareaField name="note" label={`处理说明（${who}）`} maxLength={200} rows={2} />
      <SubmitButton pendingText="正在保存…" className={secondaryButton}>
        标记为已处理：{who}
      </SubmitButton>
    </ActionForm>
  );
}
