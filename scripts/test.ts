// npm test: type check, lint and format check, the layering check (scripts/lib/structure.ts), unit + integration tests (vitest, on a
// throwaway PostgreSQL), then end-to-end tests (Playwright in Chromium against `next start`), then the
// time-sensitive specs again at fixed moments under libfaketime (scripts/lib/clock-matrix.ts).
// Ends with one line counting passed and failed tests across both runners.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findChromium } from "./lib/browser.ts";
import { buildIsStale } from "./lib/build.ts";
import { CLOCK_MOMENTS, CLOCK_SPECS, clockEnvironment, findLibfaketime } from "./lib/clock-matrix.ts";
import { freePort } from "./lib/embedded-db.ts";
import { ROOT } from "./lib/migrations.ts";
import { nextBuild } from "./lib/next-server.ts";

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
// Anything else (spec files, --grep …) goes to Playwright: `npm run test:e2e -- e2e/auth.spec.ts`.
const playwrightArgs = args.filter((a, i) => a !== "--only" && args[i - 1] !== "--only");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const reports = mkdtempSync(path.join(os.tmpdir(), "muzhou-test-"));
const failures: string[] = [];
let passed = 0;
let failed = 0;

function step(name: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) failures.push(name);
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

// The end-to-end tests drive the machine's Chromium, or the one inside an npm package when the
// machine has none (scripts/lib/browser.ts): nothing is downloaded, and nothing need be installed.
if (!only || only === "e2e") {
  const chromium = await findChromium();
  console.log(`End-to-end tests in ${chromium.source}.`);
  process.env.CHROMIUM_PATH = chromium.executablePath;
  process.env.E2E_CHROMIUM_ENV = JSON.stringify(chromium.env);
}

function countPlaywright(file: string) {
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(file);
  if (report) {
    passed += report.stats.expected;
    failed += report.stats.unexpected + report.stats.flaky;
  }
}

/** The time-sensitive specs again at each of CLOCK_MOMENTS (scripts/lib/clock-matrix.ts). */
async function runClockMatrix() {
  const library = findLibfaketime();
  if (!library) {
    console.error(
      "\n▶ clock matrix\nThe clock matrix needs Debian's libfaketime, and it is not installed. Run:\n\n  sudo apt-get install -y faketime\n",
    );
    failures.push("clock matrix");
    return;
  }
  for (const [i, moment] of CLOCK_MOMENTS.entries()) {
    const file = path.join(reports, `clock-${i}.json`);
    const clock = clockEnvironment(library, moment.at);
    // A port free now: the last run's server may still be letting go of its own.
    step(`clock matrix: ${moment.why} (${moment.at})`, bin("playwright"), ["test", ...CLOCK_SPECS], {
      ...clock,
      PLAYWRIGHT_JSON: file,
      E2E_PORT: String(await freePort()),
    });
    rmSync(path.dirname(clock.E2E_CLOCK_FILE), { recursive: true, force: true });
    countPlaywright(file);
  }
}

if (!only || only === "static") {
  step("type check", bin("tsc"), ["--noEmit"]);
  step("lint and format check", bin("biome"), ["check", "."]);
  step("layering check", bin("tsx"), ["scripts/check-structure.ts"]);
  step("OpenAPI lint (Redocly, recommended rules)", bin("tsx"), ["scripts/lint-openapi.ts"]);
}

if (!only || only === "unit") {
  const file = path.join(reports, "vitest.json");
  step("unit and integration tests", bin("vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numFailedTestSuites: number }>(file);
  if (report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  // The report decides too, not only the exit code: a failing test or file is a failed step.
  if (
    (!report || report.numFailedTests > 0 || report.numFailedTestSuites > 0) &&
    !failures.includes("unit and integration tests")
  ) {
    failures.push("unit and integration tests");
  }
}

if (!only || only === "e2e") {
  if (buildIsStale()) {
    console.log("\n▶ build (for the end-to-end tests)");
    await nextBuild().catch(() => failures.push("build"));
  }
  if (!failures.includes("build")) {
    const file = path.join(reports, "playwright.json");
    step("end-to-end tests", bin("playwright"), ["test", ...playwrightArgs], {
      PLAYWRIGHT_JSON: file,
      E2E_PORT: String(await freePort()),
    });
    countPlaywright(file);
  }
  // The clock matrix, on a whole run only (not when a spec or --grep was asked for).
  if (!failures.includes("build") && playwrightArgs.length === 0) await runClockMatrix();
}

rmSync(reports, { recursive: true, force: true });
console.log(failures.length ? `\nFailed steps: ${failures.join(", ")}` : "\nAll steps passed.");
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
