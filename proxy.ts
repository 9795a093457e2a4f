import { type NextRequest, NextResponse } from "next/server";

// An early, cheap redirect for strangers. It is never the only guard: every page, action and
// route handler checks the user and role itself, on the server, from the database.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  // 303 after a form post, so the browser fetches the sign-in page instead of posting to it again.
  return NextResponse.redirect(url, request.method === "GET" || request.method === "HEAD" ? 307 : 303);
}

export const config = { matcher: ["/lawyer/:path*", "/staff/:path*", "/account/:path*"] };
