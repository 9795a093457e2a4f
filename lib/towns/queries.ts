import "server-only";
// Towns (issue 23): what villagers choose from, and how the site names itself. With one town (a
// town's own deployment) the site is that town's and no page asks for or shows a town; with
// several it is the district's, and the home page asks for the town first.
import { cache } from "react";
import type { DistrictScope, Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { sortForVillagers } from "@/lib/venues/order";
import type { VenueSummary } from "@/lib/venues/queries";
import { BOOKABLE_VENUE } from "@/lib/venues/rules";
import { DISTRICT_NAME_KEY, type SiteIdentity as NamedSite, nameSite, stationName, type TownSetup } from "./rules";

export type Town = TownSetup & { id: string; officePhone: string | null };

const townSelect = {
  id: true,
  slug: true,
  name: true,
  shortName: true,
  government: true,
  officeName: true,
  officeAddress: true,
  officePhone: true,
} as const;

const bookableVenue = BOOKABLE_VENUE;

export type TownSummary = Town & { venues: number };

/** Every town with how many venues villagers can book at, in the district's order. */
export async function listTowns(): Promise<TownSummary[]> {
  const rows = await db.town.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { ...townSelect, _count: { select: { venues: { where: bookableVenue } } } },
  });
  return rows.map(({ _count, ...town }) => ({ ...town, venues: _count.venues }));
}

export async function findTown(slug: string): Promise<Town | null> {
  return db.town.findUnique({ where: { slug }, select: townSelect });
}

/** The town of a scope (null for the district's). */
export async function townOf(scope: Scope): Promise<Town | null> {
  return scope.townId ? db.town.findUnique({ where: { id: scope.townId }, select: townSelect }) : null;
}

export type SiteIdentity = NamedSite<Town>;

/** How the site names itself, read once per request. */
export const siteIdentity = cache(async (): Promise<SiteIdentity> => {
  const [towns, setting] = await Promise.all([
    db.town.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], take: 2, select: townSelect }),
    db.siteSetting.findUnique({ where: { key: DISTRICT_NAME_KEY }, select: { value: true } }),
  ]);
  const count = towns.length < 2 ? towns.length : await db.town.count();
  return nameSite(count === 1 ? towns[0] : null, count, setting?.value);
});

export type PublicVenue = VenueSummary & { town: { slug: string; name: string } };

const publicVenueSelect = {
  slug: true,
  kind: true,
  name: true,
  village: true,
  address: true,
  isDemonstration: true,
  town: { select: { slug: true, name: true, sortOrder: true } },
} as const;

/**
 * The venues villagers may book, of one town (its slug) or of all: town by town in the district's
 * order, and in each the station first, then the workrooms by pinyin (lib/venues/order.ts).
 */
export async function listPublicVenues({ town }: { town?: string } = {}): Promise<PublicVenue[]> {
  const rows = await db.venue.findMany({
    where: { ...bookableVenue, ...(town ? { town: { slug: town } } : {}) },
    select: publicVenueSelect,
  });
  return inTownOrder(rows);
}

/** At most this many answers to a search by village name. */
export const VILLAGE_SEARCH_LIMIT = 30;

/** The venues whose village or name holds the words typed, in every town (the home page's search). */
export async function searchVillages(words: string): Promise<PublicVenue[]> {
  const text = words.trim();
  if (!text) return [];
  const rows = await db.venue.findMany({
    where: {
      ...bookableVenue,
      OR: [{ village: { contains: text } }, { name: { contains: text } }, { town: { name: { contains: text } } }],
    },
    select: publicVenueSelect,
    take: VILLAGE_SEARCH_LIMIT,
  });
  return inTownOrder(rows);
}

type TownedRow = Omit<PublicVenue, "town"> & { town: { slug: string; name: string; sortOrder: number } };

function inTownOrder(rows: TownedRow[]): PublicVenue[] {
  const towns = new Map<string, TownedRow[]>();
  const ordered = [...rows].sort((a, b) => a.town.sortOrder - b.town.sortOrder || a.town.slug.localeCompare(b.town.slug));
  for (const row of ordered) towns.set(row.town.slug, [...(towns.get(row.town.slug) ?? []), row]);
  return [...towns.values()].flatMap((venues) =>
    sortForVillagers(venues).map(({ town: { slug, name }, ...venue }) => ({ ...venue, town: { slug, name } })),
  );
}

export type DistrictTownRow = Town & { venues: number; accounts: number; lawyers: number };

/** The district's list of towns: venues, active staff accounts and lawyers serving there, each. */
export async function listTownsForDistrict(scope: DistrictScope): Promise<DistrictTownRow[]> {
  void scope;
  const [towns, lawyers] = await Promise.all([
    db.town.findMany({
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        ...townSelect,
        _count: { select: { venues: { where: { active: true } }, users: { where: { active: true } } } },
      },
    }),
    db.$queryRaw<{ town_id: string; lawyers: bigint }[]>`
      SELECT v.town_id, count(DISTINCT lv.lawyer_id) AS lawyers
      FROM lawyer_venue lv JOIN venue v ON v.id = lv.venue_id JOIN lawyer l ON l.id = lv.lawyer_id
      WHERE l.active GROUP BY v.town_id`,
  ]);
  const serving = new Map(lawyers.map((r) => [r.town_id, Number(r.lawyers)]));
  return towns.map(({ _count, ...town }) => ({
    ...town,
    venues: _count.venues,
    accounts: _count.users,
    lawyers: serving.get(town.id) ?? 0,
  }));
}

/** A venue's town, as the venue's pages, forms and printed sheets name it, with the town's station. */
export type VenueTown = Town & {
  /** The town's station as villagers know it: its STATION venue's name, or the usual name. */
  stationName: string;
  /** The station's booking page, when villagers can book there. */
  stationSlug: string | null;
};

/** The towns of venues, by venue slug (a slug of no venue is absent). Public: names only. */
export async function venueTowns(slugs: string[]): Promise<Map<string, VenueTown>> {
  if (slugs.length === 0) return new Map();
  const venues = await db.venue.findMany({
    where: { slug: { in: slugs } },
    select: {
      slug: true,
      town: {
        select: {
          ...townSelect,
          venues: {
            where: { kind: "STATION", ...bookableVenue },
            orderBy: { sortOrder: "asc" },
            take: 1,
            select: { slug: true, name: true },
          },
        },
      },
    },
  });
  return new Map(
    venues.map(
      ({
        slug,
        town: {
          venues: [station],
          ...town
        },
      }) => [slug, { ...town, stationName: station?.name ?? stationName(town), stationSlug: station?.slug ?? null }],
    ),
  );
}

/** One venue's town (see venueTowns), or null when no venue has this slug. */
export async function townOfVenue(slug: string): Promise<VenueTown | null> {
  return (await venueTowns([slug])).get(slug) ?? null;
}
