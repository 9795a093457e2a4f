// Registering, rotating and revoking API clients, in a scope. Against the real PostgreSQL.
import { describe, expect, it } from "vitest";
import { Forbidden } from "@/lib/auth/can";
import { createBooking } from "@/lib/booking/mutations";
import { bookingInput, createStaffScope, createTownFixture, createVenueFixture, everyTown, prisma } from "@/lib/testing/fixtures";
import { clearTestBookings, createApiClient, revokeApiClient, rotateApiKey, touchApiClient } from "./mutations";
import { countTestData, findClientByKey, listApiClients } from "./queries";
import { hashApiKey } from "./rules";
import { apiClientInput } from "./schema";

const input = (extra: Record<string, unknown> = {}) =>
  apiClientInput.parse({ name: "微信服务号", contact: "陈工 13800000000", mode: "LIVE", origins: "", ...extra });

async function townAdmin() {
  const town = await createTownFixture();
  return { town, scope: await createStaffScope(town.id, "ADMIN") };
}

describe("a town's administrator", () => {
  it("registers a client of their town whose key (shown once, stored as its hash) identifies it, audited", async () => {
    const { town, scope } = await townAdmin();
    const issued = await createApiClient(scope, input({ webhookUrl: "https://example.org/hooks", personalData: "on" }));
    if (!issued.ok) throw new Error(issued.message);
    expect(issued.key).toMatch(/^mz_live_/);
    expect(issued.webhookSecret).toMatch(/^whsec_/);
    const row = await prisma.apiClient.findUniqueOrThrow({ where: { id: issued.clientId } });
    expect(row).toMatchObject({ townId: town.id, keyHash: hashApiKey(issued.key), personalData: true, mode: "LIVE" });
    expect(JSON.stringify(row)).not.toContain(issued.key);
    expect(await findClientByKey(issued.key)).toMatchObject({ id: issued.clientId, townId: town.id });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: issued.clientId } });
    expect(audit).toMatchObject({ kind: "api_client", action: "create", actorId: scope.actor.id });
    expect(audit.summary).not.toContain(issued.key);
  });

  it("ignores a town named in the form: their own town's, always", async () => {
    const { town, scope } = await townAdmin();
    const other = await createTownFixture();
    const issued = await createApiClient(scope, input({ townId: other.id }));
    if (!issued.ok) throw new Error(issued.message);
    expect((await prisma.apiClient.findUniqueOrThrow({ where: { id: issued.clientId } })).townId).toBe(town.id);
  });

  it("sees, rotates and revokes only their town's clients; another town's answer as missing", async () => {
    const a = await townAdmin();
    const b = await townAdmin();
    const theirs = await createApiClient(b.scope, input());
    if (!theirs.ok) throw new Error(theirs.message);
    expect((await listApiClients(a.scope)).map((c) => c.id)).not.toContain(theirs.clientId);
    expect(await rotateApiKey(a.scope, theirs.clientId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await revokeApiClient(a.scope, theirs.clientId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await findClientByKey(theirs.key)).not.toBeNull();
  });

  it("rotates a key: the old one stops at once, the new one works, the signing secret stays", async () => {
    const { scope } = await townAdmin();
    const issued = await createApiClient(scope, input({ mode: "TEST" }));
    if (!issued.ok) throw new Error(issued.message);
    const before = await prisma.apiClient.findUniqueOrThrow({ where: { id: issued.clientId } });
    const rotated = await rotateApiKey(scope, issued.clientId);
    if (!rotated.ok) throw new Error(rotated.message);
    expect(rotated.key).toMatch(/^mz_test_/);
    expect(await findClientByKey(issued.key)).toBeNull();
    expect(await findClientByKey(rotated.key)).toMatchObject({ id: issued.clientId });
    const after = await prisma.apiClient.findUniqueOrThrow({ where: { id: issued.clientId } });
    expect(after.webhookSecret).toBe(before.webhookSecret);
    expect(after.rotatedAt).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { subjectId: issued.clientId, action: "rotate_key" } })).toBe(1);
  });

  it("revokes a key for good: it identifies nobody, cannot be rotated, and a second revoke changes nothing", async () => {
    const { scope } = await townAdmin();
    const issued = await createApiClient(scope, input());
    if (!issued.ok) throw new Error(issued.message);
    expect(await revokeApiClient(scope, issued.clientId)).toEqual({ ok: true });
    expect(await findClientByKey(issued.key)).toBeNull();
    expect(await rotateApiKey(scope, issued.clientId)).toMatchObject({ ok: false, code: "conflict" });
    expect(await revokeApiClient(scope, issued.clientId)).toMatchObject({ ok: false, code: "conflict" });
    expect(await prisma.auditLog.count({ where: { subjectId: issued.clientId, action: "revoke" } })).toBe(1);
  });
});

