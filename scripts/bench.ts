// npm run bench — measures on seeded demo data, against the production build on loopback, each
// figure beside a baseline measured in the same run (these machines are noisy: compare ratios):
//   1. GET /api/v1/venues/station/slots and GET /venues/station, 20 connections, against a bare
//      Next.js route and page (scripts/fixtures/bench-bare, built with the project's own `next`)
//      answering the same bytes, loaded by the same load generator in turns (app, bare, bare, app);
//   2. the compressed JavaScript a first visit loads (home, venue page, booking form) against the
//      bare page's;
//   3. Lighthouse (mobile, performance) of the same pages and the bare page, in turns, with its
//      default simulated throttling and with throttling applied in the browser (see Throttling);
//   4. bookings created per second through POST /api/v1/bookings (20 concurrent) against pgbench
//      running the booking's own SQL (advisory locks, per-phone count, insert, in one transaction)
//      on the same database with 20 clients for the same time;
//   5. the text messages those bookings queued (in the booking's transaction) and the worker sent
//      through the outbox adapter beside the web server: enqueued and sent per second, and the
//      delay from the booking to "sent" (p50, p95);
//   6. the memory (resident set) of a web server and a worker as production runs them (compiled,
//      scripts/run.mjs), after the same warm-up, beside the same two run through tsx as before.
// `tsx scripts/bench.ts --pages` measures only 2 and 3, `--reads` only 1, `--memory` only 6; `--applied`
// runs Lighthouse with throttling applied in the browser only. Every loop is bounded in count and time,
// and only 127.0.0.1 is contacted.

import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { createPrismaClient } from "../lib/db-client.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
import {
  type LighthouseFigures,
  lighthouseFigures,
  median,
  modernScripts,
  percentile,
  pgbenchFigures,
} from "./lib/bench-figures.ts";
import { BARE_DIR, buildBare, get, load, merge, sleep, summary, tail, waitFor } from "./lib/bench-load.ts";
import { findChromium } from "./lib/browser.ts";
import { buildIsStale } from "./lib/build.ts";
import { freePort } from "./lib/embedded-db.ts";
import { ROOT } from "./lib/migrations.ts";
import { nextBuild, runNext, runServer, runWorker } from "./lib/next-server.ts";
import { createTestDatabase } from "./lib/test-database.ts";

const CONNECTIONS = 20;
/** Each read path is loaded this long in all, in two turns, and so is its baseline. */
const READ_SECONDS = 10;
const BOOKING_SECONDS = 30;
const LIGHTHOUSE_RUNS = 3;
/** Lighthouse stops starting runs after this long (each run is also killed after LIGHTHOUSE_RUN_MS). */
const LIGHTHOUSE_BUDGET_MS = 14 * 60_000;
const LIGHTHOUSE_RUN_MS = 120_000;
const PGBENCH = process.env.PGBENCH_PATH ?? "/usr/lib/postgresql/15/bin/pgbench";
/** The Chromium Lighthouse drives: the system's, or the npm package's (scripts/lib/browser.ts). */
const CHROMIUM = await findChromium();
const LIGHTHOUSE_CLI = path.join(ROOT, "node_modules/lighthouse/cli/index.js");

/** The same time twice: no quiet hours (lib/sms/quiet-hours.ts), so messages go at any hour of the run. */
const NO_QUIET_HOURS = { SMS_QUIET_HOURS: "00:00-00:00" };

const TARGET = { readShare: 0.7, bookingShare: 0.5, jsExtraKb: 10, lighthouseScore: 95, lcpExtraMs: 500 };

/** The app's path and the bare baseline's, each loaded READ_SECONDS in all, in turns: app, bare, bare, app. */
async function compareReads(appUrl: string, bareUrl: string) {
  const half = { seconds: READ_SECONDS / 2, limit: 100_000 };
  const a1 = await load(() => get(appUrl), half);
  const b1 = await load(() => get(bareUrl), half);
  const b2 = await load(() => get(bareUrl), half);
  const a2 = await load(() => get(appUrl), half);
  return { app: summary(merge(a1, a2)), bare: summary(merge(b1, b2)) };
}

