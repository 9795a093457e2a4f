import "server-only";
// The services one by one: the dashboard's export and the bookings behind each number of the report.
import { lawyersIn, type Scope, venuesIn } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BookingStatus, Channel, EvaluationSource, Outcome, Resolution, Satisfaction } from "@/lib/generated/prisma/enums";
import { bookingWhere, listFilterOptions, resolveFilters, type Window, walkInWhere, windowOf } from "../queries";
import type { DashboardFilters, ReportFilters, ReportItemsFilters } from "../schema";

export type ServiceRow = {
  kind: "booking" | "walk_in";
  id: string;
  code: string | null;
  at: Date;
  createdAt: Date;
  /** A walk-in reads as DONE and WALK_IN. */
  status: BookingStatus;
  channel: Channel;
  name: string;
  phone: string | null;
  village: string | null;
  venue: string;
  venueVillage: string | null;
  lawyer: string;
  topic: string;
  priorityGroup: string | null;
  outcomes: Outcome[];
  minutesSpent: number | null;
  /** When the villager was there: a booking's check-in (null if never checked in), a walk-in's time. */
  attendedAt: Date | null;
  /** Whether the lawyer signed in (签到) at the venue on the service's Shanghai date (issue 22 item 6). */
  lawyerSignedIn: boolean;
  /** The consultation's evaluation (评价表), if it has one (lib/evaluations). */
  satisfaction: Satisfaction | null;
  resolution: Resolution | null;
  evaluationComment: string | null;
  evaluationSource: EvaluationSource | null;
};

/**
 * Whether the row's lawyer has a 签到 at its venue on its Shanghai date: arrived from that day's
 * Shanghai midnight to the next, a range the index on (venue_id, arrived_at) answers for each row
 * (comparing dates instead made PostgreSQL hash every 签到 ever made, each time: docs/performance.md).
 */
const signedIn = (lawyer: Prisma.Sql, venue: Prisma.Sql, at: Prisma.Sql) => {
  const day = Prisma.sql`date_trunc('day', ${at} AT TIME ZONE 'Asia/Shanghai')`;
  return Prisma.sql`EXISTS (
  SELECT 1 FROM attendance a WHERE a.lawyer_id = ${lawyer} AND a.venue_id = ${venue}
    AND a.arrived_at >= (${day} AT TIME ZONE 'Asia/Shanghai') AND a.arrived_at < ((${day} + interval '1 day') AT TIME ZONE 'Asia/Shanghai'))`;
};

const EVALUATION_COLUMNS = Prisma.sql`e.satisfaction::text AS satisfaction, e.resolution::text AS resolution,
  e.comment AS "evaluationComment", e.source::text AS "evaluationSource"`;

type RowWindow = Window & { doneOnly: boolean; outcome?: string; lawyerId?: string };

const BOOKING_COLUMNS = Prisma.sql`'booking' AS kind, b.id, b.code, b.starts_at AS at, b.created_at AS "createdAt",
  b.status::text AS status, b.channel::text AS channel, b.name, b.phone, b.village, v.name AS venue, v.village AS "venueVillage",
  l.name AS lawyer, t.name AS topic, b.priority_group AS "priorityGroup", b.outcomes::text[] AS outcomes,
  b.minutes_spent AS "minutesSpent", b.checked_in_at AS "attendedAt",
  ${signedIn(Prisma.sql`b.lawyer_id`, Prisma.sql`b.venue_id`, Prisma.sql`b.starts_at`)} AS "lawyerSignedIn", ${EVALUATION_COLUMNS}`;
const BOOKING_JOINS = Prisma.sql`JOIN venue v ON v.id = b.venue_id JOIN lawyer l ON l.id = b.lawyer_id JOIN topic t ON t.id = b.topic_id
  LEFT JOIN evaluation e ON e.booking_id = b.id`;
const WALK_IN_COLUMNS = Prisma.sql`'walk_in', w.id, NULL, w.at, w.created_at, 'DONE', 'WALK_IN', w.name, w.phone, w.village,
  v.name, v.village, l.name, t.name, w.priority_group, w.outcomes::text[], w.minutes_spent, w.at,
  ${signedIn(Prisma.sql`w.lawyer_id`, Prisma.sql`w.venue_id`, Prisma.sql`w.at`)}, ${EVALUATION_COLUMNS}`;
