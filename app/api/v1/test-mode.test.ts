// Test mode (issue 25 item 7) through /api/v1: what a test client's key books or joins is marked
// test (lib/test-mode.ts); a live key's, and an anonymous caller's, is not.
import { describe, expect, it } from "vitest";
import { createApiClient } from "@/lib/api-clients/mutations";
import { apiClientInput } from "@/lib/api-clients/schema";
import { createVenueFixture, everyTown, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { toIsoOffset } from "@/lib/time";
import { POST as book } from "./bookings/route";
import { POST as join } from "./venues/[slug]/waitlist/route";

async function keyOf(mode: "TEST" | "LIVE") {
  const issued = await createApiClient(
    everyTown,
    apiClientInput.parse({ name: `${mode} 平台`, contact: "测试", mode, origins: "" }),
  );
  if (!issued.ok) throw new Error(issued.message);
  return issued.key;
}

const post = (body: unknown, key?: string) =>
  new Request("http://test/api/v1/bookings", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": `198.51.100.7-${uniquePhone()}`,
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  });

describe("a booking through the API", () => {
  it("is test with a test key, and real with a live key or none", async () => {
    const f = await createVenueFixture({ lawyers: 3 });
    const [test, live] = await Promise.all([keyOf("TEST"), keyOf("LIVE")]);
    const start = toIsoOffset(f.slotOn(3));
    const made: Record<string, boolean> = {};
    for (const [who, key] of [
      ["test", test],
      ["live", live],
      ["anonymous", undefined],
    ] as const) {
      const response = await book(
        post({ venue: f.venue.slug, start, name: "接口村民", phone: uniquePhone(), topic: "marriage", consent: true }, key),
      );
      expect(response.status).toBe(201);
      const body = (await response.json()) as { code: string; test?: boolean };
      made[who] = (await prisma.booking.findUniqueOrThrow({ where: { code: body.code }, select: { test: true } })).test;
      // The Booking says so only when it is a test one.
      expect(body.test).toBe(who === "test" ? true : undefined);
    }
    expect(made).toEqual({ test: true, live: false, anonymous: false });
  });
});

describe("a waitlist entry through the API", () => {
  it("is test with a test key, and real without one", async () => {
    // No lawyer, so no free time: the venue takes waitlist entries.
    const f = await createVenueFixture({ lawyers: 0 });
    const test = await keyOf("TEST");
    const joined: boolean[] = [];
    for (const key of [test, undefined]) {
      const response = await join(post({ name: "李阿姨", phone: uniquePhone(), topic: "marriage", consent: true }, key), {
        params: Promise.resolve({ slug: f.venue.slug }),
      });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      joined.push((await prisma.waitlistEntry.findUniqueOrThrow({ where: { id }, select: { test: true } })).test);
    }
    expect(joined).toEqual([true, false]);
  });
});
