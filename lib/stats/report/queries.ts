import "server-only";
// The year's figures in the words of the town's annual report.
import { db } from "@/lib/db";
import { countEvaluations } from "@/lib/evaluations/queries";
import { type EvaluationCounts, NO_EVALUATIONS } from "@/lib/evaluations/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { OUTCOME_NAMES } from "@/lib/labels";
import { EMPTY_COUNTS, type OutcomeCounts } from "../aggregate";
import { loadVillageHours, type VillageHours } from "../hours/queries";
import { instants } from "../queries";
import type { ReportFilters } from "../schema";

/** `evaluations`: the 评价表 of these services (lib/evaluations), for 满意度. */
export type ReportGroup = OutcomeCounts & { id: string; name: string; village?: string | null; evaluations: EvaluationCounts };
export type Report = {
  filters: ReportFilters;
  totals: OutcomeCounts;
  evaluations: EvaluationCounts;
  byVenue: ReportGroup[];
  byLawyer: ReportGroup[];
  /** Each village's hours month by month, scheduled and attended (../hours). */
  hours: VillageHours;
};

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
  const [rows, evaluations, hours] = await Promise.all([
    db.$queryRaw<ReportRow[]>`
    WITH s AS (
      SELECT b.venue_id, b.lawyer_id, b.outcomes FROM booking b
      WHERE b.status = 'DONE' AND b.starts_at >= ${start} AND b.starts_at < ${end}
      UNION ALL
      SELECT w.venue_id, w.lawyer_id, w.outcomes FROM walk_in w
      WHERE w.voided_at IS NULL AND w.at >= ${start} AND w.at < ${end}
    )
    SELECT s.venue_id AS "venueId", s.lawyer_id AS "lawyerId", GROUPING(s.venue_id, s.lawyer_id)::int AS grouping,
           count(*)::int AS services, ${OUTCOME_COLUMNS}
    FROM s GROUP BY GROUPING SETS ((), (s.venue_id), (s.lawyer_id))`,
    countEvaluations({ start, end }),
    loadVillageHours(filters),
  ]);
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
  const evaluationsOf = (counts: Map<string, EvaluationCounts>, id: string) => counts.get(id) ?? { ...NO_EVALUATIONS };
  return {
    filters,
    totals: total ? countsOf(total) : { ...EMPTY_COUNTS },
    evaluations: evaluations.totals,
    byVenue: venues.map((v) => ({
      id: v.id,
      name: v.name,
      village: v.village,
      ...countsOf(venueRows.find((r) => r.venueId === v.id) as ReportRow),
      evaluations: evaluationsOf(evaluations.byVenue, v.id),
    })),
    byLawyer: lawyers.map((l) => ({
      id: l.id,
      name: l.name,
      ...countsOf(lawyerRows.find((r) => r.lawyerId === l.id) as ReportRow),
      evaluations: evaluationsOf(evaluations.byLawyer, l.id),
    })),
    hours,
  };
}
