// npm run bench — measures on seeded demo data, against the production build on loopback:
//   1. GET /api/v1/venues/{slug}/slots with 20 concurrent connections: p50/p95 latency, throughput;
//   2. bookings created per second through POST /api/v1/bookings (20 concurrent);
//   3. the text messages those bookings queued (in the booking's transaction) and the worker sent
//      through the outbox adapter beside the web server: enqueued and sent per second, and the
//      delay from the booking to "sent" (p50, p95);
//   4. the compressed JavaScript a first visit to a venue page loads.
// Every loop is bounded in count and time, and only 127.0.0.1 is contacted.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { createPrismaClient } from "../lib/db-client.ts";
import { isQuiet } from "../lib/messages/rules.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
import { buildIsStale } from "./lib/build.ts";
import { freePort } from "./lib/embedded-db.ts";
import { nextBuild, runServer, runWorker } from "./lib/next-server.ts";
import { createTestDatabase } from "./lib/test-database.ts";

const CONNECTIONS = 20;
const SLOTS_SECONDS = 10;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function waitForHealth(base: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not become healthy within a minute");
}

/** Runs `task` on CONNECTIONS workers until `seconds` pass or `limit` tasks are done. */
async function load(task: (i: number) => Promise<boolean>, { seconds, limit }: { seconds: number; limit: number }) {
  const latencies: number[] = [];
  let next = 0;
  let ok = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline && next < limit) {
        const i = next++;
        const t = performance.now();
        if (await task(i)) ok++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, ok, elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

type Db = ReturnType<typeof createPrismaClient>;

/**
 * The confirmations the bookings queued: how fast they were queued (with the bookings), how fast
 * the worker sent them, and each one's delay from the booking to "sent". In the quiet hours
 * (21:00–08:00 Shanghai) they wait for 08:00 by rule, so there is nothing to measure.
 */
async function measureMessages(prisma: Db, bookingSeconds: number) {
  const queued = await prisma.notification.count();
  const confirmations = await prisma.notification.count({ where: { kind: "CONFIRMATION" } });
  const queuedText = `${queued} (${confirmations} confirmations and their reminders), ${(queued / bookingSeconds).toFixed(0)} per second`;
  if (isQuiet(new Date())) {
    const later = "not measured: it is 21:00–08:00 in Shanghai, when messages wait for 08:00";
    return { queued: queuedText, sent: later, delay: later };
  }
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    const left = await prisma.notification.count({ where: { kind: "CONFIRMATION", status: { in: ["QUEUED", "SENDING"] } } });
    if (left === 0) break;
    await new Promise((r) => setTimeout(r, 250));
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

async function main() {
  if (buildIsStale()) await nextBuild();
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
      NEXTAUTH_SECRET: "bench-only-secret",
      AUTH_TRUST_HOST: "true",
    },
    "pipe",
  );
  // The text-message worker, as npm start runs it, sending through the outbox adapter.
  const worker = runWorker({ DATABASE_URL: database.url, SMS_GATEWAY: "outbox" }, "pipe");
  try {
    await waitForHealth(base);
    const venues = (await (await fetch(`${base}/api/v1/venues`)).json()) as { venues: { slug: string }[] };
    for (const v of venues.venues) await fetch(`${base}/api/v1/venues/${v.slug}/slots`); // warm up

    const slots = await load(async () => (await fetch(`${base}/api/v1/venues/station/slots`)).ok, {
      seconds: SLOTS_SECONDS,
      limit: 100_000,
    });

    // Every free slot of every venue, each booked once by a different phone number.
    type Slot = { start: string; lawyer: { id: string } };
    const free: { venue: string; slot: Slot }[] = [];
    for (const v of venues.venues) {
      const body = (await (await fetch(`${base}/api/v1/venues/${v.slug}/slots`)).json()) as { slots: Slot[] };
      for (const slot of body.slots) free.push({ venue: v.slug, slot });
    }
    const bookings = await load(
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
        return response.status === 201;
      },
      { seconds: 30, limit: free.length },
    );

    const messages = await measureMessages(prisma, bookings.elapsed);

    const html = await (await fetch(`${base}/venues/station`)).text();
    // Modern browsers skip the noModule polyfills; count what a phone's browser actually loads.
    const scripts = [...html.matchAll(/<script([^>]+)>/g)]
      .filter((m) => !/\bnoModule\b/i.test(m[1]))
      .flatMap((m) => /src="([^"]+\.js)"/.exec(m[1])?.[1] ?? []);
    let gzipBytes = 0;
    for (const src of new Set(scripts)) {
      gzipBytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
    }

    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    console.log(`\nMachine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    console.log("| measure | result | target |");
    console.log("| --- | --- | --- |");
    console.log(
      `| slots endpoint, ${CONNECTIONS} connections, ${SLOTS_SECONDS} s | p50 ${slots.p50.toFixed(1)} ms, p95 ${slots.p95.toFixed(1)} ms, ${(slots.count / slots.elapsed).toFixed(0)} req/s (${slots.count - slots.ok} errors) | p95 < 50 ms |`,
    );
    console.log(
      `| bookings created, ${CONNECTIONS} concurrent | ${(bookings.ok / bookings.elapsed).toFixed(0)} per second (${bookings.ok} of ${bookings.count} in ${bookings.elapsed.toFixed(1)} s; p95 ${bookings.p95.toFixed(0)} ms) | ≥ 100 per second |`,
    );
    console.log(`| text messages queued with the bookings | ${messages.queued} |  |`);
    console.log(`| text messages sent by one worker (outbox) | ${messages.sent} |  |`);
    console.log(`| from booking to "sent" | ${messages.delay} |  |`);
    console.log(
      `| venue page first-load JavaScript | ${(gzipBytes / 1024).toFixed(1)} KB gzip in ${new Set(scripts).size} files | < 150 KB |`,
    );
  } finally {
    server.kill("SIGTERM");
    worker.kill("SIGTERM");
    await new Promise((resolve) => worker.once("exit", resolve));
    await prisma.$disconnect();
    await database.drop();
  }
}

await main();
process.exit(0);
