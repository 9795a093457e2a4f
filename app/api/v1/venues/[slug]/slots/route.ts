import { callerOf } from "@/lib/api/caller";
import { errorResponse, guarded, jsonText, otherMethods, parseOr400, slugFrom } from "@/lib/api/http";
import { slotsQuery } from "@/lib/api/schema";
import { listVenueSlots } from "@/lib/availability/queries";
import { TIME_ZONE, toIsoOffset } from "@/lib/time";

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return guarded(async () => {
    const caller = await callerOf(request);
    if (caller instanceof Response) return caller;
    const url = new URL(request.url);
    const query = parseOr400(slotsQuery, {
      from: url.searchParams.get("from") ?? undefined,
      to: url.searchParams.get("to") ?? undefined,
    });
    if (query instanceof Response) return query;
    const slug = await slugFrom(params);
    const result = slug === null ? null : await listVenueSlots(slug, query);
    if (!result) return errorResponse("not_found", "没有这个服务地点，请从 /api/v1/venues 中选择。");
    return jsonText(bodyOf(result));
  });
}

type Result = NonNullable<Awaited<ReturnType<typeof listVenueSlots>>>;

/**
 * The answer's JSON, written once for each list of slots: listVenueSlots keeps one list for a few
 * seconds (lib/availability/cache.ts), and a burst of villagers then costs one serialisation.
 */
const bodies = new WeakMap<Result, string>();

function bodyOf(result: Result): string {
  let body = bodies.get(result);
  if (body === undefined) {
    body = JSON.stringify({
      timeZone: TIME_ZONE,
      slots: result.slots.map((s) => ({ start: toIsoOffset(s.start), end: toIsoOffset(s.end), lawyer: s.lawyer })),
    });
    bodies.set(result, body);
  }
  return body;
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
