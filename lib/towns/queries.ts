import "server-only";
// Towns (issue 23): what villagers choose from, and how the site names itself. With one town (a
// town's own deployment) the site is that town's and no page asks for or shows a town; with
// several it is the district's, and the home page asks for the town first.
import { cache } from "react";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { DISTRICT_NAME_KEY, type SiteIdentity as NamedSite, nameSite, stationName } from "./rules";

export type Town = {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  government: string;
  officeName: string;
  officeAddress: string;
  officePhone: string | null;
};

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

/** Where a villager may book: active venues staff have confirmed. */
const bookableVenue = { active: true, confirmed: true } as const;

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
