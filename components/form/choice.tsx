"use client";

// Checkboxes and radio buttons whose whole label is the target (well over 44 px high).
import type { ReactNode } from "react";
import { describedBy, FieldError, Hint, type Option } from "./field";
import { useField } from "./form";

const box = "h-7 w-7 shrink-0 accent-brand-700";

/**
 * One checkbox (a consent, a yes/no). Ticked when it was sent, else as `defaultChecked` says.
 * `children` (the fields a yes asks for) show only while it is ticked: a CSS rule on the box's
 * later siblings, so the same without JavaScript, and after a refusal the box is ticked again
 * from what was sent, showing them with their errors. A browser without that CSS shows them always.
 */
export function CheckboxField({
  name,
  label,
  hint,
  defaultChecked,
  required,
  children,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  defaultChecked?: boolean;
  required?: boolean;
  children?: ReactNode;
}) {
  const { id, error, submitted } = useField(name);
  return (
    <div className="space-y-1">
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <FieldError id={`${id}-error`} error={error} />
      <div className="flex flex-wrap items-start gap-x-3">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={submitted === undefined ? defaultChecked : submitted !== ""}
          required={required}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy(id, hint, error)}
          aria-controls={children ? `${id}-more` : undefined}
          className={`peer mt-3 ${box}`}
        />
        <label htmlFor={id} className="flex min-h-12 min-w-0 flex-1 cursor-pointer items-start rounded-lg py-2">
          {label}
        </label>
        {children && (
          <div id={`${id}-more`} className="mt-2 basis-full space-y-5 border-l-4 border-gray-300 pl-4 peer-not-checked:hidden">
            {children}
          </div>
        )}
      </div>
    </div>
  );
}

type Group = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly (Option & { detail?: ReactNode })[];
  columns?: boolean;
};

function Choices({
  name,
  legend,
  hint,
  options,
  columns,
  type,
  chosen,
}: Group & { type: "checkbox" | "radio"; chosen: string[] }) {
  const { id, error } = useField(name);
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy(id, hint, error)}>
      <legend className="font-semibold">{legend}</legend>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <FieldError id={`${id}-error`} error={error} />
      <div className={columns ? "grid gap-1 sm:grid-cols-2" : "space-y-1"}>
        {options.map((option, index) => (
          <label key={option.value} className="flex min-h-12 cursor-pointer items-start gap-3 rounded-lg py-1">
            <input
              // The first choice carries the group's id, so the error summary's link lands in the group.
              id={index === 0 ? id : undefined}
              type={type}
              name={name}
              value={option.value}
              defaultChecked={chosen.includes(option.value)}
              aria-invalid={Boolean(error)}
              className={`mt-1 ${box}`}
            />
            <span>
              {option.label}
              {option.detail}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Several may be ticked; sent as a list (name it in the action's `lists`). */
export function CheckboxGroup({ defaultValue = [], ...group }: Group & { defaultValue?: readonly string[] }) {
  const { submitted } = useField(group.name);
  const chosen = submitted === undefined ? [...defaultValue] : [submitted].flat().filter(Boolean);
  return <Choices {...group} type="checkbox" chosen={chosen} />;
}

/** One of several. */
export function RadioGroup({ defaultValue, ...group }: Group & { defaultValue?: string | null }) {
  const { submitted } = useField(group.name);
  const chosen = submitted === undefined ? [defaultValue ?? ""] : [submitted].flat();
  return <Choices {...group} type="radio" chosen={chosen} />;
}
