import { type NextRequest, NextResponse } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback";
import { LARGE_TEXT_COOKIE, LARGE_TEXT_MAX_AGE } from "@/lib/preferences";

// The 长辈模式 switch (components/large-text-switch.tsx). Without JavaScript its form posts here with
// `next`, the page it is on, and the answer leads back there: the page's own path, never the Referer's
// host, which behind a proxy or on 127.0.0.1 need not be spelled as this server spells its own. A page
// script asks for JSON instead and changes the page in place, so that nothing typed is lost.
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  return switchTo(request, form?.get("on") === "1", form?.get("next"));
}

// The plain link of pages rendered before the switch was a form (still open in a WeChat tab).
export function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  return switchTo(request, query.get("on") === "1", query.get("next"));
}

function switchTo(request: NextRequest, on: boolean, next: unknown): NextResponse {
  const response = request.headers.get("accept")?.includes("application/json")
    ? NextResponse.json({ largeText: on }, { headers: { "Cache-Control": "no-store" } })
    : // A relative Location, so the browser stays on the host it addressed.
      new NextResponse(null, { status: 303, headers: { Location: safeCallbackPath(next) ?? "/" } });
  response.cookies.set(LARGE_TEXT_COOKIE, on ? "on" : "off", { maxAge: LARGE_TEXT_MAX_AGE, sameSite: "lax", path: "/" });
  return response;
}
