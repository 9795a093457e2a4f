"use client";

// The staff pages' filters (demand dashboard, year's figures, audit log): a GET form, so it works
// without JavaScript, the URL can be shared, and every control shows what the URL says, valid or
// not. The page checks the parameters and passes their errors in; each is shown beside its control.
import Link from "next/link";
import type { ReactNode } from "react";
import {
  type ControlProps,
  Field,
  FieldError,
  FieldScope,
  inputClass,
  type Option,
  primaryButton,
  textLink,
} from "@/components/form";

export type FilterSelect = { name: string; label: string; options: readonly Option[] };

type Props = {
  /** The form's accessible name. */
  label: string;
  idPrefix: string;
  /** The values in the URL (or the defaults the page applied), by parameter name. */
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
  /** Choices offered with "全部" first, after the dates. */
  selects?: readonly FilterSelect[];
  submit: string;
  reset: { href: string; label: string };
};

export function FilterForm({ label, idPrefix, values, errors, selects = [], submit, reset }: Props) {
  const known = Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
  return (
    <form
      method="get"
      aria-label={label}
      noValidate
      className="no-print grid gap-4 rounded-xl border-2 border-gray-300 p-4 sm:grid-cols-2"
    >
      <FieldScope idPrefix={idPrefix} values={known}>
        {(
          [
            ["from", "开始日期"],
            ["to", "结束日期"],
          ] as const
        ).map(([name, text]) => (
          <FilterField key={name} name={name} label={text} error={errors[name]}>
            {(props, value) => <input {...props} type="date" name={name} defaultValue={value} className={inputClass} />}
          </FilterField>
        ))}
        {selects.map((select) => (
          <FilterField key={select.name} name={select.name} label={select.label} error={errors[select.name]}>
            {(props, value) => (
              <select {...props} name={select.name} defaultValue={value} className={inputClass}>
                <option value="">全部</option>
                {select.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
        ))}
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <button type="submit" className={primaryButton}>
            {submit}
          </button>
          <Link href={reset.href} className={textLink}>
            {reset.label}
          </Link>
        </div>
      </FieldScope>
    </form>
  );
}

/**
 * A labelled control whose error comes from the page, not from an action's answer (FieldScope
 * carries values only), wired the same way: the words beside it, aria-invalid, aria-describedby.
 */
function FilterField({
  name,
  label,
  error,
  children,
}: {
  name: string;
  label: string;
  error?: string;
  children: (props: ControlProps, value: string) => ReactNode;
}) {
  return (
    <Field name={name} label={label}>
      {(props, value) => (
        <>
          <FieldError id={`${props.id}-error`} error={error} />
          {children(
            { ...props, "aria-invalid": Boolean(error), "aria-describedby": error ? `${props.id}-error` : undefined },
            value ?? "",
          )}
        </>
      )}
    </Field>
  );
}