const WALK_IN_JOINS = Prisma.sql`JOIN venue v ON v.id = w.venue_id JOIN lawyer l ON l.id = w.lawyer_id JOIN topic t ON t.id = w.topic_id
  LEFT JOIN evaluation e ON e.walk_in_id = w.id`;

const outcomeIn = (s: RowWindow, column: Prisma.Sql) =>
  s.outcome ? Prisma.sql`AND CAST(${s.outcome} AS "Outcome") = ANY(${column})` : Prisma.empty;

function bookingsOf(s: RowWindow): Prisma.Sql {
  return Prisma.sql`${bookingWhere(s)} ${s.doneOnly ? Prisma.sql`AND b.status = 'DONE'` : Prisma.empty}
    ${s.lawyerId ? Prisma.sql`AND b.lawyer_id = ${s.lawyerId}` : Prisma.empty} ${outcomeIn(s, Prisma.sql`b.outcomes`)}`;
}

function walkInsOf(s: RowWindow): Prisma.Sql {
  return Prisma.sql`${walkInWhere(s)} ${s.lawyerId ? Prisma.sql`AND w.lawyer_id = ${s.lawyerId}` : Prisma.empty}
    ${outcomeIn(s, Prisma.sql`w.outcomes`)}`;
}

function rowsSql(s: RowWindow): Prisma.Sql {
  return Prisma.sql`
    SELECT ${BOOKING_COLUMNS} FROM booking b ${BOOKING_JOINS} WHERE ${bookingsOf(s)}
    UNION ALL
    SELECT ${WALK_IN_COLUMNS} FROM walk_in w ${WALK_IN_JOINS} WHERE ${walkInsOf(s)}`;
}

type Key = { at: Date; id: string };

/**
 * The `size` rows after `after` in (time, id) order. The page is chosen on the rows' keys alone,
 * and only its rows get their names, evaluation and 签到 (a subquery each): choosing on the whole
 * rows would work out every later row's 签到 again for each page. Each side takes its own first
 * `size` keys in order, so that the indexes on booking (starts_at, id) and walk_in (at, id) are
 * read from the key on and stop there, instead of every later row of the period being sorted.
 */
function pageSql(s: RowWindow, after: Key | null, size: number): Prisma.Sql {
  const past = (at: Prisma.Sql, id: Prisma.Sql) =>
    after ? Prisma.sql`AND (${at}, ${id}) > (${after.at}, ${after.id})` : Prisma.empty;
  return Prisma.sql`
    WITH page AS (
      SELECT * FROM (
        (SELECT 'booking' AS kind, b.id, b.starts_at AS at FROM booking b
        WHERE ${bookingsOf(s)} ${past(Prisma.sql`b.starts_at`, Prisma.sql`b.id`)} ORDER BY b.starts_at, b.id LIMIT ${size})
        UNION ALL
        (SELECT 'walk_in', w.id, w.at FROM walk_in w WHERE ${walkInsOf(s)} ${past(Prisma.sql`w.at`, Prisma.sql`w.id`)}
        ORDER BY w.at, w.id LIMIT ${size})
      ) k ORDER BY k.at, k.id LIMIT ${size}
    )
    SELECT ${BOOKING_COLUMNS} FROM page p JOIN booking b ON b.id = p.id ${BOOKING_JOINS} WHERE p.kind = 'booking'
    UNION ALL
    SELECT ${WALK_IN_COLUMNS} FROM page p JOIN walk_in w ON w.id = p.id ${WALK_IN_JOINS} WHERE p.kind = 'walk_in'
    ORDER BY at, id`;
}

/** Rows a streamed export reads per query: its memory is one batch's, however long the period. */
export const EXPORT_BATCH = 2_000;

/** Every row of the window, a batch at a time, oldest first (keyset: no row twice, none skipped). */
async function* pagesOf(s: RowWindow, size: number): AsyncGenerator<ServiceRow[]> {
  let after: Key | null = null;
  for (;;) {
    const rows: ServiceRow[] = await db.$queryRaw<ServiceRow[]>(pageSql(s, after, size));
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    after = { at: last.at, id: last.id };
  }
}

