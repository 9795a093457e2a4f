// Reading the figures `npm run bench` reports (scripts/bench.ts): pure functions, so that what the
// bench says is tested apart from the minutes it takes to measure.

/** The value at percentile `p` (0–100) of an ascending list; NaN for an empty one. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The median of a list, in any order; NaN for an empty one. */
export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * The scripts a modern browser loads from a page's HTML: every `<script src>` but the noModule
 * polyfills, each once, in the page's order.
 */
export function modernScripts(html: string): string[] {
  const sources = [...html.matchAll(/<script\b([^>]*)>/gi)]
    .filter((m) => !/\bnoModule\b/i.test(m[1]))
    .flatMap((m) => /\bsrc="([^"]+)"/i.exec(m[1])?.[1] ?? []);
  return [...new Set(sources)];
}

export type PgbenchFigures = { tps: number; processed: number; failed: number };

/** pgbench's summary (PostgreSQL 15's wording); null when it has no rate, e.g. after an error. */
export function pgbenchFigures(output: string): PgbenchFigures | null {
  const tps = /^tps = ([\d.]+)/m.exec(output)?.[1];
  const processed = /actually processed: (\d+)/.exec(output)?.[1];
  if (!tps || !processed) return null;
  return {
    tps: Number(tps),
    processed: Number(processed),
    failed: Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? "0"),
  };
}

export type LighthouseFigures = { score: number; lcp: number } | { error: string };

/** A Lighthouse JSON report's performance score (0–100) and LCP (ms), or why it has none. */
export function lighthouseFigures(report: unknown): LighthouseFigures {
  const r = report as {
    categories?: { performance?: { score?: unknown } };
    audits?: Record<string, { numericValue?: unknown }>;
    runtimeError?: { message?: string };
  };
  const score = r.categories?.performance?.score;
  const lcp = r.audits?.["largest-contentful-paint"]?.numericValue;
  if (typeof score !== "number" || typeof lcp !== "number")
    return { error: r.runtimeError?.message ?? "no performance score in the report" };
  return { score: Math.round(score * 100), lcp };
}
