// The scale bench (issue 24 item 2) and the booking's floor (item 7), for scripts/bench-scale.ts.
//
// Scale: the same requests against two production servers in the same run, one on the town seed
// (睦洲's demo and a year of its activity) and one on the district seed (every town's demo and
// three years of the district's activity, prisma/seed/district-years.ts), in turns (town,
// district, district, town), with p50 and p95 of each and the district's p95 over the town's.
// Staff pages are asked with a session cookie made as next-auth makes it (a session row and a JWT
// signed with the server's secret): the town's staff of 睦洲, and the district's account.
//
// Floor: bookings through POST /api/v1/bookings beside the bare route that runs the booking's own
// SQL through pg (scripts/fixtures/bench-bare/app/booking/route.js), 20 concurrent each, in turns
// (app, bare, bare, app); and one client's bookings one after another.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { addDays, todayInShanghai } from "../../lib/time.ts";
import { get, load, merge, summary } from "./bench-load.ts";

export type Server = { name: string; base: string; prisma: PrismaClient; secret: string; databaseUrl: string };
type Sessions = { staff: Record<string, string>; district: Record<string, string> };

/**
 * A signed-in session for `username`, as next-auth's cookie carries it (lib/auth/options.ts). The
 * town seed has no district account (seedDistrict makes it): one is made, never to sign in with.
 */
async function sessionCookie(server: Server, username: "staff" | "district"): Promise<Record<string, string>> {
  const user = await server.prisma.user.upsert({
    where: { username },
    update: { mustChangePassword: false },
    create: { username, displayName: "区司法局（压测）", role: "DISTRICT", passwordHash: "-" },
    select: { id: true, displayName: true },
  });
  const sid = randomBytes(24).toString("base64url");
  const now = new Date();
  await server.prisma.userSession.create({ data: { id: sid, userId: user.id, createdAt: now, lastSeenAt: now } });
  const token = await encode({ token: { sub: user.id, name: user.displayName, sid }, secret: server.secret });
  return { cookie: `next-auth.session-token=${token}` };
}

type Slot = { venue: string; start: string; lawyerId: string };

/** Every free slot of the town's venues (睦洲's, the same slugs in both seeds), or of every venue, each to be booked once. */
async function freeSlots(base: string, town?: string): Promise<Slot[]> {
  const query = town ? `?town=${town}` : "";
  const { venues } = (await (await fetch(`${base}/api/v1/venues${query}`)).json()) as { venues: { slug: string }[] };
  const free: Slot[] = [];
  for (const v of venues) {
    const body = (await (await fetch(`${base}/api/v1/venues/${v.slug}/slots`)).json()) as {
      slots: { start: string; lawyer: { id: string } }[];
    };
    for (const s of body.slots) free.push({ venue: v.slug, start: s.start, lawyerId: s.lawyer.id });
  }
  return free;
}

let phones = 0;
/** A phone number no other booking of the run has. */
const nextPhone = () => `139${String(phones++).padStart(8, "0")}`;

