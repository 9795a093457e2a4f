import Link from "next/link";

/**
 * The staff warning for years whose State Council notice is not in the system yet: only 元旦, 劳动节 and 国庆节
 * are closed then, so the other festivals and 调休 must be set by hand. Nothing when every year is published.
 * `onHolidaysPage` points to the overrides further down instead of to the holidays page.
 */
export function UnpublishedHolidaysNotice({ years, onHolidaysPage = false }: { years: number[]; onHolidaysPage?: boolean }) {
  if (years.length === 0) return null;
  return (
    <p role="status" className="rounded-lg border-2 border-amber-700 bg-amber-50 p-3 font-semibold">
      {years.join("、")} 年放假安排尚未公布，请在公布后核对。在此之前，春节、清明、端午、中秋的放假和调休上班日请在
      <Link
        href={onHolidaysPage ? "#overrides-heading" : "/staff/holidays#overrides-heading"}
        className="text-brand-800 underline underline-offset-4"
      >
        {onHolidaysPage ? "下面的“本镇调整”" : "“节假日安排”页面"}
      </Link>
      逐日设置。
    </p>
  );
}
