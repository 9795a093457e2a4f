import "server-only";
// The year's figures in the words of the town's annual report.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { OUTCOME_NAMES } from "@/lib/labels";
import { EMPTY_COUNTS, type OutcomeCounts } from "../aggregate";
import { instants } from "../queries";
import type { ReportFilters } from "../schema";

export type ReportGroup = OutcomeCounts & { id: string; name: string; village?: string | null };
export type Report = { filters: ReportFilters; totals: OutcomeCounts; byVenue: ReportGroup[]; byLawyer: ReportGroup[] };

type ReportRow = OutcomeCounts & { venueId: string | null; lawyerId: string | null; grouping: number };

/**
 * One column per outcome of the enum, counting the services that recorded it. The names are the
 * enum's own (upper-case letters and underscores), so they are safe as column aliases.
 */
const OUTCOME_COLUMNS = Prisma.join(
  OUTCOME_NAMES.map(
    (o) => Prisma.sql`count(*) FILTER (WHERE CAST(${o} AS "Outcome") = ANY(s.outcomes))::int AS ${Prisma.raw(`"${o}"`)}`,
  ),
);

const countsOf = (r: ReportRow): OutcomeCounts => ({
  services: r.services,
  ...(Object.fromEntries(OUTCOME_NAMES.map((o) => [o, r[o]])) as Omit<OutcomeCounts, "services">),
});

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
           count(*)::int AS services, ${OUTCOME_COLUMNS}
    FROM s GROUP BY GROUPING SETS ((), (s.venue_id), (s.lawyer_id))`;
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
    totals: total ? countsOf(total) : { ...EMPTY_COUNTS },
    byVenue: venues.map((v) => ({
      id: v.id,
      name: v.name,
      village: v.village,
      ...countsOf(venueRows.find((r) => r.venueId === v.id) as ReportRow),
    })),
    byLawyer: lawyers.map((l) => ({
      id: l.id,
      name: l.name,
      ...countsOf(lawyerRows.find((r) => r.lawyerId === l.id) as ReportRow),
    })),
  };
}
