// The rules proxy.ts and next.config.ts apply to every request (issue 11, items 5, 6 and 8): the
// Content-Security-Policy, the headers that need no nonce, the methods the site answers, and whether
// a form post came from the site's own pages. Pure and cheap: the proxy runs on every request and
// must never wait for the database.
import { json, problem } from "./http";

/** The methods pages and server actions answer; what the proxy's own 405 lists in Allow. */
export const SITE_METHODS = ["GET", "HEAD", "POST"];
/**
 * The methods Next.js hands to a route handler (it answers any other with an empty 400). Under /api
 * each route answers these itself: those it does not take with a 405 and its own Allow
 * (lib/api/http.ts, otherMethods).
 */
const ROUTE_HANDLER_METHODS = [...SITE_METHODS, "PUT", "PATCH", "DELETE", "OPTIONS"];

/** A method no page or route of this site answers, at this path. */
export function isUnusedMethod(method: string, pathname: string): boolean {
  return !(isUnder(pathname, "/api") ? ROUTE_HANDLER_METHODS : SITE_METHODS).includes(method);
}

/** What a browser may use on these pages: none of it. The booking print-out needs no permission. */
const FEATURES_OFF = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

/** The headers that need no nonce; next.config.ts sends them on every answer, static files too. */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Same-origin requests keep the full address; another site sees the origin only, never a booking code.
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: FEATURES_OFF.map((feature) => `${feature}=()`).join(", ") },
  // For browsers older than CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

/** Sent only when the request came over https: HSTS on a plain-http office network would lock it out. */
export const HSTS_HEADER = { key: "Strict-Transport-Security", value: "max-age=31536000" };

/** A fresh, unguessable value for one answer's policy. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Only the site's own scripts and styles. Next.js reads the nonce from the request's policy and puts
 * it on the scripts it writes into the page; without a nonce (static files) the policy still forbids
 * everything but the site itself. Development needs eval (React's error stacks) and inline <style>
 * (hot reload, which carries no nonce; a nonce would make browsers ignore 'unsafe-inline').
 */
