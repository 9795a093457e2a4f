"use client";

import { ActionForm, SubmitButton } from "@/components/form";
import { completeAction } from "@/lib/consultations/actions";
import { ResultFields } from "./result-fields";

/** Marks a booking done: outcomes, minutes and the lawyer's private note. Saving again corrects it. */
export function CompleteForm({
  bookingId,
  initial,
}: {
  bookingId: string;
  initial: { outcomes: string[]; minutesSpent: number | null; lawyerNote: string | null };
}) {
  return (
    <ActionForm action={completeAction} idPrefix="done" label="服务结果">
      <input type="hidden" name="bookingId" value={bookingId} />
      <ResultFields initial={initial} />
      <SubmitButton pendingText="正在保存…">保存服务结果</SubmitButton>
    </ActionForm>
  );
}
