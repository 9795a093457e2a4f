// API clients' keys on /api/v1 (issue 25 item 1): a valid Bearer key identifies its client, whose
// bookings count against its own limit, not its address's; a wrong or revoked key answers 401;
// no key, as before.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApiClient, revokeApiClient } from "@/lib/api-clients/mutations";
import { apiClientInput } from "@/lib/api-clients/schema";
import { loadHolidayCalendar } from "@/lib/holidays/queries";
import { LIMITS, spend } from "@/lib/rate-limit";
import { createVenueFixture, everyTown, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { addDays, toIsoOffset } from "@/lib/time";
import { GET as getBooking } from "./bookings/[code]/route";
import { POST as book } from "./bookings/route";
import { GET as venues } from "./venues/route";

const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${uniquePhone()}`;

function post(
  body: unknown,
  { key, from = address(), idempotencyKey }: { key?: string; from?: string; idempotencyKey?: string } = {},
) {
  return new Request("http://test/api/v1/bookings", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": from,
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
    },
    body: JSON.stringify(body),
  });
}

async function bookingBody(f?: Awaited<ReturnType<typeof createVenueFixture>>) {
  const fixture = f ?? (await createVenueFixture());
  const calendar = await loadHolidayCalendar();
  const day =
    Array.from({ length: 20 }, (_, i) => i + 1).find((d) => calendar.dayKind(addDays(fixture.today, d)) !== "holiday") ?? 1;
  return {
    f: fixture,
    body: {
      venue: fixture.venue.slug,
      start: toIsoOffset(fixture.slotOn(day)),
      name: "接口村民",
      phone: uniquePhone(),
      topic: "marriage",
      consent: true,
    },
  };
}

async function client() {
  const issued = await createApiClient(
    everyTown,
    apiClientInput.parse({ name: "测试平台", contact: "测试", mode: "LIVE", origins: "" }),
  );
  if (!issued.ok) throw new Error(issued.message);
  return issued;
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe("a request with an API key", () => {
  it("books as its client, counted by the client's own limit and not by its address's", async () => {
    const { key, clientId } = await client();
    const { f, body } = await bookingBody();
    const where = address();
    // The address has used up its hour already: a keyed request from it still books.
    for (let i = 0; i < LIMITS.bookingAddress.points; i++) await spend("bookingAddress", where);
    const response = await book(post(body, { key, from: where }));
    expect(response.status).toBe(201);
    expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(1);
    const counted = await prisma.rateLimit.findUnique({ where: { key: `bookingClient:client:${clientId}` } });
    expect(counted?.points).toBe(1);
    // And the same address without the key is still refused, as before.
    const { body: other } = await bookingBody(f);
    expect((await book(post({ ...other, start: body.start, phone: uniquePhone() }, { from: where }))).status).toBe(429);
  });

  it("says in RateLimit-Policy and RateLimit (the IETF draft) what is left of whose allowance", async () => {
    const { key } = await client();
    const { body } = await bookingBody();
    const keyed = await book(post(body, { key }));
    expect(keyed.status).toBe(201);
    expect(keyed.headers.get("ratelimit-policy")).toBe(`"client";q=${LIMITS.bookingClient.points};w=3600`);
    expect(keyed.headers.get("ratelimit")).toMatch(new RegExp(`^"client";r=${LIMITS.bookingClient.points - 1};t=\\d+$`));
    const where = address();
    for (let i = 0; i < LIMITS.bookingAddress.points; i++) await spend("bookingAddress", where);
    const { body: other } = await bookingBody();
    const refused = await book(post(other, { from: where }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit-policy")).toBe(`"address";q=${LIMITS.bookingAddress.points};w=3600`);
    expect(refused.headers.get("ratelimit")).toMatch(/^"address";r=0;t=\d+$/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("is refused once the client's own hour is used up (2,000 bookings), whatever the address", async () => {
    const { key, clientId } = await client();
    for (let i = 0; i < LIMITS.bookingClient.points; i++) await spend("bookingClient", `client:${clientId}`);
    const { f, body } = await bookingBody();
    const response = await book(post(body, { key }));
    expect(response.status).toBe(429);
    expect((await errorOf(response)).code).toBe("too_many_requests");
    expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(0);
  });

  it("counts its look-ups that find nothing by the client, not by its address", async () => {
    const { key, clientId } = await client();
    const where = address();
    const miss = await getBooking(
      new Request("http://test/x?phone=13800000000", { headers: { authorization: `Bearer ${key}`, "x-forwarded-for": where } }),
      { params: Promise.resolve({ code: "ZZZZZZ" }) },
    );
    expect(miss.status).toBe(404);
    expect((await prisma.rateLimit.findUnique({ where: { key: `lookUpAddress:client:${clientId}` } }))?.points).toBe(1);
    expect(await prisma.rateLimit.findUnique({ where: { key: `lookUpAddress:${where}` } })).toBeNull();
  });

  it("notes when the key was last used", async () => {
    const { key, clientId } = await client();
    expect((await venues(new Request("http://test/api/v1/venues", { headers: { authorization: `Bearer ${key}` } }))).status).toBe(
      200,
    );
    expect((await prisma.apiClient.findUniqueOrThrow({ where: { id: clientId } })).lastUsedAt).not.toBeNull();
  });

  it("keeps its Idempotency-Keys apart from anonymous callers' and other clients'", async () => {
    const a = await client();
    const b = await client();
    const idempotencyKey = randomUUID();
    const first = await bookingBody();
    const second = await bookingBody();
    expect((await book(post(first.body, { key: a.key, idempotencyKey }))).status).toBe(201);
    // The same Idempotency-Key with another body: a different caller's, so not "reused".
    expect((await book(post(second.body, { key: b.key, idempotencyKey }))).status).toBe(201);
    expect(await prisma.idempotencyRecord.count({ where: { key: idempotencyKey } })).toBe(2);
  });
});

describe("a wrong key", () => {
  it("answers 401 invalid_api_key, in Chinese, and books nothing: unknown, malformed, another scheme, or revoked", async () => {
    const issued = await client();
    await revokeApiClient(everyTown, issued.clientId);
    const { f, body } = await bookingBody();
    for (const authorization of [
      `Bearer mz_live_${"A".repeat(43)}`,
      "Bearer not-a-key",
      "Basic dXNlcjpwYXNz",
      "Bearer",
      `Bearer ${issued.key}`,
    ]) {
      const request = post(body);
      request.headers.set("authorization", authorization);
      const response = await book(request);
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const error = await errorOf(response);
      expect(error.code).toBe("invalid_api_key");
      expect(error.message).toMatch(/API 密钥无效或已停用/);
    }
    expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(0);
  });

  it("answers 401 on reads too, and before an Idempotency-Key is claimed", async () => {
    const authorization = `Bearer mz_test_${"B".repeat(43)}`;
    const read = await getBooking(new Request("http://test/x?phone=13800000000", { headers: { authorization } }), {
      params: Promise.resolve({ code: "ABCDEF" }),
    });
    expect(read.status).toBe(401);
    const idempotencyKey = randomUUID();
    const { body } = await bookingBody();
    const request = post(body, { idempotencyKey });
    request.headers.set("authorization", authorization);
    expect((await book(request)).status).toBe(401);
    expect(await prisma.idempotencyRecord.count({ where: { key: idempotencyKey } })).toBe(0);
  });
});

describe("no key", () => {
  it("books as before, counted by its address", async () => {
    const { f, body } = await bookingBody();
    const where = address();
    expect((await book(post(body, { from: where }))).status).toBe(201);
    expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(1);
    expect((await prisma.rateLimit.findUnique({ where: { key: `bookingAddress:${where}` } }))?.points).toBe(1);
  });
});
