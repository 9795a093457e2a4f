import { callerOf } from "@/lib/api/caller";
import { withCors } from "@/lib/api/cors";
import { errorResponse, guarded, json, NO_TOWN, otherMethods, parseOr400 } from "@/lib/api/http";
import { venuesQuery } from "@/lib/api/schema";
import { findTown, listPublicVenues } from "@/lib/towns/queries";

export function GET(request: Request) {
  return withCors(
    request,
    guarded(async () => {
      const caller = await callerOf(request);
      if (caller instanceof Response) return caller;
      const query = parseOr400(venuesQuery, { town: new URL(request.url).searchParams.get("town") ?? undefined });
      if (query instanceof Response) return query;
      if (query.town && !(await findTown(query.town))) {
        return errorResponse("not_found", NO_TOWN);
      }
      const venues = await listPublicVenues({ town: query.town });
      return json({
        venues: venues.map((v) => ({
          slug: v.slug,
          name: v.name,
          kind: v.kind === "STATION" ? "station" : "workroom",
          village: v.village,
          address: v.address,
          town: v.town,
        })),
      });
    }),
  );
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