describe("who may", () => {
  it("refuses a town's staff member who is not an administrator", async () => {
    const town = await createTownFixture();
    const staff = await createStaffScope(town.id, "STAFF");
    await expect(createApiClient(staff, input())).rejects.toThrow(Forbidden);
    expect(await prisma.apiClient.count({ where: { townId: town.id } })).toBe(0);
  });

  it("lets the district register a district-wide client, or one for a town it names, and list every town's", async () => {
    const { town, scope } = await townAdmin();
    const wide = await createApiClient(everyTown, input());
    const forTown = await createApiClient(everyTown, input({ townId: town.id }));
    if (!wide.ok || !forTown.ok) throw new Error("not registered");
    expect((await prisma.apiClient.findUniqueOrThrow({ where: { id: wide.clientId } })).townId).toBeNull();
    expect((await prisma.apiClient.findUniqueOrThrow({ where: { id: forTown.clientId } })).townId).toBe(town.id);
    const all = (await listApiClients(everyTown)).map((c) => c.id);
    expect(all).toEqual(expect.arrayContaining([wide.clientId, forTown.clientId]));
    // A district-wide client is the district's: the town neither sees nor changes it.
    expect((await listApiClients(scope)).map((c) => c.id)).toEqual([forTown.clientId]);
    expect(await revokeApiClient(scope, wide.clientId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await createApiClient(everyTown, input({ townId: "no-such-town" }))).toMatchObject({
      ok: false,
      fields: { townId: expect.any(String) },
    });
  });
});

describe("the form", () => {
  it("refuses a webhook address that is not http(s) and an origin with a path, in Chinese", () => {
    const parsed = apiClientInput.safeParse({
      name: "x",
      contact: "y",
      mode: "LIVE",
      webhookUrl: "ftp://example.org/in",
      origins: "https://ok.example.org\nhttps://bad.example.org/path",
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n");
    expect(messages).toMatch(/webhookUrl: 只接受 http/);
    expect(messages).toMatch(/origins: “https:\/\/bad.example.org\/path”不是网页来源/);
  });

  it("keeps origins as browsers send them, once each", () => {
    expect(input({ origins: "https://A.example.org/\nhttps://a.example.org\n\n" }).origins).toEqual(["https://a.example.org"]);
  });
});

describe("last used", () => {
  it("is written at most once a minute", async () => {
    const { scope } = await townAdmin();
    const issued = await createApiClient(scope, input());
    if (!issued.ok) throw new Error(issued.message);
    const holder = async () => (await findClientByKey(issued.key)) as NonNullable<Awaited<ReturnType<typeof findClientByKey>>>;
    const t0 = new Date("2026-12-01T02:00:00Z");
    await touchApiClient(await holder(), t0);
    await touchApiClient(await holder(), new Date(t0.getTime() + 30_000));
    expect((await holder()).lastUsedAt).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    await touchApiClient(await holder(), later);
    expect((await holder()).lastUsedAt).toEqual(later);
  });
});

describe("clearing the test data (issue 25 item 7)", () => {
  /** In a town of its own: a real booking, a test one with its texts, notice and evaluation, a test hold and its entry. */
  async function townWithTestData() {
    const { town, scope } = await townAdmin();
    const f = await createVenueFixture({ townId: town.id });
    const client = await createApiClient(scope, input({ mode: "TEST", webhookUrl: "https://example.org/hooks" }));
    if (!client.ok) throw new Error(client.message);
    const made = async (days: number, test: boolean) => {
      const result = await createBooking(bookingInput(f.venue.slug, f.slotOn(days)), { test });
      if (!result.ok) throw new Error(result.message);
      return prisma.booking.findUniqueOrThrow({ where: { code: result.booking.code } });
    };
    const real = await made(3, false);
    const test = await made(4, true);
    await prisma.evaluation.create({
      data: { bookingId: test.id, satisfaction: "SATISFIED", resolution: "SOLVED", source: "BOOKING_PAGE" },
    });
    const entry = await prisma.waitlistEntry.create({
      data: {
        venueId: f.venue.id,
        name: "测试接入方",
        phone: test.phone,
        topicId: f.topic.id,
        fromDate: new Date(`${f.dateOn(5)}T00:00:00Z`),
        toDate: new Date(`${f.dateOn(6)}T00:00:00Z`),
        status: "OFFERED",
        consentAt: new Date(),
        test: true,
      },
    });
    const hold = await f.writeBooking(f.dateOn(5), 9 * 60, {
      status: "HELD",
      heldUntil: new Date(Date.now() + 30 * 60_000),
      waitlistEntryId: entry.id,
      name: "测试接入方",
      phone: test.phone,
      test: true,
    });
    return { town, scope, f, real, test, hold, entry };
  }

  const left = (ids: string[]) =>
    Promise.all([
      prisma.booking.count({ where: { id: { in: ids } } }),
      prisma.notification.count({ where: { bookingId: { in: ids } } }),
      prisma.webhookEvent.count({ where: { bookingId: { in: ids } } }),
      prisma.evaluation.count({ where: { bookingId: { in: ids } } }),
    ]);

  it("removes the town's test bookings with their texts, jobs, notices and evaluation, and its test entries; nothing real, nothing elsewhere", async () => {
    const a = await townWithTestData();
    const b = await townWithTestData();
    expect(await prisma.webhookEvent.count({ where: { bookingId: a.test.id } })).toBe(1);
    expect(await countTestData(a.scope)).toEqual({ bookings: 2, entries: 1 });
    const keys = (await prisma.notification.findMany({ where: { bookingId: a.test.id }, select: { key: true } })).map(
      (n) => n.key,
    );
    expect(keys.length).toBeGreaterThan(0);

    expect(await clearTestBookings(a.scope)).toEqual({ ok: true, bookings: 2, entries: 1 });
    expect(await left([a.test.id, a.hold.id])).toEqual([0, 0, 0, 0]);
    expect(await prisma.waitlistEntry.count({ where: { id: a.entry.id } })).toBe(0);
    const jobs = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ANY(${[...keys, `hold:${a.hold.id}`]})`;
    expect(jobs[0].n).toBe(0);
    // The real booking keeps everything; town B's test data is untouched.
    const [bookings, messages] = await left([a.real.id]);
    expect([bookings, messages > 0]).toEqual([1, true]);
    expect(await left([b.test.id, b.hold.id])).toEqual([2, expect.any(Number), 1, 1]);
    expect(await countTestData(b.scope)).toEqual({ bookings: 2, entries: 1 });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { actorId: a.scope.actor.id, action: "clear_test_data" } });
    expect(audit.summary).toContain("2 个测试预约");
    // Again: nothing left to clear.
    expect(await clearTestBookings(a.scope)).toEqual({ ok: true, bookings: 0, entries: 0 });
  });

  it("is refused to a town's staff who are not administrators", async () => {
    const town = await createTownFixture();
    await expect(clearTestBookings(await createStaffScope(town.id))).rejects.toThrow(Forbidden);
  });
});
