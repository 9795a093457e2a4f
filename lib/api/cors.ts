import "server-only";
// CORS for the JSON API (issue 25 item 6): a browser page on a registered client's allowed origin (a
// WeChat service's web page, a mini-program's web view) may call /api/v1; no other origin gets CORS
// headers, so its browser keeps the answer from it. Anonymous use from the site itself needs none.
import { isAllowedOrigin } from "@/lib/api-clients/queries";

/** What a page may send beyond the simple headers, and what it may read of an answer. */
export const CORS_REQUEST_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match";
const EXPOSED = "ETag, Retry-After, Location";

async function allowedOrigin(request: Request): Promise<string | null> {
  const origin = request.headers.get("origin");
  return origin && (await isAllowedOrigin(origin)) ? origin : null;
}

/** The answer, with CORS headers when the request's origin is a registered client's. */
export async function withCors(request: Request, answer: Promise<Response>): Promise<Response> {
  const [response, origin] = await Promise.all([answer, allowedOrigin(request)]);
  // Caches must not give one origin's answer to another.
  response.headers.append("Vary", "Origin");
  if (origin) {
    response.headers.set("Access-Control-Allow-Origin", origin);
    response.headers.set("Access-Control-Expose-Headers", EXPOSED);
  }
  return response;
}

/** A preflight (OPTIONS): the methods this address takes, for an allowed origin; Allow alone for others. */
export async function preflight(request: Request, allow: string): Promise<Response> {
  const headers: Record<string, string> = { Allow: allow, "Cache-Control": "no-store", Vary: "Origin" };
  const origin = await allowedOrigin(request);
  if (origin) {
    headers["Access-Control-Allow-Origin"] = origin;
    headers["Access-Control-Allow-Methods"] = allow;
    headers["Access-Control-Allow-Headers"] = CORS_REQUEST_HEADERS;
    headers["Access-Control-Max-Age"] = "600";
  }
  return new Response(null, { status: 204, headers });
}