type Db = ReturnType<typeof createPrismaClient>;

/**
 * The confirmations the bookings queued: how fast they were queued (with the bookings), how fast
 * the worker sent them, and each one's delay from the booking to "sent". The bench turns the quiet
 * hours off (NO_QUIET_HOURS), or from 21:00 to 08:00 in Shanghai every one would wait for 08:00.
 */
async function measureMessages(prisma: Db, bookingSeconds: number) {
  const queued = await prisma.notification.count();
  const confirmations = await prisma.notification.count({ where: { kind: "CONFIRMATION" } });
  const queuedText = `${queued} (${confirmations} confirmations and their reminders), ${(queued / bookingSeconds).toFixed(0)} per second`;
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    const left = await prisma.notification.count({ where: { kind: "CONFIRMATION", status: { in: ["QUEUED", "SENDING"] } } });
    if (left === 0) break;
    await sleep(250);
  }
  const sent = await prisma.notification.findMany({
    where: { kind: "CONFIRMATION", status: "SENT" },
    select: { createdAt: true, sentAt: true },
  });
  if (sent.length === 0) return { queued: queuedText, sent: "none sent within 2 minutes", delay: "—" };
  const delays = sent.map((m) => (m.sentAt as Date).getTime() - m.createdAt.getTime()).sort((a, b) => a - b);
  const first = Math.min(...sent.map((m) => m.createdAt.getTime()));
  const last = Math.max(...sent.map((m) => (m.sentAt as Date).getTime()));
  return {
    queued: queuedText,
    sent: `${sent.length} of ${confirmations} confirmations, ${((sent.length / (last - first)) * 1000).toFixed(0)} per second (first booking to last sent)`,
    delay: `p50 ${(percentile(delays, 50) / 1000).toFixed(2)} s, p95 ${(percentile(delays, 95) / 1000).toFixed(2)} s`,
  };
}

/** The scripts a modern browser loads on a first visit to `url` (the noModule polyfills skipped), gzip-compressed. */
async function firstLoadJs(base: string, url: string) {
  const html = await (await fetch(new URL(url, base))).text();
  const scripts = modernScripts(html);
  let gzipBytes = 0;
  for (const src of scripts) gzipBytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return { kb: gzipBytes / 1024, files: scripts.length };
}

/**
 * How Lighthouse slows the page down, both with its default mobile settings (150 ms, 1.6 Mbit/s,
 * CPU × 4). "simulate" (its default) loads the page at full speed and estimates the times from
 * that load: a request that ended before the observed paint counts as needed for it. On loopback
 * the scripts arrive before the stylesheet has been applied, so the estimate counts all of them
 * towards LCP, and by how many arrived in time it moves from run to run (the bare page too).
 * "devtools" really slows the network and CPU down in the browser and measures what it sees.
 */
type Throttling = "simulate" | "devtools";

/** One Lighthouse run (mobile, performance only) in its own process and Chromium, killed after LIGHTHOUSE_RUN_MS. */
function lighthouse(url: string, outFile: string, throttling: Throttling): Promise<LighthouseFigures> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        LIGHTHOUSE_CLI,
        url,
        "--only-categories=performance",
        "--output=json",
        `--output-path=${outFile}`,
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox",
        "--max-wait-for-load=45000",
        `--throttling-method=${throttling}`,
      ],
      { env: { ...process.env, ...CHROMIUM.env, CHROME_PATH: CHROMIUM.executablePath }, stdio: ["ignore", "pipe", "pipe"] },
    );
    const output = tail(child);
    const timer = setTimeout(() => child.kill("SIGKILL"), LIGHTHOUSE_RUN_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0 || !existsSync(outFile)) {
        resolve({ error: `exit ${code}: ${output().trim().split("\n").slice(-3).join(" ").slice(0, 300)}` });
        return;
      }
      resolve(lighthouseFigures(JSON.parse(readFileSync(outFile, "utf8"))));
    });
  });
}

