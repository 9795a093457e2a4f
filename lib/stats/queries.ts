import "server-only";
// The dashboard's and the report's reads. Counting happens in PostgreSQL (GROUP BY, with dates and
// hours taken in Asia/Shanghai there), so a year of data costs a few small result sets, not every row.
import { loadDutyInputs } from "@/lib/availability/queries";
import { dutyIntervals } from "@/lib/availability/slots";
import { PRIORITY_GROUPS } from "@/lib/booking/schema";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { MONTHLY_TARGET_HOURS, monthRange, scheduledHours } from "@/lib/schedule/hours";
import { addDays, todayInShanghai, zonedInstant } from "@/lib/time";
import {
  againstTarget,
  bucketLeadTimes,
  EMPTY_COUNTS,
  type HeatGrid,
  heatGrid,
  type OutcomeCounts,
  offeredSlots,
  previousMonth,
  rate,
  type Share,
  type WeekRow,
  weeklySeries,
  withShares,
} from "./aggregate";
import type { DashboardFilters, Period, ReportFilters, ReportItemsFilters } from "./schema";

export type VenueOption = { id: string; slug: string; name: string; village: string | null; kind: "STATION" | "WORKROOM" };
export type TopicOption = { id: string; code: string; name: string };

/** Venues and topics for the filter lists, in the order the public pages show them. */
export async function listFilterOptions(): Promise<{ venues: VenueOption[]; topics: TopicOption[] }> {
  const [venues, topics] = await Promise.all([
    db.venue.findMany({
      orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
      select: { id: true, slug: true, name: true, village: true, kind: true },
    }),
    db.topic.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true } }),
  ]);
  return { venues, topics };
}

function instants({ from, to }: Period) {
  return { start: zonedInstant(from), end: zonedInstant(addDays(to, 1)) };
}

type Scope = { start: Date; end: Date; venueId?: string; topicId?: string };

function bookingWhere(s: Scope): Prisma.Sql {
  return Prisma.sql`b.starts_at >= ${s.start} AND b.starts_at < ${s.end}
    ${s.venueId ? Prisma.sql`AND b.venue_id = ${s.venueId}` : Prisma.empty}
    ${s.topicId ? Prisma.sql`AND b.topic_id = ${s.topicId}` : Prisma.empty}`;
}

function walkInWhere(s: Scope): Prisma.Sql {
  return Prisma.sql`w.at >= ${s.start} AND w.at < ${s.end}
    ${s.venueId ? Prisma.sql`AND w.venue_id = ${s.venueId}` : Prisma.empty}
    ${s.topicId ? Prisma.sql`AND w.topic_id = ${s.topicId}` : Prisma.empty}`;
}

const SHANGHAI = Prisma.raw("'Asia/Shanghai'");

/** Duty sessions, exceptions and the holiday calendar for these venues over [from, to], without bookings. */
export type VenueLine = {
  venueId: string;
  name: string;
  bookings: number;
  walkIns: number;
  done: number;
  noShow: number;
  cancelled: number;
  offered: number;
  utilisation: number | null;
  noShowRate: number | null;
};

export type LookupLine = { venueId: string; name: string; looks: number; nothingFree: number; share: number | null };
export type CallbackLine = {
  id: string;
  venue: string;
  name: string;
  phone: string;
  topic: string | null;
  note: string | null;
  createdAt: Date;
};
export type HoursLine = {
  venueId: string;
  name: string;
  village: string | null;
  thisMonth: { hours: number; met: boolean; shortfall: number };
  lastMonth: { hours: number; met: boolean; shortfall: number };
};

export type Dashboard = {
  filters: DashboardFilters;
  weekly: WeekRow[];
  venues: VenueLine[];
  topics: Share[];
  leadTimes: Share[];
  priorityGroups: Share[];
  heat: HeatGrid;
  totals: { bookings: number; walkIns: number; done: number; noShow: number; offered: number };
  noShowRate: number | null;
  utilisation: number | null;
  lookups: LookupLine[];
  callbacks: { open: CallbackLine[]; openCount: number; inPeriod: number; handledInPeriod: number };
  hours: { month: string; lastMonth: string; target: number; lines: HoursLine[] };
};

