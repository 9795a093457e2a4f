import { type NextRequest, NextResponse } from "next/server";
import { LARGE_TEXT_COOKIE, LARGE_TEXT_MAX_AGE } from "@/lib/preferences";

// GET so that the switch is a plain link and works without JavaScript; it only sets a display preference.
export function GET(request: NextRequest) {
  const on = request.nextUrl.searchParams.get("on") === "1";
  const referer = request.headers.get("referer");
  let back = "/";
  if (referer) {
    const from = new URL(referer);
    // Only ever return to a page of this site.
    if (from.host === request.nextUrl.host) back = `${from.pathname}${from.search}`;
  }
  // A relative Location: behind a proxy or on 127.0.0.1 the server's idea of its own host can differ from the browser's.
  const response = new NextResponse(null, { status: 303, headers: { Location: back } });
  response.cookies.set(LARGE_TEXT_COOKIE, on ? "on" : "off", { maxAge: LARGE_TEXT_MAX_AGE, sameSite: "lax", path: "/" });
  return response;
}
