import { createHash } from "node:crypto";
import { callerOf } from "@/lib/api/caller";
import { withCors } from "@/lib/api/cors";
import { errorResponse, guarded, NO_VENUE, otherMethods, parseOr400, slugFrom } from "@/lib/api/http";
import { slotsQuery } from "@/lib/api/schema";
import { listVenueSlots } from "@/lib/availability/queries";
import { TIME_ZONE, toIsoOffset } from "@/lib/time";

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return withCors(
    request,
    guarded(async () => {
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
      if (!result) return errorResponse("not_found", NO_VENUE);
      const { body, etag } = answerOf(result);
      const headers = { "Content-Type": "application/json", "Cache-Control": "no-store", ETag: etag };
      // A client that has these very slots already is told so, without them (issue 25 item 6).
      if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
      return new Response(body, { status: 200, headers });
    }),
  );
}

type Result = NonNullable<Awaited<ReturnType<typeof listVenueSlots>>>;

/**
 * The answer's JSON and its ETag (a hash of it: the same slots give the same tag on every server),
 * written once for each list of slots: listVenueSlots keeps one list for a few seconds
 * (lib/availability/cache.ts), and a burst of villagers then costs one serialisation.
 */
const answers = new WeakMap<Result, { body: string; etag: string }>();

function answerOf(result: Result): { body: string; etag: string } {
  let answer = answers.get(result);
  if (answer === undefined) {
    const body = JSON.stringify({
      timeZone: TIME_ZONE,
      slots: result.slots.map((s) => ({ start: toIsoOffset(s.start), end: toIsoOffset(s.end), lawyer: s.lawyer })),
    });
    answer = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"` };
    answers.set(result, answer);
  }
  return answer;
}

/** If-None-Match: "*", or a list of tags (weak ones compared weakly, as RFC 9110 says for GET). */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
