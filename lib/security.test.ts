import { describe, expect, it } from "vitest";
import {
  addressOf,
  clientAddressFrom,
  comesFromSite,
  contentSecurityPolicy,
  createNonce,
  crossSiteAnswer,
  earlyRefusal,
  frameworkFailureIsMalformedInput,
  isCrossSiteWrite,
  isMalformedPath,
  isUnder,
  isUnusedMethod,
  limitSubjectOf,
  malformedPathAnswer,
  methodNotAllowedAnswer,
  normaliseAddress,
  SECURITY_HEADERS,
} from "./security";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("allows only the site's own scripts and styles, and this answer's nonce", () => {
    const policy = directives(contentSecurityPolicy("abc123=="));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("without a nonce (static files) allows the site itself only", () => {
    const policy = directives(contentSecurityPolicy(null));
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
  });

  it("allows the build's inline stylesheets by their hashes, styles only, and in development inline styles anyway", () => {
    const hash = "'sha256-lPK7d9U2Mgddkqe8LL75rN/Z5QRl5uopf6P+22+dpvs='";
    const policy = directives(contentSecurityPolicy("n", false, [hash]));
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-n'", hash]);
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-n'"]);
    // A hash beside 'unsafe-inline' would turn 'unsafe-inline' off: the dev server's own styles need it.
    expect(directives(contentSecurityPolicy("n", true, [hash])).get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("in development allows eval and inline styles, which the dev server needs", () => {
    const policy = directives(contentSecurityPolicy("n", true));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-n'", "'unsafe-eval'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("never allows inline scripts, eval or other origins in production", () => {
    const policy = contentSecurityPolicy(createNonce());
    expect(policy).not.toMatch(/unsafe-eval|\*|https?:|data:/);
    expect(directives(policy).get("script-src")).not.toContain("'unsafe-inline'");
  });
});

describe("createNonce", () => {
  it("is base64 of 16 random bytes, different each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("SECURITY_HEADERS", () => {
  it("turns off the browser features the site does not use", () => {
    const permissions = SECURITY_HEADERS.find((h) => h.key === "Permissions-Policy")?.value ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(permissions).toContain(`${feature}=()`);
    }
  });
});

describe("isMalformedPath", () => {
  it("finds %-escapes that do not decode", () => {
    for (const path of ["/venues/%ZZ", "/api/v1/bookings/%ZZ", "/bookings/%E4%ZZ", "/%", "/a%2"]) {
      expect(isMalformedPath(path), path).toBe(true);
    }
  });

  it("lets ordinary and well-escaped paths through", () => {
    for (const path of ["/", "/venues/nanzhen", "/bookings/ACD347", "/%E7%9D%A6%E6%B4%B2", "/a%20b"]) {
      expect(isMalformedPath(path), path).toBe(false);
    }
  });
});

describe("isUnusedMethod", () => {
  it("allows pages GET, HEAD and POST (server actions) only", () => {
    for (const method of ["GET", "HEAD", "POST"]) expect(isUnusedMethod(method, "/venues/nanzhen"), method).toBe(false);
    for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "PURGE"]) {
      expect(isUnusedMethod(method, "/venues/nanzhen"), method).toBe(true);
    }
  });

  it("leaves to route handlers the methods Next.js hands them, and refuses the rest", () => {
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      expect(isUnusedMethod(method, "/api/v1/venues"), method).toBe(false);
    }
    for (const method of ["PROPFIND", "MKCOL", "PURGE"]) expect(isUnusedMethod(method, "/api/v1/venues"), method).toBe(true);
    expect(isUnusedMethod("PUT", "/apis")).toBe(true);
  });
});

describe("isUnder", () => {
  it("matches the path itself and what lies below it, not a longer name", () => {
    expect(isUnder("/api/v1", "/api/v1")).toBe(true);
    expect(isUnder("/api/v1/bookings", "/api/v1")).toBe(true);
    expect(isUnder("/api/v10", "/api/v1")).toBe(false);
    expect(isUnder("/lawyers", "/lawyer")).toBe(false);
  });
});

const request = (headers: Record<string, string>) => new Headers({ host: "muzhou.example:3000", ...headers });

