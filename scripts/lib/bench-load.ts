// What the benches share (scripts/bench.ts, scripts/bench-scale.ts): a load generator on loopback,
// its figures, waiting for a server, a child's last output, and the bare Next.js fixture's build
// (scripts/fixtures/bench-bare, built with the project's own `next`).
import type { ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { percentile } from "./bench-figures.ts";
import { ROOT } from "./migrations.ts";
import { runNext } from "./next-server.ts";

export const BARE_DIR = path.join(ROOT, "scripts/fixtures/bench-bare");

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(url: string, what: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await sleep(500);
  }
  throw new Error(`${what} did not answer within a minute`);
}

export type Load = { latencies: number[]; ok: number; elapsed: number };

/** Runs `task` on `connections` workers until `seconds` pass or `limit` tasks are done. */
export async function load(
  task: (i: number) => Promise<boolean>,
  { seconds, limit, connections = 20, first = 0 }: { seconds: number; limit: number; connections?: number; first?: number },
): Promise<Load> {
  const latencies: number[] = [];
  let next = first;
  let ok = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline && next < first + limit) {
        const i = next++;
        const t = performance.now();
        if (await task(i)) ok++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, ok, elapsed: (performance.now() - started) / 1000 };
}

export function merge(...loads: Load[]): Load {
  return {
    latencies: loads.flatMap((l) => l.latencies),
    ok: loads.reduce((n, l) => n + l.ok, 0),
    elapsed: loads.reduce((n, l) => n + l.elapsed, 0),
  };
}

export function summary(l: Load) {
  const sorted = [...l.latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    ok: l.ok,
    elapsed: l.elapsed,
    rate: sorted.length / l.elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
  };
}

/** GET `url` and read the whole answer, as a browser or client would. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<boolean> {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  return response.ok;
}

/** A child process's last few KB of output, for the error when it fails. */
export function tail(child: ChildProcess): () => string {
  let text = "";
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => text;
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((n, entry) => Math.max(n, newestMtime(path.join(target, entry))), stat.mtimeMs);
}

/** Builds the bare fixture with the project's own `next` when its build is older than it or than `next`. */
export async function buildBare() {
  const built = path.join(BARE_DIR, ".next/BUILD_ID");
  const sources = [
    path.join(BARE_DIR, "app"),
    path.join(BARE_DIR, "next.config.mjs"),
    path.join(ROOT, "node_modules/next/package.json"),
  ];
  if (existsSync(built) && sources.every((s) => newestMtime(s) < statSync(built).mtimeMs)) return;
  const child = runNext(["build", BARE_DIR], {}, "pipe");
  const output = tail(child);
  const code = await new Promise((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`next build of the bare fixture failed (exit ${code}):\n${output()}`);
}
