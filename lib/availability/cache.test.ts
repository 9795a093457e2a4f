// The slot cache must never show a slot that a write in this process, or in another app server,
// has just taken or freed. The file runs on a throwaway database of its own: writes by the other
// test files would otherwise reach this process's cache through the database's notices too.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/scripts/lib/test-database";

let database: TestDatabase;
let m: typeof import("@/lib/booking/mutations") &
  typeof import("@/lib/demand/mutations") &
  typeof import("@/lib/rate-limit") &
  typeof import("@/lib/testing/fixtures") &
  typeof import("@/lib/time") &
  typeof import("./queries") &
  typeof import("./cache") &
  typeof import("@/lib/db");

beforeAll(async () => {
  database = await createTestDatabase("cache");
  process.env.DATABASE_URL = database.url;
  m = {
    ...(await import("@/lib/booking/mutations")),
    ...(await import("@/lib/demand/mutations")),
    ...(await import("@/lib/rate-limit")),
    ...(await import("@/lib/testing/fixtures")),
    ...(await import("@/lib/time")),
    ...(await import("./queries")),
    ...(await import("./cache")),
    ...(await import("@/lib/db")),
  };
  // Until this process listens for other servers' changes, it caches nothing.
  await m.listenForChanges();
}, 120_000);

afterAll(async () => {
  await m?.prisma.$disconnect();
  await database?.drop();
});

const starts = async (slug: string) => ((await m.listVenueSlots(slug))?.slots ?? []).map((s) => s.start.getTime());

describe("the cached slot list", () => {
  it("answers the same list twice without a write, and forgets it the moment a booking is made or cancelled", async () => {
    const f = await m.createVenueFixture();
    // The fixture's own writes are heard a moment after they commit, and clear the cache then.
    await m.changesHeard();
    const slot = f.slotOn(2).getTime();
    const first = await m.listVenueSlots(f.venue.slug);
    expect(await m.listVenueSlots(f.venue.slug)).toBe(first); // served from memory
    expect(await starts(f.venue.slug)).toContain(slot);

    const input = m.bookingInput(f.venue.slug, f.slotOn(2));
    const booked = await m.createBooking(input);
    if (!booked.ok) throw new Error(booked.message);
    expect(await starts(f.venue.slug)).not.toContain(slot);

    await m.cancelBooking({ code: booked.booking.code, phone: input.phone });
    expect(await starts(f.venue.slug)).toContain(slot);
  });

  it("is kept through writes that cannot change free slots (a page view, pruning the sign-in counts) and cleared by a leave", async () => {
    const f = await m.createVenueFixture();
    await m.changesHeard();
    const first = await m.listVenueSlots(f.venue.slug);
    await m.recordVenueLookup(f.venue.id, true);
    await m.pruneRateLimits();
    await m.changesHeard(); // and no notice from either clears it
    expect(await m.listVenueSlots(f.venue.slug)).toBe(first);

    const date = f.slotOn(2);
    // Through the app's own client, as a leave entered on this server.
    await m.db.dutyException.create({
      data: { lawyerId: f.lawyers[0].id, kind: "LEAVE", date: m.toDbDate(m.toDateString(date)), note: "测试" },
    });
    const after = await m.listVenueSlots(f.venue.slug);
    expect(after).not.toBe(first);
    expect(after?.slots.map((s) => s.start.getTime())).not.toContain(date.getTime());
  });
});

describe("the cached slot list with several app servers", () => {
  it("forgets a slot another server took as soon as that change commits, well within the cache's 5 seconds", async () => {
    const f = await m.createVenueFixture();
    await m.changesHeard();
    const slot = f.slotOn(2);
    const first = await m.listVenueSlots(f.venue.slug);
    expect(await m.listVenueSlots(f.venue.slug)).toBe(first);
    expect(await starts(f.venue.slug)).toContain(slot.getTime());

    // Another server: its own connection, not this process's Prisma client, so no in-process listener hears it.
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query(
        `INSERT INTO duty_exception (id, lawyer_id, kind, date, note, created_at)
         VALUES ($1, $2, 'LEAVE', $3, '另一台服务器', now())`,
        [`other-${f.venue.slug}`, f.lawyers[0].id, m.toDateString(slot)],
      );
    } finally {
      await other.end();
    }
    const deadline = Date.now() + 2_000;
    while ((await starts(f.venue.slug)).includes(slot.getTime()) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await starts(f.venue.slug)).not.toContain(slot.getTime());
  });
});
