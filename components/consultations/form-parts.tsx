// Small pieces shared by the lawyer's forms: the status line, a labelled field with its error, the outcome checkboxes.
import type { ReactNode } from "react";
import { OUTCOME_NAMES, OUTCOMES } from "@/lib/consultations/schema";

export type FormStateView = { ok: boolean; message: string; fields?: Record<string, string> } | null;

export const inputClass = "min-h-12 w-full rounded-lg border-2 border-gray-500 bg-white px-3 text-lg";
export const primaryButton =
  "min-h-12 w-full rounded-lg bg-brand-700 px-4 text-lg font-bold text-white hover:bg-brand-800 disabled:opacity-70 sm:w-auto";
export const secondaryButton =
  "min-h-12 w-full rounded-lg border-2 border-brand-700 bg-white px-4 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-70 sm:w-auto";

export function FormStatus({ state }: { state: FormStateView }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className={state ? `rounded-lg border-2 p-3 ${state.ok ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}` : ""}
    >
      {state ? `${state.ok ? "" : "错误："}${state.message}` : null}
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="font-semibold text-red-800">
      错误：{error}
    </p>
  );
}

/** A label, an optional hint, the error beside it, then the control (which must use `describedBy`). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-gray-700">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
    </div>
  );
}

/** Several outcomes may apply to one consultation. */
export function OutcomeFields({ idPrefix, error, checked = [] }: { idPrefix: string; error?: string; checked?: string[] }) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${idPrefix}-outcomes-error` : undefined}>
      <legend className="font-semibold">服务结果（可多选）</legend>
      <FieldError id={`${idPrefix}-outcomes-error`} error={error} />
      <div className="grid gap-1 sm:grid-cols-2">
        {OUTCOME_NAMES.map((name) => (
          <label key={name} className="flex min-h-11 items-center gap-3 rounded-lg px-1">
            <input
              type="checkbox"
              name="outcomes"
              value={name}
              defaultChecked={checked.includes(name)}
              className="h-6 w-6 shrink-0 accent-brand-700"
            />
            <span>{OUTCOMES[name]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
