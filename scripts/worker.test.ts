// The worker as npm start runs it: its own process on the app's database, sending what is due
// through the outbox and leaving what is not, stopping cleanly on SIGTERM.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWorker } from "./lib/next-server.ts";
import { createTestDatabase, type TestDatabase } from "./lib/test-database.ts";

let database: TestDatabase;
let fixtures: typeof import("@/lib/testing/fixtures");
let bookings: typeof import("@/lib/booking/mutations");

beforeAll(async () => {
  database = await createTestDatabase("worker");
  process.env.DATABASE_URL = database.url;
  fixtures = await import("@/lib/testing/fixtures");
  bookings = await import("@/lib/booking/mutations");
}, 120_000);

afterAll(async () => {
  await fixtures?.prisma.$disconnect();
  await database?.drop();
});

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

describe("npm run worker", () => {
  it("sends a due confirmation within seconds, leaves tomorrow's reminders queued, and stops on SIGTERM", async () => {
    const { prisma, createVenueFixture, bookingInput, uniquePhone } = fixtures;
    const f = await createVenueFixture();
    const made = await bookings.createBooking(bookingInput(f.venue.slug, f.slotOn(5), { phone: uniquePhone() }));
    if (!made.ok) throw new Error(made.message);
    const booking = await prisma.booking.findUniqueOrThrow({ where: { code: made.booking.code } });
    // Due now whatever the hour: the test must not depend on the quiet hours.
    await prisma.notification.updateMany({
      where: { bookingId: booking.id, kind: "CONFIRMATION" },
      data: { sendAfter: new Date(0) },
    });
    await prisma.$executeRaw`SELECT graphile_worker.add_job('send_message', json_build_object('key', key), job_key => key, run_at => now())
      FROM notification WHERE booking_id = ${booking.id} AND kind = 'CONFIRMATION'`;

    const worker = runWorker({ DATABASE_URL: database.url, SMS_GATEWAY: "outbox" }, "ignore");
    const stopped = exited(worker);
    try {
      const deadline = Date.now() + 20_000;
      let status = "QUEUED";
      while (status !== "SENT" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (await prisma.notification.findFirstOrThrow({ where: { bookingId: booking.id, kind: "CONFIRMATION" } })).status;
      }
      expect(status).toBe("SENT");
      const reminders = await prisma.notification.findMany({ where: { bookingId: booking.id, kind: "REMINDER" } });
      expect(reminders.map((r) => r.status)).toEqual(["QUEUED", "QUEUED"]);
    } finally {
      const started = Date.now();
      worker.kill("SIGTERM");
      await stopped;
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  }, 60_000);
});
