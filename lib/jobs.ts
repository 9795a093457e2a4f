// The jobs of the queue (graphile-worker, in the app's own PostgreSQL): one typed registry — each
// job's name, payload (zod), key and queue — read by the code that enqueues them (enqueue, in the
// change's own transaction), by the worker (scripts/worker.ts: jobTask checks each payload) and by
// the restore, which rebuilds the queue from the tables. No server-only imports: scripts use it.
// (The slot triggers of migration 20261202050438 also queue the offer round, in SQL, by this name.)
import type { JobHelpers, Task } from "graphile-worker";
import { z } from "zod";

/** Tries of a text message before it is given up (lib/messages): graphile-worker's attempts. */
export const MAX_SEND_ATTEMPTS = 8;
export const WAITLIST_QUEUE = "waitlist";

type JobSpec<P> = {
  /** graphile-worker's task identifier. */
  name: string;
  payload: z.ZodType<P>;
  /** The job key: adding a job with a key already queued replaces it (moves it), never doubles it. */
  key: (payload: P) => string;
  /** Jobs in one named queue run one at a time across all workers. */
  queue?: string;
  maxAttempts?: number;
};

const job = <P>(spec: JobSpec<P>) => spec;
const id = z.string().min(1).max(100);

export const JOBS = {
  /** A text message (lib/messages): sent at most once; the key is the message's own. */
  sendMessage: job({
    name: "send_message",
    payload: z.object({ key: id }),
    key: (p) => p.key,
    maxAttempts: MAX_SEND_ATTEMPTS + 2,
  }),
  /**
   * The waitlist's offer round of one venue (lib/waitlist), or of every venue without one (a round
   * queued before rounds were per venue): one at a time in its queue, one pending per venue at most.
   * The database's triggers queue it too (migration 20261208020000), by the same name and key.
   */
  offerWaitlist: job({
    name: "offer_waitlist",
    payload: z.object({ venueId: id.optional() }),
    key: (p) => (p.venueId ? `offer_waitlist:${p.venueId}` : "offer_waitlist"),
    queue: WAITLIST_QUEUE,
  }),
  /** The end of a slot held for someone on the waitlist. */
  expireHold: job({
    name: "expire_hold",
    payload: z.object({ bookingId: id }),
    key: (p) => `hold:${p.bookingId}`,
    queue: WAITLIST_QUEUE,
  }),
  /** A lawyer's missed departure (lib/attendance), closed at the session's end. */
  closeAttendance: job({
    name: "close_attendance",
    payload: z.object({ attendanceId: id }),
    key: (p) => `attendance:${p.attendanceId}`,
  }),
  /**
   * One event notice to an API client (lib/webhooks): tried, and put off by its own schedule
   * (about a day of retries) with `later`; graphile-worker's attempts only catch unexpected errors.
   */
  deliverWebhook: job({
    name: "deliver_webhook",
    payload: z.object({ eventId: id }),
    key: (p) => `webhook:${p.eventId}`,
  }),
} as const;

export type JobName = keyof typeof JOBS;
type PayloadOf<J extends JobName> = z.infer<(typeof JOBS)[J]["payload"]>;

export const SEND_TASK = JOBS.sendMessage.name;
export const OFFER_TASK = JOBS.offerWaitlist.name;
export const EXPIRE_TASK = JOBS.expireHold.name;
export const AUTO_CLOSE_TASK = JOBS.closeAttendance.name;
export const WEBHOOK_TASK = JOBS.deliverWebhook.name;
export const holdJobKey = (bookingId: string) => JOBS.expireHold.key({ bookingId });
export const attendanceJobKey = (attendanceId: string) => JOBS.closeAttendance.key({ attendanceId });

// The registry's entry for one name, with its payload's type (TypeScript cannot narrow JOBS[name] by itself).
const specOf = <J extends JobName>(name: J) => JOBS[name] as unknown as JobSpec<PayloadOf<J>>;

/** What runs SQL in a transaction: Prisma's transaction client (structural, so scripts need no Prisma types). */
type SqlRunner = { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> };

/**
 * Queues a job in the caller's transaction, so the job exists exactly when the change does. A job
 * with the same key waiting already is moved to `runAt` (graphile-worker's add_job).
 */
export async function enqueue<J extends JobName>(
  tx: SqlRunner,
  name: J,
  payload: PayloadOf<J>,
  { runAt }: { runAt?: Date } = {},
): Promise<void> {
  const spec = specOf(name);
  const body = JSON.stringify(spec.payload.parse(payload));
  await tx.$executeRaw`SELECT graphile_worker.add_job(${spec.name}::text, ${body}::json, queue_name => ${spec.queue ?? null}::text, run_at => ${runAt ?? null}::timestamptz, job_key => ${spec.key(payload)}::text, max_attempts => ${spec.maxAttempts ?? 25}::int)`;
}

