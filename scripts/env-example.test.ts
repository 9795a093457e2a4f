// .env.example is where an operator learns the settings (README, docs/operations.md): every
// variable the app, its worker and its scripts read is listed there, so the two cannot drift.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./lib/migrations.ts";

/** Read by the test harness and the benchmark only, or set by Node and Next.js themselves. */
const NOT_SETTINGS = new Set(["NODE_ENV", "CI", "PGBENCH_PATH"]);
const HARNESS = /^(E2E_|PLAYWRIGHT_|VITEST_|BENCH_)/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (["node_modules", ".next", "generated", "fixtures", ".data"].includes(name)) return [];
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [file] : [];
  });
}

describe(".env.example", () => {
  it("lists every variable the app, the worker and the scripts read", () => {
    const read = new Set<string>();
    const files = [...["app", "lib", "scripts", "prisma", "components"].flatMap((d) => sources(path.join(ROOT, d)))];
    for (const extra of ["proxy.ts", "instrumentation.ts", "next.config.ts"]) files.push(path.join(ROOT, extra));
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)) read.add(match[1]);
    }
    // The SMS settings are read through one schema, by name.
    const sms = readFileSync(path.join(ROOT, "lib/sms/config.ts"), "utf8");
    for (const match of sms.matchAll(/^\s+([A-Z][A-Z0-9_]+): /gm)) read.add(match[1]);
    const listed = new Set(
      [...readFileSync(path.join(ROOT, ".env.example"), "utf8").matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]),
    );
    const settings = [...read].filter((name) => !NOT_SETTINGS.has(name) && !HARNESS.test(name)).sort();
    expect(settings.length).toBeGreaterThan(15);
    expect(settings.filter((name) => !listed.has(name))).toEqual([]);
  });
});
