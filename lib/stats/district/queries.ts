import "server-only";
// Town by town and village by village (issue 23 item 5): what the district's console and its export
// read. Each measure is one query over every venue of the scope, grouped in PostgreSQL by
// ROLLUP (town, venue): a venue's line, its town's, and the whole scope's come back together, so
// 220 venues cost the same handful of queries as one. The figures are the staff pages' own: the
// report's services, outcomes and evaluations (../report), the dashboard's bookings and no-shows,
// the villages' months judged on attended hours (../hours, lib/schedule/judgement.ts), and the
// unmet demand (looks with nothing free, call-back requests, the waitlist).
import { loadAttendedHours } from "@/lib/attendance/queries";
import { roundHours } from "@/lib/attendance/rules";
import { type Scope, venuesIn } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import type { EvaluationCounts } from "@/lib/evaluations/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { countedSql } from "@/lib/test-mode";
import type { OutcomeCounts } from "../aggregate";
import { loadVillageHours } from "../hours/queries";
import { bookingWhere, inTown, type Window, windowOf } from "../queries";
import {
  COUNT_COLUMNS,
  type CountRow,
  countsOf,
  evaluationsOf,
  type ReportOwner,
  reportOwnerOf,
  servicesSql,
} from "../report/queries";
import type { ReportFilters } from "../schema";

/** One line's figures: a village's (venue's), a town's, or the whole scope's. */
export type Figures = {
  /** The report's: services (done bookings + walk-ins), outcomes, evaluations. */
  counts: OutcomeCounts;
  evaluations: EvaluationCounts;
  /** Bookings not cancelled, and how they ended. */
  bookings: number;
  done: number;
  noShow: number;
  cancelled: number;
  walkIns: number;
  /** Workrooms' months whose attended hours reached the target, of the months judged. */
  monthsMet: number;
  monthsCounted: number;
  attendedHours: number;
  /** Unmet demand: looks at a venue with nothing free, call-back requests (of the period; open now), the waitlist now. */
  nothingFree: number;
  callbacks: number;
  callbacksOpen: number;
  waiting: number;
  offered: number;
};

export type VillageLine = Figures & { id: string; name: string; village: string | null; kind: "STATION" | "WORKROOM" };
export type TownLine = Figures & { id: string; name: string; government: string; villages: VillageLine[] };
/** A lawyer's attended hours in the period, in each town they served and in all. */
export type LawyerHours = { id: string; name: string; hours: number; towns: { id: string; name: string; hours: number }[] };

export type DistrictFigures = {
  filters: ReportFilters;
  owner: ReportOwner;
  target: number;
  totals: Figures;
  towns: TownLine[];
  lawyers: LawyerHours[];
};

type Grouped = { townId: string | null; venueId: string | null; grouping: number };
type BookingRow = Grouped & { bookings: number; done: number; noShow: number; cancelled: number };
type UnmetRow = Grouped & { nothingFree: number; callbacks: number; callbacksOpen: number; waiting: number; offered: number };

/** GROUPING(town, venue): 0 a venue's row, 1 a town's, 3 the whole scope's. */
const VENUE = 0;
const TOWN = 1;
const ALL = 3;

/** The period's figures of every town in the scope (a town's scope: its own), per village, and each lawyer's hours. */
export async function loadDistrictFigures(
  scope: Scope,
  filters: ReportFilters,
  now: Date = new Date(),
): Promise<DistrictFigures> {
  const window = windowOf(scope, filters);
  const [towns, venues, services, bookings, unmet, hours, owner] = await Promise.all([
    db.town.findMany({
      where: scope.townId ? { id: scope.townId } : {},
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, government: true },
    }),
    db.venue.findMany({
      where: venuesIn(scope),
      orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
      select: { id: true, townId: true, name: true, village: true, kind: true },
    }),
    db.$queryRaw<(Grouped & CountRow)[]>`
      WITH s AS (${servicesSql(window)})
      SELECT s.town_id AS "townId", s.venue_id AS "venueId", GROUPING(s.town_id, s.venue_id)::int AS grouping, ${COUNT_COLUMNS}
      FROM s GROUP BY ROLLUP (s.town_id, s.venue_id)`,
    db.$queryRaw<BookingRow[]>`
      SELECT v.town_id AS "townId", b.venue_id AS "venueId", GROUPING(v.town_id, b.venue_id)::int AS grouping,
             count(*) FILTER (WHERE b.status <> 'CANCELLED')::int AS bookings,
             count(*) FILTER (WHERE b.status = 'DONE')::int AS done,
             count(*) FILTER (WHERE b.status = 'NO_SHOW')::int AS "noShow",
             count(*) FILTER (WHERE b.status = 'CANCELLED')::int AS cancelled
      FROM booking b JOIN venue v ON v.id = b.venue_id WHERE ${bookingWhere(window)}
      GROUP BY ROLLUP (v.town_id, b.venue_id)`,
    countUnmet(window),
    loadVillageHours(scope, filters, now),
    reportOwnerOf(scope),
  ]);
  const find = <R extends Grouped>(rows: R[], grouping: number, id?: string) =>
    rows.find((r) => r.grouping === grouping && (grouping === ALL || (grouping === TOWN ? r.townId : r.venueId) === id));
  const hoursOf = (match: (row: { venueId: string; townId: string }) => boolean) => {
    const rows = hours.rows.filter(match);
    return {
      monthsMet: rows.reduce((s, r) => s + r.monthsMet, 0),
      monthsCounted: rows.reduce((s, r) => s + r.monthsCounted, 0),
      attendedHours: roundHours(rows.reduce((s, r) => s + r.attended, 0)),
    };
  };
  const figures = (grouping: number, id: string | undefined, match: (row: { venueId: string; townId: string }) => boolean) => {
    const counted = find(services, grouping, id);
    const booked = find(bookings, grouping, id);
    const waits = find(unmet, grouping, id);
    const counts = countsOf(counted);
    return {
      counts,
      evaluations: evaluationsOf(counted),
      bookings: booked?.bookings ?? 0,
      done: booked?.done ?? 0,
      noShow: booked?.noShow ?? 0,
      cancelled: booked?.cancelled ?? 0,
      // Services are done bookings and walk-ins of the same period: the rest are walk-ins.
      walkIns: counts.services - (booked?.done ?? 0),
      nothingFree: waits?.nothingFree ?? 0,
      callbacks: waits?.callbacks ?? 0,
      callbacksOpen: waits?.callbacksOpen ?? 0,
      waiting: waits?.waiting ?? 0,
      offered: waits?.offered ?? 0,
      ...hoursOf(match),
    };
  };
  return {
    filters,
    owner,
    target: hours.target,
    totals: figures(ALL, undefined, () => true),
    towns: towns.map((t) => ({
      ...t,
      ...figures(TOWN, t.id, (r) => r.townId === t.id),
      villages: venues
        .filter((v) => v.townId === t.id)
        .map((v) => ({
          id: v.id,
          name: v.name,
          village: v.village,
          kind: v.kind,
          ...figures(VENUE, v.id, (r) => r.venueId === v.id),
        })),
    })),
    lawyers: await lawyerHours(filters, venues, towns, now),
  };
}