export function contentSecurityPolicy(nonce: string | null, development = false, styleHashes: string[] = []): string {
  const own = nonce ? ["'self'", `'nonce-${nonce}'`] : ["'self'"];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", development ? [...own, "'unsafe-eval'"] : own],
    // The build's stylesheets, which pages carry inline (lib/inline-styles.ts), by their hashes.
    ["style-src", development ? ["'self'", "'unsafe-inline'"] : [...own, ...styleHashes]],
    // Style attributes only (<style> elements still need the nonce): the staff charts size and colour
    // their bars from the data with style="…" (components/charts/), which cannot carry a nonce, and
    // an attribute cannot run script.
    ["style-src-attr", ["'unsafe-inline'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

/** `path` itself or anything below it, as a matcher's `/path/:rest*` would. */
export function isUnder(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

/** A path whose %-escapes do not decode (`/venues/%ZZ`): no page or route could be meant. */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether a request that changes something was sent by someone else's page (defence in depth behind
 * SameSite cookies and Next's own check of server actions, which lets a request without Origin pass).
 * Left alone: /api/v1, called by outside programs (WeChat mini-programs, the 12348 platform) that
 * send no Origin and hold no cookie of ours, and /api/auth, where next-auth checks its own CSRF token.
 */
export function isCrossSiteWrite(method: string, pathname: string, headers: Headers): boolean {
  if (!STATE_CHANGING.has(method) || isUnder(pathname, "/api/v1") || isUnder(pathname, "/api/auth")) return false;
  return !comesFromSite(headers);
}

/**
 * The Origin decides when there is one (a browser always sends it with a form post or fetch, "null"
 * from a sandboxed or privacy-stripped context); the Referer stands in only when it is missing.
 * Compared by host and port alone: behind an https proxy the request reaches Next over plain http.
 */
export function comesFromSite(headers: Headers): boolean {
  const host = siteHost(headers);
  const source = headers.get("origin") ?? headers.get("referer");
  if (!host || !source) return false;
  try {
    const url = new URL(source);
    if (url.protocol !== "http:" && url.protocol !== "https:") return false;
    // Parsed with the source's scheme, so that "example.org:443" and "https://example.org" agree.
    return url.host === new URL(`${url.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/** The host the browser addressed: the one a proxy in front forwarded, else the Host header. */
function siteHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

const CROSS_SITE_MESSAGE = "这个请求不是从本站页面发出的，没有办理。请打开本站页面重新填写提交；如有问题，请拨打 12348。";
export const MALFORMED_PATH_MESSAGE = "网址中有无法识别的字符，请检查网址是否完整、正确。";
const METHOD_MESSAGE = "本站不接受这种请求方式。请用浏览器打开本站页面办理。";
const API_METHOD_MESSAGE = "这个接口地址不接受这种请求方式，请对照接口说明 /api/v1/openapi.json 检查。";

export function crossSiteAnswer(): Response {
  return new Response(CROSS_SITE_MESSAGE, {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export function malformedPathAnswer(pathname: string): Response {
  if (isUnder(pathname, "/api")) return problem("invalid_input", MALFORMED_PATH_MESSAGE);
  return chinesePage(400, "网址有误", MALFORMED_PATH_MESSAGE);
}

const MALFORMED_REQUEST_MESSAGE = "这次提交的内容有误，没有保存任何内容。请回到页面重新填写后再提交；如有急事，请拨打 12348。";

/**
 * Requests whose failure inside the framework is the sender's malformed input, not the server's
 * fault: a form or server-action post whose body does not parse (no or a wrong multipart boundary,
 * a broken action payload, `$ACTION_…` fields that name nothing), next-auth's own routes called with
 * odd parameters, and a router state header that is garbage. Our own code answers every expected
 * failure itself; what the framework answers with a 500 here, the site's server answers with a 400.
 */
export function frameworkFailureIsMalformedInput(
  method: string | undefined,
  pathname: string,
  headers: Record<string, unknown>,
): boolean {
  if (isUnder(pathname, "/api/auth")) return true;
  if (headers["next-router-state-tree"] !== undefined || headers["next-action"] !== undefined) return true;
  return method === "POST" && !isUnder(pathname, "/api");
}

/** The answer in place of such a 500: the API's JSON error, or a Chinese page. */
export function malformedRequestAnswer(pathname: string): Response {
  if (isUnder(pathname, "/api")) return problem("invalid_input", MALFORMED_REQUEST_MESSAGE);
  return chinesePage(400, "提交的内容有误", MALFORMED_REQUEST_MESSAGE);
}

/**
 * What the site's own server (scripts/serve.ts) answers before Next.js sees a request, or null to
 * pass it on: a request target that is no path ("GET * HTTP/1.1", which Next.js answers with a 500).
 */
export function malformedTargetAnswer(target: string | undefined): Response | null {
  return target?.startsWith("/") ? null : malformedPathAnswer("/");
}

/**
 * Forwarded headers that say nothing are dropped: an empty X-Forwarded-Host made Next.js build
 * "http://" and fail with a 500. A proxy that sends them sends real values.
 */
export function dropEmptyForwardedHeaders(headers: Record<string, string | string[] | undefined>): void {
  for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) {
    const value = headers[name];
    const text = Array.isArray(value) ? value.join(",") : value;
    if (text !== undefined && text.split(",")[0].trim() === "") delete headers[name];
  }
}

/**
 * What no page or route could answer, before anything else looks at the request: a path that does
 * not decode, a method the site does not use. proxy.ts asks this for pages; scripts/serve.ts for
 * /api/v1, which the proxy skips (its answers need no nonce, and every request there counts).
 */
export function earlyRefusal(method: string, pathname: string): Response | null {
  if (isMalformedPath(pathname)) return malformedPathAnswer(pathname);
  return isUnusedMethod(method, pathname) ? methodNotAllowedAnswer(pathname) : null;
}

export function methodNotAllowedAnswer(pathname: string): Response {
  const allow = { Allow: SITE_METHODS.join(", ") };
  if (isUnder(pathname, "/api")) return json({ error: { code: "method_not_allowed", message: API_METHOD_MESSAGE } }, 405, allow);
  const page = chinesePage(405, "请求方式有误", METHOD_MESSAGE);
  page.headers.set("Allow", allow.Allow);
  return page;
}

/**
 * A page the framework's English one would otherwise be; fixed text only, so nothing to escape. It
 * answers before the app reads its data, so it names the service, not the town or district.
 */
function chinesePage(status: number, title: string, text: string): Response {
  const html = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · 公共法律服务预约</title></head>
<body><main><h1>${title}</h1><p>${text}</p><p><a href="/">回到首页</a>，或拨打 <a href="tel:12348">12348</a> 公共法律服务热线。</p></main></body>
</html>
`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * The address a request came from, as the site's own server (scripts/serve.ts) decides it before
 * Next.js sees the request: the socket's peer, or, behind `trustedHops` reverse proxies that each
 * append the address they saw to X-Forwarded-For, the entry that many places from the right. What a
 * client writes into X-Forwarded-For itself is never believed beyond that.
 */
export function clientAddressFrom(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string {
  const peer = socketAddress || "unknown";
  if (trustedHops <= 0) return normaliseAddress(peer);
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...listed, peer];
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - trustedHops)]);
}

/** An IPv4 address as IPv4, even when a dual-stack socket reports it as "::ffff:127.0.0.1". */
export function normaliseAddress(address: string): string {
  return /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1] ?? address;
}

/**
 * What the limits count an address as: an IPv4 address itself, an IPv6 address by its /64 (one
 * household or phone is given a whole /64 and may use any address in it).
 */
export function limitSubjectOf(address: string): string {
  const plain = normaliseAddress(address);
  if (!plain.includes(":")) return plain;
  const [head, tail] = plain.split("%")[0].toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const hextets =
    tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  if (hextets.length !== 8 || !hextets.every((h) => /^[0-9a-f]{1,4}$/.test(h))) return plain;
  return `${hextets
    .slice(0, 4)
    .map((h) => h.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The request's client address for limits and logs: scripts/serve.ts has put it, alone, in X-Forwarded-For. */
export function addressOf(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
