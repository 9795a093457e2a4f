import "server-only";
import { db } from "@/lib/db";

export type VenueSummary = {
  slug: string;
  kind: "STATION" | "WORKROOM";
  name: string;
  village: string | null;
  address: string;
  isDemonstration: boolean;
};

/** Active venues, the station first, then the workrooms in the town's order. */
export function listVenues(): Promise<VenueSummary[]> {
  return db.venue.findMany({
    where: { active: true },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: { slug: true, kind: true, name: true, village: true, address: true, isDemonstration: true },
  });
}
