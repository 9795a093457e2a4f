// Weekday × hour grid: darker is busier, and every busy cell also shows its number.

export type HeatMapData = { hours: number[]; rows: { label: string; cells: number[] }[]; max: number };

// Five steps; text is dark on the light ones and white on the dark ones, both well over 4.5:1.
const LEVELS = [
  { fill: "#ffffff", text: "#111827" },
  { fill: "#d5eae2", text: "#111827" },
  { fill: "#9fcbbb", text: "#111827" },
  { fill: "#2f6f5d", text: "#ffffff" },
  { fill: "#0b4637", text: "#ffffff" },
];

function levelOf(count: number, max: number) {
  if (count <= 0 || max <= 0) return LEVELS[0];
  return LEVELS[Math.min(4, 1 + Math.floor((count / max) * 3.999))];
}

export function HeatMap({ data }: { data: HeatMapData }) {
  const template = { gridTemplateColumns: `2.5rem repeat(${data.hours.length}, minmax(0, 1fr))` };
  return (
    <div>
      <div className="grid gap-px text-center text-xs" style={template}>
        <span />
        {data.hours.map((h) => (
          <span key={h} className="tabular-nums">
            {String(h).padStart(2, "0")}
          </span>
        ))}
        {data.rows.map((row) => [
          <span key={row.label} className="text-left">
            {row.label.replace("星期", "周")}
          </span>,
          ...row.cells.map((count, i) => {
            const level = levelOf(count, data.max);
            return (
              <span
                key={`${row.label}-${data.hours[i]}`}
                className="flex h-7 items-center justify-center border border-gray-300 tabular-nums"
                style={{ background: level.fill, color: level.text }}
              >
                {count > 0 ? count : ""}
              </span>
            );
          }),
        ])}
      </div>
      <p className="mt-1 text-sm">颜色越深表示预约越多；格中数字为预约数，空格为 0。</p>
    </div>
  );
}
