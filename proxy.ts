import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/cookies";
import { inlineStyleHashes } from "@/lib/inline-styles";
import { contentSecurityPolicy, createNonce, crossSiteAnswer, earlyRefusal, isCrossSiteWrite, isUnder } from "@/lib/security";

// Runs before every page, server action and route handler but the public API's (see the matcher),
// and never waits for the database: the Content-Security-Policy with this answer's nonce (the
// headers that need none come from next.config.ts), a 400/405 where the framework would answer in
// English or with a 500, form posts from other sites refused, and an early redirect of strangers.
// The redirect is never the only guard: every page, action and route handler checks the user and
// role itself, on the server.
const SIGNED_IN_AREAS = ["/lawyer", "/staff", "/district", "/account"];

export function proxy(request: NextRequest) {
  const development = process.env.NODE_ENV === "development";
  const policy = contentSecurityPolicy(createNonce(), development, development ? [] : inlineStyleHashes());
  // A stranger is sent to sign in before the origin is looked at, as before the check existed.
  const response =
    earlyRefusal(request.method, request.nextUrl.pathname) ??
    redirectStranger(request) ??
    refuseCrossSite(request) ??
    passOn(request, policy);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function redirectStranger(request: NextRequest): Response | null {
  // Decoded as the router decodes it, so that "/%6Cawyer" is "/lawyer" here too.
  const pathname = decodeURIComponent(request.nextUrl.pathname);
  if (!SIGNED_IN_AREAS.some((area) => isUnder(pathname, area))) return null;
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return null;
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  // 303 after a form post, so the browser fetches the sign-in page instead of posting to it again.
  return NextResponse.redirect(url, request.method === "GET" || request.method === "HEAD" ? 307 : 303);
}

function refuseCrossSite({ method, headers, nextUrl: { pathname } }: NextRequest): Response | null {
  return isCrossSiteWrite(method, pathname, headers) ? crossSiteAnswer() : null;
}

function passOn(request: NextRequest, policy: string): Response {
  // Next.js takes the nonce for its own scripts from the request's policy.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  return NextResponse.next({ request: { headers } });
}

// Everything but the build's static files and the public JSON API, which stay fast without a proxy
// (issue 24 item 5) and get their headers (a policy without a nonce) from next.config.ts; nothing
// there is rendered, and /api/v1 is left alone by the origin rule and open to strangers. The API's
// malformed paths and unused methods are refused by scripts/serve.ts instead. Keep this list and
// next.config.ts's in step.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/).*)"] };
