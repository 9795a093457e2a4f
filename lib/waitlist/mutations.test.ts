// The waitlist against the real PostgreSQL and graphile-worker's tables: a freed slot queues the
// offer job by the database's own trigger, the first person waiting is offered it and the slot is
// held by a HELD booking that the exclusion constraints count (20 others trying at once all fail),
// acceptance follows the normal rules, expiry and declining pass it on. Runs with an odd TZ.
import { describe, expect, it } from "vitest";
import { cancelBooking, createBooking, MAX_UPCOMING_PER_PHONE } from "@/lib/booking/mutations";
import { OVERTAKEN } from "@/lib/messages/mutations";
import { bookingInput, createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { todayInShanghai, zonedInstant } from "@/lib/time";
import {
  acceptOffer,
  cancelWaitlistEntry,
  declineOffer,
  expireHold,
  holdEnd,
  joinWaitlist,
  MAX_HOLDS_PER_PHONE,
  MAX_WAITING_PER_PHONE,
  offerFreedSlots,
  UNANSWERED_LIMIT,
} from "./mutations";
import { findWaitlistEntry } from "./queries";
import { HOLD_MINUTES, joinWaitlistInput } from "./schema";

// Offers are made outside the quiet hours: noon today in Shanghai, whatever the machine's clock says.
const noon = () => zonedInstant(todayInShanghai(), 12 * 60);
const later = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/** A venue whose day `dateOn(3)` is fully booked (six 30-minute slots of one lawyer). */
async function fullDay() {
  const f = await createVenueFixture();
  const date = f.dateOn(3);
  const bookings = [];
  for (let minute = 9 * 60; minute < 12 * 60; minute += 30) {
    const input = bookingInput(f.venue.slug, f.slotOn(3, minute));
    const result = await createBooking(input);
    if (!result.ok) throw new Error(result.message);
    bookings.push({ code: result.booking.code, phone: input.phone, start: result.booking.start });
  }
  const join = async (name: string, phone = uniquePhone(), { test = false } = {}) => {
    const input = joinWaitlistInput.parse({
      venue: f.venue.slug,
      name,
      phone,
      topic: "marriage",
      from: date,
      to: date,
      consent: true,
    });
    const result = await joinWaitlist(input, undefined, { test });
    if (!result.ok) throw new Error(result.message);
    return { ...result.entry, phone };
  };
  return { f, date, bookings, join };
}

const holdsOf = (venueId: string) =>
  prisma.booking.findMany({
    where: { venueId, waitlistEntryId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, code: true, status: true, startsAt: true, heldUntil: true, waitlistEntryId: true, phone: true },
  });
const statusOf = async (id: string) => (await prisma.waitlistEntry.findUniqueOrThrow({ where: { id } })).status;

describe("joining", () => {
  it("keeps dates within the horizon, and the same phone at the same venue once", async () => {
    const { f, date } = await fullDay();
    const phone = uniquePhone();
    const base = { venue: f.venue.slug, name: "黄伯", phone, topic: "marriage", consent: true };
    expect(joinWaitlistInput.safeParse({ ...base, consent: undefined }).success).toBe(false);
    expect(joinWaitlistInput.safeParse({ ...base, from: "2026-12-10", to: "2026-12-09" }).error?.issues[0].message).toBe(
      "最晚日期不能早于最早日期，请重新选择。",
    );
    const tooFar = await joinWaitlist(joinWaitlistInput.parse({ ...base, to: f.dateOn(40) }));
    expect(tooFar.ok ? null : tooFar.fields?.to).toMatch(/只能候补 28 天以内/);
    expect(await prisma.waitlistEntry.count({ where: { phone } })).toBe(0);

    const first = await joinWaitlist(joinWaitlistInput.parse({ ...base, from: date, to: date }));
    expect(first.ok).toBe(true);
    // Joining again is no way in to the entry: answered as a fresh join, about nobody's entry.
    const again = await joinWaitlist(joinWaitlistInput.parse({ ...base, name: "黄伯伯", from: date, to: date }));
    if (!first.ok || !again.ok) throw new Error("both joins are answered as joins");
    expect(again.entry).toMatchObject({ status: "waiting", name: "黄伯伯", offer: null });
    expect(again.entry.id).not.toBe(first.entry.id);
    expect(again.entry.id).toMatch(/^[a-z0-9]{20,40}$/);
    expect(await findWaitlistEntry({ id: again.entry.id, phone })).toBeNull();
    expect(await prisma.waitlistEntry.findMany({ where: { phone }, select: { id: true, name: true } })).toEqual([
      { id: first.entry.id, name: "黄伯" },
    ]);
  });

  it("never hands a stranger with the villager's phone the held offer, nor changes the entry", async () => {
    const { f, date, bookings, join } = await fullDay();
    const villager = await join("梁婆婆");
    await cancelBooking({ code: bookings[0].code, phone: bookings[0].phone }, { now: noon() });
    await offerFreedSlots(noon());
    const [hold] = await holdsOf(f.venue.id);
    expect(hold).toMatchObject({ status: "HELD", waitlistEntryId: villager.id });

    const input = {
      venue: f.venue.slug,
      name: "冒名者",
      phone: villager.phone,
      topic: "marriage",
      from: date,
      to: date,
      consent: true,
    };
    const stranger = await joinWaitlist(joinWaitlistInput.parse(input), noon());
    if (!stranger.ok) throw new Error(stranger.message);
    expect(stranger.entry.offer).toBeNull();
    expect(stranger.entry.status).toBe("waiting");
    expect(JSON.stringify(stranger.entry)).not.toContain(hold.code);
    expect(stranger.entry.id).not.toBe(villager.id);
    const entry = await prisma.waitlistEntry.findUniqueOrThrow({ where: { id: villager.id } });
    expect(entry).toMatchObject({ name: "梁婆婆", status: "OFFERED" });
  });

  it("tells someone to book when the venue has free times on their dates, writing nothing", async () => {
    const f = await createVenueFixture();
    const phone = uniquePhone();
    const input = {
      venue: f.venue.slug,
      name: "黄伯",
      phone,
      topic: "marriage",
      from: f.dateOn(2),
      to: f.dateOn(2),
      consent: true,
    };
    const result = await joinWaitlist(joinWaitlistInput.parse(input), noon());
    expect(result).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/直接选择时间预约/) });
    expect(await prisma.waitlistEntry.count({ where: { phone } })).toBe(0);
  });

  it("lets one phone wait at most at MAX_WAITING_PER_PHONE venues", async () => {
    const phone = uniquePhone();
    const results = [];
    for (let i = 0; i <= MAX_WAITING_PER_PHONE; i++) {
      const f = await createVenueFixture({ lawyers: 0 });
      const input = { venue: f.venue.slug, name: "黄伯", phone, topic: "marriage", consent: true };
      results.push(await joinWaitlist(joinWaitlistInput.parse(input), noon()));
    }
    expect(results.slice(0, MAX_WAITING_PER_PHONE).every((r) => r.ok)).toBe(true);
    expect(results[MAX_WAITING_PER_PHONE]).toMatchObject({ ok: false, code: "conflict" });
    expect(await prisma.waitlistEntry.count({ where: { phone } })).toBe(MAX_WAITING_PER_PHONE);
  });

  it("joining asks the worker to look for a free slot at once", async () => {
    const { f, join } = await fullDay();
    await join("陈姨");
    const [job] = await prisma.$queryRaw<{ queue_name: string }[]>`
      SELECT queue_name FROM graphile_worker.jobs WHERE key = ${`offer_waitlist:${f.venue.id}`}`;
    expect(job?.queue_name).toBe("waitlist");
  });
});

