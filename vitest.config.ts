import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests import server modules directly.
      "server-only": path.resolve(import.meta.dirname, "scripts/lib/empty-module.ts"),
    },
  },
  test: {
    // VITEST_ONLY runs one file outside the suite (scripts/test-command.test.ts runs a failing fixture).
    include: process.env.VITEST_ONLY ? [process.env.VITEST_ONLY] : ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**", "scripts/fixtures/bench-bare/**"],
    // A zone far from China on purpose: code that forgets Asia/Shanghai gets the wrong answers here.
    env: { TZ: "America/Los_Angeles" },
    globalSetup: ["scripts/lib/vitest-global-setup.ts"],
    setupFiles: ["scripts/lib/vitest-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
