// The filters above a staff list (bookings, text messages): a GET form, so it works without
// JavaScript and the URL can be shared. The controls show the filters as asked, even those that
// were not understood; `problem` says, above them, what was wrong and what is shown instead.
import type { ReactNode } from "react";
import { FieldScope, primaryButton } from "@/components/form";

const GRID = {
  2: { grid: "sm:grid-cols-2", span: "sm:col-span-2" },
  3: { grid: "sm:grid-cols-3", span: "sm:col-span-3" },
} as const;

type Props = {
  /** The form's accessible name: "筛选预约". */
  label: string;
  columns: keyof typeof GRID;
  /** A sentence when the URL's filters were not understood. */
  problem?: string;
  /** The values in the URL, by parameter name. */
  values: Record<string, string>;
  /** The controls (TextField, SelectField, DateField). */
  children: ReactNode;
};

export function ListFilters({ label, columns, problem, values, children }: Props) {
  const { grid, span } = GRID[columns];
  return (
    <form method="get" className={`grid gap-4 rounded-xl border-2 border-gray-300 p-4 ${grid}`} aria-label={label}>
      {problem && (
        <p role="alert" className={`font-semibold text-red-800 ${span}`}>
          {problem}
        </p>
      )}
      <FieldScope idPrefix="f" values={values}>
        {children}
      </FieldScope>
      <div className={span}>
        <button type="submit" className={primaryButton}>
          筛选
        </button>
      </div>
    </form>
  );
}
