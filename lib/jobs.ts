// The jobs of the queue (graphile-worker, in the app's own PostgreSQL): each job's name, queue and
// key in one place, read by the code that enqueues them, by the worker (scripts/worker.ts) and by
// the restore, which rebuilds the queue from the tables. No server-only imports: scripts use it.

/** A text message (lib/messages): sent at most once; the key is the message's own. */
export const SEND_TASK = "send_message";
/** The waitlist's offer round (lib/waitlist): one at a time in its queue, one pending at most. */
export const OFFER_TASK = "offer_waitlist";
/** The end of a slot held for someone on the waitlist. */
export const EXPIRE_TASK = "expire_hold";
export const WAITLIST_QUEUE = "waitlist";
/** A lawyer's missed departure (lib/attendance), closed at the session's end. */
export const AUTO_CLOSE_TASK = "close_attendance";
/** Tries of a text message before it is given up (lib/messages): graphile-worker's attempts. */
export const MAX_SEND_ATTEMPTS = 8;

export const holdJobKey = (bookingId: string) => `hold:${bookingId}`;
export const attendanceJobKey = (attendanceId: string) => `attendance:${attendanceId}`;

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
    what: "waitlist offer rounds",
    sql: `SELECT count(graphile_worker.add_job('${OFFER_TASK}', '{}'::json, queue_name => '${WAITLIST_QUEUE}', job_key => '${OFFER_TASK}'))::int AS n
          FROM (SELECT 1 FROM waitlist_entry WHERE status = 'WAITING' LIMIT 1) AS waiting`,
  },
];
