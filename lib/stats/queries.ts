import "server-only";
// What the dashboard, the report and their rows share: the filter lists, and the period and scope
// as SQL. Counting happens in PostgreSQL (GROUP BY, with dates and hours taken in Asia/Shanghai
// there), so a year of data costs a few small result sets, not every row. The reads themselves are
// in dashboard/, rows/ and report/.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { VenueKind } from "@/lib/generated/prisma/enums";
import { addDays, zonedInstant } from "@/lib/time";
import type { DashboardFilters, Period } from "./schema";

export type VenueOption = { id: string; slug: string; name: string; village: string | null; kind: VenueKind };
export type TopicOption = { id: string; code: string; name: string };
export type FilterOptions = { venues: VenueOption[]; topics: TopicOption[] };

/** Venues and topics for the filter lists, in the order the public pages show them. */
export async function listFilterOptions(): Promise<FilterOptions> {
  const [venues, topics] = await Promise.all([
    db.venue.findMany({
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

export type Scope = { start: Date; end: Date; venueId?: string; topicId?: string };

export type ScopeResult = { ok: true; venueId?: string; topicId?: string } | { ok: false; errors: Record<string, string> };

/** Venue slug and topic code to ids; an unknown one is a field error, not an empty page. */
export function resolveScope(filters: DashboardFilters, options: FilterOptions): ScopeResult {
  const errors: Record<string, string> = {};
  const venue = filters.venue ? options.venues.find((v) => v.slug === filters.venue) : undefined;
  const topic = filters.topic ? options.topics.find((t) => t.code === filters.topic) : undefined;
  if (filters.venue && !venue) errors.venue = "没有这个服务地点，请从列表中选择。";
  if (filters.topic && !topic) errors.topic = "没有这个咨询事项，请从列表中选择。";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, venueId: venue?.id, topicId: topic?.id };
}

export function bookingWhere(s: Scope): Prisma.Sql {
  // A slot held for someone on the waitlist (lib/waitlist) is no booking until it is accepted.
  return Prisma.sql`b.starts_at >= ${s.start} AND b.starts_at < ${s.end} AND b.status <> 'HELD'
    ${s.venueId ? Prisma.sql`AND b.venue_id = ${s.venueId}` : Prisma.empty}
    ${s.topicId ? Prisma.sql`AND b.topic_id = ${s.topicId}` : Prisma.empty}`;
}

export function walkInWhere(s: Scope): Prisma.Sql {
  // A voided walk-in (recorded by mistake) is kept for the audit and counted nowhere.
  return Prisma.sql`w.voided_at IS NULL AND w.at >= ${s.start} AND w.at < ${s.end}
    ${s.venueId ? Prisma.sql`AND w.venue_id = ${s.venueId}` : Prisma.empty}
    ${s.topicId ? Prisma.sql`AND w.topic_id = ${s.topicId}` : Prisma.empty}`;
}

export const SHANGHAI = Prisma.raw("'Asia/Shanghai'");
