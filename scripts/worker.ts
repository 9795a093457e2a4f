// npm run worker: sends the queued text messages (lib/messages) through the configured gateway
// (lib/sms: the outbox by default), offers freed slots to the waitlist (lib/waitlist) and closes
// lawyers' missed departures at their session's end (lib/attendance), delivers API clients' event
// notices (lib/webhooks), and purges personal data past
// its retention period once a day (lib/privacy, from graphile-worker's crontab). npm start runs one beside
// the web server; with DATABASE_URL set any number can run, on any machines: graphile-worker hands each job to one of them.
// Run with --conditions=react-server: it loads the app's server modules.
import "./lib/load-settings.ts";
import { EventEmitter } from "node:events";
import { Logger, run, type WorkerEvents } from "graphile-worker";
import { autoCloseAttendance } from "../lib/attendance/mutations.ts";
import { env } from "../lib/env.ts";
import { JOBS, jobTask } from "../lib/jobs.ts";
import { log } from "../lib/log.ts";
import { deliver } from "../lib/messages/mutations.ts";
import { anonymiseExpired, PURGE_CRONTAB, PURGE_TASK } from "../lib/privacy/mutations.ts";
import { gatewayFromEnv } from "../lib/sms/config.ts";
import { expireHold, offerFreedSlots } from "../lib/waitlist/mutations.ts";
import { deliverWebhook } from "../lib/webhooks/mutations.ts";
import { workerPresence } from "./lib/worker-presence.ts";

const gateway = gatewayFromEnv();
const quiet = process.argv.includes("--quiet");
/** How often the jobs of workers that died are looked for and released. */
const SWEEP_SECONDS = 20;
const logger = new Logger((scope) => (level, message) => {
  if (level === "error") log.error({ task: scope.taskIdentifier, jobId: scope.jobId }, message);
  else if (!quiet && level === "warning") log.warn({ task: scope.taskIdentifier, jobId: scope.jobId }, message);
});

// Crash recovery: see scripts/lib/worker-presence.ts.
const presence = await workerPresence(env().DATABASE_URL, (error) => log.error({ err: error }, "worker presence"));
const events: WorkerEvents = new EventEmitter();
// Jobs are locked with the pool's id (and, with a local queue or older versions, a worker's): claim both.
events.on("pool:create", ({ workerPool }) => {
  presence.claim(workerPool.id).catch((error) => log.error({ err: error }, "worker presence"));
});
events.on("worker:create", ({ worker }) => {
  presence.claim(worker.workerId).catch((error) => log.error({ err: error }, "worker presence"));
});
const sweep = async () => {
  const dead = await presence.releaseDead().catch((error) => {
    log.error({ err: error }, "worker presence");
    return [];
  });
  if (dead.length) log.warn(`Released the jobs of ${dead.length} worker(s) that stopped without finishing them.`);
};

const runner = await run({
  connectionString: env().DATABASE_URL,
  events,
  concurrency: 2,
  // New jobs arrive by LISTEN/NOTIFY at once; the poll only catches up after a lost connection.
  pollInterval: 5_000,
  logger,
  // The daily retention purge (lib/privacy): any deployment with a worker purges once a day.
  crontab: PURGE_CRONTAB,
  // Each job as lib/jobs.ts registers it: its payload checked there, and a `later` queued again with its key.
  taskList: {
    [JOBS.sendMessage.name]: jobTask("sendMessage", async ({ key }) => {
      const delivery = await deliver(key, gateway);
      // Thrown: graphile-worker tries again later, waiting longer each time (exponential back-off).
      if (delivery.outcome === "retry") throw new Error(delivery.reason);
      if (delivery.outcome === "later") return { later: delivery.at };
    }),
    // The waitlist (lib/waitlist): both run in its one queue, one job at a time across all workers.
    [JOBS.offerWaitlist.name]: jobTask("offerWaitlist", async ({ venueId }) => {
      await offerFreedSlots(new Date(), { venueId });
    }),
    [JOBS.expireHold.name]: jobTask("expireHold", ({ bookingId }) => expireHold(bookingId)),
    [PURGE_TASK]: async () => {
      const r = await anonymiseExpired();
      if (r.ran) log.info({ ...r }, "privacy purge");
    },
    // A lawyer's missed departure (lib/attendance), closed at the session's end.
    [JOBS.closeAttendance.name]: jobTask("closeAttendance", ({ attendanceId }) => autoCloseAttendance(attendanceId)),
    // An event notice to an API client (lib/webhooks): tried again later by its own schedule, about a day.
    [JOBS.deliverWebhook.name]: jobTask("deliverWebhook", ({ eventId }) => deliverWebhook(eventId)),
  },
});
log.info({ gateway: gateway.name }, `Sending text messages through the ${gateway.name} gateway.`);
await sweep();
const sweeping = setInterval(sweep, SWEEP_SECONDS * 1000);
sweeping.unref();
await runner.promise;
clearInterval(sweeping);
await presence.close();
