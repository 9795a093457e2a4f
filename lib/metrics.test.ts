import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayScrape, metrics, routeOf } from "./metrics";

describe("routeOf", () => {
  it("folds ids, codes and venue slugs so the routes stay few", () => {
    expect(routeOf("/bookings/7YHQ9H/cancel")).toBe("/bookings/:id/cancel");
    expect(routeOf("/venues/nanzhen/book")).toBe("/venues/:slug/book");
    expect(routeOf("/api/v1/venues/nanzhen/slots")).toBe("/api/v1/venues/:slug/slots");
    expect(routeOf("/api/v1/bookings/ABC234")).toBe("/api/v1/bookings/:id");
    expect(routeOf("/waitlist/cm4x0q9zq0000abcdefghijkl")).toBe("/waitlist/:id");
    expect(routeOf("/staff/lawyers/cm4x0q9zq0000abcdefghijkl/schedule")).toBe("/staff/lawyers/:id/schedule");
    expect(routeOf("/_next/static/chunks/abc.js")).toBe("/_next");
    expect(routeOf("/wp-admin/setup.php")).toBe("other");
    expect(routeOf("/")).toBe("/");
  });

  it("gives a bounded set of routes for any path a stranger sends", () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_.-]{0,12}$/);
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 8 }),
        fc.constantFrom("bookings", "venues", "waitlist", "api", "x"),
        (rest, root) => {
          const route = routeOf(`/${[root, ...rest].join("/")}`);
          seen.add(route);
          // No value of six or more characters with a digit survives: those are ids and codes.
          for (const part of route.split("/")) expect(/^(?=.*\d)[A-Za-z0-9_-]{6,}$/.test(part)).toBe(false);
        },
      ),
      { numRuns: 2_000, seed: 7 },
    );
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe("mayScrape", () => {
  it("lets this machine and the token's holder read the metrics, and nobody else", () => {
    expect(mayScrape("127.0.0.1", null, undefined)).toBe(true);
    expect(mayScrape("::1", null, undefined)).toBe(true);
    expect(mayScrape("203.0.113.9", null, undefined)).toBe(false);
    expect(mayScrape("203.0.113.9", "Bearer s3cret-token", undefined)).toBe(false);
    expect(mayScrape("203.0.113.9", "Bearer s3cret-token", "s3cret-token")).toBe(true);
    expect(mayScrape("203.0.113.9", "Bearer s3cret-toke", "s3cret-token")).toBe(false);
    expect(mayScrape("203.0.113.9", "s3cret-token", "s3cret-token")).toBe(false);
  });
});

describe("the registry", () => {
  it("writes Prometheus's text format with the request, booking and refusal metrics", async () => {
    metrics.bookings.inc({ change: "created", channel: "online" });
    const text = await metrics.registry.metrics();
    expect(text).toContain("# TYPE muzhou_http_request_duration_seconds histogram");
    expect(text).toMatch(/muzhou_bookings_total\{change="created",channel="online"\} \d+/);
    expect(text).toContain("# TYPE muzhou_rate_limit_refusals_total counter");
  });
});