async function bookThrough(base: string, slot: Slot | undefined): Promise<boolean> {
  if (!slot) return false;
  const response = await fetch(`${base}/api/v1/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      venue: slot.venue,
      start: slot.start,
      lawyerId: slot.lawyerId,
      name: "压测",
      phone: nextPhone(),
      topic: "other",
      consent: true,
    }),
  });
  await response.arrayBuffer();
  return response.status === 201;
}

type Path = {
  name: string;
  /** One request; false when it did not answer as it should. */
  request: (server: Server, sessions: Sessions, i: number) => Promise<boolean>;
  /** Requests per turn (four turns: two on each server), and how many at once. */
  count: number;
  connections: number;
};

const year = () => ({ from: addDays(todayInShanghai(), -364), to: todayInShanghai() });

/** A year's file (XLSX) for `who`, read to its end as a download is. */
const yearExport = (name: string, path: string, who: keyof Sessions): Path => ({
  name,
  request: (s, a) => {
    const { from, to } = year();
    return get(`${s.base}${path}?format=xlsx&from=${from}&to=${to}`, a[who]);
  },
  count: 4,
  connections: 1,
});

function scalePaths(slots: Map<string, Slot[]>): Path[] {
  const page = (name: string, url: string, count = 60): Path => ({
    name,
    request: (s) => get(`${s.base}${url}`),
    count,
    connections: 4,
  });
  const used = new Map<string, number>();
  return [
    page("home `/`", "/"),
    page("a town's page `/towns/muzhou`", "/towns/muzhou"),
    page("a venue page `/venues/station`", "/venues/station"),
    page("slots API `GET /api/v1/venues/station/slots`", "/api/v1/venues/station/slots", 200),
    {
      name: "a booking `POST /api/v1/bookings` (one at a time)",
      request: (s) => {
        const n = used.get(s.name) ?? 0;
        used.set(s.name, n + 1);
        return bookThrough(s.base, slots.get(s.name)?.[n]);
      },
      count: 30,
      connections: 1,
    },
    {
      name: "staff dashboard, the town's `/staff/dashboard`",
      request: (s, a) => get(`${s.base}/staff/dashboard`, a.staff),
      count: 8,
      connections: 1,
    },
    {
      name: "staff dashboard, the district's `/district/dashboard`",
      request: (s, a) => get(`${s.base}/district/dashboard`, a.district),
      count: 8,
      connections: 1,
    },
    {
      name: "the year's report `/staff/report`",
      request: (s, a) => get(`${s.base}/staff/report`, a.staff),
      count: 8,
      connections: 1,
    },
    yearExport("a year's export, the town's rows (XLSX) `/api/staff/dashboard/export`", "/api/staff/dashboard/export", "staff"),
    yearExport("a year's export, the district's (XLSX) `/api/district/report/export`", "/api/district/report/export", "district"),
  ];
}

const ms = (x: number) => `${x.toFixed(x < 100 ? 1 : 0)} ms`;

/** The services (bookings but held slots, walk-ins but voided) of the last 365 days, 睦洲's and everyone's. */
async function servicesOfYear(server: Server): Promise<{ town: number; all: number }> {
  const [row] = await server.prisma.$queryRaw<{ town: number; all: number }[]>`
    WITH s AS (
      SELECT venue_id FROM booking WHERE status <> 'HELD' AND starts_at >= now() - interval '365 days' AND starts_at < now()
      UNION ALL
      SELECT venue_id FROM walk_in WHERE voided_at IS NULL AND at >= now() - interval '365 days' AND at < now()
    )
    SELECT count(*) FILTER (WHERE v.town_id = (SELECT id FROM town WHERE slug = 'muzhou'))::int AS town, count(*)::int AS "all"
    FROM s JOIN venue v ON v.id = s.venue_id`;
  return row;
}

/** The scale table: each path on the town server and the district server, in turns. */
export async function scaleTable(town: Server, district: Server): Promise<string[]> {
  const sessions = new Map<string, Sessions>();
  const slots = new Map<string, Slot[]>();
  for (const s of [town, district]) {
    sessions.set(s.name, { staff: await sessionCookie(s, "staff"), district: await sessionCookie(s, "district") });
    slots.set(s.name, await freeSlots(s.base, "muzhou"));
  }
  const paths = scalePaths(slots);
  const lines = [
    "| path | requests, at once | town seed p50 | town p95 | district seed p50 | district p95 | p95 district ÷ town | ≤ 1.5×? |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const path of paths) {
    const run = (s: Server) =>
      load((i) => path.request(s, sessions.get(s.name) as Sessions, i), {
        seconds: 600,
        limit: path.count,
        connections: path.connections,
      });
    // Warm-up: the first requests compile the route's queries and fill the caches.
    for (const s of [town, district]) for (let i = 0; i < 2; i++) await path.request(s, sessions.get(s.name) as Sessions, i);
    const t1 = await run(town);
    const d1 = await run(district);
    const d2 = await run(district);
    const t2 = await run(town);
    const t = summary(merge(t1, t2));
    const d = summary(merge(d1, d2));
    const errors = (x: typeof t) => (x.count === x.ok ? "" : ` (${x.count - x.ok} failed)`);
    const ratio = d.p95 / t.p95;
    const line = `| ${path.name} | ${t.count + d.count}, ${path.connections} | ${ms(t.p50)} | ${ms(t.p95)}${errors(t)} | ${ms(d.p50)} | ${ms(d.p95)}${errors(d)} | ${ratio.toFixed(2)}× | ${ratio <= 1.5 ? "yes" : "**no**"} |`;
    console.log(line);
    lines.push(line);
  }
  const [t, d] = [await servicesOfYear(town), await servicesOfYear(district)];
  lines.push(
    "",
    `Services of the last 365 days behind the staff paths: 睦洲's ${t.town} on the town seed, ${d.town} on the district seed (${(d.town / t.town).toFixed(2)}×); every town's ${t.all} and ${d.all} (${(d.all / t.all).toFixed(1)}×).`,
  );
  return lines;
}

/**
 * The booking against its floor on `server` (the district seed: its 226 venues have free slots
 * enough for every booking of the run): one client's bookings one after another (latency), then
 * 20 at once through the app and through the bare route, in turns.
 */
export async function bookingFloor(server: Server, bareBase: string, seconds: number): Promise<string[]> {
  const free = await freeSlots(server.base);
  const single = summary(await load((i) => bookThrough(server.base, free[i]), { seconds: 60, limit: 100, connections: 1 }));
  let taken = single.count;
  const [venue, lawyer, topic] = await Promise.all([
    server.prisma.venue.findFirstOrThrow({ where: { slug: "station" }, select: { id: true } }),
    server.prisma.lawyer.findFirstOrThrow({ select: { id: true } }),
    server.prisma.topic.findFirstOrThrow({ where: { code: "other" }, select: { id: true } }),
  ]);
  const bare = async (k: number) => {
    const response = await fetch(`${bareBase}/booking`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ venueId: venue.id, lawyerId: lawyer.id, topicId: topic.id, phone: nextPhone(), name: "压测", k }),
    });
    await response.arrayBuffer();
    return response.status === 201;
  };
  const app = async () => {
    const l = await load((i) => bookThrough(server.base, free[i]), {
      seconds: seconds / 2,
      limit: free.length - taken,
      first: taken,
    });
    taken += l.latencies.length;
    return l;
  };
  let k = 0;
  const floor = async () => {
    const l = await load((i) => bare(i), { seconds: seconds / 2, limit: 1_000_000, first: k });
    k += l.latencies.length;
    return l;
  };
  const a1 = await app();
  const b1 = await floor();
  const b2 = await floor();
  const a2 = await app();
  const a = merge(a1, a2);
  const b = merge(b1, b2);
  const s = summary(a);
  const f = summary(b);
  const appRate = a.ok / a.elapsed;
  const bareRate = b.ok / b.elapsed;
  return [
    "| measure | app | bare route, the booking's SQL through pg | ratio | target | met? |",
    "| --- | --- | --- | --- | --- | --- |",
    `| bookings on the ${server.name} seed, 20 concurrent, 2 × ${seconds / 2} s each (${free.length} free slots) | ${appRate.toFixed(1)}/s (${a.ok} of ${s.count}), p50 ${ms(s.p50)}, p95 ${ms(s.p95)} | ${bareRate.toFixed(1)}/s (${b.ok} of ${f.count}), p50 ${ms(f.p50)}, p95 ${ms(f.p95)} | ${((appRate / bareRate) * 100).toFixed(0)} % | ≥ 50 % | ${appRate / bareRate >= 0.5 ? "yes" : "**no**"} |`,
    `| a booking, one client, one after another (${single.ok} of ${single.count}) | p50 ${ms(single.p50)}, p95 ${ms(single.p95)} | — | — | p95 < 50 ms | ${single.p95 < 50 ? "yes" : "**no**"} |`,
  ];
}
