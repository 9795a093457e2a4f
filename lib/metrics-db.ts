import "server-only";
import client from "prom-client";
import { db } from "@/lib/db";
import { metrics } from "@/lib/metrics";

// The figures read from the database at each scrape (lib/metrics.ts): the same on every server.

function gauge(name: string, help: string, labelNames: string[], collect: (g: client.Gauge) => Promise<void>) {
  if (metrics.registry.getSingleMetric(name)) return;
  new client.Gauge({
    name,
    help,
    labelNames,
    registers: [metrics.registry],
    async collect() {
      this.reset();
      await collect(this);
    },
  });
}

gauge("muzhou_messages", "Text messages by kind and status.", ["kind", "status"], async (g) => {
  const rows = await db.notification.groupBy({ by: ["kind", "status"], _count: { _all: true } });
  for (const r of rows) g.set({ kind: r.kind.toLowerCase(), status: r.status.toLowerCase() }, r._count._all);
});

gauge("muzhou_queue_jobs", "Jobs in the queue, and how many of them are due now.", ["state"], async (g) => {
  const [row] = await db.$queryRaw<{ total: number; due: number }[]>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE run_at <= now() AND locked_at IS NULL)::int AS due FROM graphile_worker.jobs`;
  g.set({ state: "all" }, row.total);
  g.set({ state: "due" }, row.due);
});

gauge("muzhou_queue_oldest_due_seconds", "How long the oldest job due and not yet taken has waited (0: none).", [], async (g) => {
  const [row] = await db.$queryRaw<{ age: number | null }[]>`
      SELECT extract(epoch FROM now() - min(run_at))::float AS age FROM graphile_worker.jobs WHERE run_at <= now() AND locked_at IS NULL`;
  g.set(Math.max(0, row.age ?? 0));
});

gauge("muzhou_waitlist_holds", "Slots held for someone on the waitlist.", [], async (g) => {
  g.set(await db.booking.count({ where: { status: "HELD" } }));
});

gauge("muzhou_database_connections", "Connections of this app to its database, by state.", ["state"], async (g) => {
  const rows = await db.$queryRaw<{ state: string | null; n: number }[]>`
    SELECT coalesce(state, 'unknown') AS state, count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND backend_type = 'client backend' GROUP BY 1`;
  for (const r of rows) g.set({ state: r.state ?? "unknown" }, r.n);
});

export const registry = metrics.registry;