const THROTTLING: Throttling[] = process.argv.includes("--applied") ? ["devtools"] : ["simulate", "devtools"];

type LighthouseResult = { score: number; lcp: number; runs: number } | { error: string };
type LighthouseResults = Record<Throttling, Record<string, LighthouseResult>>;

/** LIGHTHOUSE_RUNS runs of each page with each throttling, in turns; the median score and LCP of each. */
async function lighthousePages(pages: Record<string, string>, dir: string): Promise<LighthouseResults> {
  const methods = THROTTLING;
  const everyPage = (result: LighthouseResult) => Object.fromEntries(Object.keys(pages).map((k) => [k, result]));
  const unavailable = !existsSync(CHROMIUM.executablePath)
    ? `Chromium not found at ${CHROMIUM.executablePath}`
    : !existsSync(LIGHTHOUSE_CLI)
      ? "lighthouse is not installed (npm ci)"
      : null;
  if (unavailable) return { simulate: everyPage({ error: unavailable }), devtools: everyPage({ error: unavailable }) };
  const runs = Object.fromEntries(
    methods.map((m) => [m, Object.fromEntries(Object.keys(pages).map((k) => [k, [] as LighthouseFigures[]]))]),
  ) as Record<Throttling, Record<string, LighthouseFigures[]>>;
  const deadline = performance.now() + LIGHTHOUSE_BUDGET_MS;
  for (let round = 0; round < LIGHTHOUSE_RUNS && performance.now() < deadline; round++) {
    for (const method of methods) {
      for (const [name, url] of Object.entries(pages)) {
        if (performance.now() >= deadline) break;
        runs[method][name].push(await lighthouse(url, path.join(dir, `lighthouse-${method}-${name}-${round + 1}.json`), method));
      }
    }
  }
  const summarise = (list: LighthouseFigures[]): LighthouseResult => {
    const good = list.filter((r): r is { score: number; lcp: number } => "score" in r);
    if (good.length === 0) return { error: list.map((r) => ("error" in r ? r.error : "")).at(-1) ?? "no run" };
    return { score: median(good.map((r) => r.score)), lcp: median(good.map((r) => r.lcp)), runs: good.length };
  };
  return Object.fromEntries(
    methods.map((m) => [m, Object.fromEntries(Object.entries(runs[m]).map(([name, list]) => [name, summarise(list)]))]),
  ) as LighthouseResults;
}

/**
 * pgbench with the booking's own SQL, as lib/booking/mutations.ts runs it in one transaction: the
 * advisory lock on the phone number, the count of its upcoming bookings, the lawyer's shared lock
 * (lib/db.ts lockLawyers), the insert. Each
 * transaction takes its own phone and its own half hour far in the future (a per-client counter),
 * so no constraint refuses one; the rows are in the throwaway database only.
 */
