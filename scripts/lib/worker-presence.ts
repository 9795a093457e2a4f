// Crash recovery for graphile-worker (free edition): a job locked by a worker that died stays
// locked for 4 hours before anyone else may run it, so a reminder due meanwhile would be late.
// Each live worker holds a session-level advisory lock, keyed by the id its jobs are locked with
// (graphile-worker's pool id), on a
// connection of its own; PostgreSQL drops the lock the moment that process (or its connection)
// dies. Every worker, at start and each minute, unlocks the jobs of ids that no one holds any more
// (graphile_worker.force_unlock_workers). The jobs are safe to run again: deliver() sends a message
// at most once, and the waitlist's jobs are conditional updates.
import pg from "pg";

/** The first key of our advisory locks (the second is hashtext(worker id)). */
const PRESENCE = 1_804_289;
/** A lock newer than this is left alone: its worker may still be taking its presence lock. */
const GRACE_SECONDS = 30;

export type Presence = {
  claim: (lockerId: string) => Promise<void>;
  releaseDead: () => Promise<string[]>;
  close: () => Promise<void>;
};

export async function workerPresence(connectionString: string, onError: (error: unknown) => void): Promise<Presence> {
  let client: Promise<pg.Client> | null = null;
  const claimed = new Set<string>();
  // One connection, made once however many callers ask at the same moment.
  function connection(): Promise<pg.Client> {
    client ??= (async () => {
      const next = new pg.Client({ connectionString });
      // A lost connection (a database restart) drops our locks: take them again on the next call.
      next.on("error", (error) => {
        onError(error);
        client = null;
      });
      await next.connect();
      for (const id of claimed) await next.query("SELECT pg_advisory_lock($1, hashtext($2))", [PRESENCE, id]);
      return next;
    })().catch((error) => {
      client = null;
      throw error;
    });
    return client;
  }
  // One query at a time on the one connection: a claim and the minute's check may fall together,
  // and pg deprecates (and will refuse) a query sent while another is still running.
  let queue: Promise<unknown> = Promise.resolve();
  function serially<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
    const next = queue.then(async () => work(await connection()));
    queue = next.catch(() => {});
    return next;
  }
  return {
    async claim(lockerId) {
      if (claimed.has(lockerId)) return;
      claimed.add(lockerId);
      await serially((c) => c.query("SELECT pg_advisory_lock($1, hashtext($2))", [PRESENCE, lockerId]));
    },
    releaseDead: () =>
      serially(async (c) => {
        const { rows } = await c.query<{ id: string }>(
          `WITH locked AS (
           SELECT locked_by AS id FROM graphile_worker._private_jobs
             WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $2)
           UNION
           SELECT locked_by FROM graphile_worker._private_job_queues
             WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $2))
         SELECT id FROM locked WHERE NOT EXISTS (
           SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
             AND l.classid = $1::int::oid AND l.objid = hashtext(locked.id)::oid)`,
          [PRESENCE, GRACE_SECONDS],
        );
        const dead = rows.map((r) => r.id);
        if (dead.length) await c.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [dead]);
        return dead;
      }),
    async close() {
      const c = await client?.catch(() => null);
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
