// The worker as npm start runs it: its own process on the app's database, sending what is due
// through the outbox and leaving what is not, stopping cleanly on SIGTERM; killed mid-batch, the
// next one sends the rest and nothing twice; its database connections cut, it reconnects; and it
// offers a freed slot to the waitlist. SMS_QUIET_HOURS=00:00-00:00 in the worker: these tests
// must not depend on the hour (the quiet hours have their own tests in lib/messages).
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

const WORKER_ENV = () => ({ DATABASE_URL: database.url, SMS_GATEWAY: "outbox", SMS_QUIET_HOURS: "00:00-00:00" });

/** `count` bookings whose confirmations are due now, with their jobs; returns the messages' keys. */
async function dueConfirmations(count: number): Promise<string[]> {
  const { prisma, createVenueFixture, bookingInput, uniquePhone } = fixtures;
  const f = await createVenueFixture({ lawyers: count });
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const made = await bookings.createBooking(bookingInput(f.venue.slug, f.slotOn(5), { phone: uniquePhone() }));
    if (!made.ok) throw new Error(made.message);
    keys.push(`confirmation:${(await prisma.booking.findUniqueOrThrow({ where: { code: made.booking.code } })).id}`);
  }
  await prisma.notification.updateMany({ where: { key: { in: keys } }, data: { sendAfter: new Date(0) } });
  await prisma.$executeRaw`SELECT graphile_worker.add_job('send_message', json_build_object('key', key), job_key => key, run_at => now())
    FROM notification WHERE key = ANY(${keys})`;
  return keys;
}

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe("npm run worker", () => {
  it("purges personal data past its retention once a day from its crontab, making up a missed day", async () => {
    const { prisma } = fixtures;
    // A call-back request from two years ago (kept 6 months), and a purge last run 30 hours ago.
    const old = await prisma.callbackRequest.create({
      data: {
        name: "旧的回电",
        phone: "13800000001",
        consentAt: new Date(Date.now() - 730 * 86_400_000),
        createdAt: new Date(Date.now() - 730 * 86_400_000),
      },
    });
    await prisma.$executeRaw`INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since, last_execution)
      VALUES ('privacy_purge', now() - interval '10 days', now() - interval '30 hours')
      ON CONFLICT (identifier) DO UPDATE SET last_execution = excluded.last_execution`;
    const worker = runWorker(WORKER_ENV(), "ignore");
    const stopped = exited(worker);
    try {
      const purged = await until(async () => {
        const row = await prisma.callbackRequest.findUniqueOrThrow({ where: { id: old.id } });
        return row.anonymisedAt !== null && row.name !== "旧的回电";
      });
      expect(purged).toBe(true);
      const [known] = await prisma.$queryRaw<{ last: Date }[]>`
        SELECT last_execution AS last FROM graphile_worker._private_known_crontabs WHERE identifier = 'privacy_purge'`;
      expect(Date.now() - known.last.getTime()).toBeLessThan(25 * 60 * 60 * 1000);
    } finally {
      worker.kill("SIGTERM");
      await stopped;
    }
  });

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

    const worker = runWorker(WORKER_ENV(), "ignore");
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

  it("killed mid-batch, a new worker sends the rest: none lost, none sent twice", async () => {
    const { prisma } = fixtures;
    const keys = await dueConfirmations(30);
    const first = runWorker(WORKER_ENV(), "ignore");
    const gone = exited(first);
    const sent = () => prisma.notification.count({ where: { key: { in: keys }, status: "SENT" } });
    expect(await until(async () => (await sent()) > 0)).toBe(true);
    first.kill("SIGKILL");
    await gone;
    const second = runWorker(WORKER_ENV(), "ignore");
    try {
      const done = () =>
        prisma.notification.count({ where: { key: { in: keys }, status: { in: ["QUEUED", "SENDING"] } } }).then((n) => n === 0);
      // The killed worker's jobs are released by the next one's sweep (scripts/lib/worker-presence.ts)
      // once their locks are 30 s old: without it they would wait 4 hours.
      const ok = await until(done, 90_000);
      expect(ok).toBe(true);
      const rows = await prisma.notification.findMany({
        where: { key: { in: keys } },
        select: { status: true, attempts: true, reason: true },
      });
      // At most once: every message was handed to the gateway once; one caught in flight by the
      // kill is not sent again but put before staff, as the design says.
      for (const row of rows) {
        if (row.status === "SENT") expect(row.attempts).toBe(1);
        else expect(row).toMatchObject({ status: "FAILED", attempts: 1, reason: expect.stringContaining("为免重复") });
      }
      expect(rows.filter((r) => r.status === "SENT").length).toBeGreaterThanOrEqual(keys.length - 2);
    } finally {
      second.kill("SIGTERM");
      await exited(second);
    }
  }, 120_000);

  it("reconnects when the database drops its connections, and sends what comes after", async () => {
    const { prisma } = fixtures;
    const worker = runWorker(WORKER_ENV(), "ignore");
    try {
      const [before] = await dueConfirmations(1);
      const sent = (key: string) => async () =>
        (await prisma.notification.findUniqueOrThrow({ where: { key } })).status === "SENT";
      expect(await until(sent(before))).toBe(true);
      // As a restart of PostgreSQL does: every other connection to this database is cut.
      const cut = await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`;
      expect(cut[0].n).toBeGreaterThan(0);
      const [after] = await dueConfirmations(1);
      expect(await until(sent(after), 45_000)).toBe(true);
    } finally {
      worker.kill("SIGTERM");
      await exited(worker);
    }
  }, 120_000);

  it("offers a slot freed by a cancellation to the person waiting, by itself", async () => {
    const { prisma, createVenueFixture, bookingInput, uniquePhone } = fixtures;
    const { joinWaitlist } = await import("@/lib/waitlist/mutations");
    const { joinWaitlistInput } = await import("@/lib/waitlist/schema");
    const f = await createVenueFixture();
    const date = f.dateOn(4);
    const taken = [];
    for (let minute = 9 * 60; minute < 12 * 60; minute += 30) {
      const input = bookingInput(f.venue.slug, f.slotOn(4, minute), { phone: uniquePhone() });
      const made = await bookings.createBooking(input);
      if (!made.ok) throw new Error(made.message);
      taken.push({ code: made.booking.code, phone: input.phone });
    }
    const joined = await joinWaitlist(
      joinWaitlistInput.parse({
        venue: f.venue.slug,
        name: "等空位",
        phone: uniquePhone(),
        topic: "marriage",
        from: date,
        to: date,
        consent: true,
      }),
    );
    if (!joined.ok) throw new Error(joined.message);
    const worker = runWorker(WORKER_ENV(), "ignore");
    try {
      await bookings.cancelBooking(taken[2]);
      const held = () =>
        prisma.booking.count({ where: { waitlistEntryId: joined.entry.id, status: "HELD" } }).then((n) => n === 1);
      expect(await until(held)).toBe(true);
      expect((await prisma.waitlistEntry.findUniqueOrThrow({ where: { id: joined.entry.id } })).status).toBe("OFFERED");
    } finally {
      worker.kill("SIGTERM");
      await exited(worker);
    }
  }, 60_000);
});