async function pgbench(url: string, ids: { venue: string; lawyer: string; topic: string }, seconds: number, dir: string) {
  if (!existsSync(PGBENCH)) return { error: `pgbench not found at ${PGBENCH}` };
  const script = path.join(dir, "booking.sql");
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  writeFileSync(
    script,
    [
      "\\set n :n + 1",
      "\\set k :client_id * 10000000 + :n",
      "BEGIN;",
      "SELECT pg_advisory_xact_lock(hashtext('15' || lpad(:k::text, 9, '0')));",
      "SELECT count(*) FROM booking WHERE phone = '15' || lpad(:k::text, 9, '0') AND status IN ('CONFIRMED', 'CHECKED_IN') AND ends_at > now();",
      `SELECT pg_advisory_xact_lock_shared(1, hashtext(${quote(ids.lawyer)}));`,
      "INSERT INTO booking (id, code, venue_id, lawyer_id, starts_at, ends_at, name, phone, topic_id, channel, consent_at, updated_at)" +
        ` VALUES ('pgbench-' || :k, 'PGB' || :k, ${quote(ids.venue)}, ${quote(ids.lawyer)},` +
        " timestamptz '2200-01-01 00:00+08' + :k::int * interval '30 minutes', timestamptz '2200-01-01 00:30+08' + :k::int * interval '30 minutes'," +
        ` '压测', '15' || lpad(:k::text, 9, '0'), ${quote(ids.topic)}, 'ONLINE', now(), now()) RETURNING id, code, starts_at, ends_at, status;`,
      "COMMIT;",
      "",
    ].join("\n"),
  );
  const u = new URL(url);
  const args = ["-n", "-M", "extended", "-c", String(CONNECTIONS), "-j", "2", "-T", String(seconds), "-D", "n=0", "-f", script];
  const child = spawn(PGBENCH, args, {
    env: {
      ...process.env,
      PGHOST: u.hostname,
      PGPORT: u.port || "5432",
      PGUSER: decodeURIComponent(u.username),
      PGPASSWORD: decodeURIComponent(u.password),
      PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (c) => {
    out += c;
  });
  child.stderr.on("data", (c) => {
    out += c;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), (seconds + 60) * 1000);
  const code = await new Promise((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  const figures = pgbenchFigures(out);
  if (code !== 0 || !figures)
    return { error: `pgbench exit ${code}: ${out.trim().split("\n").slice(-3).join(" ").slice(0, 300)}` };
  return figures;
}

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const yes = (met: boolean) => (met ? "yes" : "**no**");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function readCell(s: ReturnType<typeof summary>) {
  return `${s.rate.toFixed(0)} req/s, p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (${s.count - s.ok} errors)`;
}

const MEMORY_WARM_UP = 400;
const RUN = path.join(ROOT, "scripts/run.mjs");

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024);
}

/**
 * A web server and a worker on the bench's database, started as production starts them (the
 * compiled bundles) or as it used to (tsx), warmed with the same requests, then their resident set.
 */
async function measureMemory(how: "compiled" | "tsx", env: Record<string, string>, paths: string[]) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const start = (role: "serve" | "worker") =>
    spawn(
      process.execPath,
      how === "compiled"
        ? [...(role === "worker" ? ["--conditions=react-server"] : []), RUN, role]
        : [...(role === "worker" ? ["--conditions=react-server"] : []), "--import", "tsx", `scripts/${role}.ts`],
      {
        cwd: ROOT,
        stdio: "ignore",
        env: {
          ...process.env,
          ...env,
          ...(role === "serve" ? { NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1" } : {}),
        },
      },
    );
  const server = start("serve");
  const worker = start("worker");
  try {
    await waitFor(`${base}/api/health`, `the ${how} server`);
    const targets = [...paths, "/api/v1/venues", "/api/v1/venues/station/slots", "/privacy", "/staff/sign-in"];
    for (let i = 0; i < MEMORY_WARM_UP; i += 4)
      await Promise.all([0, 1, 2, 3].map((k) => get(`${base}${targets[(i + k) % targets.length]}`)));
    await sleep(3000);
    const web = rssMb(server.pid);
    const work = rssMb(worker.pid);
    return { "web server": web, worker: work, together: web + work };
  } finally {
    for (const child of [server, worker]) {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
    }
  }
}

async function memoryRows(databaseUrl: string, paths: string[]): Promise<string[][]> {
  const env = { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: randomBytes(24).toString("base64url"), AUTH_TRUST_HOST: "true" };
  const compiled = await measureMemory("compiled", env, paths);
  const viaTsx = await measureMemory("tsx", env, paths);
  return (["web server", "worker", "together"] as const).map((role) => [
    `memory (RSS) after warm-up (${MEMORY_WARM_UP} page and API requests), ${role === "together" ? "web server + worker" : role}, compiled JavaScript as production runs it`,
    `${compiled[role]} MB`,
    `the same through tsx: ${viaTsx[role]} MB`,
    pct(compiled[role] / viaTsx[role]),
    "< tsx",
    yes(compiled[role] < viaTsx[role]),
  ]);
}

async function main() {
  if (process.argv.includes("--memory")) {
    // Only figure 6, on a seeded database of its own.
    if (buildIsStale()) await nextBuild();
    const database = await createTestDatabase("bench-memory");
    const prisma = createPrismaClient(database.url);
    try {
      await seedDatabase(prisma, { demo: true });
      console.log("| measure | app | baseline | ratio | target | met? |\n| --- | --- | --- | --- | --- | --- |");
      for (const row of await memoryRows(database.url, ["/", "/venues/station"])) console.log(`| ${row.join(" | ")} |`);
    } finally {
      await prisma.$disconnect();
      await database.drop();
    }
    return;
  }
  const pagesOnly = process.argv.includes("--pages");
  const readsOnly = process.argv.includes("--reads");
  if (buildIsStale()) await nextBuild();
  await buildBare();
  const work = mkdtempSync(path.join(os.tmpdir(), "bench-"));
  const database = await createTestDatabase("bench");
  const prisma = createPrismaClient(database.url);
  await seedDatabase(prisma, { demo: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = runServer(
    { port: String(port), hostname: "127.0.0.1" },
    {
      DATABASE_URL: database.url,
      // The benchmark books thousands of times from one address.
      RATE_LIMIT_FACTOR: "100000",
      ...NO_QUIET_HOURS,
      NEXTAUTH_SECRET: randomBytes(24).toString("base64url"),
      AUTH_TRUST_HOST: "true",
    },
    "pipe",
  );
  const serverOutput = tail(server);
  // The text-message worker, as npm start runs it, sending through the outbox adapter.
  const worker = runWorker({ DATABASE_URL: database.url, SMS_GATEWAY: "outbox", ...NO_QUIET_HOURS }, "pipe");
  tail(worker);
  let bare: ChildProcess | undefined;
  const rows: string[][] = [];
  try {
    await waitFor(`${base}/api/health`, `the app server (${serverOutput()})`);
    const venues = (await (await fetch(`${base}/api/v1/venues`)).json()) as { venues: { slug: string }[] };
    for (const v of venues.venues) await fetch(`${base}/api/v1/venues/${v.slug}/slots`); // warm up

    // The bare baseline answers the app's own bytes: the slots answer, and the venue page's markup
    // without its scripts and stylesheets (Next.js adds its own payload, as it does to the app's).
    const slotsUrl = `${base}/api/v1/venues/station/slots`;
    const slotsBody = Buffer.from(await (await fetch(slotsUrl)).arrayBuffer());
    const venueHtml = await (await fetch(`${base}/venues/station`)).text();
    const bodyMarkup = (/<body[^>]*>([\s\S]*)<\/body>/.exec(venueHtml)?.[1] ?? venueHtml)
      .replace(/<script[\s\S]*?<\/script>/g, "")
      .replace(/<link[^>]*>/g, "")
      .replace(/<style[\s\S]*?<\/style>/g, "");
    writeFileSync(path.join(work, "slots.json"), slotsBody);
    writeFileSync(path.join(work, "page.html"), bodyMarkup);
    const barePort = await freePort();
    const bareBase = `http://127.0.0.1:${barePort}`;
    bare = runNext(
      ["start", BARE_DIR, "-p", String(barePort), "-H", "127.0.0.1"],
      { NODE_ENV: "production", BENCH_BARE_JSON: path.join(work, "slots.json"), BENCH_BARE_HTML: path.join(work, "page.html") },
      "pipe",
    );
    const bareOutput = tail(bare);
    await waitFor(`${bareBase}/body`, `the bare fixture (${bareOutput()})`);
    const bareBody = Buffer.from(await (await fetch(`${bareBase}/body`)).arrayBuffer());
    if (!bareBody.equals(slotsBody)) throw new Error("the bare route does not answer the slots endpoint's bytes");
    const bareHtml = await (await fetch(bareBase)).text();
    for (let i = 0; i < 20; i++) await Promise.all([get(`${bareBase}/body`), get(bareBase), get(`${base}/venues/station`)]); // warm up

    // A real free slot for the booking form, taken before the bookings below fill every slot.
    const firstSlot = ((JSON.parse(slotsBody.toString()) as { slots: { start: string }[] }).slots[0] ?? null)?.start;
    const pages: Record<string, string> = {
      home: "/",
      venue: "/venues/station",
      form: firstSlot ? `/venues/station/book?start=${encodeURIComponent(firstSlot)}` : "/venues/station/book",
    };

    if (!pagesOnly) {
      const slots = await compareReads(slotsUrl, `${bareBase}/body`);
      const page = await compareReads(`${base}/venues/station`, bareBase);
      rows.push([
        `GET /api/v1/venues/station/slots (${kb(slotsBody.length)}), ${CONNECTIONS} connections, 2 × ${READ_SECONDS / 2} s each`,
        readCell(slots.app),
        `bare route, same bytes: ${readCell(slots.bare)}`,
        pct(slots.app.rate / slots.bare.rate),
        `≥ ${pct(TARGET.readShare)} of bare`,
        yes(slots.app.rate / slots.bare.rate >= TARGET.readShare),
      ]);
      rows.push([
        `GET /venues/station (HTML ${kb(Buffer.byteLength(venueHtml))}), ${CONNECTIONS} connections, 2 × ${READ_SECONDS / 2} s each`,
        readCell(page.app),
        `bare page, same markup (HTML ${kb(Buffer.byteLength(bareHtml))}): ${readCell(page.bare)}`,
        pct(page.app.rate / page.bare.rate),
        `≥ ${pct(TARGET.readShare)} of bare`,
        yes(page.app.rate / page.bare.rate >= TARGET.readShare),
      ]);
    }

    const bareJs = await firstLoadJs(bareBase, "/");
    for (const [name, url] of readsOnly ? [] : Object.entries(pages)) {
      const js = await firstLoadJs(base, url);
      const extra = js.kb - bareJs.kb;
      rows.push([
        `first-load JavaScript, ${name} \`${url.replace(/\?.*/, "?start=…")}\` (gzip, modern browser)`,
        `${js.kb.toFixed(1)} KB in ${js.files} files`,
        `bare page: ${bareJs.kb.toFixed(1)} KB in ${bareJs.files} files`,
        `${extra >= 0 ? "+" : ""}${extra.toFixed(1)} KB`,
        `≤ +${TARGET.jsExtraKb} KB`,
        yes(extra <= TARGET.jsExtraKb),
      ]);
    }

    const lh = await lighthousePages(
      readsOnly
        ? {}
        : { ...Object.fromEntries(Object.entries(pages).map(([name, url]) => [name, `${base}${url}`])), bare: `${bareBase}/` },
      work,
    );
    for (const method of readsOnly ? [] : THROTTLING) {
      const bareLh = lh[method].bare;
      for (const name of Object.keys(pages)) {
        const r = lh[method][name];
        const label = `Lighthouse mobile (${method === "simulate" ? "simulated, its default" : "applied in the browser"}), ${name} \`${pages[name].replace(/\?.*/, "?start=…")}\``;
        if ("error" in r || "error" in bareLh) {
          const why = "error" in r ? r.error : "error" in bareLh ? `bare page: ${bareLh.error}` : "";
          rows.push([label, `could not run: ${why}`, "—", "—", `score ≥ ${TARGET.lighthouseScore}`, "not measured"]);
          continue;
        }
        const lcpExtra = r.lcp - bareLh.lcp;
        rows.push([
          `${label}: performance score (median of ${r.runs})`,
          String(r.score),
          `bare page: ${bareLh.score}`,
          `${r.score - bareLh.score >= 0 ? "+" : ""}${r.score - bareLh.score}`,
          `≥ ${TARGET.lighthouseScore}`,
          yes(r.score >= TARGET.lighthouseScore),
        ]);
        rows.push([
          `${label}: LCP (median of ${r.runs})`,
          `${(r.lcp / 1000).toFixed(2)} s`,
          `bare page: ${(bareLh.lcp / 1000).toFixed(2)} s`,
          `${lcpExtra >= 0 ? "+" : ""}${(lcpExtra / 1000).toFixed(2)} s (${pct(r.lcp / bareLh.lcp)})`,
          `≤ bare + ${(TARGET.lcpExtraMs / 1000).toFixed(1)} s`,
          yes(lcpExtra <= TARGET.lcpExtraMs),
        ]);
      }
    }

    if (!pagesOnly && !readsOnly) {
      // Every free slot of every venue, each booked once by a different phone number.
      type Slot = { start: string; lawyer: { id: string } };
      const free: { venue: string; slot: Slot }[] = [];
      for (const v of venues.venues) {
        const body = (await (await fetch(`${base}/api/v1/venues/${v.slug}/slots`)).json()) as { slots: Slot[] };
        for (const slot of body.slots) free.push({ venue: v.slug, slot });
      }
      const bookings = summary(
        await load(
          async (i) => {
            const { venue, slot } = free[i];
            const response = await fetch(`${base}/api/v1/bookings`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({
                venue,
                start: slot.start,
                lawyerId: slot.lawyer.id,
                name: "压测",
                phone: `137${String(i).padStart(8, "0")}`,
                topic: "other",
                consent: true,
              }),
            });
            await response.arrayBuffer();
            return response.status === 201;
          },
          { seconds: BOOKING_SECONDS, limit: free.length },
        ),
      );
      const bookingRate = bookings.ok / bookings.elapsed;

      const messages = await measureMessages(prisma, bookings.elapsed);

      // The same database, 20 clients, as long as the bookings took (at least 5 s), once the worker is done.
      const [station, lawyer, topic] = await Promise.all([
        prisma.venue.findFirstOrThrow({ where: { slug: "station" }, select: { id: true } }),
        prisma.lawyer.findFirstOrThrow({ select: { id: true } }),
        prisma.topic.findFirstOrThrow({ where: { code: "other" }, select: { id: true } }),
      ]);
      const seconds = Math.max(5, Math.ceil(bookings.elapsed));
      const pg = await pgbench(database.url, { venue: station.id, lawyer: lawyer.id, topic: topic.id }, seconds, work);
      rows.push([
        `bookings created through POST /api/v1/bookings, ${CONNECTIONS} concurrent, every free slot once`,
        `${bookingRate.toFixed(1)} per second (${bookings.ok} of ${bookings.count} in ${bookings.elapsed.toFixed(1)} s; p50 ${bookings.p50.toFixed(0)} ms, p95 ${bookings.p95.toFixed(0)} ms)`,
        "error" in pg
          ? `pgbench could not run: ${pg.error}`
          : `pgbench, locks + count + insert in one transaction, ${CONNECTIONS} clients, ${seconds} s: ${pg.tps.toFixed(0)} tps (${pg.processed} transactions, ${pg.failed} failed)`,
        "error" in pg ? "—" : pct(bookingRate / pg.tps),
        `≥ ${pct(TARGET.bookingShare)} of pgbench`,
        "error" in pg ? "not measured" : yes(bookingRate / pg.tps >= TARGET.bookingShare),
      ]);
      rows.push(["text messages queued with the bookings", messages.queued, "—", "—", "", ""]);
      rows.push(["text messages sent by one worker (outbox)", messages.sent, "—", "—", "", ""]);
      rows.push([`from booking to "sent"`, messages.delay, "—", "—", "", ""]);
    }

    if (!pagesOnly && !readsOnly) rows.push(...(await memoryRows(database.url, Object.values(pages))));

    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    console.log(`\nMachine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    console.log(`Lighthouse reports: ${work}/lighthouse-*.json`);
    console.log("| measure | app | baseline | ratio | target | met? |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  } finally {
    bare?.kill("SIGTERM");
    server.kill("SIGTERM");
    worker.kill("SIGTERM");
    await new Promise((resolve) => (worker.exitCode === null ? worker.once("exit", resolve) : resolve(null)));
    await prisma.$disconnect();
    await database.drop();
    // The Lighthouse reports stay for a look; the bodies and the pgbench script go.
    for (const f of ["slots.json", "page.html", "booking.sql"]) rmSync(path.join(work, f), { force: true });
  }
}

await main();
process.exit(0);
