// How many statements a booking through POST /api/v1/bookings sends to PostgreSQL (issue 24 item 7):
// counted at the pg driver, which every Prisma query and raw statement goes through (BEGIN and
// COMMIT included), so the count cannot creep back up unnoticed. The ceiling is today's count.
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bookingInput, createVenueFixture, prisma } from "@/lib/testing/fixtures";
import { toIsoOffset } from "@/lib/time";
import { POST as book } from "./bookings/route";

/** The statements of one booking, today (27 before issue 24 item 7; docs/performance.md, 2026-12-08). */
const CEILING = 21;

afterEach(() => vi.restoreAllMocks());

/**
 * The statements a booking adds for the API clients that listen (lib/webhooks emitEvent): the
 * booking read once for the payload, then per client its event and the event's delivery job.
 * Other test files register clients in the same database, so how many listen is not this test's
 * to choose; the ceiling is the booking's own statements, with none listening.
 */
function webhookFanOut(statements: string[]): number {
  const events = statements.filter((s) => s.includes('INSERT INTO "public"."webhook_event"')).length;
  return events === 0 ? 0 : 1 + 2 * events;
}

/** Runs `task` and returns the text of every statement the app's pg clients sent meanwhile. */
async function statementsOf(task: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push(typeof first === "string" ? first : (first?.text ?? String(first)));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as never);
  await task();
  vi.restoreAllMocks();
  return sent;
}

describe("a booking's statements", () => {
  it(`stay at or under ${CEILING}, the booking made`, async () => {
    const f = await createVenueFixture();
    const post = (start: Date) =>
      book(
        new Request("http://test/api", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...bookingInput(f.venue.slug, start), start: toIsoOffset(start) }),
        }),
      );
    // Warm: the first booking loads what is cached per process (the holiday calendar, the public address).
    expect((await post(f.slotOn(1))).status).toBe(201);
    // Two bookings counted: the fewer statements of the two is the booking's own (a statement of
    // something else in the process, such as a connection's set-up, can fall into one of them).
    const counted: string[][] = [];
    for (const day of [2, 3]) {
      let status = 0;
      counted.push(
        await statementsOf(async () => {
          status = (await post(f.slotOn(day))).status;
        }),
      );
      expect(status).toBe(201);
    }
    expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(3);
    const fewest = counted.reduce((a, b) => (b.length < a.length ? b : a));
    const listed = counted.map((list) => list.map((s) => s.replace(/\s+/g, " ").slice(0, 120)).join("\n")).join("\n---\n");
    expect(fewest.length, listed).toBeLessThanOrEqual(CEILING + webhookFanOut(fewest));
  });
});