describe("comesFromSite", () => {
  it("accepts an Origin of the host the browser addressed", () => {
    expect(comesFromSite(request({ origin: "http://muzhou.example:3000" }))).toBe(true);
  });

  it("refuses another site's Origin, another port, and the opaque 'null'", () => {
    expect(comesFromSite(request({ origin: "http://elsewhere.example" }))).toBe(false);
    expect(comesFromSite(request({ origin: "http://muzhou.example:3001" }))).toBe(false);
    expect(comesFromSite(request({ origin: "http://muzhou.example.elsewhere.example:3000" }))).toBe(false);
    expect(comesFromSite(request({ origin: "null" }))).toBe(false);
  });

  it("falls back to the Referer only when there is no Origin", () => {
    expect(comesFromSite(request({ referer: "http://muzhou.example:3000/venues/nanzhen/book" }))).toBe(true);
    expect(comesFromSite(request({ referer: "http://elsewhere.example/muzhou.example:3000" }))).toBe(false);
    expect(comesFromSite(request({ origin: "null", referer: "http://muzhou.example:3000/" }))).toBe(false);
  });

  it("refuses a request with neither", () => {
    expect(comesFromSite(request({}))).toBe(false);
    expect(comesFromSite(new Headers({ origin: "http://muzhou.example" }))).toBe(false);
  });

  it("behind a proxy compares with x-forwarded-host, whatever scheme reached the app", () => {
    const proxied = (origin: string) =>
      new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "fl.muzhou.gov.cn", "x-forwarded-proto": "https", origin });
    expect(comesFromSite(proxied("https://fl.muzhou.gov.cn"))).toBe(true);
    expect(comesFromSite(proxied("http://127.0.0.1:3000"))).toBe(false);
    expect(comesFromSite(new Headers({ host: "fl.muzhou.gov.cn:443", origin: "https://fl.muzhou.gov.cn" }))).toBe(true);
  });

  it("takes the first of several forwarded hosts, and ignores case", () => {
    const headers = new Headers({ "x-forwarded-host": "FL.Muzhou.gov.cn, inner.example", origin: "https://fl.muzhou.gov.cn" });
    expect(comesFromSite(headers)).toBe(true);
  });
});

describe("isCrossSiteWrite", () => {
  const noOrigin = request({});

  it("refuses a state-changing request to a page or server action without this site's origin", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isCrossSiteWrite(method, "/venues/nanzhen/book", noOrigin), method).toBe(true);
    }
    expect(isCrossSiteWrite("POST", "/staff/accounts", request({ origin: "http://elsewhere.example" }))).toBe(true);
    expect(isCrossSiteWrite("POST", "/api/staff/report/export", noOrigin)).toBe(true);
  });

  it("lets reads through, and writes from the site's own pages", () => {
    expect(isCrossSiteWrite("GET", "/venues/nanzhen", noOrigin)).toBe(false);
    expect(isCrossSiteWrite("HEAD", "/", noOrigin)).toBe(false);
    expect(isCrossSiteWrite("POST", "/bookings/lookup", request({ origin: "http://muzhou.example:3000" }))).toBe(false);
  });

  it("leaves the programs' API and next-auth's own CSRF-checked routes alone", () => {
    expect(isCrossSiteWrite("POST", "/api/v1/bookings", noOrigin)).toBe(false);
    expect(isCrossSiteWrite("POST", "/api/v1/bookings/ACD347/cancel", noOrigin)).toBe(false);
    expect(isCrossSiteWrite("POST", "/api/auth/callback/credentials", noOrigin)).toBe(false);
    expect(isCrossSiteWrite("POST", "/api/v10/bookings", noOrigin)).toBe(true);
  });
});

