import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { storedSpellings } from "@/lib/phone";
import { type DateString, fromDbDate } from "@/lib/time";
import type { WaitlistEntryInput } from "./schema";

export type WaitlistStatusName = "waiting" | "offered" | "booked" | "cancelled" | "lapsed";
export type WaitlistEntryView = {
  id: string;
  status: WaitlistStatusName;
  venue: { slug: string; name: string };
  from: DateString;
  to: DateString;
  name: string;
  phone: string;
  createdAt: Date;
  /** The open offer, while there is one: its booking code and the end of the hold. */
  offer: { code: string; start: Date; heldUntil: Date } | null;
};

export const entrySelect = {
  id: true,
  status: true,
  fromDate: true,
  toDate: true,
  name: true,
  phone: true,
  createdAt: true,
  venue: { select: { slug: true, name: true } },
  offers: {
    where: { status: "HELD" },
    select: { code: true, startsAt: true, heldUntil: true },
    take: 1,
  },
} as const;

type EntryRow = {
  id: string;
  status: string;
  fromDate: Date;
  toDate: Date;
  name: string;
  phone: string;
  createdAt: Date;
  venue: { slug: string; name: string };
  offers: { code: string; startsAt: Date; heldUntil: Date | null }[];
};

export function toEntryView(row: EntryRow): WaitlistEntryView {
  const [offer] = row.offers;
  return {
    id: row.id,
    status: row.status.toLowerCase() as WaitlistStatusName,
    venue: row.venue,
    from: fromDbDate(row.fromDate),
    to: fromDbDate(row.toDate),
    name: row.name,
    phone: row.phone,
    createdAt: row.createdAt,
    offer: offer?.heldUntil ? { code: offer.code, start: offer.startsAt, heldUntil: offer.heldUntil } : null,
  };
}

/** An entry by its id and the phone it was made with: a wrong id and a wrong phone both give null. */
export async function findWaitlistEntry({ id, phone }: WaitlistEntryInput): Promise<WaitlistEntryView | null> {
  const row = await db.waitlistEntry.findFirst({ where: { id, phone: { in: storedSpellings(phone) } }, select: entrySelect });
  return row ? toEntryView(row) : null;
}

export type WaitlistDemand = { venueId: string; venue: string; waiting: number; offered: number; longestSince: Date | null };

/**
 * Unmet demand for staff: per venue in the scope, how many wait (and hold an offer) and since when
 * the longest has.
 */
export async function waitlistByVenue(scope: Scope): Promise<WaitlistDemand[]> {
  const rows = await db.$queryRaw<WaitlistDemand[]>`
    SELECT v.id AS "venueId", v.name AS venue,
           count(*) FILTER (WHERE w.status = 'WAITING')::int AS waiting,
           count(*) FILTER (WHERE w.status = 'OFFERED')::int AS offered,
           min(w.created_at) AS "longestSince"
    FROM waitlist_entry w JOIN venue v ON v.id = w.venue_id
    WHERE w.status IN ('WAITING', 'OFFERED') ${scope.townId ? Prisma.sql`AND v.town_id = ${scope.townId}` : Prisma.empty}
    GROUP BY v.id, v.name, v.sort_order
    ORDER BY count(*) DESC, v.sort_order`;
  return rows;
}
