// Labelled form controls for the villagers' forms: big targets, the error in words beside the
// field (never colour alone), wired with aria-describedby and aria-invalid.
import type { ReactNode } from "react";

export const inputClass = "min-h-12 w-full rounded-lg border-2 border-gray-600 bg-white px-3 py-2 text-lg";
export const primaryButton =
  "inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-5 py-2 text-lg font-bold text-white hover:bg-brand-800 disabled:opacity-70 sm:w-auto";
export const secondaryButton =
  "inline-flex min-h-12 w-full items-center justify-center rounded-lg border-2 border-brand-700 bg-white px-5 py-2 text-lg font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-70 sm:w-auto";
export const textLink = "inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-4";

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="font-semibold text-red-800">
      错误：{error}
    </p>
  );
}

export type ControlProps = { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

/** A label, an optional hint, the error, then the control, which receives the wiring as props. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: (props: ControlProps) => ReactNode;
}) {
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
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy(id, hint, error) })}
    </div>
  );
}

/** A checkbox whose whole label is the target (well over 44 px high). */
export function CheckboxField({
  id,
  name,
  label,
  hint,
  error,
  defaultChecked,
  required,
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultChecked?: boolean;
  required?: boolean;
}) {
  return (
    <div className="space-y-1">
      {hint && (
        <p id={`${id}-hint`} className="text-gray-700">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
      <label htmlFor={id} className="flex min-h-12 cursor-pointer items-start gap-3 rounded-lg py-2">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          required={required}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy(id, hint, error)}
          className="mt-1 h-7 w-7 shrink-0 accent-brand-700"
        />
        <span>{label}</span>
      </label>
    </div>
  );
}
