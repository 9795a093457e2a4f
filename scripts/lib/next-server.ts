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

const SERVE = path.join(ROOT, "scripts/serve.ts");

/** The production server (`next start` behind scripts/serve.ts) on `port`, bound to `hostname` if given. */
export function runServer(
  { port, hostname }: { port: string; hostname?: string },
  env: Record<string, string>,
  stdio: "inherit" | "pipe" = "inherit",
): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", SERVE], {
    cwd: ROOT,
    stdio,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", PORT: port, HOSTNAME: hostname ?? "", ...env },
  });
}

const WORKER = path.join(ROOT, "scripts/worker.ts");

/** The text-message worker (scripts/worker.ts) beside the web server, on the same database. */
export function runWorker(env: Record<string, string>, stdio: "inherit" | "pipe" | "ignore" = "inherit"): ChildProcess {
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", WORKER], {
    cwd: ROOT,
    stdio,
    env: { ...process.env, ...env },
  });
}