describe("a freed slot", () => {
  it("queues and offers only its own venue's round: a cancellation in one village touches no other waitlist", async () => {
    const a = await fullDay();
    const b = await fullDay();
    const atA = await a.join("甲村的人");
    const atB = await b.join("乙村的人");
    const keys = [`offer_waitlist:${a.f.venue.id}`, `offer_waitlist:${b.f.venue.id}`];
    for (const key of keys) await prisma.$executeRaw`SELECT graphile_worker.remove_job(${key})`;
    // Freed at B too, but nothing queued for it: only A's round runs.
    await prisma.booking.update({ where: { code: b.bookings[0].code }, data: { status: "CANCELLED", cancelledAt: noon() } });
    await prisma.$executeRaw`SELECT graphile_worker.remove_job(${keys[1]})`;
    expect((await cancelBooking({ code: a.bookings[0].code, phone: a.bookings[0].phone }, { now: noon() })).ok).toBe(true);
    const queued = await prisma.$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker.jobs WHERE key = ANY(${keys})`;
    expect(queued.map((j) => j.key)).toEqual([keys[0]]);
    expect(await offerFreedSlots(noon(), { venueId: a.f.venue.id })).toEqual({ offered: 1 });
    expect(await statusOf(atA.id)).toBe("OFFERED");
    expect(await statusOf(atB.id)).toBe("WAITING");
  });

  it("is held for one phone at most once across the site: its next waits until the first is answered", async () => {
    const a = await fullDay();
    const b = await fullDay();
    const phone = uniquePhone();
    await a.join("黄伯", phone);
    await b.join("黄伯", phone);
    await cancelBooking({ code: a.bookings[0].code, phone: a.bookings[0].phone }, { now: noon() });
    await cancelBooking({ code: b.bookings[0].code, phone: b.bookings[0].phone }, { now: noon() });
    await offerFreedSlots(noon());
    expect(await prisma.booking.count({ where: { phone, status: "HELD" } })).toBe(MAX_HOLDS_PER_PHONE);
  });

  it("is queued by the database, offered to the first person waiting, and held for them against 20 others at once", async () => {
    const { f, bookings, join } = await fullDay();
    const first = await join("第一位");
    const second = await join("第二位");
    expect((await offerFreedSlots(noon())).offered).toBeGreaterThanOrEqual(0);
    expect(await holdsOf(f.venue.id)).toEqual([]);

    // The cancellation alone queues the offer job: the trigger, in the cancellation's transaction.
    const key = `offer_waitlist:${f.venue.id}`;
    await prisma.$executeRaw`SELECT graphile_worker.remove_job(${key})`;
    const freed = bookings[2];
    expect((await cancelBooking({ code: freed.code, phone: freed.phone })).ok).toBe(true);
    const jobs = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${key}`;
    expect(jobs[0].n).toBe(1);

    const now = noon();
    await offerFreedSlots(now);
    const [hold] = await holdsOf(f.venue.id);
    expect(hold).toMatchObject({ status: "HELD", startsAt: freed.start, waitlistEntryId: first.id, phone: first.phone });
    expect(hold.heldUntil).toEqual(later(now, HOLD_MINUTES));
    expect(await statusOf(first.id)).toBe("OFFERED");
    expect(await statusOf(second.id)).toBe("WAITING");
    const offer = await prisma.notification.findUniqueOrThrow({ where: { key: `offer:${hold.id}` } });
    expect(offer).toMatchObject({ kind: "WAITLIST_OFFER", status: "QUEUED", phone: first.phone });
    expect(offer.message).toContain(hold.code);
    expect(offer.message).not.toContain("婚姻");
    const expiry = await prisma.$queryRaw<
      { run_at: Date }[]
    >`SELECT run_at FROM graphile_worker.jobs WHERE key = ${`hold:${hold.id}`}`;
    expect(expiry[0].run_at).toEqual(hold.heldUntil);

    const others = await Promise.all(
      Array.from({ length: 20 }, () => createBooking(bookingInput(f.venue.slug, freed.start), { now })),
    );
    expect(others.filter((r) => r.ok)).toEqual([]);
    expect(new Set(others.map((r) => !r.ok && r.code))).toEqual(new Set(["slot_taken"]));
    // Not the application's look alone: the database itself refuses a booking over the hold.
    const row = await prisma.booking.findUniqueOrThrow({ where: { id: hold.id } });
    await expect(
      prisma.booking.create({
        data: {
          ...row,
          id: undefined,
          calendarToken: undefined,
          code: `X${hold.code}`,
          status: "CONFIRMED",
          phone: uniquePhone(),
          waitlistEntryId: null,
        },
      }),
    ).rejects.toThrow(/booking_lawyer_no_overlap|exclusion|23P01/);

    const accepted = await acceptOffer(hold.code, first.phone, later(now, 5));
    expect(accepted.ok && accepted.booking.status).toBe("confirmed");
    expect(await statusOf(first.id)).toBe("BOOKED");
    expect(await prisma.notification.count({ where: { key: `confirmation:${hold.id}` } })).toBe(1);
    const gone = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${`hold:${hold.id}`}`;
    expect(gone[0].n).toBe(0);
    // Taken now: accepting twice, or declining after, changes nothing.
    expect((await acceptOffer(hold.code, first.phone, later(now, 6))).ok).toBe(false);
    expect((await declineOffer(hold.code, first.phone, later(now, 6))).ok).toBe(false);
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: hold.id } })).status).toBe("CONFIRMED");
  });

  it("passes to the next person when the hold runs out, and an unanswered person leaves after the limit", async () => {
    const { f, bookings, join } = await fullDay();
    const first = await join("第一位");
    const second = await join("第二位");
    await cancelBooking({ code: bookings[0].code, phone: bookings[0].phone });
    const now = noon();
    await offerFreedSlots(now);
    const [hold] = await holdsOf(f.venue.id);
    expect(hold.waitlistEntryId).toBe(first.id);

    expect(await expireHold(hold.id, later(now, HOLD_MINUTES - 1))).toEqual({ expired: false, later: hold.heldUntil });
    expect(await acceptOffer(hold.code, first.phone, later(now, HOLD_MINUTES))).toMatchObject({ ok: false, code: "conflict" });
    expect(await expireHold(hold.id, later(now, HOLD_MINUTES))).toEqual({ expired: true });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: hold.id } })).status).toBe("CANCELLED");
    expect(await statusOf(first.id)).toBe(UNANSWERED_LIMIT > 1 ? "WAITING" : "LAPSED");

    const next = later(now, HOLD_MINUTES + 1);
    await offerFreedSlots(next);
    const holds = await holdsOf(f.venue.id);
    expect(holds[1]).toMatchObject({ status: "HELD", startsAt: hold.startsAt, waitlistEntryId: second.id });
    expect(await statusOf(first.id)).toBe("WAITING");

    // A second slot frees: the first person is offered again, lets it run out too, and leaves the list.
    await cancelBooking({ code: bookings[1].code, phone: bookings[1].phone });
    await offerFreedSlots(next);
    const third = (await holdsOf(f.venue.id))[2];
    expect(third).toMatchObject({ waitlistEntryId: first.id, startsAt: bookings[1].start });
    await expireHold(third.id, later(next, HOLD_MINUTES));
    expect(await statusOf(first.id)).toBe("LAPSED");
  });

  it("declining keeps one's place for other times and offers the slot to the next person", async () => {
    const { f, bookings, join } = await fullDay();
    const first = await join("第一位");
    const second = await join("第二位");
    await cancelBooking({ code: bookings[4].code, phone: bookings[4].phone });
    const now = noon();
    await offerFreedSlots(now);
    const [hold] = await holdsOf(f.venue.id);
    expect(await declineOffer(hold.code, uniquePhone(), now)).toMatchObject({ ok: false, code: "not_found" });
    expect((await declineOffer(hold.code, first.phone, now)).ok).toBe(true);
    expect(await statusOf(first.id)).toBe("WAITING");
    await offerFreedSlots(now);
    const holds = await holdsOf(f.venue.id);
    expect(holds.map((h) => [h.waitlistEntryId, h.status])).toEqual([
      [first.id, "CANCELLED"],
      [second.id, "HELD"],
    ]);
  });

  it("goes to a real person before a test client's entry joined earlier, whose own offer is a test booking", async () => {
    const { f, bookings, join } = await fullDay();
    const trial = await join("测试接入方", uniquePhone(), { test: true });
    const real = await join("真实村民");
    await cancelBooking({ code: bookings[4].code, phone: bookings[4].phone });
    await offerFreedSlots(noon());
    expect((await holdsOf(f.venue.id)).map((h) => h.waitlistEntryId)).toEqual([real.id]);
    await cancelBooking({ code: bookings[5].code, phone: bookings[5].phone });
    await offerFreedSlots(noon());
    const holds = await prisma.booking.findMany({
      where: { venueId: f.venue.id, status: "HELD" },
      orderBy: { createdAt: "asc" },
      select: { waitlistEntryId: true, test: true },
    });
    expect(holds).toEqual([
      { waitlistEntryId: real.id, test: false },
      { waitlistEntryId: trial.id, test: true },
    ]);
  });

  it("is not held for a phone at its limit of upcoming bookings, but for the next person waiting", async () => {
    const { f, bookings, join } = await fullDay();
    const phone = uniquePhone();
    for (let i = 0; i < MAX_UPCOMING_PER_PHONE; i++) {
      const r = await createBooking(bookingInput(f.venue.slug, f.slotOn(5 + i), { phone }));
      expect(r.ok).toBe(true);
    }
    const full = await join("已有三个预约", phone);
    const next = await join("下一位");
    await cancelBooking({ code: bookings[3].code, phone: bookings[3].phone });
    await offerFreedSlots(noon());
    const [hold] = await holdsOf(f.venue.id);
    expect(hold.waitlistEntryId).toBe(next.id);
    expect(await statusOf(full.id)).toBe("WAITING");
  });

  it("acceptance follows the normal limit of upcoming bookings per phone", async () => {
    const { f, bookings, join } = await fullDay();
    const phone = uniquePhone();
    for (let i = 0; i < MAX_UPCOMING_PER_PHONE - 1; i++) {
      const r = await createBooking(bookingInput(f.venue.slug, f.slotOn(5 + i), { phone }));
      expect(r.ok).toBe(true);
    }
    const entry = await join("已有两个预约", phone);
    await cancelBooking({ code: bookings[3].code, phone: bookings[3].phone });
    const now = noon();
    await offerFreedSlots(now);
    const [hold] = await holdsOf(f.venue.id);
    expect(hold.waitlistEntryId).toBe(entry.id);
    // Booked a third time meanwhile: the held slot would be a fourth.
    expect((await createBooking(bookingInput(f.venue.slug, f.slotOn(9), { phone }))).ok).toBe(true);
    expect(await acceptOffer(hold.code, phone, now)).toMatchObject({ ok: false, code: "too_many_bookings" });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: hold.id } })).status).toBe("HELD");
  });

  it("in the quiet hours the slot is held for the first person until 08:30, and the text waits for 08:00", async () => {
    const { f, bookings, join } = await fullDay();
    const entry = await join("夜里");
    await cancelBooking({ code: bookings[5].code, phone: bookings[5].phone });
    const night = zonedInstant(todayInShanghai(), 22 * 60);
    const morning = later(zonedInstant(todayInShanghai(), 8 * 60), 24 * 60);
    await offerFreedSlots(night);
    const [hold] = await holdsOf(f.venue.id);
    expect(hold).toMatchObject({ status: "HELD", waitlistEntryId: entry.id, heldUntil: later(morning, HOLD_MINUTES) });
    const offer = await prisma.notification.findUniqueOrThrow({ where: { key: `offer:${hold.id}` } });
    expect(offer.sendAfter).toEqual(morning);
    expect(holdEnd(zonedInstant(todayInShanghai(), 7 * 60 + 50))).toEqual(
      later(zonedInstant(todayInShanghai(), 8 * 60), HOLD_MINUTES),
    );
    expect(holdEnd(noon())).toEqual(later(noon(), HOLD_MINUTES));

    // Accepted before the text went (a neighbour showed the villager the page): the offer's text is not sent.
    expect(await acceptOffer(hold.code, entry.phone, later(night, 5))).toMatchObject({ ok: true });
    expect(await prisma.notification.findUniqueOrThrow({ where: { key: `offer:${hold.id}` } })).toMatchObject({
      status: "DROPPED",
      reason: OVERTAKEN.accepted,
    });
  });
});

describe("leaving", () => {
  it("booking some other way at the venue leaves the list; cancelling an entry releases its hold", async () => {
    const { f, bookings, join } = await fullDay();
    const booker = await join("自己约到了");
    const other = await createBooking(bookingInput(f.venue.slug, f.slotOn(6), { phone: booker.phone }));
    expect(other.ok).toBe(true);
    expect(await statusOf(booker.id)).toBe("BOOKED");

    const leaver = await join("不等了");
    await cancelBooking({ code: bookings[0].code, phone: bookings[0].phone });
    await offerFreedSlots(noon());
    const [hold] = await holdsOf(f.venue.id);
    expect(hold.waitlistEntryId).toBe(leaver.id);
    expect(await cancelWaitlistEntry({ id: leaver.id, phone: uniquePhone() })).toMatchObject({ code: "not_found" });
    expect((await cancelWaitlistEntry({ id: leaver.id, phone: leaver.phone })).ok).toBe(true);
    expect(await statusOf(leaver.id)).toBe("CANCELLED");
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: hold.id } })).status).toBe("CANCELLED");
    expect(await cancelWaitlistEntry({ id: leaver.id, phone: leaver.phone })).toMatchObject({ code: "conflict" });
  });
});
