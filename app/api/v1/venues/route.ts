import { guarded, json, otherMethods } from "@/lib/api/http";
import { listVenues } from "@/lib/venues/queries";

export function GET() {
  return guarded(async () => {
    const venues = await listVenues();
    return json({
      venues: venues.map((v) => ({
        slug: v.slug,
        name: v.name,
        kind: v.kind === "STATION" ? "station" : "workroom",
        village: v.village,
        address: v.address,
      })),
    });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