/** Looks with nothing free and call-back requests of the period, open requests and the waitlist now, per venue. */
function countUnmet(window: Window) {
  const { start, end } = window;
  return db.$queryRaw<UnmetRow[]>`
    SELECT v.town_id AS "townId", u.venue_id AS "venueId", GROUPING(v.town_id, u.venue_id)::int AS grouping,
           sum(u.nothing_free)::int AS "nothingFree", sum(u.callbacks)::int AS callbacks,
           sum(u.callbacks_open)::int AS "callbacksOpen", sum(u.waiting)::int AS waiting, sum(u.offered)::int AS offered
    FROM (
      SELECT l.venue_id, count(*) FILTER (WHERE NOT l.had_free_slot) AS nothing_free, 0 AS callbacks, 0 AS callbacks_open,
             0 AS waiting, 0 AS offered
      FROM venue_lookup l WHERE l.at >= ${start} AND l.at < ${end} GROUP BY 1
      UNION ALL
      SELECT c.venue_id, 0, count(*) FILTER (WHERE c.created_at >= ${start} AND c.created_at < ${end}),
             count(*) FILTER (WHERE c.handled_at IS NULL), 0, 0
      FROM callback_request c WHERE c.venue_id IS NOT NULL GROUP BY 1
      UNION ALL
      SELECT w.venue_id, 0, 0, 0, count(*) FILTER (WHERE w.status = 'WAITING'), count(*) FILTER (WHERE w.status = 'OFFERED')
      FROM waitlist_entry w WHERE w.status IN ('WAITING', 'OFFERED') AND ${countedSql("w")} GROUP BY 1
    ) u JOIN venue v ON v.id = u.venue_id
    WHERE TRUE ${inTown(window, Prisma.sql`u.venue_id`)}
    GROUP BY ROLLUP (v.town_id, u.venue_id)`;
}

/** Each lawyer's attended hours over the period at the scope's venues, town by town, the most first. */
async function lawyerHours(
  period: ReportFilters,
  venues: { id: string; townId: string }[],
  towns: { id: string; name: string }[],
  now: Date,
): Promise<LawyerHours[]> {
  const rows = await loadAttendedHours({ periods: [{ key: "period", ...period }], venueIds: venues.map((v) => v.id), now });
  const townOfVenue = new Map(venues.map((v) => [v.id, v.townId]));
  const byLawyer = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const townId = townOfVenue.get(r.venueId) as string;
    const lawyer = byLawyer.get(r.lawyerId) ?? new Map<string, number>();
    lawyer.set(townId, (lawyer.get(townId) ?? 0) + r.hours);
    byLawyer.set(r.lawyerId, lawyer);
  }
  const lawyers = await db.lawyer.findMany({ where: { id: { in: [...byLawyer.keys()] } }, select: { id: true, name: true } });
  return lawyers
    .map((l) => {
      const hours = byLawyer.get(l.id) ?? new Map<string, number>();
      const inTowns = towns
        .filter((t) => hours.has(t.id))
        .map((t) => ({ id: t.id, name: t.name, hours: roundHours(hours.get(t.id) ?? 0) }));
      return { id: l.id, name: l.name, hours: roundHours(inTowns.reduce((s, t) => s + t.hours, 0)), towns: inTowns };
    })
    .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name, "zh-CN"));
}
