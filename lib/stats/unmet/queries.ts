import "server-only";
// Demand that found no time: villagers who looked at a venue with nothing free, and the call-back
// requests they left. A part of the demand dashboard.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { rate } from "../aggregate";
import { inTown, type TopicOption, type VenueOption, type Window } from "../queries";

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
export type UnmetDemand = {
  lookups: LookupLine[];
  callbacks: { open: CallbackLine[]; openCount: number; inPeriod: number; handledInPeriod: number };
};

/** The open requests shown at once; the oldest first, and the page says how many more wait. */
const OPEN_CALLBACKS_SHOWN = 50;

/**
 * Looks and call-backs of the period at the window's venues (its town's, `venueId` narrows to
 * one). Open requests are listed whenever they were made: they wait for a call whatever the
 * period. A request that names no venue is no town's: only the district's window has it.
 */
export async function loadUnmetDemand(window: Window, venues: VenueOption[], topics: TopicOption[]): Promise<UnmetDemand> {
  const { venueId, townId } = window;
  const atVenue = (column: Prisma.Sql) =>
    venueId ? Prisma.sql`AND ${column} = ${venueId} ${inTown(window, column)}` : inTown(window, column);
  // `venues` are the window's (its town's, or the one filtered to); the district's takes those of no venue too.
  const openWhere = { handledAt: null, ...(venueId || townId ? { venueId: { in: venues.map((v) => v.id) } } : {}) };
  const [lookups, open, openCount, counted] = await Promise.all([
    db.$queryRaw<{ venueId: string; looks: number; nothingFree: number }[]>`
        SELECT l.venue_id AS "venueId", count(*)::int AS looks, count(*) FILTER (WHERE NOT l.had_free_slot)::int AS "nothingFree"
        FROM venue_lookup l
        WHERE l.at >= ${window.start} AND l.at < ${window.end} ${atVenue(Prisma.sql`l.venue_id`)}
        GROUP BY 1`,
    db.callbackRequest.findMany({
      where: openWhere,
      orderBy: { createdAt: "asc" },
      take: OPEN_CALLBACKS_SHOWN,
      select: { id: true, venueId: true, name: true, phone: true, topicCode: true, note: true, createdAt: true },
    }),
    db.callbackRequest.count({ where: openWhere }),
    db.$queryRaw<{ total: number; handled: number }[]>`
        SELECT count(*)::int AS total, count(*) FILTER (WHERE c.handled_at IS NOT NULL)::int AS handled
        FROM callback_request c
        WHERE c.created_at >= ${window.start} AND c.created_at < ${window.end} ${atVenue(Prisma.sql`c.venue_id`)}`,
  ]);
  const venueName = new Map(venues.map((v) => [v.id, v.name]));
  const topicName = new Map(topics.map((t) => [t.code, t.name]));
  return {
    lookups: venues.map((v) => {
      const row = lookups.find((l) => l.venueId === v.id);
      const looks = row?.looks ?? 0;
      const nothingFree = row?.nothingFree ?? 0;
      return { venueId: v.id, name: v.name, looks, nothingFree, share: rate(nothingFree, looks) };
    }),
    callbacks: {
      open: open.map((c) => ({
        id: c.id,
        venue: c.venueId ? (venueName.get(c.venueId) ?? "") : "未指定",
        name: c.name,
        phone: c.phone,
        topic: c.topicCode ? (topicName.get(c.topicCode) ?? c.topicCode) : null,
        note: c.note,
        createdAt: c.createdAt,
      })),
      openCount,
      inPeriod: counted[0]?.total ?? 0,
      handledInPeriod: counted[0]?.handled ?? 0,
    },
  };
}
