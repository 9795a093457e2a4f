// Years of a district's demo activity (issue 24 item 1): `npm run db:seed -- --district --years 3`
// adds about 200,000 bookings over the towns' venues, with walk-ins, 签到, evaluations, text
// messages, waitlist entries, venue looks, call-back requests and audit rows, the way a district's
// years look: busier towns and villages, a quiet Spring Festival and harvest, no duty on holidays.
//
// Set-based: PostgreSQL generates every row (INSERT … SELECT over the duty sessions and the dates)
// in one transaction; JavaScript only decides the calendar (lib/holidays/calendar.ts) and the
// weights. The database's own rules hold by construction, and the database checks them: a
// lawyer's weekly sessions never overlap (their constraint), so neither do the bookings and 签到
// made within them; a phone's bookings are far apart; rows already there are stepped around.
// Deterministic: rows are drawn from hashes of their keys. Idempotent: a second run finds its
// bookings and adds nothing.
// Only for demo and benchmark databases, like demo-year.ts.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { CODE_ALPHABET, CODE_LENGTH } from "../../lib/booking/code";
import { createHolidayCalendar } from "../../lib/holidays/calendar";
import { addDays, type DateString, isoWeekday, todayInShanghai } from "../../lib/time";
import { CHANNELS, GROUPS, LEADS, TOPIC_WEIGHTS } from "./demo-year";

export const DISTRICT_YEARS_NAME = "示例村民（多年数据）";
const WALK_IN_NAME = "示例来访（多年数据）";
const WAITLIST_NAME = "示例候补（多年数据）";
const CALLBACK_NAME = "示例回电（多年数据）";

export type DistrictYearsOptions = {
  now?: Date;
  years?: number;
  /** The history's length in days instead of years (a test's few weeks). */
  days?: number;
  /** Only these towns (slugs); every town by default. */
  towns?: string[];
  seed?: number;
  /** Bookings per venue per day on average: about 200,000 in three years over Xinhui's ~226 venues. */
  perVenueDay?: number;
  /** Told how long each statement took (the seed's own profile). */
  log?: (line: string) => void;
};

export type DistrictYearsCounts = {
  skipped: boolean;
  lawyers: number;
  bookings: number;
  walkIns: number;
  attendances: number;
  evaluations: number;
  notifications: number;
  waitlist: number;
  audit: number;
  lookups: number;
  callbacks: number;
};

/** Busier towns: the district's seat (会城, a 街道) most, the small island towns least. */
const TOWN_WEIGHTS: Record<string, number> = { huicheng: 1.4, daao: 0.8, siqian: 0.85, luokeng: 0.85 };

/**
 * A date's share of demand: the Spring Festival weeks and the rest of its month are quiet, as are
 * the two rice harvests (July's 双抢, late October to November); January (wages owed before the
 * New Year) and the weeks after the festival (land, family) are busy; Mondays more than Fridays.
 */
function dateWeight(date: DateString, springFestival: Set<DateString>): number {
  const month = Number(date.slice(5, 7));
  const byMonth = [1.2, 1, 1.15, 1, 1, 0.95, 0.7, 0.9, 1, 0.9, 0.8, 1.05][month - 1];
  let near = false;
  for (let d = -7; d <= 7 && !near; d++) near = springFestival.has(addDays(date, d));
  const festival = near ? 0.35 : [...springFestival].some((d) => d.slice(0, 7) === date.slice(0, 7)) ? 0.7 : 1;
  const weekday = [1.1, 1.05, 1, 1, 0.9, 0.8, 0.8][isoWeekday(date) - 1];
  return byMonth * festival * weekday;
}

/** 0 … 1 from a string, the same on every machine (FNV-1a). */
function unit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4294967296;
}

const literal = (value: string | null) => (value === null ? "NULL" : `'${value.replace(/'/g, "''")}'`);

/** SQL choosing one of `weighted` by the uniform number `r`: the value whose share of the weights r falls in. */
function pick(r: string, weighted: [string | null, number][], type = "text"): string {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  const bounds: number[] = [];
  let sum = 0;
  for (const [, w] of weighted.slice(0, -1)) {
    sum += w;
    bounds.push(sum / total);
  }
  return `(ARRAY[${weighted.map(([v]) => literal(v)).join(",")}]::${type}[])[width_bucket(${r}, ARRAY[${bounds.join(",")}]::float8[]) + 1]`;
}

