"use client";

import { useActionState } from "react";
import { completeAction, type FormState } from "@/lib/consultations/actions";
import { LAWYER_NOTE_MAX, MINUTES_MAX } from "@/lib/consultations/schema";
import { Field, FormStatus, inputClass, OutcomeFields, primaryButton } from "./form-parts";

/** Marks a booking done: outcomes, minutes and the lawyer's private note. Saving again corrects it. */
export function CompleteForm({
  bookingId,
  initial,
}: {
  bookingId: string;
  initial: { outcomes: string[]; minutesSpent: number | null; lawyerNote: string | null };
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(completeAction, null);
  const fields = state?.fields ?? {};
  const typed = state?.values;
  const outcomes = typed ? [typed.outcomes ?? []].flat() : initial.outcomes;
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="bookingId" value={bookingId} />
      <FormStatus state={state} />
      <OutcomeFields idPrefix="done" error={fields.outcomes} checked={outcomes} />
      <Field id="done-minutes" label="用时（分钟）" hint={`填写整数，例如 30；最多 ${MINUTES_MAX}。`} error={fields.minutesSpent}>
        {(props) => (
          <input
            {...props}
            name="minutesSpent"
            type="number"
            inputMode="numeric"
            min={1}
            max={MINUTES_MAX}
            defaultValue={typed ? String(typed.minutesSpent ?? "") : (initial.minutesSpent ?? "")}
            className={`${inputClass} max-w-40`}
          />
        )}
      </Field>
      <Field
        id="done-note"
        label="律师备注（选填，仅您本人和司法所可见）"
        hint={`最多 ${LAWYER_NOTE_MAX} 个字。`}
        error={fields.lawyerNote}
      >
        {(props) => (
          <textarea
            {...props}
            name="lawyerNote"
            rows={4}
            maxLength={LAWYER_NOTE_MAX}
            defaultValue={typed ? String(typed.lawyerNote ?? "") : (initial.lawyerNote ?? "")}
            className={`${inputClass} py-2`}
          />
        )}
      </Field>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "正在保存…" : "保存服务结果"}
      </button>
    </form>
  );
}
