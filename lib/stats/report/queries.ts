import "server-only";
// The year's figures in the words of the town's annual report, for a town or, town by town, for
// the district (../district). Services and their evaluations are counted in one pass in SQL.
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { type EvaluationCounts, NO_EVALUATIONS } from "@/lib/evaluations/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Resolution, Satisfaction } from "@/lib/generated/prisma/enums";
import { OUTCOME_NAMES } from "@/lib/labels";
import { countedSql } from "@/lib/test-mode";
import { townOf } from "@/lib/towns/queries";
import { DISTRICT_NAME_KEY, districtNames } from "@/lib/towns/rules";
import { EMPTY_COUNTS, type OutcomeCounts } from "../aggregate";
import { loadVillageHours, type VillageHours } from "../hours/queries";
import { inTown, type Window, windowOf } from "../queries";
import type { ReportFilters } from "../schema";

/** `evaluations`: the 评价表 of these services (lib/evaluations), for 满意度. */
export type ReportGroup = OutcomeCounts & { id: string; name: string; village?: string | null; evaluations: EvaluationCounts };

/**
 * Whose figures, as the report and its files name them: a town (睦洲镇, 江门市新会区睦洲镇人民政府)
 * or the district (新会区, 江门市新会区司法局).
 */
export type ReportOwner = { kind: "town" | "district"; slug: string; name: string; government: string };

export type Report = {
  filters: ReportFilters;
  owner: ReportOwner;
  totals: OutcomeCounts;
  evaluations: EvaluationCounts;
  byVenue: ReportGroup[];
  byLawyer: ReportGroup[];
  /** Each village's hours month by month, scheduled and attended (../hours). */
  hours: VillageHours;
};

/** The owner of a scope's figures. */
export async function reportOwnerOf(scope: Scope): Promise<ReportOwner> {
  const town = await townOf(scope);
  if (town) return { kind: "town", slug: town.slug, name: town.name, government: town.government };
  const setting = await db.siteSetting.findUnique({ where: { key: DISTRICT_NAME_KEY }, select: { value: true } });
  const district = districtNames(setting?.value);
  return { kind: "district", slug: "district", name: district.short, government: district.bureau };
}

/**
 * The services of a window: done bookings and walk-ins not voided, each with its venue's town and
 * its evaluation if it has one (one at most: evaluation.booking_id and walk_in_id are unique).
 * Evaluations count by the consultation's date, as lib/evaluations counts them.
 */
export function servicesSql(win: Window): Prisma.Sql {
  return Prisma.sql`
    SELECT b.venue_id, v.town_id, b.lawyer_id, b.outcomes, e.id AS evaluation_id, e.satisfaction::text AS satisfaction,
           e.resolution::text AS resolution
    FROM booking b JOIN venue v ON v.id = b.venue_id LEFT JOIN evaluation e ON e.booking_id = b.id
    WHERE b.status = 'DONE' AND ${countedSql("b")} AND b.starts_at >= ${win.start} AND b.starts_at < ${win.end} ${inTown(win, Prisma.sql`b.venue_id`)}
    UNION ALL
    SELECT w.venue_id, v.town_id, w.lawyer_id, w.outcomes, e.id, e.satisfaction::text, e.resolution::text
    FROM walk_in w JOIN venue v ON v.id = w.venue_id LEFT JOIN evaluation e ON e.walk_in_id = w.id
    WHERE w.voided_at IS NULL AND w.at >= ${win.start} AND w.at < ${win.end} ${inTown(win, Prisma.sql`w.venue_id`)}`;
}

const SATISFACTIONS: Satisfaction[] = ["SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED"];
const RESOLUTIONS: Resolution[] = ["SOLVED", "PARTLY_SOLVED", "UNSOLVED"];

/**
 * One column per outcome of the enum, counting the services that recorded it, then the
 * evaluations' counts as "e_total", "e_SATISFIED"… The names are the enums' own (upper-case
 * letters and underscores), so they are safe as column aliases.
 */
export const COUNT_COLUMNS = Prisma.join([
  Prisma.sql`count(*)::int AS services`,
  ...OUTCOME_NAMES.map(
    (o) => Prisma.sql`count(*) FILTER (WHERE CAST(${o} AS "Outcome") = ANY(s.outcomes))::int AS ${Prisma.raw(`"${o}"`)}`,
  ),
  Prisma.sql`count(s.evaluation_id)::int AS e_total`,
  ...SATISFACTIONS.map((v) => Prisma.sql`count(*) FILTER (WHERE s.satisfaction = ${v})::int AS ${Prisma.raw(`"e_${v}"`)}`),
  ...RESOLUTIONS.map((v) => Prisma.sql`count(*) FILTER (WHERE s.resolution = ${v})::int AS ${Prisma.raw(`"e_${v}"`)}`),
]);

export type CountRow = OutcomeCounts & Record<`e_${keyof EvaluationCounts}`, number>;

export const countsOf = (r: CountRow | undefined): OutcomeCounts =>
  r
    ? {
        services: r.services,
        ...(Object.fromEntries(OUTCOME_NAMES.map((o) => [o, r[o]])) as Omit<OutcomeCounts, "services">),
      }
    : { ...EMPTY_COUNTS };

export const evaluationsOf = (r: CountRow | undefined): EvaluationCounts =>
  r
    ? (Object.fromEntries(Object.keys(NO_EVALUATIONS).map((k) => [k, r[`e_${k as keyof EvaluationCounts}`]])) as EvaluationCounts)
    : { ...NO_EVALUATIONS };

type ReportRow = CountRow & { venueId: string | null; lawyerId: string | null; grouping: number };

/**
 * Services in the period in the scope: done bookings and walk-ins; an outcome counts once per
 * service that recorded it. Per venue (the village's workroom, or the town station) and per
 * lawyer (their services in the scope only), in one pass.
 */
export async function loadReport(scope: Scope, filters: ReportFilters): Promise<Report> {
  const window = windowOf(scope, filters);
  const [rows, hours, owner] = await Promise.all([
    db.$queryRaw<ReportRow[]>`
    WITH s AS (${servicesSql(window)})
    SELECT s.venue_id AS "venueId", s.lawyer_id AS "lawyerId", GROUPING(s.venue_id, s.lawyer_id)::int AS grouping, ${COUNT_COLUMNS}
    FROM s GROUP BY GROUPING SETS ((), (s.venue_id), (s.lawyer_id))`,
    loadVillageHours(scope, filters),
    reportOwnerOf(scope),
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
  const group = (row: ReportRow | undefined) => ({ ...countsOf(row), evaluations: evaluationsOf(row) });
  return {
    filters,
    owner,
    totals: countsOf(total),
    evaluations: evaluationsOf(total),
    byVenue: venues.map((v) => ({
      id: v.id,
      name: v.name,
      village: v.village,
      ...group(venueRows.find((r) => r.venueId === v.id)),
    })),
    byLawyer: lawyers.map((l) => ({ id: l.id, name: l.name, ...group(lawyerRows.find((r) => r.lawyerId === l.id)) })),
    hours,
  };
}
