// The clock matrix: the specs whose pages and tests depend on the hour and the date run again with
// every process's clock (Playwright's runner, the web server, the worker, PostgreSQL, Chromium) set
// to moments that have broken pages and tests before: just after midnight, just before the day's
// first duty, late in the evening, two minutes to midnight; on a month's last day and on the eve
// of a public holiday. Debian's libfaketime sets the clock; e2e/support/clock.ts sets it back to the
// moment before each test. Fixed dates, so a failure is repeatable on any day.
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const CLOCK_MOMENTS = [
  { at: "2027-01-31T00:05:00+08:00", why: "00:05 on a month's last day (a Sunday)" },
  { at: "2027-03-31T07:55:00+08:00", why: "07:55 on a month's last day, before the day's first duty" },
  { at: "2027-04-30T21:30:00+08:00", why: "21:30 on the eve of 劳动节, a month's last day" },
  { at: "2026-12-31T23:58:00+08:00", why: "23:58 on the eve of 元旦, the year's last day" },
] as const;

/** The specs that build times from the clock or show today; each imports `test` from e2e/support/clock.ts. */
export const CLOCK_SPECS = [
  "e2e/attendance.spec.ts",
  "e2e/lawyer-work.spec.ts",
  "e2e/staff-rota.spec.ts",
  "e2e/staff-insights.spec.ts",
];

const LIBRARIES = [
  "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1",
  "/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1",
];

export function findLibfaketime(): string | null {
  return LIBRARIES.find((file) => existsSync(file)) ?? null;
}

/** The environment that puts a Playwright run (and everything it starts) at `at`. */
export function clockEnvironment(library: string, at: string, now = Date.now()): Record<string, string> {
  // Readable by all: PostgreSQL runs as its own user when the tests run as root.
  const dir = mkdtempSync(path.join(os.tmpdir(), "muzhou-clock-"));
  chmodSync(dir, 0o755);
  const file = path.join(dir, "faketime");
  const offset = Math.round((Date.parse(at) - now) / 1000);
  writeFileSync(file, `${offset >= 0 ? "+" : ""}${offset}\n`, { mode: 0o644 });
  return {
    LD_PRELOAD: library,
    FAKETIME_TIMESTAMP_FILE: file,
    // Re-read each second, so a test starts at the moment the fixture set.
    FAKETIME_CACHE_DURATION: "1",
    // Timers and time-outs keep the real pace; only the wall clock moves.
    FAKETIME_DONT_FAKE_MONOTONIC: "1",
    E2E_CLOCK_FILE: file,
    E2E_CLOCK_AT: at,
  };
}
