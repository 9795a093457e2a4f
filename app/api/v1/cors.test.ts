// CORS (issue 25 item 6): a page on a registered client's allowed origin may call the API, its
// preflight included; any other origin gets no CORS headers, and a revoked client's origin none
// once the 30 seconds the server remembers an origin have passed.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApiClient, revokeApiClient } from "@/lib/api-clients/mutations";
import { isAllowedOrigin } from "@/lib/api-clients/queries";
import { apiClientInput } from "@/lib/api-clients/schema";
import { everyTown } from "@/lib/testing/fixtures";
import { OPTIONS as bookingsOptions } from "./bookings/route";
import { GET as venues } from "./venues/route";

async function clientAt(origin: string) {
  const issued = await createApiClient(
    everyTown,
    apiClientInput.parse({ name: "网页客户端", contact: "测试", mode: "LIVE", origins: origin }),
  );
  if (!issued.ok) throw new Error(issued.message);
  return issued;
}

const fromOrigin = (origin: string, init: RequestInit = {}) =>
  new Request("http://test/api/v1/venues", { ...init, headers: { origin, ...(init.headers ?? {}) } });

describe("CORS", () => {
  it("lets an allowed origin read answers, with the headers it needs exposed", async () => {
    const origin = `https://${randomUUID()}.example.org`;
    await clientAt(origin);
    const response = await venues(fromOrigin(origin));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(response.headers.get("access-control-expose-headers")).toContain("ETag");
    expect(response.headers.get("vary")).toContain("Origin");
  });

  it("answers an allowed origin's preflight with the methods and headers, and another's with none", async () => {
    const origin = `https://${randomUUID()}.example.org`;
    await clientAt(origin);
    const asked = { method: "OPTIONS", headers: { "access-control-request-method": "POST" } };
    const allowed = await bookingsOptions(fromOrigin(origin, asked));
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(origin);
    expect(allowed.headers.get("access-control-allow-methods")).toContain("POST");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("Idempotency-Key");
    const stranger = await bookingsOptions(fromOrigin("https://evil.example.com", asked));
    expect(stranger.status).toBe(204);
    expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
    expect(stranger.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("gives an origin no client allows, or a revoked client's, no CORS headers", async () => {
    const response = await venues(fromOrigin("https://evil.example.com"));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const origin = `https://${randomUUID()}.example.org`;
    const { clientId } = await clientAt(origin);
    expect(await isAllowedOrigin(origin)).toBe(true);
    expect((await revokeApiClient(everyTown, clientId)).ok).toBe(true);
    expect(await isAllowedOrigin(origin, Date.now() + 31_000)).toBe(false);
  });
});
