"use client";

// Labelled controls: big targets, the error in words beside the field (never colour alone), wired
// with aria-describedby and aria-invalid. Each takes its value from what was last submitted (see
// form.tsx) and otherwise from `defaultValue`.
import { type ComponentProps, type ReactNode, useState } from "react";
import { useField } from "./form";
import { inputClass } from "./styles";

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="font-semibold text-red-800">
      错误：{error}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="text-gray-700">
      {children}
    </p>
  );
}

export const describedBy = (id: string, hint?: ReactNode, error?: string, more?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`, more].filter(Boolean).join(" ") || undefined;

export type ControlProps = { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

type Labelled = { name: string; label: ReactNode; hint?: ReactNode; className?: string };

/** A label, a hint, the error, then the control, which receives its wiring as props; `after` follows it. */
export function Field({
  name,
  label,
  hint,
  after,
  more,
  children,
}: Omit<Labelled, "className"> & {
  /** Shown below the control and read with it (its element's id is `${id}-after`). */
  after?: ReactNode;
  /** Last, a later sibling of the control, so that `peer-*` classes can follow the control's state. */
  more?: ReactNode;
  children: (props: ControlProps, value: string | undefined) => ReactNode;
}) {
  const { id, error, submitted } = useField(name);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <FieldError id={`${id}-error`} error={error} />
      {children(
        {
          id,
          "aria-invalid": Boolean(error),
          "aria-describedby": describedBy(id, hint, error, after ? `${id}-after` : undefined),
        },
        typeof submitted === "string" ? submitted : submitted?.[0],
      )}
      {after && (
        <p id={`${id}-after`} aria-live="polite" className="text-gray-700">
          {after}
        </p>
      )}
      {more}
    </div>
  );
}

type InputProps = Omit<ComponentProps<"input">, "name" | "id" | "defaultValue" | "className"> & {
  defaultValue?: string | number | null;
};

/** A one-line input (text, tel, number, date, time). */
export function TextField({ name, label, hint, className, defaultValue, ...input }: Labelled & InputProps) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(props, value) => (
        <input
          {...props}
          {...input}
          name={name}
          defaultValue={value ?? defaultValue ?? ""}
          className={`${inputClass} ${className ?? ""}`}
        />
      )}
    </Field>
  );
}

/** A date typed or picked; the hint shows the format for browsers without a date picker. */
export function DateField(props: Labelled & Omit<InputProps, "type">) {
  return <TextField hint="例如 2026-12-01" {...props} type="date" />;
}

/**
 * A longer text with its limit and, with JavaScript, how many characters are typed. No maxlength
 * on the element: a browser cuts a longer paste without a word (issue 22 item 12); the count says
 * how much is over, and the server refuses it with the text kept, so the villager can shorten it.
 */
export function TextareaField({
  name,
  label,
  hint,
  className,
  defaultValue,
  maxLength,
  rows = 4,
  whenFilled,
}: Labelled & {
  defaultValue?: string | null;
  maxLength: number;
  rows?: number;
  /**
   * Shown only once something is typed (a consent the text needs), without JavaScript too: CSS
   * follows the textarea's :placeholder-shown, so it has a blank placeholder. After a refusal the
   * text is back, and so is this.
   */
  whenFilled?: ReactNode;
}) {
  const { submitted } = useField(name);
  const initial = (typeof submitted === "string" ? submitted : undefined) ?? defaultValue ?? "";
  const [length, setLength] = useState(initial.length);
  return (
    <Field
      name={name}
      label={label}
      hint={hint}
      after={
        length > maxLength
          ? `已输入 ${length} 字，超出 ${length - maxLength} 字：请删减到 ${maxLength} 字以内`
          : `已输入 ${length} 字，最多 ${maxLength} 字`
      }
      more={whenFilled && <div className="pt-3 peer-placeholder-shown:hidden">{whenFilled}</div>}
    >
      {(props) => (
        <textarea
          {...props}
          name={name}
          rows={rows}
          defaultValue={initial}
          placeholder={whenFilled ? " " : undefined}
          onChange={(event) => setLength(event.currentTarget.value.length)}
          className={`${whenFilled ? "peer" : ""} ${inputClass} ${className ?? ""}`}
        />
      )}
    </Field>
  );
}

export type Option = { value: string; label: string };

/** A drop-down list; `placeholder` is a first empty choice ("请选择"). */
export function SelectField({
  name,
  label,
  hint,
  className,
  options,
  placeholder,
  defaultValue,
  required,
}: Labelled & { options: readonly Option[]; placeholder?: string; defaultValue?: string | null; required?: boolean }) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(props, value) => (
        <select
          {...props}
          name={name}
          required={required}
          defaultValue={value ?? defaultValue ?? ""}
          className={`${inputClass} ${className ?? ""}`}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
