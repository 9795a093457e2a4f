// Two app servers on one database (issue 12 items 1-4): a second production server is started
// here beside the one Playwright runs, on the same throwaway database. A slot booked on one is
// not offered by the other once the booking is made, and one slot asked for on both at once is
// booked exactly once.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { randomPhone } from "./pages/booking-pages";
import { startServer } from "./support/app-process";
import { e2eDatabaseUrlFile } from "./support/database";

let second: ChildProcess | undefined;
let otherBase = "";

test.beforeAll(async () => {
  test.setTimeout(90_000);
  ({ server: second, base: otherBase } = await startServer(
    readFileSync(e2eDatabaseUrlFile(process.env.E2E_PORT as string), "utf8").trim(),
    { TRUSTED_PROXY_HOPS: "1" },
  ));
});

test.afterAll(() => {
  second?.kill("SIGTERM");
});

type Slot = { start: string; lawyer: { id: string } };
const address = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

async function slotsOn(request: APIRequestContext, base: string, venue: string): Promise<Slot[]> {
  const response = await request.get(`${base}/api/v1/venues/${venue}/slots`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { slots: Slot[] }).slots;
}

function book(request: APIRequestContext, base: string, venue: string, slot: Slot) {
  return request.post(`${base}/api/v1/bookings`, {
    headers: { "x-forwarded-for": address() },
    data: {
      venue,
      start: slot.start,
      lawyerId: slot.lawyer.id,
      name: "两台服务器",
      phone: randomPhone(),
      topic: "other",
      consent: true,
    },
  });
}

test("a slot booked on one server is not offered by the other once the booking is made", async ({ request, baseURL }) => {
  const venue = "dongcheng";
  // Both servers have the list in memory.
  const [slot] = await slotsOn(request, baseURL as string, venue);
  expect((await slotsOn(request, otherBase, venue)).map((s) => s.start)).toContain(slot.start);
  expect((await book(request, baseURL as string, venue, slot)).status()).toBe(201);
  // The other server hears of it through PostgreSQL within moments, not after its 5-second cache.
  const deadline = Date.now() + 1_000;
  let offered = true;
  while (offered && Date.now() < deadline) {
    offered = (await slotsOn(request, otherBase, venue)).some((s) => s.start === slot.start && s.lawyer.id === slot.lawyer.id);
  }
  expect(offered).toBe(false);
});

test("one slot asked for 40 times at once over two servers is booked exactly once", async ({ request, baseURL }) => {
  const venue = "meidachong";
  const [slot] = await slotsOn(request, baseURL as string, venue);
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) => book(request, i % 2 === 0 ? (baseURL as string) : otherBase, venue, slot)),
  );
  expect(answers.filter((a) => a.status() === 201)).toHaveLength(1);
  expect(answers.filter((a) => a.status() === 409)).toHaveLength(39);
});
