// Event notices to API clients, against the real PostgreSQL and a receiver on this machine that
// checks each signature as the Standard Webhooks specification says, with code of its own.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, revokeApiClient } from "@/lib/api-clients/mutations";
import { apiClientInput } from "@/lib/api-clients/schema";
import { cancelBooking, createBooking, rescheduleBooking } from "@/lib/booking/mutations";
import { checkInBooking, completeBooking, markNoShow } from "@/lib/consultations/mutations";
import {
  bookingInput,
  createStaffScope,
  createTownFixture,
  createVenueFixture,
  everyTown,
  prisma,
  uniquePhone,
} from "@/lib/testing/fixtures";
import { todayInShanghai, zonedInstant } from "@/lib/time";
import { acceptOffer, joinWaitlist, offerFreedSlots } from "@/lib/waitlist/mutations";
import { joinWaitlistInput } from "@/lib/waitlist/schema";
import { deleteOldWebhookEvents, deliverWebhook, emitEvent, resendWebhook } from "./mutations";

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

/** The receiver: answers each path's queued statuses in turn (200 when none are left), and keeps what it got. */
let server: Server;
let base = "";
const received: Received[] = [];
const answers = new Map<string, { status: number; location?: string }[]>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      const answer = answers.get(path)?.shift() ?? { status: 200 };
      response.writeHead(answer.status, answer.location ? { Location: answer.location } : {});
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The specification's verification, written here from its text: HMAC-SHA256 of "id.timestamp.body" with the secret's bytes. */
function verify(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const id = String(headers["webhook-id"]);
  const timestamp = String(headers["webhook-timestamp"]);
  const key = Buffer.from(secret.split("_")[1], "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers["webhook-signature"])
    .split(" ")
    .some((entry) => {
      const [version, signature] = entry.split(",");
      const given = Buffer.from(signature ?? "", "base64");
      return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

let paths = 0;
/** A town with a venue, and a client of that town whose notices come to their own path here. */
async function setup({ personalData = false }: { personalData?: boolean } = {}) {
  const town = await createTownFixture();
  const f = await createVenueFixture({ townId: town.id });
  const path = `/hooks/${++paths}`;
  const admin = await createStaffScope(town.id, "ADMIN");
  const issued = await createApiClient(
    admin,
    apiClientInput.parse({
      name: "接收测试",
      contact: "测试",
      mode: "LIVE",
      origins: "",
      webhookUrl: `${base}${path}`,
      personalData: personalData ? "on" : undefined,
    }),
  );
  if (!issued.ok) throw new Error(issued.message);
  const book = async (extra: Record<string, unknown> = {}) => {
    const made = await createBooking(
      bookingInput(f.venue.slug, f.slotOn(1), { name: "王阿伯", description: "离婚后孩子抚养的问题", ...extra }),
    );
    if (!made.ok) throw new Error(made.message);
    return made.booking;
  };
  const eventsOf = () => prisma.webhookEvent.findMany({ where: { clientId: issued.clientId }, orderBy: { createdAt: "asc" } });
  return { town, f, path, admin, client: issued, book, eventsOf };
}

const jobOf = async (eventId: string) =>
  (
    await prisma.$queryRaw<
      { task: string }[]
    >`SELECT task_identifier AS task FROM graphile_worker.jobs WHERE key = ${`webhook:${eventId}`}`
  )[0];

describe("a booking made", () => {
  it("queues one signed notice for the town's client, in the booking's transaction, delivered by the job", async () => {
    const s = await setup();
    const booking = await s.book();
    const [event] = await s.eventsOf();
    expect(event).toMatchObject({ type: "booking.created", bookingId: expect.any(String), attempts: 0, deliveredAt: null });
    expect(await jobOf(event.id)).toEqual({ task: "deliver_webhook" });

    expect(await deliverWebhook(event.id)).toEqual({});
    const got = received.filter((r) => r.path === s.path);
    expect(got).toHaveLength(1);
    expect(got[0].headers["webhook-id"]).toBe(event.id);
    expect(Number(got[0].headers["webhook-timestamp"])).toBeCloseTo(Date.now() / 1000, -2);
    expect(got[0].headers["content-type"]).toBe("application/json");
    expect(verify(s.client.webhookSecret as string, got[0].headers, got[0].body)).toBe(true);
    expect(verify(s.client.webhookSecret as string, got[0].headers, `${got[0].body} `)).toBe(false);
    const body = JSON.parse(got[0].body);
    expect(body).toMatchObject({ type: "booking.created", data: { booking: { code: booking.code, status: "confirmed" } } });

    // Without personal data: the phone masked, no name, topic or note.
    expect(Object.keys(body.data.villager)).toEqual(["phone"]);
    expect(body.data.villager.phone).toMatch(/^139\*{4}\d{4}$/);
    expect(got[0].body).not.toContain("王阿伯");
    expect(got[0].body).not.toContain("抚养");
    expect(got[0].body).not.toContain("marriage");

    const delivered = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(delivered).toMatchObject({ attempts: 1, lastStatus: 200 });
    expect(delivered.deliveredAt).not.toBeNull();
    // Delivered is done: the job run again sends nothing.
    expect(await deliverWebhook(event.id)).toEqual({});
    expect(received.filter((r) => r.path === s.path)).toHaveLength(1);
  });

  it("carries the name, full phone, topic and note to a client allowed personal data", async () => {
    const s = await setup({ personalData: true });
    const booking = await s.book();
    const [event] = await s.eventsOf();
    await deliverWebhook(event.id);
    const body = JSON.parse(received.filter((r) => r.path === s.path)[0].body);
    expect(body.data.villager).toMatchObject({
      name: "王阿伯",
      phone: expect.stringMatching(/^139\d{8}$/),
      topic: { code: "marriage" },
      note: "离婚后孩子抚养的问题",
    });
    expect(body.data.booking.code).toBe(booking.code);
  });

  it("tells of a reschedule and a cancellation too, one notice each, in order", async () => {
    const s = await setup();
    const phone = uniquePhone();
    const booking = await s.book({ phone });
    const moved = await rescheduleBooking({ code: booking.code, phone, start: s.f.slotOn(2) });
    expect(moved.ok).toBe(true);
    expect((await cancelBooking({ code: booking.code, phone })).ok).toBe(true);
    expect((await s.eventsOf()).map((e) => e.type)).toEqual(["booking.created", "booking.rescheduled", "booking.cancelled"]);
    const ids = (await s.eventsOf()).map((e) => e.id);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("a consultation recorded", () => {
  it("tells of the check-in, the outcome (and its correction) and a no-show", async () => {
    const s = await setup();
    const staff = await createStaffScope(s.town.id, "STAFF");
    const came = await s.book();
    const { id: cameId, startsAt } = await prisma.booking.findUniqueOrThrow({ where: { code: came.code } });
    const during = new Date(startsAt.getTime() + 5 * 60_000);
    expect(await checkInBooking(staff, cameId, { now: new Date(startsAt.getTime() - 10 * 60_000) })).toEqual({ ok: true });
    const outcome = { outcomes: ["CONSULTATION" as const], minutesSpent: 20 };
    expect(await completeBooking(staff, cameId, outcome, { now: during })).toEqual({ ok: true });
    expect(await completeBooking(staff, cameId, { ...outcome, minutesSpent: 25 }, { now: during })).toEqual({ ok: true });
    const missed = await s.book({ phone: uniquePhone(), start: s.f.slotOn(1, 9 * 60 + 30) });
    const { id: missedId } = await prisma.booking.findUniqueOrThrow({ where: { code: missed.code } });
    expect(await markNoShow(staff, missedId, { now: new Date(startsAt.getTime() + 45 * 60_000) })).toEqual({ ok: true });
    const events = await s.eventsOf();
    expect(events.map((e) => [e.type, e.bookingId])).toEqual([
      ["booking.created", cameId],
      ["booking.checked_in", cameId],
      ["booking.completed", cameId],
      ["booking.completed", cameId],
      ["booking.created", missedId],
      ["booking.no_show", missedId],
    ]);
    expect(JSON.parse(events[2].payload).data.booking.status).toBe("done");
    expect(JSON.parse(events[5].payload).data.booking.status).toBe("no_show");
  });
});

describe("a freed slot", () => {
  it("tells of the hold offered to the first person waiting, and of the booking when they accept it", async () => {
    const s = await setup();
    const date = s.f.dateOn(3);
    const booked = [];
    for (let minute = 9 * 60; minute < 12 * 60; minute += 30) {
      const input = bookingInput(s.f.venue.slug, s.f.slotOn(3, minute));
      const made = await createBooking(input);
      if (!made.ok) throw new Error(made.message);
      booked.push({ code: made.booking.code, phone: input.phone });
    }
    const phone = uniquePhone();
    const joined = await joinWaitlist(
      joinWaitlistInput.parse({
        venue: s.f.venue.slug,
        name: "候补村民",
        phone,
        topic: "marriage",
        from: date,
        to: date,
        consent: true,
      }),
    );
    expect(joined.ok).toBe(true);
    await cancelBooking({ code: booked[2].code, phone: booked[2].phone });
    const now = zonedInstant(todayInShanghai(), 12 * 60);
    expect((await offerFreedSlots(now)).offered).toBe(1);
    const hold = await prisma.booking.findFirstOrThrow({ where: { venueId: s.f.venue.id, status: "HELD" } });
    const offered = (await s.eventsOf()).filter((e) => e.type === "waitlist.offered");
    expect(offered.map((e) => e.bookingId)).toEqual([hold.id]);
    expect(JSON.parse(offered[0].payload).data.booking).toMatchObject({
      code: hold.code,
      status: "held",
      heldUntil: expect.any(String),
      waitlistEntryId: hold.waitlistEntryId,
    });
    expect((await acceptOffer(hold.code, phone, now)).ok).toBe(true);
    const last = (await s.eventsOf()).at(-1);
    expect([last?.type, last?.bookingId]).toEqual(["booking.created", hold.id]);
  });
});

describe("which clients", () => {
  it("tells a town's client nothing of another town's bookings, a district-wide client everything, a revoked one nothing", async () => {
    const a = await setup();
    const b = await setup();
    const wide = await createApiClient(
      everyTown,
      apiClientInput.parse({ name: "全区", contact: "测试", mode: "LIVE", origins: "", webhookUrl: `${base}/wide` }),
    );
    if (!wide.ok) throw new Error(wide.message);
    try {
      await a.book();
      expect(await a.eventsOf()).toHaveLength(1);
      expect(await b.eventsOf()).toHaveLength(0);
      expect(await prisma.webhookEvent.count({ where: { clientId: wide.clientId } })).toBeGreaterThanOrEqual(1);
    } finally {
      await revokeApiClient(everyTown, wide.clientId);
    }
    await revokeApiClient(b.admin, b.client.clientId);
    await b.book();
    expect(await b.eventsOf()).toHaveLength(0);
  });

  it("tells a test client of test bookings only, and a live client of real ones only (issue 25 item 7)", async () => {
    const s = await setup();
    const trial = await createApiClient(
      s.admin,
      apiClientInput.parse({ name: "试用", contact: "测试", mode: "TEST", origins: "", webhookUrl: `${base}/trial` }),
    );
    if (!trial.ok) throw new Error(trial.message);
    const real = await s.book();
    const made = await createBooking(bookingInput(s.f.venue.slug, s.f.slotOn(2)), { test: true });
    if (!made.ok) throw new Error(made.message);
    const bookingOf = async (clientId: string) =>
      (await prisma.webhookEvent.findMany({ where: { clientId }, select: { payload: true } })).map((e) => {
        const { code, test } = (JSON.parse(e.payload) as { data: { booking: { code: string; test?: boolean } } }).data.booking;
        return { code, test };
      });
    // A test booking's notice says it is one; a real one's has no such field.
    expect(await bookingOf(s.client.clientId)).toEqual([{ code: real.code, test: undefined }]);
    expect(await bookingOf(trial.clientId)).toEqual([{ code: made.booking.code, test: true }]);
  });

  it("does not send a notice whose client was revoked after it was queued", async () => {
    const s = await setup();
    await s.book();
    const [event] = await s.eventsOf();
    await revokeApiClient(s.admin, s.client.clientId);
    expect(await deliverWebhook(event.id)).toEqual({});
    expect(received.filter((r) => r.path === s.path)).toHaveLength(0);
    expect((await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).failedAt).not.toBeNull();
  });
});

describe("in the change's own transaction", () => {
  it("leaves no notice and no job when the change rolls back", async () => {
    const s = await setup();
    const booking = await s.book();
    const before = (await s.eventsOf()).length;
    await expect(
      prisma.$transaction(async (tx) => {
        const { id } = await tx.booking.findFirstOrThrow({ where: { code: booking.code }, select: { id: true } });
        await emitEvent(tx, "booking.cancelled", id);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await s.eventsOf()).toHaveLength(before);
    const jobs = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'deliver_webhook'
        AND key NOT IN (SELECT 'webhook:' || id FROM webhook_event)`;
    expect(jobs[0].n).toBe(0);
  });
});

describe("failures", () => {
  it("are tried again later: a 500, then a 200 delivers it", async () => {
    const s = await setup();
    answers.set(s.path, [{ status: 500 }]);
    await s.book();
    const [event] = await s.eventsOf();
    const now = new Date();
    const first = await deliverWebhook(event.id, { now });
    expect(first.later).toEqual(new Date(now.getTime() + 30_000));
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      attempts: 1,
      lastStatus: 500,
      lastError: "接收方回答 HTTP 500。",
      deliveredAt: null,
      nextAttemptAt: first.later,
    });
    expect(await deliverWebhook(event.id, { now: first.later })).toEqual({});
    const done = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(done).toMatchObject({ attempts: 2, lastStatus: 200, lastError: null });
    expect(done.deliveredAt).not.toBeNull();
    // Both tries carried the same id and body, each signed for its own timestamp.
    const tries = received.filter((r) => r.path === s.path);
    expect(tries.map((t) => t.headers["webhook-id"])).toEqual([event.id, event.id]);
    expect(tries[0].body).toBe(tries[1].body);
    for (const t of tries) expect(verify(s.client.webhookSecret as string, t.headers, t.body)).toBe(true);
  });

  it("are given up after ten tries over about a day; a resend starts again with the same id, audited", async () => {
    const s = await setup();
    answers.set(
      s.path,
      Array.from({ length: 10 }, () => ({ status: 503 })),
    );
    await s.book();
    const [event] = await s.eventsOf();
    let now = new Date();
    const start = now;
    for (let i = 0; i < 10; i++) {
      const outcome = await deliverWebhook(event.id, { now });
      if (i < 9) now = outcome.later as Date;
      else expect(outcome).toEqual({});
    }
    expect(now.getTime() - start.getTime()).toBeLessThanOrEqual(24 * 3600_000);
    const failed = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(failed).toMatchObject({ attempts: 10, lastStatus: 503 });
    expect(failed.failedAt).not.toBeNull();

    expect(await resendWebhook(s.admin, event.id)).toEqual({ ok: true });
    expect(await jobOf(event.id)).toEqual({ task: "deliver_webhook" });
    expect(await deliverWebhook(event.id)).toEqual({});
    const again = received.filter((r) => r.path === s.path).at(-1);
    expect(again?.headers["webhook-id"]).toBe(event.id);
    expect((await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).deliveredAt).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { subjectId: event.id, action: "resend_webhook" } })).toBe(1);
    // Another town's administrator cannot resend it.
    const other = await setup();
    expect(await resendWebhook(other.admin, event.id)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("do not follow a redirect to another host, and follow a 308 on the same one", async () => {
    const s = await setup();
    answers.set(s.path, [
      { status: 307, location: "http://evil.example.net/steal" },
      { status: 308, location: `${s.path}/v2` },
    ]);
    await s.book();
    const [event] = await s.eventsOf();
    const first = await deliverWebhook(event.id);
    expect(first.later).toBeDefined();
    expect((await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).lastError).toMatch(/没有跟随/);
    expect(await deliverWebhook(event.id)).toEqual({});
    expect(received.filter((r) => r.path === s.path || r.path === `${s.path}/v2`).map((r) => r.path)).toEqual([
      s.path,
      s.path,
      `${s.path}/v2`,
    ]);
  });

  it("count a receiver that does not answer as a failure", async () => {
    const s = await setup();
    await s.book();
    const [event] = await s.eventsOf();
    const outcome = await deliverWebhook(event.id, {
      send: () => Promise.reject(Object.assign(new Error("timed out"), { name: "TimeoutError" })),
    });
    expect(outcome.later).toBeDefined();
    expect((await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).lastError).toBe("接收方 10 秒内没有回答。");
  });
});

describe("the delivery log", () => {
  it("keeps a notice 30 days, then the daily purge deletes it", async () => {
    const s = await setup();
    await s.book();
    const [old] = await s.eventsOf();
    await prisma.webhookEvent.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    const recent = await prisma.webhookEvent.create({
      data: { id: `evt_recent_${old.id}`, clientId: s.client.clientId, type: "booking.created", payload: "{}" },
    });
    await prisma.$transaction((tx) => deleteOldWebhookEvents(tx, new Date()));
    expect(await prisma.webhookEvent.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await prisma.webhookEvent.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});
