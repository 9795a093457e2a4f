import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Browsers cannot be downloaded here: npm test finds one (scripts/lib/browser.ts: CHROMIUM_PATH, the
// system's, or the one inside an npm package, whose libraries and fonts come in E2E_CHROMIUM_ENV).
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const chromiumEnv = JSON.parse(process.env.E2E_CHROMIUM_ENV || "{}") as Record<string, string>;
// The config is evaluated again in each worker; they inherit this variable, so all agree on one port.
process.env.E2E_PORT ??= String(41000 + Math.floor(Math.random() * 8000));
const port = Number(process.env.E2E_PORT);

function withoutFakeClock(env: NodeJS.ProcessEnv): Record<string, string> {
  const { LD_PRELOAD: _, ...rest } = env;
  return Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => e[1] !== undefined));
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON ? [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      // Chromium does not load under libfaketime (the clock matrix, scripts/lib/clock-matrix.ts): it is
      // started without it, and e2e/support/clock.ts sets the page's clock with Playwright's instead.
      env: { ...withoutFakeClock(process.env), ...chromiumEnv },
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // A cheap Android phone: 360 × 640.
    { name: "phone", use: { ...devices["Pixel 5"], viewport: { width: 360, height: 640 }, browserName: "chromium" } },
  ],
  webServer: {
    command: `npx tsx scripts/e2e-server.ts ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
