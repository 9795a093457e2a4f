// The settings: one schema (lib/env.ts with lib/sms/config.ts's section) that every entry point
// checks at start-up, and .env.example, where an operator learns them, tested against it both ways
// so the two cannot drift.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { baseSettingsSchema, settings } from "../lib/env.ts";
import { smsSettingsSchema } from "../lib/sms/schema.ts";
import { readOrCreateSecret } from "./lib/embedded-db.ts";
import { ROOT } from "./lib/migrations.ts";
import { checkSettings, EXIT_CONFIG } from "./lib/settings.ts";

/** Read by the test harness and the benchmark only, or set by Node and Next.js themselves. */
const NOT_SETTINGS = new Set(["CI", "PGBENCH_PATH", "TMPDIR"]);
const HARNESS = /^(E2E_|PLAYWRIGHT_|VITEST_|BENCH_)/;
const SHAPE: Record<string, { safeParse: (v: unknown) => { success: boolean } }> = {
  ...baseSettingsSchema.shape,
  ...smsSettingsSchema.shape,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (["node_modules", ".next", "generated", "fixtures", ".data"].includes(name)) return [];
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [file] : [];
  });
}

/** `# NAME=value` lines of .env.example: the name and the example value ("" when none). */
function listed(): Map<string, string> {
  const text = readFileSync(path.join(ROOT, ".env.example"), "utf8");
  return new Map([...text.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2].trim()]));
}

describe("the settings schema", () => {
  it("accepts nothing at all: npm start on one machine needs no setting", () => {
    expect(checkSettings({})).toEqual([]);
    expect(settings({})).toMatchObject({ PORT: 3000, TRUSTED_PROXY_HOPS: 0, RATE_LIMIT_FACTOR: 1, LOG_LEVEL: "info" });
  });

  it("refuses a wrong value with a sentence naming the variable and an example, never silently a default", () => {
    expect(checkSettings({ TRUSTED_PROXY_HOPS: "abc" })).toEqual([
      'TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, such as TRUSTED_PROXY_HOPS=1; it is "abc".',
    ]);
    expect(checkSettings({ PORT: "80a" })).toEqual([
      'PORT must be a whole number from 1 to 65535, such as PORT=3000; it is "80a".',
    ]);
    expect(checkSettings({ PORT: "70000" })[0]).toMatch(/^PORT must be/);
    expect(checkSettings({ RATE_LIMIT_FACTOR: "0" })[0]).toMatch(/^RATE_LIMIT_FACTOR must be/);
    expect(checkSettings({ LOG_LEVEL: "verbose" })[0]).toMatch(/^LOG_LEVEL must be one of .*LOG_LEVEL=info/);
    expect(checkSettings({ SMS_QUIET_HOURS: "9pm-8am" })).toEqual([
      "SMS_QUIET_HOURS must be two times of day such as 21:00-08:00 (the same time twice: no quiet hours).",
    ]);
    expect(checkSettings({ PUBLIC_BASE_URL: "fw.example.gov.cn" })).toEqual([
      "PUBLIC_BASE_URL must be the site's address with http:// or https://, such as https://fw.example.gov.cn.",
    ]);
    expect(checkSettings({ SMS_GATEWAY: "twilio" })).toEqual(['SMS_GATEWAY must be outbox, aliyun or tencent, not "twilio".']);
  });

  it("refuses another database's URL before trying to connect, without repeating its password", () => {
    const problems = checkSettings({ DATABASE_URL: "mysql://root:s3cret@db:3306/muzhou" });
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_URL must be a PostgreSQL connection string, such as postgresql:\/\//),
    ]);
    expect(problems.join()).not.toContain("s3cret");
    expect(checkSettings({ DATABASE_URL: "postgresql://muzhou:pw@127.0.0.1:5432/muzhou" })).toEqual([]);
    expect(checkSettings({ DATABASE_URL: "postgres://u@db/muzhou" })).toEqual([]);
  });

  it("refuses secrets too short to protect anything, without repeating them", () => {
    const problems = checkSettings({ NEXTAUTH_SECRET: "changeme", METRICS_TOKEN: "token" });
    expect(problems).toHaveLength(2);
    expect(problems.join()).not.toMatch(/changeme|"token"/);
  });

  it("accepts the secret npm start generates when none is set", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "secret-"));
    try {
      const secret = await readOrCreateSecret(path.join(dir, "auth-secret"));
      expect(checkSettings({ NEXTAUTH_SECRET: secret })).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives every problem at once, from both sections", () => {
    expect(checkSettings({ PORT: "x", SMS_GATEWAY: "aliyun", SMS_QUIET_HOURS: "x" }).length).toBeGreaterThan(3);
  });
});

describe(".env.example", () => {
  it("lists every setting of the schema, and nothing that is not one", () => {
    const names = listed();
    const schema = Object.keys(SHAPE).filter((name) => name !== "NODE_ENV");
    expect(schema.filter((name) => !names.has(name))).toEqual([]);
    expect([...names.keys()].filter((name) => !(name in SHAPE))).toEqual([]);
  });

  it("gives examples the schema accepts", () => {
    for (const [name, value] of listed()) {
      if (value) expect(SHAPE[name].safeParse(value).success, `${name}=${value}`).toBe(true);
    }
  });

  it("covers every variable the app, the worker and the scripts read: none is read outside the schema", () => {
    const read = new Set<string>();
    const files = [...["app", "lib", "scripts", "prisma", "components"].flatMap((d) => sources(path.join(ROOT, d)))];
    for (const extra of ["proxy.ts", "instrumentation.ts", "next.config.ts"]) files.push(path.join(ROOT, extra));
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)) read.add(match[1]);
    }
    const outside = [...read].filter((name) => !NOT_SETTINGS.has(name) && !HARNESS.test(name) && !(name in SHAPE));
    expect(outside).toEqual([]);
  });
});

describe("an entry point with a wrong setting", () => {
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");

  it("stops before serving, names the variable, and exits with EX_CONFIG", () => {
    for (const script of ["scripts/serve.ts", "scripts/worker.ts", "scripts/start.ts", "scripts/db-migrate.ts"]) {
      const run = spawnSync(tsx, ["--conditions=react-server", script], {
        cwd: ROOT,
        env: { ...process.env, TRUSTED_PROXY_HOPS: "abc", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(run.status, `${script}: ${run.stderr}`).toBe(EXIT_CONFIG);
      expect(run.stderr).toContain(
        'TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, such as TRUSTED_PROXY_HOPS=1; it is "abc".',
      );
    }
  });

  it("reads .env in the project's root, where the environment does not already say otherwise", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "settings-"));
    try {
      writeFileSync(path.join(dir, ".env"), "PORT=abc\nLOG_LEVEL=loud\n");
      const script = `import { loadSettings } from ${JSON.stringify(path.join(ROOT, "scripts/lib/settings.ts"))}; loadSettings(${JSON.stringify(dir)}); console.log("fine");`;
      const run = (env: Record<string, string>) =>
        spawnSync(tsx, ["--eval", script], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });
      const fromFile = run({});
      expect(fromFile.status).toBe(EXIT_CONFIG);
      expect(fromFile.stderr).toContain('PORT must be a whole number from 1 to 65535, such as PORT=3000; it is "abc".');
      expect(fromFile.stderr).toContain("LOG_LEVEL must be one of");
      const overridden = run({ PORT: "3100", LOG_LEVEL: "warn" });
      expect(overridden.stderr).toBe("");
      expect(overridden.stdout.trim()).toBe("fine");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
