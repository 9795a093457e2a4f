import { withCors } from "@/lib/api/cors";
import { guarded, json, otherMethods } from "@/lib/api/http";
import { listTowns } from "@/lib/towns/queries";

/** The towns and how many venues villagers can book at in each. */
export function GET(request: Request) {
  return withCors(
    request,
    guarded(async () => {
      const towns = await listTowns();
      return json({ towns: towns.map((t) => ({ slug: t.slug, name: t.name, venues: t.venues })) });
    }),
  );
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