/**
 * Queues several jobs of one kind in one statement (each as enqueue would queue it, in order): a
 * write that queues a few jobs at once (a new booking's confirmation and reminders) makes one
 * round trip, not one a job.
 */
export async function enqueueMany<J extends JobName>(
  tx: SqlRunner,
  name: J,
  jobs: { payload: PayloadOf<J>; runAt: Date }[],
): Promise<void> {
  if (jobs.length === 0) return;
  const spec = specOf(name);
  const bodies = jobs.map((j) => JSON.stringify(spec.payload.parse(j.payload)));
  const keys = jobs.map((j) => spec.key(j.payload));
  const runAts = jobs.map((j) => j.runAt.toISOString());
  await tx.$executeRaw`SELECT graphile_worker.add_job(${spec.name}::text, j.body::json, queue_name => ${spec.queue ?? null}::text, run_at => j.run_at::timestamptz, job_key => j.key, max_attempts => ${spec.maxAttempts ?? 25}::int) FROM unnest(${bodies}::text[], ${runAts}::text[], ${keys}::text[]) WITH ORDINALITY AS j(body, run_at, key, n) ORDER BY j.n`;
}

/** Removes a queued job (by its key) in the caller's transaction; nothing when none is queued. */
export async function dequeue<J extends JobName>(tx: SqlRunner, name: J, payload: PayloadOf<J>): Promise<void> {
  const spec = specOf(name);
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${spec.key(payload)}::text)`;
}

/** What a job's work may answer: run again at this time (same key), or nothing more. */
// biome-ignore lint/suspicious/noConfusingVoidType: the work of a job that is never put off returns nothing at all.
export type JobOutcome = { later?: Date } | undefined | void;

/**
 * The worker's task for a job: the payload is checked against the registry (a job whose payload
 * does not parse is dropped with a log line, never retried), and an answer of `later` queues the
 * same job again at that time, with its key and queue.
 */
export function jobTask<J extends JobName>(
  name: J,
  work: (payload: PayloadOf<J>, helpers: JobHelpers) => Promise<JobOutcome>,
): Task {
  const spec = specOf(name);
  return async (raw, helpers) => {
    const parsed = spec.payload.safeParse(raw);
    if (!parsed.success) {
      helpers.logger.error(`Dropped a ${spec.name} job whose payload does not parse.`);
      return;
    }
    const outcome = await work(parsed.data, helpers);
    if (outcome?.later) {
      await helpers.addJob(spec.name, parsed.data, {
        runAt: outcome.later,
        jobKey: spec.key(parsed.data),
        queueName: spec.queue,
        maxAttempts: spec.maxAttempts,
      });
    }
  };
}

/**
 * The jobs the tables say should be waiting, enqueued again (a job already there is kept: the keys
 * make a second add a replacement of the same job). Run after a restore: the queue's own tables are
 * not in a backup, and without this a restored database would never send its queued messages, end
 * its held slots or close its open attendances. Each statement answers how many jobs it queued.
 */
export const REBUILD_QUEUE_SQL: { what: string; sql: string }[] = [
  {
    what: "text messages",
    sql: `SELECT count(graphile_worker.add_job('${SEND_TASK}', json_build_object('key', key), run_at => greatest(send_after, now()),
            job_key => key, max_attempts => ${MAX_SEND_ATTEMPTS + 2}))::int AS n
          FROM notification WHERE status IN ('QUEUED', 'SENDING')`,
  },
  {
    what: "held waitlist slots",
    sql: `SELECT count(graphile_worker.add_job('${EXPIRE_TASK}', json_build_object('bookingId', id), queue_name => '${WAITLIST_QUEUE}',
            run_at => held_until, job_key => '${holdJobKey("")}' || id))::int AS n
          FROM booking WHERE status = 'HELD' AND held_until IS NOT NULL`,
  },
  {
    what: "open attendances",
    sql: `SELECT count(graphile_worker.add_job('${AUTO_CLOSE_TASK}', json_build_object('attendanceId', id), run_at => session_ends_at,
            job_key => '${attendanceJobKey("")}' || id))::int AS n
          FROM attendance WHERE left_at IS NULL`,
  },
  {
    what: "webhook notices",
    sql: `SELECT count(graphile_worker.add_job('${WEBHOOK_TASK}', json_build_object('eventId', id),
            run_at => greatest(next_attempt_at, now()), job_key => 'webhook:' || id))::int AS n
          FROM webhook_event WHERE delivered_at IS NULL AND failed_at IS NULL`,
  },
  {
    what: "waitlist offer rounds",
    sql: `SELECT count(graphile_worker.add_job('${OFFER_TASK}', json_build_object('venueId', venue_id), queue_name => '${WAITLIST_QUEUE}',
            job_key => '${OFFER_TASK}:' || venue_id))::int AS n
          FROM (SELECT DISTINCT venue_id FROM waitlist_entry WHERE status = 'WAITING') AS waiting`,
  },
];
