"use client";

import { useActionState } from "react";
import { Field, FieldError, FormStatus, inputClass, primaryButton, secondaryButton } from "@/components/consultations/form-parts";
import { type StaffFormState, staffCancelAction, staffMoveAction } from "@/lib/booking/staff-actions";

export function MoveForm({ code, slots }: { code: string; slots: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState<StaffFormState, FormData>(staffMoveAction, null);
  const fields = state?.fields ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="code" value={code} />
      <fieldset className="space-y-2" aria-describedby={fields.slot ? "move-slot-error" : undefined}>
        <legend className="font-semibold">新的时间</legend>
        <FieldError id="move-slot-error" error={fields.slot} />
        {slots.map((slot) => (
          <label key={slot.value} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name="slot"
              value={slot.value}
              defaultChecked={state?.values?.slot === slot.value}
              className="h-6 w-6 accent-brand-700"
            />
            {slot.label}
          </label>
        ))}
      </fieldset>
      <Field id="move-reason" label="改期原因" error={fields.reason}>
        {(p) => <input {...p} name="reason" defaultValue={state?.values?.reason ?? ""} className={inputClass} />}
      </Field>
      <button type="submit" disabled={pending} className={primaryButton}>
        确认改期
      </button>
    </form>
  );
}

export function CancelForm({ code }: { code: string }) {
  const [state, action, pending] = useActionState<StaffFormState, FormData>(staffCancelAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="code" value={code} />
      <Field id="cancel-reason" label="取消原因" error={state?.fields?.reason}>
        {(p) => <input {...p} name="reason" defaultValue={state?.values?.reason ?? ""} className={inputClass} />}
      </Field>
      <button type="submit" disabled={pending} className={secondaryButton}>
        取消这个预约
      </button>
    </form>
  );
}
