// The staff lists (bookings, text messages): how many there are and which page, the table with its
// column headings, and the links to the pages before and after. Server-rendered: no JavaScript.
import Link from "next/link";
import type { ReactNode } from "react";

type Props = {
  /** "个预约", "条短信": what is counted, after the number. */
  unit: string;
  total: number;
  page: number;
  pageSize: number;
  /** The address of another page of the same list. */
  pageLink: (page: number) => string;
  /** Read out by screen readers before the table. */
  caption: string;
  columns: readonly string[];
  /** Tailwind's min-w class: the table scrolls sideways on a phone rather than squeezing its columns. */
  minWidth: string;
  /** The rows (tr elements). */
  children: ReactNode;
};

const pagerLink = "inline-flex min-h-11 items-center font-semibold text-brand-800 underline";

export function PagedTable({ unit, total, page, pageSize, pageLink, caption, columns, minWidth, children }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <p aria-live="polite">
        共 {total} {unit}
        {total > 0 ? `，第 ${page} / ${pages} 页` : ""}。
      </p>
      {total > 0 && (
        <div className="overflow-x-auto">
          <table className={`w-full ${minWidth} border-collapse text-left`}>
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                {columns.map((column) => (
                  <th key={column} scope="col" className="p-2">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="翻页" className="flex gap-3">
          {page > 1 && (
            <Link href={pageLink(page - 1)} className={pagerLink}>
              上一页
            </Link>
          )}
          {page < pages && (
            <Link href={pageLink(page + 1)} className={pagerLink}>
              下一页
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
