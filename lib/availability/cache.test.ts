// The slot cache must never show a slot that a write in this process, or in another app server,
// has just taken or freed, once the database's notice of it has arrived (changesHeard); and it
// forgets only the venue the write concerns. The file runs on a throwaway database of its own: writes by the other
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
  it("answers the same list twice without a write, and forgets it once a booking made or cancelled is heard", async () => {
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
    await m.changesHeard();
    expect(await starts(f.venue.slug)).not.toContain(slot);

    await m.cancelBooking({ code: booked.booking.code, phone: input.phone });
    await m.changesHeard();
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
    await m.changesHeard();
    const after = await m.listVenueSlots(f.venue.slug);
    expect(after).not.toBe(first);
    expect(after?.slots.map((s) => s.start.getTime())).not.toContain(date.getTime());
  });
});

/** An answer cached per venue through `remember`, counting how often each venue's is computed. */
function counted(...slugs: string[]) {
  const computed: Record<string, number> = Object.fromEntries(slugs.map((slug) => [slug, 0]));
  const readAll = async () => {
    for (const slug of slugs)
      await m.remember(slug, `counted|${slug}`, async () => {
        computed[slug]++;
        return slug;
      });
  };
  return { computed, readAll };
}

/** A change on a connection of its own, committed or rolled back: another app server's. */
async function elsewhere(sql: string, values: unknown[], { rollBack = false } = {}) {
  const other = new pg.Client({ connectionString: database.url });
  await other.connect();
  try {
    await other.query("BEGIN");
    await other.query(sql, values);
    await other.query(rollBack ? "ROLLBACK" : "COMMIT");
  } finally {
    await other.end();
  }
}

const LEAVE = `INSERT INTO duty_exception (id, lawyer_id, venue_id, kind, date, note, created_at)
  VALUES (gen_random_uuid()::text, $1, $2, 'LEAVE', $3, '测试', now())`;

describe("the cached slot list, venue by venue", () => {
  it("forgets the booked venue's slots, and those of the other venues where its lawyer works, and keeps the rest", async () => {
    const a = await m.createVenueFixture();
    const b = await m.createVenueFixture();
    const c = await m.createVenueFixture();
    // A's lawyer also holds Monday hours at C: booked at A, they are busy there too.
    await m.prisma.dutySession.create({
      data: {
        lawyerId: a.lawyers[0].id,
        venueId: c.venue.id,
        weekday: 1,
        startMinute: 14 * 60,
        endMinute: 16 * 60,
        validFrom: m.toDbDate(a.today),
      },
    });
    await m.changesHeard();
    const { computed, readAll } = counted(a.venue.slug, b.venue.slug, c.venue.slug);
    await readAll();
    await readAll();
    expect(Object.values(computed)).toEqual([1, 1, 1]);
    const firstA = await m.listVenueSlots(a.venue.slug);
    const firstB = await m.listVenueSlots(b.venue.slug);

    const booked = await m.createBooking(m.bookingInput(a.venue.slug, a.slotOn(2)));
    if (!booked.ok) throw new Error(booked.message);
    await m.changesHeard();
    await readAll();
    expect(Object.values(computed)).toEqual([2, 1, 2]);
    expect(await m.listVenueSlots(a.venue.slug)).not.toBe(firstA);
    expect(await m.listVenueSlots(b.venue.slug)).toBe(firstB);
  });

  it("forgets every venue's slots when a holiday is added or withdrawn", async () => {
    const a = await m.createVenueFixture();
    const b = await m.createVenueFixture();
    await m.changesHeard();
    const { computed, readAll } = counted(a.venue.slug, b.venue.slug);
    await readAll();
    // A date far past any horizon, so that the other tests' slots stay as they are.
    const override = await m.prisma.calendarOverride.create({
      data: { date: m.toDbDate(m.addDays(a.today, 3650)), kind: "HOLIDAY", note: "测试" },
    });
    await m.changesHeard();
    await readAll();
    expect(Object.values(computed)).toEqual([2, 2]);
    await m.prisma.calendarOverride.delete({ where: { id: override.id } });
    await m.changesHeard();
    await readAll();
    expect(Object.values(computed)).toEqual([3, 3]);
  });

  it("keeps every venue's slots through a change rolled back", async () => {
    const a = await m.createVenueFixture();
    await m.changesHeard();
    const { computed, readAll } = counted(a.venue.slug);
    await readAll();
    const leave = [a.lawyers[0].id, a.venue.id, a.dateOn(2)];
    await elsewhere(LEAVE, leave, { rollBack: true });
    await m.changesHeard();
    await readAll();
    expect(computed[a.venue.slug]).toBe(1);
    // The same change committed is heard.
    await elsewhere(LEAVE, leave);
    await m.changesHeard();
    await readAll();
    expect(computed[a.venue.slug]).toBe(2);
  });

  it("does not keep an answer computed while a change to its venue was heard, and keeps one computed across another venue's", async () => {
    const a = await m.createVenueFixture();
    const b = await m.createVenueFixture();
    await m.changesHeard();
    const slowly = () => {
      let finish = (_: string) => {};
      const answer = new Promise<string>((resolve) => {
        finish = resolve;
      });
      return { answer, finish };
    };

    const acrossB = slowly();
    const first = m.remember(a.venue.slug, "slow", () => acrossB.answer);
    await elsewhere(LEAVE, [b.lawyers[0].id, b.venue.id, b.dateOn(2)]);
    await m.changesHeard();
    acrossB.finish("first");
    expect(await first).toBe("first");
    expect(await m.remember(a.venue.slug, "slow", async () => "computed again")).toBe("first");

    const acrossA = slowly();
    const second = m.remember(a.venue.slug, "slow, again", () => acrossA.answer);
    await elsewhere(LEAVE, [a.lawyers[0].id, a.venue.id, a.dateOn(2)]);
    await m.changesHeard();
    acrossA.finish("read before the leave");
    expect(await second).toBe("read before the leave");
    expect(await m.remember(a.venue.slug, "slow, again", async () => "computed again")).toBe("computed again");
  });
});

