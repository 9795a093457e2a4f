// The clock matrix (scripts/lib/clock-matrix.ts) runs the time-sensitive specs with every process —
// Playwright's runner, the web server, the worker, PostgreSQL and Chromium — under libfaketime,
// which reads its offset from E2E_CLOCK_FILE. Specs that import `test` from here have that clock
// set back to E2E_CLOCK_AT before each test, so each test starts at the moment named (00:05,
// 23:58 …) instead of drifting past midnight while the earlier tests ran. Outside the matrix the
// fixture does nothing and the clock is the machine's.
import { readFileSync, writeFileSync } from "node:fs";
import { test as base } from "@playwright/test";
import { withE2eDatabase } from "./database";

export { expect } from "@playwright/test";

const file = process.env.E2E_CLOCK_FILE;
const at = process.env.E2E_CLOCK_AT ? Date.parse(process.env.E2E_CLOCK_AT) : null;

/** How often libfaketime re-reads the file (FAKETIME_CACHE_DURATION in the matrix), in ms. */
const REREAD_MS = 1_100;

/**
 * Sets every process's clock back to E2E_CLOCK_AT. The fixture below calls it before each test;
 * a spec whose `beforeAll` reads the clock calls it there first.
 */
export async function pinClock(): Promise<void> {
  if (!file || at === null) return;
  // This process runs under libfaketime too: its Date.now() is the real clock plus the file's offset.
  const offset = Number(readFileSync(file, "utf8").trim());
  const real = Date.now() - offset * 1000;
  const next = Math.round((at - real) / 1000);
  writeFileSync(file, `${next >= 0 ? "+" : ""}${next}\n`);
  await new Promise((resolve) => setTimeout(resolve, REREAD_MS));
  // The matrix proves nothing if the database (or this runner) kept the real clock: say so at once.
  const { rows } = await withE2eDatabase((db) => db.query<{ now: Date }>("SELECT now() AS now"));
  for (const [who, clock] of [
    ["PostgreSQL", rows[0].now.getTime()],
    ["the test runner", Date.now()],
  ] as const) {
    if (Math.abs(clock - at) > 60_000) {
      throw new Error(
        `${who}'s clock reads ${new Date(clock).toISOString()}, not ${process.env.E2E_CLOCK_AT}: is libfaketime loaded?`,
      );
    }
  }
}

export const test = base.extend<{ pinnedClock: undefined }>({
  pinnedClock: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixtures take their dependencies as a destructured object.
    async ({}, use) => {
      await pinClock();
      await use(undefined);
    },
    { auto: true },
  ],
  // Chromium runs without libfaketime: its pages get the moment from Playwright's clock, which lets time flow on.
  page: async ({ page }, use) => {
    if (at !== null) await page.clock.setSystemTime(Date.now());
    await use(page);
  },
});
