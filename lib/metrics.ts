// What an operator's Prometheus scrapes at /api/metrics (docs/operations.md): request durations,
// bookings and rate-limit refusals counted in this process (Prometheus adds the servers up), and
// the queue, the text messages, the waitlist's holds and the database pool read from the database at
// each scrape, so they are the same whichever server answers. One registry per process, on
// globalThis: the site's own server (scripts/serve.ts) and the route handler share it.
import { timingSafeEqual } from "node:crypto";
import client from "prom-client";

type Metrics = {
  registry: client.Registry;
  requests: client.Histogram<"method" | "route" | "status">;
  bookings: client.Counter<"change" | "channel">;
  refusals: client.Counter<"limit">;
};

const globalForMetrics = globalThis as unknown as { muzhouMetrics?: Metrics };

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "muzhou_process_" });
  return {
    registry,
    requests: new client.Histogram({
      name: "muzhou_http_request_duration_seconds",
      help: "Time to answer a request, by route (ids and codes folded) and status.",
      labelNames: ["method", "route", "status"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    bookings: new client.Counter({
      name: "muzhou_bookings_total",
      help: "Bookings created, moved and cancelled through this server, by channel.",
      labelNames: ["change", "channel"],
      registers: [registry],
    }),
    refusals: new client.Counter({
      name: "muzhou_rate_limit_refusals_total",
      help: "Tries refused by a limit (lib/rate-limit.ts), by limit.",
      labelNames: ["limit"],
      registers: [registry],
    }),
  };
}

globalForMetrics.muzhouMetrics ??= create();
export const metrics: Metrics = globalForMetrics.muzhouMetrics;

const SEGMENT_IS_VALUE = /^(?=.*\d)[A-Za-z0-9_-]{6,}$|^\d+$|^c[a-z0-9]{20,}$/;
const KNOWN_ROOTS = new Set([
  "",
  "api",
  "venues",
  "bookings",
  "b",
  "waitlist",
  "lawyer",
  "staff",
  "login",
  "privacy",
  "account",
  "me",
  "preferences",
  "_next",
]);

/**
 * The route a path stands for, with ids, booking codes and numbers folded to ":id", so that the
 * number of label values stays small: `/bookings/7YHQ9H/cancel` → `/bookings/:id/cancel`. Paths
 * under no page of the site are "other"; static files are one route.
 */
export function routeOf(pathname: string): string {
  const segments = pathname.split("/").slice(1);
  if (!KNOWN_ROOTS.has(segments[0] ?? "")) return "other";
  if (segments[0] === "_next") return "/_next";
  // A venue's slug names one of hundreds of places in a district: one route for all.
  const venueAt = segments[0] === "venues" ? 1 : segments[0] === "api" && segments[2] === "venues" ? 3 : -1;
  return `/${segments
    .slice(0, 5)
    .map((s, i) => (i === venueAt ? ":slug" : SEGMENT_IS_VALUE.test(s) ? ":id" : s))
    .join("/")}`;
}

const LOOPBACK = new Set(["127.0.0.1", "::1"]);

/**
 * Whether a request may read the metrics: from this machine (the address scripts/serve.ts decided,
 * so a visitor through the proxy is not "local"), or with `Authorization: Bearer <METRICS_TOKEN>`.
 * Anyone else gets a 404, as for a page that does not exist.
 */
export function mayScrape(address: string, authorization: string | null, token: string | undefined): boolean {
  if (LOOPBACK.has(address)) return true;
  if (!token || !authorization?.startsWith("Bearer ")) return false;
  const given = Buffer.from(authorization.slice("Bearer ".length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