describe("the database's slots_changed notices", () => {
  /** The payloads heard on the channel while `change` runs and commits, in order. */
  async function noticesOf(change: () => Promise<unknown>): Promise<string[]> {
    const listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", ({ payload = "" }) => heard.push(payload));
    try {
      await listener.query("LISTEN slots_changed");
      await change();
      await listener.query("SELECT pg_notify('slots_changed', 'end')");
      while (heard.at(-1) !== "end") await new Promise((resolve) => setTimeout(resolve, 10));
      return heard.slice(0, -1);
    } finally {
      await listener.end();
    }
  }

  it("name each venue once per transaction, however many rows, and both slugs of a renamed venue", async () => {
    const a = await m.createVenueFixture({ lawyers: 2 });
    const days = [1, 2, 3].map((weekday) => ({
      lawyerId: a.lawyers[1].id,
      venueId: a.venue.id,
      weekday,
      startMinute: 14 * 60,
      endMinute: 15 * 60,
      validFrom: m.toDbDate(a.today),
    }));
    expect(await noticesOf(() => m.prisma.dutySession.createMany({ data: days }))).toEqual([a.venue.slug]);

    const renamed = `${a.venue.slug}-new`;
    expect(await noticesOf(() => m.prisma.venue.update({ where: { id: a.venue.id }, data: { slug: renamed } }))).toEqual([
      renamed,
      a.venue.slug,
    ]);
    expect(await noticesOf(() => m.prisma.lawyer.update({ where: { id: a.lawyers[0].id }, data: { active: false } }))).toEqual([
      renamed,
    ]);
    // A booking's check-in changes no free slot.
    const booked = await m.createBooking(m.bookingInput(renamed, a.slotOn(2)));
    if (!booked.ok) throw new Error(booked.message);
    expect(
      await noticesOf(() => m.prisma.booking.update({ where: { code: booked.booking.code }, data: { checkedInAt: new Date() } })),
    ).toEqual([]);
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

    // Another server: its own connection, not this process's Prisma client.
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
