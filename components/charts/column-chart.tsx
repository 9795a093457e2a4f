// Stacked columns over time, two series: solid for the first, hatched for the second, with a legend,
// so the series differ by pattern and not by colour alone.

export type ColumnDatum = { label: string; a: number; b: number };

const HATCH = "repeating-linear-gradient(45deg, #0f5a46 0 2px, #ffffff 2px 6px)";

export function ColumnChart({ data, seriesA, seriesB }: { data: ColumnDatum[]; seriesA: string; seriesB: string }) {
  const max = Math.max(1, ...data.map((d) => d.a + d.b));
  const every = Math.max(1, Math.ceil(data.length / 6));
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap gap-4 text-sm">
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-4 w-4 border border-gray-700 bg-brand-700" /> {seriesA}
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-4 w-4 border border-gray-700" style={{ background: HATCH }} /> {seriesB}
        </span>
        <span>最高一周 {max} 人次</span>
      </p>
      <div className="flex h-40 items-end gap-px border-b-2 border-l-2 border-gray-700 px-1">
        {data.map((d) => (
          <div
            key={d.label}
            className="flex h-full flex-1 flex-col justify-end"
            title={`${d.label}：${seriesA} ${d.a}，${seriesB} ${d.b}`}
          >
            <div
              className="border border-gray-700 border-b-0"
              style={{ height: `${(d.b / max) * 100}%`, background: HATCH, display: d.b ? undefined : "none" }}
            />
            <div className="bg-brand-700" style={{ height: `${(d.a / max) * 100}%` }} />
          </div>
        ))}
      </div>
      <div className="flex gap-px px-1 text-xs">
        {data.map((d, i) => (
          <span key={d.label} className="flex-1 overflow-visible whitespace-nowrap">
            {i % every === 0 ? d.label : ""}
          </span>
        ))}
      </div>
    </div>
  );
}
