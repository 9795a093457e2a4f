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

/** Whether the row's lawyer has a 签到 at its venue on its Shanghai date. */
const signedIn = (lawyer: Prisma.Sql, venue: Prisma.Sql, at: Prisma.Sql) => Prisma.sql`EXISTS (
  SELECT 1 FROM attendance a WHERE a.lawyer_id = ${lawyer} AND a.venue_id = ${venue}
    AND (a.arrived_at AT TIME ZONE 'Asia/Shanghai')::date = (${at} AT TIME ZONE 'Asia/Shanghai')::date)`;

const EVALUATION_COLUMNS = Prisma.sql`e.satisfaction::text AS satisfaction, e.resolution::text AS resolution,
  e.comment AS "evaluationComment", e.source::text AS "evaluationSource"`;

type RowWindow = Window & { doneOnly: boolean; outcome?: string; lawyerId?: string };

function rowsSql(s: RowWindow): Prisma.Sql {
  const outcome = (column: Prisma.Sql) =>
    s.outcome ? Prisma.sql`AND CAST(${s.outcome} AS "Outcome") = ANY(${column})` : Prisma.empty;
  return Prisma.sql`
    SELECT 'booking' AS kind, b.id, b.code, b.starts_at AS at, b.created_at AS "createdAt", b.status::text AS status,
           b.channel::text AS channel, b.name, b.phone, b.village, v.name AS venue, v.village AS "venueVillage",
           l.name AS lawyer, t.name AS topic, b.priority_group AS "priorityGroup", b.outcomes::text[] AS outcomes,
           b.minutes_spent AS "minutesSpent", b.checked_in_at AS "attendedAt",
           ${signedIn(Prisma.sql`b.lawyer_id`, Prisma.sql`b.venue_id`, Prisma.sql`b.starts_at`)} AS "lawyerSignedIn", ${EVALUATION_COLUMNS}
    FROM booking b JOIN venue v ON v.id = b.venue_id JOIN lawyer l ON l.id = b.lawyer_id JOIN topic t ON t.id = b.topic_id
    LEFT JOIN evaluation e ON e.booking_id = b.id
    WHERE ${bookingWhere(s)} ${s.doneOnly ? Prisma.sql`AND b.status = 'DONE'` : Prisma.empty}
      ${s.lawyerId ? Prisma.sql`AND b.lawyer_id = ${s.lawyerId}` : Prisma.empty} ${outcome(Prisma.sql`b.outcomes`)}
    UNION ALL
    SELECT 'walk_in', w.id, NULL, w.at, w.created_at, 'DONE', 'WALK_IN', w.name, w.phone, w.village, v.name, v.village,
           l.name, t.name, w.priority_group, w.outcomes::text[], w.minutes_spent, w.at,
           ${signedIn(Prisma.sql`w.lawyer_id`, Prisma.sql`w.venue_id`, Prisma.sql`w.at`)}, ${EVALUATION_COLUMNS}
    FROM walk_in w JOIN venue v ON v.id = w.venue_id JOIN lawyer l ON l.id = w.lawyer_id JOIN topic t ON t.id = w.topic_id
    LEFT JOIN evaluation e ON e.walk_in_id = w.id
    WHERE ${walkInWhere(s)} ${s.lawyerId ? Prisma.sql`AND w.lawyer_id = ${s.lawyerId}` : Prisma.empty} ${outcome(Prisma.sql`w.outcomes`)}`;
}

/** Longest export: far above a year of the town's volume, and still a file Excel opens at once. */
export const EXPORT_ROW_LIMIT = 50_000;

/** Bookings (cancelled ones too, marked) and walk-ins behind the dashboard, oldest first. */
export async function listDashboardRows(
  scope: Scope,
  filters: DashboardFilters,
): Promise<{ ok: true; rows: ServiceRow[] } | { ok: false; errors: Record<string, string> }> {
  const resolved = resolveFilters(filters, await listFilterOptions(scope));
  if (!resolved.ok) return resolved;
  const window = windowOf(scope, filters, { venueId: resolved.venueId, topicId: resolved.topicId });
  const rows = await db.$queryRaw<ServiceRow[]>`
    SELECT * FROM (${rowsSql({ ...window, doneOnly: false })}) s ORDER BY s.at, s.id LIMIT ${EXPORT_ROW_LIMIT}`;
  return { ok: true, rows };
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

/** Every service of the period in the scope, for the report's detail sheet. */
export async function listReportRows(scope: Scope, filters: ReportFilters): Promise<ServiceRow[]> {
  return db.$queryRaw<ServiceRow[]>`
    SELECT * FROM (${rowsSql({ ...windowOf(scope, filters), doneOnly: true })}) s ORDER BY s.at, s.id LIMIT ${EXPORT_ROW_LIMIT}`;
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