async function countRows(s: RowWindow): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT ((SELECT count(*) FROM booking b WHERE ${bookingsOf(s)}) + (SELECT count(*) FROM walk_in w WHERE ${walkInsOf(s)}))::int AS count`;
  return row?.count ?? 0;
}

/**
 * An export's rows: how many there are (for the audit entry, written before the file leaves), and
 * the rows themselves, read a batch at a time as the file is written. Rows changed while the file
 * is written may or may not be in it, as in any download that takes a while.
 */
export type RowsExport = { count: number; pages: AsyncIterable<ServiceRow[]> };

function exportOf(s: RowWindow, size: number): Promise<RowsExport> {
  return countRows(s).then((count) => ({ count, pages: { [Symbol.asyncIterator]: () => pagesOf(s, size) } }));
}

async function collect(pages: AsyncIterable<ServiceRow[]>): Promise<ServiceRow[]> {
  const rows: ServiceRow[] = [];
  for await (const page of pages) rows.push(...page);
  return rows;
}

/** Bookings (cancelled ones too, marked) and walk-ins behind the dashboard, oldest first, for its export. */
export async function readDashboardRows(
  scope: Scope,
  filters: DashboardFilters,
  size = EXPORT_BATCH,
): Promise<({ ok: true } & RowsExport) | { ok: false; errors: Record<string, string> }> {
  const resolved = resolveFilters(filters, await listFilterOptions(scope));
  if (!resolved.ok) return resolved;
  const window = windowOf(scope, filters, { venueId: resolved.venueId, topicId: resolved.topicId });
  return { ok: true, ...(await exportOf({ ...window, doneOnly: false }, size)) };
}

/** The same rows all at once, for a page or a test; a download streams them (readDashboardRows). */
export async function listDashboardRows(
  scope: Scope,
  filters: DashboardFilters,
): Promise<{ ok: true; rows: ServiceRow[] } | { ok: false; errors: Record<string, string> }> {
  const result = await readDashboardRows(scope, filters);
  return result.ok ? { ok: true, rows: await collect(result.pages) } : result;
}

export const ITEMS_PAGE_SIZE = 100;

/**
 * The services behind one figure of the report (done bookings and walk-ins), a page at a time. A
 * venue or lawyer outside the scope finds nothing, as one that does not exist.
 */
export async function listReportItems(scope: Scope, filters: ReportItemsFilters, pageSize = ITEMS_PAGE_SIZE) {
  const rowWindow: RowWindow = {
    ...windowOf(scope, filters),
    venueId: filters.venue,
    lawyerId: filters.lawyer,
    outcome: filters.outcome,
    doneOnly: true,
  };
  const [rows, counted, venue, lawyer] = await Promise.all([
    db.$queryRaw<ServiceRow[]>`
      SELECT * FROM (${rowsSql(rowWindow)}) s ORDER BY s.at, s.id LIMIT ${pageSize} OFFSET ${(filters.page - 1) * pageSize}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (${rowsSql(rowWindow)}) s`,
    filters.venue ? db.venue.findFirst({ where: { id: filters.venue, ...venuesIn(scope) }, select: { name: true } }) : null,
    filters.lawyer ? db.lawyer.findFirst({ where: { id: filters.lawyer, ...lawyersIn(scope) }, select: { name: true } }) : null,
  ]);
  const total = counted[0]?.total ?? 0;
  return {
    rows,
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    venueName: venue?.name ?? null,
    lawyerName: lawyer?.name ?? null,
  };
}

/** Every service of the period in the scope, for the report's detail sheet, a batch at a time. */
export function readReportRows(scope: Scope, filters: ReportFilters, size = EXPORT_BATCH): Promise<RowsExport> {
  return exportOf({ ...windowOf(scope, filters), doneOnly: true }, size);
}

/** The same rows all at once, for a test. */
export async function listReportRows(scope: Scope, filters: ReportFilters): Promise<ServiceRow[]> {
  return collect((await readReportRows(scope, filters)).pages);
}

/**
 * Services recorded done in the scope with no 签到 of their lawyer at the venue that day
 * (issue 22 item 6): what the dashboard counts for an inspector; the export lists each.
 */
export async function countDoneWithoutLawyerAttendance(window: Window): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (${rowsSql({ ...window, doneOnly: true })}) s WHERE s.status = 'DONE' AND NOT s."lawyerSignedIn"`;
  return row?.count ?? 0;
}