const SATISFACTION: [string, number][] = [
  ["SATISFIED", 82],
  ["BASICALLY_SATISFIED", 14],
  ["DISSATISFIED", 4],
];
const RESOLUTION: [string, number][] = [
  ["SOLVED", 64],
  ["PARTLY_SOLVED", 28],
  ["UNSOLVED", 8],
];
const COMMENTS = ["律师讲得很清楚", "很耐心，谢谢", "问题解决了", "希望多来几次", "等的时间有点长", "还要再咨询一次"];
/** What a done consultation led to: each outcome with its own chance; none at all is OTHER. */
const OUTCOMES: [string, number][] = [
  ["CONSULTATION", 0.9],
  ["DOCUMENT", 0.05],
  ["CONTRACT", 0.05],
  ["MEDIATION", 0.04],
  ["LEGAL_AID_REFERRAL", 0.03],
  ["MEDIATION_REFERRAL", 0.03],
];

export async function seedDistrictYears(url: string, options: DistrictYearsOptions = {}): Promise<DistrictYearsCounts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { log } = options;
  if (log) {
    const query = client.query.bind(client) as (sql: string, params?: unknown[]) => Promise<unknown>;
    const timed = async (sql: string, params?: unknown[]) => {
      const started = performance.now();
      const result = await query(sql, params);
      log(`${(performance.now() - started).toFixed(0).padStart(7)} ms  ${sql.trim().split("\n")[0].slice(0, 90)}`);
      return result;
    };
    client.query = timed as typeof client.query;
  }
  try {
    await client.query("BEGIN");
    const counts = await seed(client, options);
    await client.query("COMMIT");
    if (!counts.skipped) for (const table of TABLES) await client.query(`ANALYZE ${table}`);
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

const TABLES = [
  "lawyer",
  "duty_session",
  "booking",
  "walk_in",
  "attendance",
  "evaluation",
  "notification",
  "waitlist_entry",
  "audit_log",
  "venue_lookup",
  "callback_request",
];

type VenueRow = { id: string; slug: string; kind: string; townId: string; townSlug: string; shortName: string };

async function seed(client: pg.Client, options: DistrictYearsOptions): Promise<DistrictYearsCounts> {
  const { now = new Date(), years = 3, seed = 20_241_208, perVenueDay = 200_000 / (3 * 365 * 226) } = options;
  const found = await client.query("SELECT 1 FROM booking WHERE name = $1 LIMIT 1", [DISTRICT_YEARS_NAME]);
  if (found.rowCount) return { ...ZERO, skipped: true };

  const today = todayInShanghai(now);
  const days = options.days ?? Math.round(years * 365.25);
  const first = addDays(today, -days);
  const last = addDays(today, 14);

  const venues = (
    await client.query<VenueRow>(
      `SELECT v.id, v.slug, v.kind, t.id AS "townId", t.slug AS "townSlug", t.short_name AS "shortName"
       FROM venue v JOIN town t ON t.id = v.town_id
       WHERE v.active AND ($1::text[] IS NULL OR t.slug = ANY($1))
       ORDER BY t.sort_order, t.slug, v.kind, v.sort_order, v.slug`,
      [options.towns ?? null],
    )
  ).rows;
  if (venues.length === 0) throw new Error("No venues to seed years of activity for: run the seed (and --district) first.");

  const lawyers = await addAdvisers(client, venues, first, now);
  // The rota seeded for today has to have run all along: start every session of these venues on
  // the history's first day, unless the lawyer had another session then that it would overlap.
  await client.query(
    `UPDATE duty_session s SET valid_from = $1::date, updated_at = $3
     WHERE s.venue_id = ANY($2) AND s.valid_from > $1::date AND NOT EXISTS (
       SELECT 1 FROM duty_session o WHERE o.lawyer_id = s.lawyer_id AND o.id <> s.id AND o.weekday = s.weekday
         AND int4range(o.start_minute, o.end_minute) && int4range(s.start_minute, s.end_minute)
         AND daterange(o.valid_from, o.valid_until, '[]') && daterange($1::date, s.valid_until, '[]'))`,
    [first, venues.map((v) => v.id), now],
  );

  // The calendar: days with duty (no statutory holiday; a staff override counts) and their weights.
  const overrides = await client.query<{ date: string; kind: "HOLIDAY" | "WORKDAY" }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind::text AS kind FROM calendar_override`,
  );
  const calendar = createHolidayCalendar(overrides.rows);
  const springFestival = new Set<DateString>();
  for (let d = addDays(first, -20); d <= addDays(last, 20); d = addDays(d, 1))
    if (calendar.holidayName(d) === "春节" && calendar.dayKind(d) === "holiday") springFestival.add(d);
  const dates: DateString[] = [];
  const weights: number[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (calendar.dayKind(d) === "holiday") continue;
    dates.push(d);
    weights.push(dateWeight(d, springFestival));
  }
  const venueWeight = (v: VenueRow) =>
    (TOWN_WEIGHTS[v.townSlug] ?? 0.9 + 0.25 * unit(v.townSlug)) * (v.kind === "STATION" ? 1.6 : 0.45 + unit(v.slug) * 1.1);

  await client.query(`SET LOCAL work_mem = '128MB'`);
  // A uniform number in [0, 1) drawn from a key: the same row gets the same draw on every run.
  await client.query(
    `CREATE FUNCTION pg_temp.yr_r(k text, n int) RETURNS float8 LANGUAGE sql IMMUTABLE
     AS $$ SELECT (hashtextextended(k, ${seed}::bigint * 100 + n) & 140737488355327)::float8 / 140737488355328.0 $$`,
  );
  await client.query(
    `CREATE TEMP TABLE yr_day ON COMMIT DROP AS SELECT * FROM unnest($1::date[], $2::float8[]) AS d(date, weight)`,
    [dates, weights],
  );
  await client.query(
    `CREATE TEMP TABLE yr_venue ON COMMIT DROP AS
     SELECT u.venue_id, u.weight, v.town_id, v.village, v.slot_minutes, v.name
     FROM unnest($1::text[], $2::float8[]) AS u(venue_id, weight) JOIN venue v ON v.id = u.venue_id`,
    [venues.map((v) => v.id), venues.map(venueWeight)],
  );
  // Each session on each of its dates: the unit of duty (a 签到, walk-ins) and of the slots.
  await client.query(
    `CREATE TEMP TABLE yr_occ ON COMMIT DROP AS
     SELECT s.id || ':' || d.date AS k, s.lawyer_id, s.venue_id, d.date, s.start_minute, s.end_minute, v.slot_minutes,
            v.village, v.town_id, d.weight * v.weight AS weight,
            (d.date + make_interval(mins => s.start_minute)) AT TIME ZONE 'Asia/Shanghai' AS starts,
            (d.date + make_interval(mins => s.end_minute)) AT TIME ZONE 'Asia/Shanghai' AS ends
     FROM duty_session s JOIN yr_venue v ON v.venue_id = s.venue_id JOIN lawyer l ON l.id = s.lawyer_id AND l.active
     JOIN yr_day d ON extract(isodow FROM d.date) = s.weekday AND d.date >= s.valid_from
       AND (s.valid_until IS NULL OR d.date <= s.valid_until)`,
  );
  await client.query(
    `CREATE TEMP TABLE yr_slot ON COMMIT DROP AS
     SELECT o.k || ':' || m AS k, o.lawyer_id, o.venue_id, o.date, o.village, o.slot_minutes,
            o.weight * CASE WHEN o.start_minute < 720 THEN 1.1 ELSE 0.9 END AS weight,
            (o.date + make_interval(mins => m)) AT TIME ZONE 'Asia/Shanghai' AS starts_at,
            (o.date + make_interval(mins => m + o.slot_minutes)) AT TIME ZONE 'Asia/Shanghai' AS ends_at
     FROM yr_occ o, generate_series(o.start_minute, o.end_minute - o.slot_minutes, o.slot_minutes) m`,
  );
  // How full: the weights scaled so that the slots' expected bookings make the target.
  const target = perVenueDay * venues.length * (days + 15);
  const [{ total }] = (await client.query<{ total: number }>("SELECT coalesce(sum(weight), 0)::float8 AS total FROM yr_slot"))
    .rows;
  const scale = total > 0 ? target / total : 0;

  const topics = (await client.query<{ id: string; code: string }>("SELECT id, code FROM topic WHERE active ORDER BY sort_order"))
    .rows;
  const topicOf = (r: string) =>
    pick(
      r,
      topics.map((t) => [t.id, TOPIC_WEIGHTS[t.code] ?? 1]),
    );
  const phoneOf = (r: string) => `'136' || lpad(floor(${r} * 150000)::int::text, 8, '0')`;
  const outcomesOf = (key: string, n: number) =>
    `coalesce(nullif(array_remove(ARRAY[${OUTCOMES.map(([o, p], i) => `CASE WHEN pg_temp.yr_r(${key}, ${n + i}) < ${p} THEN '${o}' END`).join(", ")}]::text[], NULL), '{}'), '{OTHER}')::"Outcome"[]`;
  const codeOf = (n: string) => {
    const m = CODE_ALPHABET.length ** CODE_LENGTH;
    // A bijection of 1 … m onto the codes (the step has no factor of the alphabet's size), so no two of these rows share one.
    const x = `((${seed % m}::bigint + ${n} * 7368787) % ${m})`;
    return Array.from(
      { length: CODE_LENGTH },
      (_, i) => `substr('${CODE_ALPHABET}', ((${x} / ${CODE_ALPHABET.length ** i}) % ${CODE_ALPHABET.length})::int + 1, 1)`,
    ).join(" || ");
  };
  const leadBounds = pick(
    "r3",
    LEADS.map(([[lo], w]) => [String(lo), w]),
    "int",
  );
  const leadSpans = pick(
    "r3",
    LEADS.map(([[lo, hi], w]) => [String(hi - lo + 1), w]),
    "int",
  );

  // A booking's row trigger tells the app servers which venues' free slots changed (one notice
  // per venue, worked out per row: most of the insert's time). One notice for every venue at the
  // end says the same; where the seed may not switch the trigger off (not the table's owner), it runs.
  const quiet = await client
    .query("SAVEPOINT quiet; ALTER TABLE booking DISABLE TRIGGER booking_slots_changed")
    .then(() => true)
    .catch(() => client.query("ROLLBACK TO SAVEPOINT quiet").then(() => false));
  await client.query(
    `INSERT INTO booking (id, code, venue_id, lawyer_id, starts_at, ends_at, status, name, phone, village, topic_id,
       priority_group, channel, consent_at, created_at, updated_at, cancelled_at, checked_in_at, completed_at, outcomes, minutes_spent)
     WITH chosen AS (
       SELECT s.*, row_number() OVER (ORDER BY s.starts_at, s.k) AS n,
              pg_temp.yr_r(s.k, 2) AS r2, pg_temp.yr_r(s.k, 3) AS r3, pg_temp.yr_r(s.k, 4) AS r4, pg_temp.yr_r(s.k, 5) AS r5
       FROM yr_slot s WHERE pg_temp.yr_r(s.k, 1) < least(0.95, s.weight * $2::float8)
     ), timed AS (
       SELECT c.*,
              CASE WHEN c.starts_at < $1::timestamptz THEN CASE WHEN r2 < 0.14 THEN 'CANCELLED' WHEN r2 < 0.22 THEN 'NO_SHOW' ELSE 'DONE' END
                   ELSE CASE WHEN r2 < 0.12 THEN 'CANCELLED' ELSE 'CONFIRMED' END END AS status,
              ((c.date - (${leadBounds} + floor(r4 * ${leadSpans})::int)) + make_interval(mins => 420 + floor(r5 * 840)::int))
                AT TIME ZONE 'Asia/Shanghai' AS asked
       FROM chosen c
     ), made AS (
       SELECT t.*,
              least(CASE WHEN t.asked >= t.starts_at THEN t.starts_at - make_interval(mins => 30 + floor(r5 * 120)::int) ELSE t.asked END,
                    $1::timestamptz - make_interval(secs => floor(r5 * 3600)::int)) AS created
       FROM timed t
     ), coded AS (
       SELECT m.*, ${codeOf("m.n")} AS code,
              -- A phone's bookings are 150,000 bookings apart, so never at the same time.
              '136' || lpad(((m.n * 7919) % 150000)::text, 8, '0') AS phone
       FROM made m
     )
     SELECT 'yb' || md5(m.k), m.code, m.venue_id, m.lawyer_id, m.starts_at, m.ends_at, m.status::"BookingStatus",
            $3, m.phone, m.village, ${topicOf("pg_temp.yr_r(m.k, 7)")},
            ${pick("pg_temp.yr_r(m.k, 8)", GROUPS)}, ${pick("pg_temp.yr_r(m.k, 9)", CHANNELS)}::"Channel",
            m.created, m.created,
            CASE m.status WHEN 'DONE' THEN m.ends_at WHEN 'CANCELLED' THEN cancelled ELSE m.created END,
            CASE WHEN m.status = 'CANCELLED' THEN cancelled END,
            CASE WHEN m.status = 'DONE' THEN m.starts_at - make_interval(mins => floor(pg_temp.yr_r(m.k, 10) * 10)::int) END,
            CASE WHEN m.status = 'DONE' THEN m.ends_at END,
            CASE WHEN m.status = 'DONE' THEN ${outcomesOf("m.k", 20)} ELSE '{}' END,
            CASE WHEN m.status = 'DONE' THEN 10 + floor(pg_temp.yr_r(m.k, 11) * 50)::int END
     FROM coded m, LATERAL (SELECT least($1::timestamptz, m.created + (m.starts_at - m.created) * pg_temp.yr_r(m.k, 12)) AS cancelled) x
     -- Step around what is already there (a year of 睦洲's demo, bookings made on the demo site).
     WHERE NOT EXISTS (SELECT 1 FROM booking o WHERE o.code = m.code)
       AND NOT EXISTS (SELECT 1 FROM booking o WHERE o.lawyer_id = m.lawyer_id AND o.status <> 'CANCELLED'
                         AND o.starts_at < m.ends_at AND o.starts_at > m.starts_at - interval '4 hours' AND o.ends_at > m.starts_at)
       AND NOT EXISTS (SELECT 1 FROM booking o WHERE o.phone = m.phone AND o.status <> 'CANCELLED'
                         AND o.starts_at < m.ends_at AND o.ends_at > m.starts_at)
     -- In the order of the lawyer's exclusion index: its checks and inserts then stay in a few pages.
     ORDER BY m.lawyer_id, m.starts_at`,
    [now, scale, DISTRICT_YEARS_NAME],
  );
  if (quiet)
    await client.query("ALTER TABLE booking ENABLE TRIGGER booking_slots_changed; SELECT pg_notify('slots_changed', '*')");

  // People who just turn up while the lawyer is there: more at busier places and times.
  await client.query(
    `INSERT INTO walk_in (id, venue_id, lawyer_id, at, name, phone, village, topic_id, priority_group, outcomes, minutes_spent, created_at)
     SELECT 'yw' || md5(w.k), w.venue_id, w.lawyer_id, w.at, $2,
            CASE WHEN pg_temp.yr_r(w.k, 32) < 0.7 THEN ${phoneOf("pg_temp.yr_r(w.k, 33)")} END, w.village,
            ${topicOf("pg_temp.yr_r(w.k, 34)")}, ${pick("pg_temp.yr_r(w.k, 35)", GROUPS)}, ${outcomesOf("w.k", 40)},
            10 + floor(pg_temp.yr_r(w.k, 36) * 40)::int, w.at
     FROM (
       SELECT o.venue_id, o.lawyer_id, o.village, o.k || ':' || i AS k,
              o.starts + make_interval(mins => floor(pg_temp.yr_r(o.k || ':' || i, 31) * (o.end_minute - o.start_minute))::int) AS at
       FROM yr_occ o,
            generate_series(1, CASE WHEN pg_temp.yr_r(o.k, 30) < 0.12 * o.weight THEN 2 WHEN pg_temp.yr_r(o.k, 30) < 0.42 * o.weight THEN 1 ELSE 0 END) i
       WHERE o.ends < $1::timestamptz
     ) w`,
    [now, WALK_IN_NAME],
  );

  // 签到 and 签退 of every past session the lawyer served someone at, and of most of the others; a
  // few departures not recorded (closed at the session's end).
  await client.query(
    `INSERT INTO attendance (id, lawyer_id, venue_id, arrived_at, left_at, session_ends_at, auto_closed, created_at, updated_at)
     SELECT 'ya' || md5(a.k), a.lawyer_id, a.venue_id, a.arrived, a.left_at, a.ends, a.forgot, a.arrived, a.left_at
     FROM (
       SELECT o.*, o.starts + make_interval(mins => floor(pg_temp.yr_r(o.k, 51) * 8)::int) AS arrived,
              pg_temp.yr_r(o.k, 52) < 0.03 AS forgot,
              CASE WHEN pg_temp.yr_r(o.k, 52) < 0.03 THEN o.ends
                   ELSE o.ends - make_interval(mins => floor(pg_temp.yr_r(o.k, 53) * 8)::int) END AS left_at
       FROM yr_occ o
       WHERE o.ends < $1::timestamptz AND (pg_temp.yr_r(o.k, 50) < 0.9
         OR EXISTS (SELECT 1 FROM booking b WHERE b.lawyer_id = o.lawyer_id AND b.starts_at >= o.starts AND b.starts_at < o.ends AND b.status = 'DONE')
         OR EXISTS (SELECT 1 FROM walk_in w WHERE w.lawyer_id = o.lawyer_id AND w.at >= o.starts AND w.at < o.ends))
     ) a
     -- Within its session, so never over another of the lawyer's (their sessions never overlap);
     -- and around any 签到 already there.
     WHERE NOT EXISTS (SELECT 1 FROM attendance x WHERE x.lawyer_id = a.lawyer_id AND x.arrived_at < a.ends
                         AND coalesce(x.left_at, 'infinity') > a.starts)`,
    [now],
  );

  // Evaluations: a third of the done bookings on their page (or a paper form), a quarter of the walk-ins.
  const satisfaction = (k: string) => `${pick(`pg_temp.yr_r(${k}, 61)`, SATISFACTION)}::"Satisfaction"`;
  const resolution = (k: string) => `${pick(`pg_temp.yr_r(${k}, 62)`, RESOLUTION)}::"Resolution"`;
  const comment = (k: string) =>
    `CASE WHEN pg_temp.yr_r(${k}, 63) < 0.2 THEN (ARRAY[${COMMENTS.map(literal).join(",")}])[1 + floor(pg_temp.yr_r(${k}, 64) * ${COMMENTS.length})::int] END`;
  await client.query(
    `INSERT INTO evaluation (id, booking_id, walk_in_id, satisfaction, resolution, comment, source, created_at, updated_at)
     SELECT 'ye' || md5(b.id), b.id, NULL, ${satisfaction("b.id")}, ${resolution("b.id")}, ${comment("b.id")},
            CASE WHEN pg_temp.yr_r(b.id, 65) < 0.7 THEN 'BOOKING_PAGE' ELSE 'PAPER' END::"EvaluationSource", e.at, e.at
     FROM booking b,
          LATERAL (SELECT least($1::timestamptz, b.completed_at + make_interval(mins => floor(pg_temp.yr_r(b.id, 66) * 4320)::int)) AS at) e
     WHERE b.name = $2 AND b.status = 'DONE' AND pg_temp.yr_r(b.id, 60) < 0.35
     UNION ALL
     SELECT 'ye' || md5(w.id), NULL, w.id, ${satisfaction("w.id")}, ${resolution("w.id")}, ${comment("w.id")},
            CASE WHEN pg_temp.yr_r(w.id, 65) < 0.6 THEN 'WALK_IN_LINK' ELSE 'PAPER' END::"EvaluationSource", e.at, e.at
     FROM walk_in w,
          LATERAL (SELECT least($1::timestamptz, w.at + make_interval(mins => 30 + floor(pg_temp.yr_r(w.id, 66) * 1440)::int)) AS at) e
     WHERE w.name = $3 AND pg_temp.yr_r(w.id, 60) < 0.25`,
    [now, DISTRICT_YEARS_NAME, WALK_IN_NAME],
  );

  // The texts each booking was sent (all delivered: history has nothing left to send): the
  // confirmation, the day-before reminder, the cancellation, the invitation to evaluate.
  await client.query(
    `INSERT INTO notification (id, key, booking_id, kind, phone, message, detail, status, send_after, attempts, created_at, sent_at)
     SELECT 'yn' || md5(n.key), n.key, n.id, n.kind::"NotificationKind", n.phone,
            '【睦洲公共法律服务】预约' || n.code || n.lead || '：' || to_char(n.starts_at AT TIME ZONE 'Asia/Shanghai', 'FMMM月FMDD日 HH24:MI')
              || '，' || replace(v.name, '公共法律服务', ''),
            n.detail, 'SENT', n.at, 1, n.at, n.at + interval '3 seconds'
     FROM (
       SELECT b.*, 'confirmation:' || b.id AS key, 'CONFIRMATION' AS kind, '已确认' AS lead, NULL AS detail, b.created_at AS at
       FROM booking b WHERE b.name = $2
       UNION ALL
       SELECT b.*, 'reminder:' || b.id || ':day_before', 'REMINDER', '就在明天', NULL, r.at
       FROM booking b, LATERAL (SELECT ((b.starts_at AT TIME ZONE 'Asia/Shanghai')::date - 1 + time '18:00') AT TIME ZONE 'Asia/Shanghai' AS at) r
       WHERE b.name = $2 AND r.at > b.created_at AND r.at < $1::timestamptz AND (b.cancelled_at IS NULL OR b.cancelled_at > r.at)
       UNION ALL
       SELECT b.*, 'cancellation:' || b.id, 'CANCELLATION', '已取消', '您的要求', b.cancelled_at
       FROM booking b WHERE b.name = $2 AND b.status = 'CANCELLED'
       UNION ALL
       SELECT b.*, 'evaluation:' || b.id, 'EVALUATION', '已结束，请评价', NULL, b.completed_at
       FROM booking b WHERE b.name = $2 AND b.status = 'DONE'
     ) n JOIN venue v ON v.id = n.venue_id`,
    [now, DISTRICT_YEARS_NAME],
  );

  // Waiting lists in busy weeks: most got a time, some let it lapse, some gave up.
  await client.query(
    `INSERT INTO waitlist_entry (id, venue_id, name, phone, topic_id, from_date, to_date, status, consent_at, created_at, ended_at)
     SELECT 'yl' || md5(l.k), l.venue_id, $3, ${phoneOf("pg_temp.yr_r(l.k, 71)")}, ${topicOf("pg_temp.yr_r(l.k, 72)")},
            l.week, l.week + 6, ${pick("pg_temp.yr_r(l.k, 73)", [
              ["BOOKED", 45],
              ["LAPSED", 35],
              ["CANCELLED", 20],
            ])}::"WaitlistStatus",
            l.asked, l.asked, l.asked + make_interval(hours => 2 + floor(pg_temp.yr_r(l.k, 74) * 120)::int)
     FROM (
       SELECT v.venue_id, v.venue_id || ':' || w.week AS k, w.week,
              (w.week - 2 + time '10:00') AT TIME ZONE 'Asia/Shanghai' AS asked, v.weight
       FROM yr_venue v, (SELECT generate_series($1::date, $2::date - 8, interval '7 days')::date AS week) w
     ) l
     WHERE pg_temp.yr_r(l.k, 70) < 0.06 * l.weight`,
    [first, today, WAITLIST_NAME],
  );

  // Who did what, as the audit log records it: the lawyer's outcome or no-show, staff booking for
  // someone who phoned.
  await client.query(
    `INSERT INTO audit_log (id, actor_id, actor_name, actor_role, kind, action, subject_id, summary, at)
     SELECT 'yu' || md5(b.id || ':' || a.action), a.actor_id, a.actor_name, a.actor_role, 'booking', a.action, b.id,
            a.summary || b.code, a.at
     FROM booking b JOIN lawyer l ON l.id = b.lawyer_id JOIN yr_venue v ON v.venue_id = b.venue_id
     LEFT JOIN LATERAL (
       SELECT u.id, u.display_name, u.role::text AS role FROM app_user u
       WHERE u.town_id = v.town_id AND u.role IN ('STAFF', 'ADMIN') ORDER BY u.role DESC, u.username LIMIT 1
     ) staff ON true,
     LATERAL (VALUES
       ('done', l.user_id, l.name, 'LAWYER', '记录服务结果（' || cardinality(b.outcomes) || ' 项，' || b.minutes_spent || ' 分钟）：预约 ', b.completed_at,
        b.status = 'DONE'),
       ('no_show', l.user_id, l.name, 'LAWYER', '标记未到：预约 ', b.ends_at, b.status = 'NO_SHOW'),
       ('create', staff.id, coalesce(staff.display_name, '司法所工作人员（示例）'), coalesce(staff.role, 'STAFF'), '代为预约 ', b.created_at,
        b.channel = 'PHONE')
     ) AS a(action, actor_id, actor_name, actor_role, summary, at, applies)
     WHERE b.name = $1 AND a.applies`,
    [DISTRICT_YEARS_NAME],
  );

  // Looks at the venues' pages (the unmet demand: nothing free), and call-back requests.
  await client.query(
    `INSERT INTO venue_lookup (id, venue_id, had_free_slot, at)
     SELECT 'yk' || md5(l.k), l.venue_id, pg_temp.yr_r(l.k, 81) > 0.18 / l.weight, l.at
     FROM (
       SELECT v.venue_id, v.weight, v.venue_id || ':' || d.date || ':' || i AS k,
              (d.date + make_interval(mins => 420 + floor(pg_temp.yr_r(v.venue_id || d.date || i, 82) * 900)::int)) AT TIME ZONE 'Asia/Shanghai' AS at
       FROM yr_venue v CROSS JOIN yr_day d,
            generate_series(1, floor(pg_temp.yr_r(v.venue_id || d.date, 80) * 1.4 * v.weight * d.weight)::int) i
       WHERE d.date <= $2
     ) l WHERE l.at < $1::timestamptz`,
    [now, today],
  );
  await client.query(
    `INSERT INTO callback_request (id, venue_id, name, phone, consent_at, created_at, handled_at, handled_note)
     SELECT 'yc' || md5(c.k), c.venue_id, $3, ${phoneOf("pg_temp.yr_r(c.k, 91)")}, c.at, c.at,
            CASE WHEN c.at < $1::timestamptz - interval '10 days' AND pg_temp.yr_r(c.k, 92) < 0.9 THEN c.at + interval '1 day' END,
            CASE WHEN c.at < $1::timestamptz - interval '10 days' AND pg_temp.yr_r(c.k, 92) < 0.9 THEN '已回电，帮其约好时间（示例）' END
     FROM (
       SELECT v.venue_id, v.venue_id || ':' || m.month AS k,
              (m.month + make_interval(mins => floor(pg_temp.yr_r(v.venue_id || m.month, 93) * 40000)::int)) AT TIME ZONE 'Asia/Shanghai' AS at,
              v.weight
       FROM yr_venue v, (SELECT generate_series($2::date, ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, interval '1 month')::date AS month) m
     ) c WHERE pg_temp.yr_r(c.k, 90) < 0.12 * c.weight AND c.at < $1::timestamptz`,
    [now, first, CALLBACK_NAME],
  );

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params)).rows[0].n);
  return {
    skipped: false,
    lawyers,
    bookings: await count("booking WHERE name = $1", [DISTRICT_YEARS_NAME]),
    walkIns: await count("walk_in WHERE name = $1", [WALK_IN_NAME]),
    attendances: await count("attendance WHERE id LIKE 'ya%'"),
    evaluations: await count("evaluation WHERE id LIKE 'ye%'"),
    notifications: await count("notification WHERE id LIKE 'yn%'"),
    waitlist: await count("waitlist_entry WHERE name = $1", [WAITLIST_NAME]),
    audit: await count("audit_log WHERE id LIKE 'yu%'"),
    lookups: await count("venue_lookup WHERE id LIKE 'yk%'"),
    callbacks: await count("callback_request WHERE name = $1", [CALLBACK_NAME]),
  };
}

const ZERO: DistrictYearsCounts = {
  skipped: false,
  lawyers: 0,
  bookings: 0,
  walkIns: 0,
  attendances: 0,
  evaluations: 0,
  notifications: 0,
  waitlist: 0,
  audit: 0,
  lookups: 0,
  callbacks: 0,
};

/**
 * Each village's legal adviser (一村一法律顾问) for the history: a lawyer (示例, no account) per
 * three workrooms of a town, at each of them two half-days a week, and one morning at the town's
 * station; no two of their sessions overlap. Returns how many were added.
 */
async function addAdvisers(client: pg.Client, venues: VenueRow[], first: DateString, now: Date): Promise<number> {
  const lawyers: { id: string; name: string; firm: string; phone: string; townId: string }[] = [];
  const sessions: { lawyerId: string; venueId: string; weekday: number; start: number; end: number; adviser: boolean }[] = [];
  const AM = [9 * 60, 12 * 60];
  const PM = [14 * 60 + 30, 17 * 60 + 30];
  const towns = [...new Set(venues.map((v) => v.townId))];
  for (const townId of towns) {
    const inTown = venues.filter((v) => v.townId === townId);
    const station = inTown.find((v) => v.kind === "STATION");
    const workrooms = inTown.filter((v) => v.kind === "WORKROOM");
    for (let g = 0; g * 3 < workrooms.length; g++) {
      const k = g + 1;
      const id = `yrs-${inTown[0].townSlug}-${k}`;
      lawyers.push({
        id,
        name: `${inTown[0].shortName}驻村律师${k}（示例）`,
        firm: `广东${inTown[0].shortName}${["正平", "明德", "侨乡"][g % 3]}律师事务所（示例）`,
        phone: `1370${String(lawyers.length + 1).padStart(7, "0")}`,
        townId,
      });
      for (const [m, workroom] of workrooms.slice(g * 3, g * 3 + 3).entries()) {
        sessions.push({ lawyerId: id, venueId: workroom.id, weekday: 1 + m, start: AM[0], end: AM[1], adviser: true });
        sessions.push({ lawyerId: id, venueId: workroom.id, weekday: [4, 5, 1][m], start: PM[0], end: PM[1], adviser: true });
      }
      if (station)
        sessions.push({ lawyerId: id, venueId: station.id, weekday: k % 2 ? 4 : 5, start: AM[0], end: AM[1], adviser: false });
    }
  }
  const added = await client.query(
    `INSERT INTO lawyer (id, name, firm, public_phone, town_id, created_at, updated_at)
     SELECT * , $6::timestamptz, $6::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (id) DO NOTHING`,
    [
      lawyers.map((l) => l.id),
      lawyers.map((l) => l.name),
      lawyers.map((l) => l.firm),
      lawyers.map((l) => l.phone),
      lawyers.map((l) => l.townId),
      now,
    ],
  );
  await client.query(
    `INSERT INTO lawyer_venue (lawyer_id, venue_id, is_adviser)
     SELECT lawyer_id, venue_id, bool_or(adviser) FROM unnest($1::text[], $2::text[], $3::bool[]) AS s(lawyer_id, venue_id, adviser)
     GROUP BY lawyer_id, venue_id
     ON CONFLICT DO NOTHING`,
    [sessions.map((s) => s.lawyerId), sessions.map((s) => s.venueId), sessions.map((s) => s.adviser)],
  );
  await client.query(
    `INSERT INTO duty_session (id, lawyer_id, venue_id, weekday, start_minute, end_minute, valid_from, created_at, updated_at)
     SELECT 'yrs-' || md5(s.lawyer_id || ':' || s.venue_id || ':' || s.weekday || ':' || s.start_minute), s.*, $6::date, $7::timestamptz, $7::timestamptz
     FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[]) AS s(lawyer_id, venue_id, weekday, start_minute, end_minute)
     ON CONFLICT (id) DO NOTHING`,
    [
      sessions.map((s) => s.lawyerId),
      sessions.map((s) => s.venueId),
      sessions.map((s) => s.weekday),
      sessions.map((s) => s.start),
      sessions.map((s) => s.end),
      first,
      now,
    ],
  );
  return added.rowCount ?? 0;
}