export type DashboardResult = { ok: true; dashboard: Dashboard } | { ok: false; errors: Record<string, string> };

/** Venue slug and topic code to ids; an unknown one is a field error, not an empty page. */
export async function resolveScope(filters: DashboardFilters, options: { venues: VenueOption[]; topics: TopicOption[] }) {
  const errors: Record<string, string> = {};
  const venue = filters.venue ? options.venues.find((v) => v.slug === filters.venue) : undefined;
  const topic = filters.topic ? options.topics.find((t) => t.code === filters.topic) : undefined;
  if (filters.venue && !venue) errors.venue = "没有这个服务地点，请从列表中选择。";
  if (filters.topic && !topic) errors.topic = "没有这个咨询事项，请从列表中选择。";
  return { errors, venueId: venue?.id, topicId: topic?.id };
}

const OPEN_CALLBACKS_SHOWN = 50;

export async function loadDashboard(filters: DashboardFilters, now: Date = new Date()): Promise<DashboardResult> {
  const options = await listFilterOptions();
  const { errors, venueId, topicId } = await resolveScope(filters, options);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const scope: Scope = { ...instants(filters), venueId, topicId };
  const venues = venueId ? options.venues.filter((v) => v.id === venueId) : options.venues;
  const venueIds = venues.map((v) => v.id);
  const month = todayInShanghai(now).slice(0, 7);
  const lastMonth = previousMonth(month);
  const dutyFrom = [filters.from, monthRange(lastMonth).from].sort()[0];
  const dutyTo = [filters.to, monthRange(month).to].sort()[1];

  const [
    weekly,
    statuses,
    topics,
    leads,
    priorities,
    heat,
    lookups,
    openCallbacks,
    openCount,
    callbackCounts,
    duty,
    slotLengths,
  ] = await Promise.all([
    db.$queryRaw<{ week: string; venueId: string; kind: "booking" | "walk_in"; count: number }[]>`
        SELECT to_char(date_trunc('week', b.starts_at AT TIME ZONE ${SHANGHAI}), 'YYYY-MM-DD') AS week,
               b.venue_id AS "venueId", 'booking' AS kind, count(*)::int AS count
        FROM booking b WHERE ${bookingWhere(scope)} AND b.status <> 'CANCELLED' GROUP BY 1, 2
        UNION ALL
        SELECT to_char(date_trunc('week', w.at AT TIME ZONE ${SHANGHAI}), 'YYYY-MM-DD'), w.venue_id, 'walk_in', count(*)::int
        FROM walk_in w WHERE ${walkInWhere(scope)} GROUP BY 1, 2`,
    db.$queryRaw<{ venueId: string; done: number; noShow: number; cancelled: number }[]>`
        SELECT b.venue_id AS "venueId",
               count(*) FILTER (WHERE b.status = 'DONE')::int AS done,
               count(*) FILTER (WHERE b.status = 'NO_SHOW')::int AS "noShow",
               count(*) FILTER (WHERE b.status = 'CANCELLED')::int AS cancelled
        FROM booking b WHERE ${bookingWhere(scope)} GROUP BY 1`,
    db.$queryRaw<{ topicId: string; count: number }[]>`
        SELECT s.topic_id AS "topicId", sum(s.n)::int AS count FROM (
          SELECT b.topic_id, count(*) AS n FROM booking b WHERE ${bookingWhere(scope)} AND b.status <> 'CANCELLED' GROUP BY 1
          UNION ALL
          SELECT w.topic_id, count(*) FROM walk_in w WHERE ${walkInWhere(scope)} GROUP BY 1
        ) s GROUP BY 1`,
    db.$queryRaw<{ days: number; count: number }[]>`
        SELECT ((b.starts_at AT TIME ZONE ${SHANGHAI})::date - (b.created_at AT TIME ZONE ${SHANGHAI})::date) AS days,
               count(*)::int AS count
        FROM booking b WHERE ${bookingWhere(scope)} AND b.status <> 'CANCELLED' GROUP BY 1`,
    db.$queryRaw<{ group: string | null; count: number }[]>`
        SELECT s.g AS "group", sum(s.n)::int AS count FROM (
          SELECT b.priority_group AS g, count(*) AS n FROM booking b WHERE ${bookingWhere(scope)} AND b.status <> 'CANCELLED' GROUP BY 1
          UNION ALL
          SELECT w.priority_group, count(*) FROM walk_in w WHERE ${walkInWhere(scope)} GROUP BY 1
        ) s GROUP BY 1`,
    db.$queryRaw<{ weekday: number; hour: number; count: number }[]>`
        SELECT extract(isodow FROM b.starts_at AT TIME ZONE ${SHANGHAI})::int AS weekday,
               extract(hour FROM b.starts_at AT TIME ZONE ${SHANGHAI})::int AS hour,
               count(*)::int AS count
        FROM booking b WHERE ${bookingWhere(scope)} AND b.status <> 'CANCELLED' GROUP BY 1, 2`,
    db.$queryRaw<{ venueId: string; looks: number; nothingFree: number }[]>`
        SELECT l.venue_id AS "venueId", count(*)::int AS looks, count(*) FILTER (WHERE NOT l.had_free_slot)::int AS "nothingFree"
        FROM venue_lookup l
        WHERE l.at >= ${scope.start} AND l.at < ${scope.end} ${venueId ? Prisma.sql`AND l.venue_id = ${venueId}` : Prisma.empty}
        GROUP BY 1`,
    db.callbackRequest.findMany({
      where: { handledAt: null, ...(venueId ? { venueId } : {}) },
      orderBy: { createdAt: "asc" },
      take: OPEN_CALLBACKS_SHOWN,
      select: { id: true, venueId: true, name: true, phone: true, topicCode: true, note: true, createdAt: true },
    }),
    db.callbackRequest.count({ where: { handledAt: null, ...(venueId ? { venueId } : {}) } }),
    db.$queryRaw<{ total: number; handled: number }[]>`
        SELECT count(*)::int AS total, count(*) FILTER (WHERE c.handled_at IS NOT NULL)::int AS handled
        FROM callback_request c
        WHERE c.created_at >= ${scope.start} AND c.created_at < ${scope.end} ${venueId ? Prisma.sql`AND c.venue_id = ${venueId}` : Prisma.empty}`,
    loadDutyInputs(venueIds, dutyFrom, dutyTo, { activeLawyersOnly: false }),
    db.venue.findMany({ where: { id: { in: venueIds } }, select: { id: true, slotMinutes: true } }),
  ]);

  const venueName = new Map(options.venues.map((v) => [v.id, v.name]));
  const topicName = new Map(options.topics.map((t) => [t.id, t.name]));
  const slotMinutes = new Map(slotLengths.map((v) => [v.id, v.slotMinutes]));

  const lines = new Map<string, VenueLine>(
    venues.map((v) => [
      v.id,
      {
        venueId: v.id,
        name: v.name,
        bookings: 0,
        walkIns: 0,
        done: 0,
        noShow: 0,
        cancelled: 0,
        offered: 0,
        utilisation: null,
        noShowRate: null,
      },
    ]),
  );
  for (const r of weekly) {
    const line = lines.get(r.venueId);
    if (line && r.kind === "booking") line.bookings += r.count;
    else if (line) line.walkIns += r.count;
  }
  for (const r of statuses) {
    const line = lines.get(r.venueId);
    if (!line) continue;
    Object.assign(line, { done: r.done, noShow: r.noShow, cancelled: r.cancelled });
  }
  for (const line of lines.values()) {
    const venue = { id: line.venueId, slotMinutes: slotMinutes.get(line.venueId) ?? 30, minNoticeMinutes: 0, horizonDays: 1 };
    const intervals = dutyIntervals({ venue, ...duty, from: filters.from, to: filters.to });
    line.offered = offeredSlots(intervals, venue.slotMinutes);
    line.utilisation = rate(line.bookings, line.offered);
    line.noShowRate = rate(line.noShow, line.noShow + line.done);
  }
  const venueLines = [...lines.values()];
  const sum = (key: "bookings" | "walkIns" | "done" | "noShow" | "offered") => venueLines.reduce((s, l) => s + l[key], 0);
  const totals = {
    bookings: sum("bookings"),
    walkIns: sum("walkIns"),
    done: sum("done"),
    noShow: sum("noShow"),
    offered: sum("offered"),
  };

  const priorityLabels: Record<string, string> = PRIORITY_GROUPS;
  const workrooms = venues.filter((v) => v.kind === "WORKROOM");
  const hoursOf = (m: string) =>
    new Map(
      scheduledHours({
        venueIds: workrooms.map((v) => v.id),
        sessions: duty.sessions,
        exceptions: duty.exceptions,
        month: m,
        calendar: duty.calendar,
      }).map((h) => [h.venueId, h.hours]),
    );
  const thisHours = hoursOf(month);
  const lastHours = hoursOf(lastMonth);

  return {
    ok: true,
    dashboard: {
      filters,
      weekly: weeklySeries(
        weekly.map((r) => ({ week: r.week, kind: r.kind, count: r.count })),
        filters.from,
        filters.to,
      ),
      venues: venueLines,
      topics: withShares(
        options.topics
          .map((t) => ({
            key: t.code,
            label: topicName.get(t.id) ?? t.code,
            count: topics.find((r) => r.topicId === t.id)?.count ?? 0,
          }))
          .filter((t) => t.count > 0)
          .sort((a, b) => b.count - a.count),
      ),
      leadTimes: bucketLeadTimes(leads),
      priorityGroups: withShares(
        [...Object.keys(PRIORITY_GROUPS), null].map((g) => ({
          key: g ?? "none",
          label: g ? (priorityLabels[g] ?? g) : "未注明",
          count: priorities
            .filter((r) => (g === null ? r.group === null || !(r.group in PRIORITY_GROUPS) : r.group === g))
            .reduce((s, r) => s + r.count, 0),
        })),
      ),
      heat: heatGrid(heat),
      totals,
      noShowRate: rate(totals.noShow, totals.noShow + totals.done),
      utilisation: rate(totals.bookings, totals.offered),
      lookups: venues.map((v) => {
        const row = lookups.find((l) => l.venueId === v.id);
        const looks = row?.looks ?? 0;
        const nothingFree = row?.nothingFree ?? 0;
        return { venueId: v.id, name: v.name, looks, nothingFree, share: rate(nothingFree, looks) };
      }),
      callbacks: {
        open: openCallbacks.map((c) => ({
          id: c.id,
          venue: c.venueId ? (venueName.get(c.venueId) ?? "") : "未指定",
          name: c.name,
          phone: c.phone,
          topic: c.topicCode ? (options.topics.find((t) => t.code === c.topicCode)?.name ?? c.topicCode) : null,
          note: c.note,
          createdAt: c.createdAt,
        })),
        openCount,
        inPeriod: callbackCounts[0]?.total ?? 0,
        handledInPeriod: callbackCounts[0]?.handled ?? 0,
      },
      hours: {
        month,
        lastMonth,
        target: MONTHLY_TARGET_HOURS,
        lines: workrooms.map((v) => ({
          venueId: v.id,
          name: v.name,
          village: v.village,
          thisMonth: againstTarget(thisHours.get(v.id) ?? 0, MONTHLY_TARGET_HOURS),
          lastMonth: againstTarget(lastHours.get(v.id) ?? 0, MONTHLY_TARGET_HOURS),
        })),
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Rows: the dashboard export and the bookings behind each number of the report.

export type ServiceRow = {
  kind: "booking" | "walk_in";
  id: string;
  code: string | null;
  at: Date;
  createdAt: Date;
  status: string;
  channel: string | null;
  name: string;
  phone: string | null;
  village: string | null;
  venue: string;
  venueVillage: string | null;
  lawyer: string;
  topic: string;
  priorityGroup: string | null;
  outcomes: string[];
  minutesSpent: number | null;
};

type RowScope = Scope & { doneOnly: boolean; outcome?: string; lawyerId?: string };

function rowsSql(s: RowScope): Prisma.Sql {
  const outcome = (column: Prisma.Sql) =>
    s.outcome ? Prisma.sql`AND CAST(${s.outcome} AS "Outcome") = ANY(${column})` : Prisma.empty;
  return Prisma.sql`
    SELECT 'booking' AS kind, b.id, b.code, b.starts_at AS at, b.created_at AS "createdAt", b.status::text AS status,
           b.channel::text AS channel, b.name, b.phone, b.village, v.name AS venue, v.village AS "venueVillage",
           l.name AS lawyer, t.name AS topic, b.priority_group AS "priorityGroup", b.outcomes::text[] AS outcomes,
           b.minutes_spent AS "minutesSpent"
    FROM booking b JOIN venue v ON v.id = b.venue_id JOIN lawyer l ON l.id = b.lawyer_id JOIN topic t ON t.id = b.topic_id
    WHERE ${bookingWhere(s)} ${s.doneOnly ? Prisma.sql`AND b.status = 'DONE'` : Prisma.empty}
      ${s.lawyerId ? Prisma.sql`AND b.lawyer_id = ${s.lawyerId}` : Prisma.empty} ${outcome(Prisma.sql`b.outcomes`)}
    UNION ALL
    SELECT 'walk_in', w.id, NULL, w.at, w.created_at, 'DONE', 'WALK_IN', w.name, w.phone, w.village, v.name, v.village,
           l.name, t.name, w.priority_group, w.outcomes::text[], w.minutes_spent
    FROM walk_in w JOIN venue v ON v.id = w.venue_id JOIN lawyer l ON l.id = w.lawyer_id JOIN topic t ON t.id = w.topic_id
    WHERE ${walkInWhere(s)} ${s.lawyerId ? Prisma.sql`AND w.lawyer_id = ${s.lawyerId}` : Prisma.empty} ${outcome(Prisma.sql`w.outcomes`)}`;
}

/** Longest export: far above a year of the town's volume, and still a file Excel opens at once. */
export const EXPORT_ROW_LIMIT = 50_000;

/** Bookings (cancelled ones too, marked) and walk-ins behind the dashboard, oldest first. */
export async function listDashboardRows(
  filters: DashboardFilters,
): Promise<{ ok: true; rows: ServiceRow[] } | { ok: false; errors: Record<string, string> }> {
  const options = await listFilterOptions();
  const { errors, venueId, topicId } = await resolveScope(filters, options);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const rows = await db.$queryRaw<ServiceRow[]>`
    SELECT * FROM (${rowsSql({ ...instants(filters), venueId, topicId, doneOnly: false })}) s
    ORDER BY s.at, s.id LIMIT ${EXPORT_ROW_LIMIT}`;
  return { ok: true, rows };
}

export const ITEMS_PAGE_SIZE = 100;

/** The services behind one figure of the report (done bookings and walk-ins), a page at a time. */
export async function listReportItems(filters: ReportItemsFilters, pageSize = ITEMS_PAGE_SIZE) {
  const scope: RowScope = {
    ...instants(filters),
    venueId: filters.venue,
    lawyerId: filters.lawyer,
    outcome: filters.outcome,
    doneOnly: true,
  };
  const [rows, counted, venue, lawyer] = await Promise.all([
    db.$queryRaw<ServiceRow[]>`
      SELECT * FROM (${rowsSql(scope)}) s ORDER BY s.at, s.id LIMIT ${pageSize} OFFSET ${(filters.page - 1) * pageSize}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (${rowsSql(scope)}) s`,
    filters.venue ? db.venue.findUnique({ where: { id: filters.venue }, select: { name: true } }) : null,
    filters.lawyer ? db.lawyer.findUnique({ where: { id: filters.lawyer }, select: { name: true } }) : null,
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

/** Every service of the period for the report's detail sheet. */
export async function listReportRows(filters: ReportFilters): Promise<ServiceRow[]> {
  return db.$queryRaw<ServiceRow[]>`
    SELECT * FROM (${rowsSql({ ...instants(filters), doneOnly: true })}) s ORDER BY s.at, s.id LIMIT ${EXPORT_ROW_LIMIT}`;
}

// ---------------------------------------------------------------------------------------------
// The year's figures in the words of the town's annual report.

export type ReportGroup = OutcomeCounts & { id: string; name: string; village?: string | null };
export type Report = { filters: ReportFilters; totals: OutcomeCounts; byVenue: ReportGroup[]; byLawyer: ReportGroup[] };

type ReportRow = OutcomeCounts & { venueId: string | null; lawyerId: string | null; grouping: number };

/**
 * Services in the period: done bookings and walk-ins; an outcome counts once per service that
 * recorded it. Per venue (the village's workroom, or the town station) and per lawyer, in one pass.
 */
export async function loadReport(filters: ReportFilters): Promise<Report> {
  const { start, end } = instants(filters);
  const rows = await db.$queryRaw<ReportRow[]>`
    WITH s AS (
      SELECT b.venue_id, b.lawyer_id, b.outcomes FROM booking b
      WHERE b.status = 'DONE' AND b.starts_at >= ${start} AND b.starts_at < ${end}
      UNION ALL
      SELECT w.venue_id, w.lawyer_id, w.outcomes FROM walk_in w WHERE w.at >= ${start} AND w.at < ${end}
    )
    SELECT s.venue_id AS "venueId", s.lawyer_id AS "lawyerId", GROUPING(s.venue_id, s.lawyer_id)::int AS grouping,
           count(*)::int AS services,
           count(*) FILTER (WHERE 'CONSULTATION' = ANY(s.outcomes))::int AS "CONSULTATION",
           count(*) FILTER (WHERE 'DOCUMENT' = ANY(s.outcomes))::int AS "DOCUMENT",
           count(*) FILTER (WHERE 'CONTRACT' = ANY(s.outcomes))::int AS "CONTRACT",
           count(*) FILTER (WHERE 'MEDIATION' = ANY(s.outcomes))::int AS "MEDIATION",
           count(*) FILTER (WHERE 'LEGAL_AID_REFERRAL' = ANY(s.outcomes))::int AS "LEGAL_AID_REFERRAL",
           count(*) FILTER (WHERE 'MEDIATION_REFERRAL' = ANY(s.outcomes))::int AS "MEDIATION_REFERRAL",
           count(*) FILTER (WHERE 'OTHER' = ANY(s.outcomes))::int AS "OTHER"
    FROM s GROUP BY GROUPING SETS ((), (s.venue_id), (s.lawyer_id))`;
  const counts = (r: ReportRow): OutcomeCounts => ({
    services: r.services,
    CONSULTATION: r.CONSULTATION,
    DOCUMENT: r.DOCUMENT,
    CONTRACT: r.CONTRACT,
    MEDIATION: r.MEDIATION,
    LEGAL_AID_REFERRAL: r.LEGAL_AID_REFERRAL,
    MEDIATION_REFERRAL: r.MEDIATION_REFERRAL,
    OTHER: r.OTHER,
  });
  // GROUPING() is a bit mask: 1 = lawyer rolled up (a venue row), 2 = venue rolled up (a lawyer row), 3 = the total.
  const venueRows = rows.filter((r) => r.grouping === 1);
  const lawyerRows = rows.filter((r) => r.grouping === 2);
  const total = rows.find((r) => r.grouping === 3);
  const [venues, lawyers] = await Promise.all([
    db.venue.findMany({
      where: { id: { in: venueRows.map((r) => r.venueId as string) } },
      orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
      select: { id: true, name: true, village: true },
    }),
    db.lawyer.findMany({
      where: { id: { in: lawyerRows.map((r) => r.lawyerId as string) } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    filters,
    totals: total ? counts(total) : { ...EMPTY_COUNTS },
    byVenue: venues.map((v) => ({
      id: v.id,
      name: v.name,
      village: v.village,
      ...counts(venueRows.find((r) => r.venueId === v.id) as ReportRow),
    })),
    byLawyer: lawyers.map((l) => ({
      id: l.id,
      name: l.name,
      ...counts(lawyerRows.find((r) => r.lawyerId === l.id) as ReportRow),
    })),
  };
}
