// A chart and the table of its numbers: the picture is for a glance, the table for reading,
// screen readers and print. Colour is never the only cue: bars carry their numbers as text.
import type { ReactNode } from "react";

export function ChartFigure({
  id,
  title,
  summary,
  chart,
  children,
}: {
  id: string;
  title: string;
  /** One sentence a screen reader hears instead of the picture. */
  summary: string;
  chart: ReactNode;
  /** The data table beneath the chart. */
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-xl border-2 border-gray-300 p-4 break-inside-avoid">
      <h2 id={`${id}-title`} className="text-xl font-bold">
        {title}
      </h2>
      <p>{summary}</p>
      <div role="img" aria-label={`${title}：${summary}`}>
        {chart}
      </div>
      {children}
    </section>
  );
}

export type Column = { label: string; numeric?: boolean };

/**
 * A plain table in a region that scrolls sideways on a narrow phone (and can be scrolled by keyboard).
 * On paper nothing scrolls: a smaller type and tighter cells fit an A4 page's width, each row's name
 * on one line (a venue's name two characters a line ran the year's report to three pages).
 */
export function DataTable({ caption, columns, rows }: { caption: string; columns: Column[]; rows: ReactNode[][] }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section className="overflow-x-auto print:overflow-visible" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-left print:text-[9pt]">
        <caption className="pb-1 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.label}
                scope="col"
                className={`border-b-2 border-gray-500 px-2 py-1 print:px-1 ${c.numeric ? "text-right" : ""}`}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-2 py-2">
                这段时间没有数据。
              </td>
            </tr>
          ) : (
            rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are static, in a fixed order.
              <tr key={i} className="border-b border-gray-300">
                {row.map((cell, j) =>
                  j === 0 ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                    <th key={j} scope="row" className="px-2 py-1 font-normal print:whitespace-nowrap print:px-1">
                      {cell}
                    </th>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                    <td key={j} className={`px-2 py-1 print:px-1 ${columns[j]?.numeric ? "text-right tabular-nums" : ""}`}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
