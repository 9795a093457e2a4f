// Runs the Next.js CLI (build, dev) or the production server (scripts/serve.ts) as a child process
// with the database's URL.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./migrations.ts";

const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

export function runNext(args: string[], env: Record<string, string>, stdio: "inherit" | "pipe" = "inherit"): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd: ROOT,
    stdio,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
}

export function nextBuild(env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = runNext(["build"], env);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
  });
}

/** Runs the compiled server or worker (scripts/run.mjs: esbuild's bundle under plain Node, no TypeScript loader). */
const RUN = path.join(ROOT, "scripts/run.mjs");

/** The production server (`next start` behind scripts/serve.ts) on `port`, bound to `hostname` if given. */
export function runServer(
  { port, hostname }: { port: string; hostname?: string },
  env: Record<string, string>,
  stdio: "inherit" | "pipe" = "inherit",
): ChildProcess {
  return spawn(process.execPath, [RUN, "serve"], {
    cwd: ROOT,
    stdio,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", PORT: port, HOSTNAME: hostname ?? "", ...env },
  });
}

/** Migrations and seed (scripts/prepare.ts) in a process of their own; rejects when they fail. */
export function prepareDatabase(env: Record<string, string>, demo: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", RUN, "prepare", ...(demo ? ["--demo"] : [])], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error("The database could not be prepared (see above)."))));
  });
}

/** The text-message worker (scripts/worker.ts) beside the web server, on the same database. */
export function runWorker(env: Record<string, string>, stdio: "inherit" | "pipe" | "ignore" = "inherit"): ChildProcess {
  return spawn(process.execPath, ["--conditions=react-server", RUN, "worker"], {
    cwd: ROOT,
    stdio,
    env: { ...process.env, ...env },
  });
}
