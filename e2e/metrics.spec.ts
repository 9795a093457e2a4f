// /api/metrics as Prometheus reads it (issue 21 item 10): from this machine, or with the token from
// elsewhere; a visitor through the proxy gets the 404 of an address that does not exist.
import { expect, test } from "@playwright/test";
import { randomPhone } from "./pages/booking-pages";

test("the metrics answer this machine and the token's holder in Prometheus's format, and 404 to anyone else", async ({
  request,
}) => {
  // Something to count: a look-up that finds nothing, and a page.
  await request.get(`/api/v1/bookings/ZZZZZZ?phone=${randomPhone()}`, { headers: { "x-forwarded-for": "198.51.100.77" } });
  await request.get("/venues/nanzhen");

  const local = await request.get("/api/metrics");
  expect(local.status()).toBe(200);
  expect(local.headers()["content-type"]).toContain("text/plain");
  const text = await local.text();
  for (const name of [
    "muzhou_http_request_duration_seconds_bucket",
    "muzhou_messages{",
    "muzhou_queue_jobs{",
    "muzhou_queue_oldest_due_seconds",
    "muzhou_waitlist_holds",
    "muzhou_database_connections{",
    "# TYPE muzhou_bookings_total counter",
    "# TYPE muzhou_rate_limit_refusals_total counter",
  ]) {
    expect(text, name).toContain(name);
  }
  expect(text).toMatch(/muzhou_http_request_duration_seconds_count\{method="GET",route="\/venues\/:slug",status="200"\} \d+/);

  const visitor = await request.get("/api/metrics", { headers: { "x-forwarded-for": "203.0.113.9" } });
  expect(visitor.status()).toBe(404);
  expect((await visitor.json()).error.code).toBe("not_found");
  const wrong = await request.get("/api/metrics", {
    headers: { "x-forwarded-for": "203.0.113.9", authorization: "Bearer nope" },
  });
  expect(wrong.status()).toBe(404);
  const holder = await request.get("/api/metrics", {
    headers: { "x-forwarded-for": "203.0.113.9", authorization: "Bearer e2e-metrics-token" },
  });
  expect(holder.status()).toBe(200);
});
