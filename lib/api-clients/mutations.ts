import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import { atVenuesIn, auditActorOf, type Scope, venuesIn } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { type Failure, failure } from "@/lib/errors";
import { dequeue } from "@/lib/jobs";
import { clientsIn, type KeyHolder } from "./queries";
import { generateApiKey, generateWebhookSecret, hashApiKey, keyHintOf, LAST_USED_PRECISION_MS } from "./rules";
import type { ApiClientInput } from "./schema";

/** The clear key (and, at registration, the signing secret) exist only in this value, to be shown once. */
export type KeyIssued = { ok: true; clientId: string; name: string; key: string; webhookSecret?: string };

const CLIENT_NOT_FOUND = "没有找到这个接入方，请刷新页面后再试。";
const REVOKED = "这个接入方的密钥已经停用，不能再更换。需要接入时，请重新登记一个接入方。";
const MODE_NAMES = { LIVE: "正式", TEST: "测试" } as const;

/**
 * Registers a client and issues its key and webhook signing secret. A town's administrator
 * registers for their own town; the district for the whole district (no town) or for a town it names.
 */
export async function createApiClient(scope: Scope, input: ApiClientInput): Promise<KeyIssued | Failure> {
  assertCan(can.manageApiClients(scope.actor));
  let townId: string | null = scope.townId;
  if (scope.kind === "district" && input.townId) {
    const town = await db.town.findUnique({ where: { id: input.townId }, select: { id: true } });
    if (!town) return failure("invalid_input", undefined, { townId: "没有这个镇（街道），请从列表中选择。" });
    townId = town.id;
  }
  const key = generateApiKey(input.mode);
  const webhookSecret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const client = await tx.apiClient.create({
      data: {
        name: input.name,
        contact: input.contact,
        origins: input.origins,
        webhookUrl: input.webhookUrl ?? null,
        personalData: input.personalData,
        mode: input.mode,
        townId,
        keyHash: hashApiKey(key),
        keyHint: keyHintOf(key),
        webhookSecret,
      },
      select: { id: true },
    });
    await recordAudit(tx, auditActorOf(scope), {
      kind: "api_client",
      action: "create",
      subjectId: client.id,
      summary: `登记接口接入方“${input.name}”（${MODE_NAMES[input.mode]}${input.personalData ? "，可接收个人信息" : ""}），密钥 ${keyHintOf(key)}`,
    });
    return { ok: true as const, clientId: client.id, name: input.name, key, webhookSecret };
  });
}

/** A new key for an active client in scope; the old key stops working at once. The signing secret stays. */
export async function rotateApiKey(scope: Scope, clientId: string, now = new Date()): Promise<KeyIssued | Failure> {
  assertCan(can.manageApiClients(scope.actor));
  const client = await db.apiClient.findFirst({
    where: { id: clientId, ...clientsIn(scope) },
    select: { name: true, mode: true, revokedAt: true },
  });
  if (!client) return failure("not_found", CLIENT_NOT_FOUND);
  if (client.revokedAt) return failure("conflict", REVOKED);
  const key = generateApiKey(client.mode);
  return db.$transaction(async (tx) => {
    // Conditional: a client revoked meanwhile gets no new key.
    const { count } = await tx.apiClient.updateMany({
      where: { id: clientId, revokedAt: null, ...clientsIn(scope) },
      data: { keyHash: hashApiKey(key), keyHint: keyHintOf(key), rotatedAt: now },
    });
    if (count === 0) return failure("conflict", REVOKED);
    await recordAudit(tx, auditActorOf(scope), {
      kind: "api_client",
      action: "rotate_key",
      subjectId: clientId,
      summary: `更换接口接入方“${client.name}”的密钥，新密钥 ${keyHintOf(key)}`,
    });
    return { ok: true as const, clientId, name: client.name, key };
  });
}

/** Stops a client's key for good: its requests answer 401 and it receives no more event notices. */
export async function revokeApiClient(scope: Scope, clientId: string, now = new Date()): Promise<{ ok: true } | Failure> {
  assertCan(can.manageApiClients(scope.actor));
  const client = await db.apiClient.findFirst({ where: { id: clientId, ...clientsIn(scope) }, select: { name: true } });
  if (!client) return failure("not_found", CLIENT_NOT_FOUND);
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiClient.updateMany({
      where: { id: clientId, revokedAt: null, ...clientsIn(scope) },
      data: { revokedAt: now },
    });
    if (count === 0) return failure("conflict", "这个接入方的密钥已经停用了。");
    await recordAudit(tx, auditActorOf(scope), {
      kind: "api_client",
      action: "revoke",
      subjectId: clientId,
      summary: `停用接口接入方“${client.name}”的密钥`,
    });
    return { ok: true as const };
  });
}

/**
 * Notes that a client's key signed a request: at most one write a minute per client, whatever the
 * number of requests and servers (the condition is part of the update).
 */
export async function touchApiClient(client: KeyHolder, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (client.lastUsedAt && client.lastUsedAt > since) return;
  await db.apiClient.updateMany({
    where: { id: client.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: since } }] },
    data: { lastUsedAt: now },
  });
}

/** What clearing the test data removed. */
export type TestDataCleared = { ok: true; bookings: number; entries: number };

/**
 * Clears the scope's test data (lib/test-mode.ts): every test booking at its venues with what hangs
 * on it (its texts and their jobs, its event notices, an evaluation) and its test waitlist entries,
 * in one transaction, audited. Only rows marked test: the mark is part of every delete, so a real
 * booking is never touched. A test booking made meanwhile is simply left for the next clearing.
 */
export async function clearTestBookings(scope: Scope): Promise<TestDataCleared> {
  assertCan(can.manageApiClients(scope.actor));
  return db.$transaction(async (tx) => {
    const found = await tx.booking.findMany({ where: { test: true, ...atVenuesIn(scope) }, select: { id: true } });
    const ids = found.map((b) => b.id);
    const ofThem = { bookingId: { in: ids } };
    const [messages, events] = await Promise.all([
      tx.notification.findMany({ where: { ...ofThem, status: "QUEUED" }, select: { key: true } }),
      tx.webhookEvent.findMany({ where: { ...ofThem, deliveredAt: null, failedAt: null }, select: { id: true } }),
    ]);
    for (const { key } of messages) await dequeue(tx, "sendMessage", { key });
    for (const { id } of events) await dequeue(tx, "deliverWebhook", { eventId: id });
    for (const id of ids) await dequeue(tx, "expireHold", { bookingId: id });
    await tx.notification.deleteMany({ where: ofThem });
    await tx.webhookEvent.deleteMany({ where: ofThem });
    await tx.evaluation.deleteMany({ where: ofThem });
    const bookings = await tx.booking.deleteMany({ where: { id: { in: ids }, test: true } });
    const entries = await tx.waitlistEntry.deleteMany({ where: { test: true, venue: venuesIn(scope), offers: { none: {} } } });
    await recordAudit(tx, auditActorOf(scope), {
      kind: "api_client",
      action: "clear_test_data",
      summary: `清除${scope.townId ? "本镇" : "全区"}的测试数据：${bookings.count} 个测试预约、${entries.count} 条测试候补登记`,
    });
    return { ok: true as const, bookings: bookings.count, entries: entries.count };
  });
}