describe("the answers", () => {
  it("refuses a cross-site write with 403 and a plain Chinese sentence", async () => {
    const answer = crossSiteAnswer();
    expect(answer.status).toBe(403);
    expect(answer.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await answer.text()).toMatch(/^这个请求不是从本站页面发出的/);
  });

  it("answers a malformed path with the JSON error on the API and a Chinese page elsewhere", async () => {
    const api = malformedPathAnswer("/api/v1/bookings/%ZZ");
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: { code: "invalid_input", message: expect.stringContaining("网址") } });
    const page = malformedPathAnswer("/venues/%ZZ");
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain('<html lang="zh-CN">');
  });

  it("refuses before anything else a path that does not decode (400) and a method the site does not use (405)", async () => {
    expect(earlyRefusal("GET", "/api/v1/bookings/%ZZ")?.status).toBe(400);
    expect(earlyRefusal("PROPFIND", "/api/v1/venues")?.status).toBe(405);
    expect(earlyRefusal("PUT", "/venues/nanzhen")?.status).toBe(405);
    expect(earlyRefusal("GET", "/api/v1/venues/station/slots")).toBeNull();
    expect(earlyRefusal("DELETE", "/api/v1/bookings/ABC234")).toBeNull();
    expect(earlyRefusal("POST", "/venues/nanzhen/book")).toBeNull();
  });

  it("answers a method the site does not use with 405 and Allow", async () => {
    const api = methodNotAllowedAnswer("/api/v1/venues");
    expect(api.status).toBe(405);
    expect(api.headers.get("allow")).toBe("GET, HEAD, POST");
    expect(await api.json()).toEqual({ error: { code: "method_not_allowed", message: expect.stringContaining("接口说明") } });
    const page = methodNotAllowedAnswer("/");
    expect(page.status).toBe(405);
    expect(page.headers.get("allow")).toBe("GET, HEAD, POST");
    expect(await page.text()).toContain("请求方式");
  });
});

describe("clientAddressFrom", () => {
  it("believes only the socket when no proxy is trusted, whatever the client wrote", () => {
    expect(clientAddressFrom("203.0.113.9", "198.51.100.7", 0)).toBe("198.51.100.7");
    expect(clientAddressFrom(undefined, "198.51.100.7", 0)).toBe("198.51.100.7");
  });

  it("behind one trusted proxy takes the address that proxy saw, not what the client prepended", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the client's real address.
    expect(clientAddressFrom("1.1.1.1, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddressFrom("203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddressFrom(["1.1.1.1", "203.0.113.9, 10.0.0.3"], "10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("falls back to the leftmost entry when the chain is shorter than the hops, and never answers empty", () => {
    expect(clientAddressFrom(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(clientAddressFrom("", undefined, 0)).toBe("unknown");
  });
});

describe("addressOf", () => {
  it("reads the one address the server put in X-Forwarded-For", () => {
    expect(addressOf(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(addressOf(new Headers())).toBe("unknown");
  });
});

describe("the address limits count", () => {
  it("reads an IPv4-mapped address as IPv4, from the socket and through proxies", () => {
    expect(clientAddressFrom(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddressFrom("::FFFF:203.0.113.9", "10.0.0.1", 1)).toBe("203.0.113.9");
    expect(normaliseAddress("2001:db8::1")).toBe("2001:db8::1");
  });

  it("counts IPv6 by its /64, however it is written, and IPv4 by itself", () => {
    const net = "2001:db8:aa:bb::/64";
    for (const a of ["2001:db8:aa:bb::1", "2001:0db8:00aa:00bb:ffff:1:2:3", "2001:DB8:AA:BB:0:0:0:9", "2001:db8:aa:bb::1%eth0"]) {
      expect(limitSubjectOf(a), a).toBe(net);
    }
    expect(limitSubjectOf("2001:db8:aa:bc::1")).not.toBe(net);
    expect(limitSubjectOf("::1")).toBe("0:0:0:0::/64");
    expect(limitSubjectOf("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(limitSubjectOf("198.51.100.7")).toBe("198.51.100.7");
    expect(limitSubjectOf("unknown")).toBe("unknown");
  });
});

describe("frameworkFailureIsMalformedInput", () => {
  it("takes a framework 500 for malformed input on form and action posts, next-auth's routes and router headers only", () => {
    expect(frameworkFailureIsMalformedInput("POST", "/venues/nanzhen/book", {})).toBe(true);
    expect(frameworkFailureIsMalformedInput("GET", "/api/auth/callback/credentials", {})).toBe(true);
    expect(frameworkFailureIsMalformedInput("GET", "/nope", { "next-router-state-tree": "garbage" })).toBe(true);
    expect(frameworkFailureIsMalformedInput("POST", "/", { "next-action": "" })).toBe(true);
    // A page that fails to render, and the API's own handlers, keep their 500 (the database may be down).
    expect(frameworkFailureIsMalformedInput("GET", "/venues/nanzhen", {})).toBe(false);
    expect(frameworkFailureIsMalformedInput("POST", "/api/v1/bookings", {})).toBe(false);
  });
});
