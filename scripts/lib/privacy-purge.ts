// The daily retention purge of npm start (lib/privacy, PIPL arts. 19 and 47): once at start, then
// every 24 hours. Each run is a short child process (scripts/privacy-purge.ts, under the
// react-server condition that lib/privacy needs), so whatever goes wrong in it is logged and the
// app carries on; the timer does not keep the process alive. Another server or a cron job purging
// at the same time is harmless: the advisory lock in anonymiseExpired lets one do the work.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./migrations.ts";

const SCRIPT = path.join(ROOT, "scripts/privacy-purge.ts");
const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts the schedule; returns a function that stops it. */
export function schedulePrivacyPurge(env: Record<string, string>, intervalMs = DAY_MS): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    const done = (problem?: string) => {
      running = false;
      if (problem) console.error(`Privacy purge ${problem}; it runs again in 24 hours (or run npm run privacy:purge).`);
    };
    try {
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", SCRIPT], {
        cwd: ROOT,
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, ...env },
      });
      child.on("error", (error) => done(`could not start: ${error.message}`));
      child.on("exit", (code, signal) => done(code === 0 ? undefined : `failed (${signal ?? `exit ${code}`})`));
      child.unref();
    } catch (error) {
      done(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
