// The figures of a period (the year's report, the district's figures): the period's form, then the
// figures, or what is wrong with the dates the URL gave. Server-rendered.
import type { ReactNode } from "react";
import { FilterForm } from "./filter-form";

type Props = {
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
  /** The page's own address: "恢复默认（今年）" goes back to it. */
  reset: string;
  /** The figures, or null when the dates do not parse. */
  children: ReactNode | null;
};

export function PeriodFigures({ values, errors, reset, children }: Props) {
  return (
    <>
      <FilterForm
        label="选择统计期间"
        idPrefix="filter"
        values={values}
        errors={errors}
        submit="统计"
        reset={{ href: reset, label: "恢复默认（今年）" }}
      />
      {children ?? (
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold">
          日期有误：{Object.values(errors).join(" ")}请更正后再点“统计”。
        </p>
      )}
    </>
  );
}
