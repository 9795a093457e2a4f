import "server-only";
// What the dashboard, the report and their rows share: the filter lists, and the period and scope
// as SQL. Counting happens in PostgreSQL (GROUP BY, with dates and hours taken in Asia/Shanghai
// there), so a year of data costs a few small result sets, not every row. The reads themselves are
// in dashboard/, rows/ and report/. Every read is of a scope (lib/auth/scope.ts): a town's venues,
// or the district's (every town's), narrowed in the SQL itself.
import { type Scope, venuesIn } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { VenueKind } from "@/lib/generated/prisma/enums";
import { countedSql } from "@/lib/test-mode";
import { addDays, zonedInstant } from "@/lib/time";
import type { DashboardFilters, Period } from "./schema";

export type VenueOption = { id: string; slug: string; name: string; village: string | null; kind: VenueKind };
export type TopicOption = { id: string; code: string; name: string };
export type FilterOptions = { venues: VenueOption[]; topics: TopicOption[] };

/** The scope's venues and every topic for the filter lists, in the order the public pages show them. */
export async function listFilterOptions(scope: Scope): Promise<FilterOptions> {
  const [venues, topics] = await Promise.all([
    db.venue.findMany({
      where: venuesIn(scope),
      orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
      select: { id: true, slug: true, name: true, village: true, kind: true },
    }),
    db.topic.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true } }),
  ]);
  return { venues, topics };
}

/** The instants a period of Shanghai calendar days covers: [from 00:00, the day after `to` 00:00). */
export function instants({ from, to }: Period) {
  return { start: zonedInstant(from), end: zonedInstant(addDays(to, 1)) };
}

/**
 * What the counting SQL reads: the period's instants, the town (null: every town) and the
 * filters. Made by `windowOf`, so a town is never left out by mistake.
 */
export type Window = { start: Date; end: Date; townId: string | null; venueId?: string; topicId?: string };

export function windowOf(scope: Scope, period: Period, filters: { venueId?: string; topicId?: string } = {}): Window {
  return { ...instants(period), townId: scope.townId, ...filters };
}

export type FilterResult = { ok: true; venueId?: string; topicId?: string } | { ok: false; errors: Record<string, string> };

/**
 * Venue slug and topic code to ids; an unknown one is a field error, not an empty page. The
 * options are the scope's, so another town's venue is as unknown as one that does not exist.
 */
export function resolveFilters(filters: DashboardFilters, options: FilterOptions): FilterResult {
  const errors: Record<string, string> = {};
  const venue = filters.venue ? options.venues.find((v) => v.slug === filters.venue) : undefined;
  const topic = filters.topic ? options.topics.find((t) => t.code === filters.topic) : undefined;
  if (filters.venue && !venue) errors.venue = "没有这个服务地点，请从列表中选择。";
  if (filters.topic && !topic) errors.topic = "没有这个咨询事项，请从列表中选择。";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, venueId: venue?.id, topicId: topic?.id };
}

/** `AND <column> is a venue of the town`, or nothing for the district's window. */
export function inTown(s: Pick<Window, "townId">, venueColumn: Prisma.Sql): Prisma.Sql {
  return s.townId ? Prisma.sql`AND ${venueColumn} IN (SELECT tv.id FROM venue tv WHERE tv.town_id = ${s.townId})` : Prisma.empty;
}

export function bookingWhere(s: Window): Prisma.Sql {
  // A slot held for someone on the waitlist (lib/waitlist) is no booking until it is accepted; a
  // test client's booking is none at all (lib/test-mode.ts).
  return Prisma.sql`b.starts_at >= ${s.start} AND b.starts_at < ${s.end} AND b.status <> 'HELD' AND ${countedSql("b")}
    ${inTown(s, Prisma.sql`b.venue_id`)}
    ${s.venueId ? Prisma.sql`AND b.venue_id = ${s.venueId}` : Prisma.empty}
    ${s.topicId ? Prisma.sql`AND b.topic_id = ${s.topicId}` : Prisma.empty}`;
}

export function walkInWhere(s: Window): Prisma.Sql {
  // A voided walk-in (recorded by mistake) is kept for the audit and counted nowhere.
  return Prisma.sql`w.voided_at IS NULL AND w.at >= ${s.start} AND w.at < ${s.end} ${inTown(s, Prisma.sql`w.venue_id`)}
    ${s.venueId ? Prisma.sql`AND w.venue_id = ${s.venueId}` : Prisma.empty}
    ${s.topicId ? Prisma.sql`AND w.topic_id = ${s.topicId}` : Prisma.empty}`;
}

export const SHANGHAI = Prisma.raw("'Asia/Shanghai'");
