// Horizontal bars, each with its label and value written out, so the length is only a second cue.

export type Bar = {
  label: string;
  value: number /** The text shown, e.g. "12（30%）". */;
  text: string /** Where a target line sits, in value units. */;
  target?: number;
};

export function BarList({ bars, max }: { bars: Bar[]; max?: number }) {
  const top = Math.max(max ?? 0, ...bars.map((b) => Math.max(b.value, b.target ?? 0)), 1);
  return (
    <ul className="space-y-2">
      {bars.map((b) => (
        <li key={b.label} className="grid grid-cols-[minmax(0,7rem)_1fr] items-center gap-2 sm:grid-cols-[minmax(0,12rem)_1fr]">
          <span className="truncate" title={b.label}>
            {b.label}
          </span>
          <span className="flex items-center gap-2">
            <span className="relative h-5 flex-1 rounded-sm border border-gray-500 bg-white">
              <span className="absolute inset-y-0 left-0 bg-brand-700" style={{ width: `${(b.value / top) * 100}%` }} />
              {b.target !== undefined && (
                <span className="absolute -inset-y-1 w-0.5 bg-gray-900" style={{ left: `${(b.target / top) * 100}%` }} />
              )}
            </span>
            <span className="min-w-16 text-right tabular-nums">{b.text}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
