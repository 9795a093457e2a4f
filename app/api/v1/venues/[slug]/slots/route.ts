import { errorResponse, guarded, json, otherMethods, parseOr400, slugFrom } from "@/lib/api/http";
import { slotsQuery } from "@/lib/api/schema";
import { listVenueSlots } from "@/lib/availability/queries";
import { TIME_ZONE, toIsoOffset } from "@/lib/time";

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return guarded(async () => {
    const url = new URL(request.url);
    const query = parseOr400(slotsQuery, {
      from: url.searchParams.get("from") ?? undefined,
      to: url.searchParams.get("to") ?? undefined,
    });
    if (query instanceof Response) return query;
    const slug = await slugFrom(params);
    const result = slug === null ? null : await listVenueSlots(slug, query);
    if (!result) return errorResponse("not_found", "没有这个服务地点，请从 /api/v1/venues 中选择。");
    return json({
      timeZone: TIME_ZONE,
      slots: result.slots.map((s) => ({ start: toIsoOffset(s.start), end: toIsoOffset(s.end), lawyer: s.lawyer })),
    });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
