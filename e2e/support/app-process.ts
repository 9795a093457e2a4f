// Specs that start the app themselves (`npm start`, `npm run serve`) as an operator would, on the
// e2e server's database as an existing PostgreSQL, on a port of their own, and wait until it answers.
import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "@playwright/test";
import { freePort } from "../../scripts/lib/embedded-db";
import { e2eDatabaseUrlFile } from "./database";

export async function startApp(
  args: string[],
  { env = {}, stdio = "ignore" }: { env?: Record<string, string>; stdio?: StdioOptions } = {},
): Promise<{ app: ChildProcess; port: number; base: string }> {
  const port = await freePort();
  const app = spawn("npm", args, {
    env: {
      ...process.env,
      DATABASE_URL: readFileSync(e2eDatabaseUrlFile(process.env.E2E_PORT as string), "utf8").trim(),
      PORT: String(port),
      NEXTAUTH_SECRET: randomBytes(24).toString("base64url"),
      ...env,
    },
    stdio,
  });
  const base = `http://127.0.0.1:${port}`;
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000, intervals: [500] })
    .toBe(200);
  return { app, port, base };
}

/**
 * A second production web server (`scripts/run.mjs serve`, as `npm run serve` runs it) on a port of
 * its own, on `databaseUrl`, answering once ready. The caller stops it (SIGTERM).
 */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ server: ChildProcess; base: string }> {
  const port = await freePort();
  const server = spawn(process.execPath, ["scripts/run.mjs", "serve"], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(24).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      ...env,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  await expect
    .poll(async () => (await fetch(`${base}/api/health/ready`).catch(() => null))?.status ?? 0, {
      timeout: 60_000,
      intervals: [500],
    })
    .toBe(200);
  return { server, base };
}
