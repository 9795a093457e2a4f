"use client";

import { useActionState } from "react";
import { Field, FormStatus, inputClass, primaryButton, secondaryButton } from "@/components/consultations/form-parts";
import { addOverrideAction, type HolidayFormState, removeOverrideAction } from "@/lib/holidays/actions";
import { OVERRIDE_KINDS } from "@/lib/holidays/schema";

/** Marks a date as a holiday or a working day, whatever the published calendar says. */
export function AddOverrideForm() {
  const [state, action, pending] = useActionState<HolidayFormState, FormData>(addOverrideAction, null);
  const fields = state?.fields ?? {};
  const typed = state?.ok ? undefined : state?.values;
  return (
    <form action={action} className="space-y-5" noValidate key={state?.ok ? state.message : "editing"}>
      <FormStatus state={state} />
      <Field id="override-date" label="日期" hint="例如 2026-10-09" error={fields.date}>
        {(props) => <input {...props} name="date" type="date" defaultValue={typed?.date} className={`${inputClass} max-w-60`} />}
      </Field>
      <fieldset className="space-y-1" aria-describedby={fields.kind ? "override-kind-error" : undefined}>
        <legend className="font-semibold">这一天</legend>
        {fields.kind && (
          <p id="override-kind-error" className="font-semibold text-red-800">
            错误：{fields.kind}
          </p>
        )}
        {Object.entries(OVERRIDE_KINDS).map(([value, label]) => (
          <label key={value} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name="kind"
              value={value}
              defaultChecked={typed?.kind === value}
              className="h-6 w-6 shrink-0 accent-brand-700"
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <Field id="override-note" label="说明（选填）" hint="例如：台风停工、镇里统一安排" error={fields.note}>
        {(props) => <input {...props} name="note" maxLength={100} defaultValue={typed?.note} className={inputClass} />}
      </Field>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "正在添加…" : "添加调整"}
      </button>
    </form>
  );
}

export function RemoveOverrideForm({ id, label }: { id: string; label: string }) {
  const [state, action, pending] = useActionState<HolidayFormState, FormData>(removeOverrideAction, null);
  return (
    <form action={action} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={secondaryButton} aria-label={`删除调整：${label}`}>
        {pending ? "正在删除…" : "删除"}
      </button>
    </form>
  );
}
