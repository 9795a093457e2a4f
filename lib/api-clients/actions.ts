"use server";

import { revalidatePath } from "next/cache";
import { formAction, townFormAction } from "@/lib/action";
import { can } from "@/lib/auth/can";
import { type DistrictScope, districtScope, type Scope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { clearTestBookings, createApiClient, revokeApiClient, rotateApiKey } from "./mutations";
import { apiClientIdInput, apiClientInput, clearTestDataInput } from "./schema";

/** A key (and at registration the signing secret) to show once; neither can be shown again. */
export type KeyShown = { issued: { name: string; apiKey: string; webhookSecret?: string } };

const NOT_FOUND = "没有找到这个接入方，请刷新页面后再试。";
const CREATED = "接入方已登记。请把下面的密钥和签名密钥通过安全的方式交给接入方的技术人员；离开本页后无法再次查看。";
const ROTATED = "已换成新的密钥，旧密钥立即失效。请把新密钥交给接入方，请其尽快换上。";
const REVOKED = "密钥已停用：用它发出的请求都会被拒绝，也不再向它发送事件通知。";

// The same three actions twice: in a town's scope (its administrator, or the district acting for
// it) on /staff/api-clients, and in the district's scope on /district/api-clients.

async function register(scope: Scope, input: Parameters<typeof createApiClient>[1], page: string) {
  const result = await createApiClient(scope, input);
  if (!result.ok) return result;
  revalidatePath(page);
  return {
    ok: true as const,
    message: CREATED,
    data: { issued: { name: result.name, apiKey: result.key, webhookSecret: result.webhookSecret } },
  };
}

async function rotate(scope: Scope, clientId: string, page: string) {
  const result = await rotateApiKey(scope, clientId);
  if (!result.ok) return result;
  revalidatePath(page);
  return { ok: true as const, message: ROTATED, data: { issued: { name: result.name, apiKey: result.key } } };
}

async function revoke(scope: Scope, clientId: string, page: string) {
  const result = await revokeApiClient(scope, clientId);
  if (!result.ok) return result;
  revalidatePath(page);
  return { ok: true as const, message: REVOKED };
}

async function clearTestData(scope: Scope, page: string) {
  const { bookings, entries } = await clearTestBookings(scope);
  revalidatePath(page);
  const message =
    bookings + entries === 0
      ? "没有测试数据需要清除。"
      : `已清除 ${bookings} 个测试预约和 ${entries} 条测试候补登记，以及它们的短信和事件通知。真实的预约没有变动。`;
  return { ok: true as const, message };
}

const CLEAR_INVALID = "测试数据还没有清除，请按提示确认。";

const STAFF_PAGE = "/staff/api-clients";
const DISTRICT_PAGE = "/district/api-clients";

export const createApiClientAction = townFormAction<typeof apiClientInput, KeyShown>({
  allow: can.manageApiClients,
  schema: apiClientInput,
  invalid: "接入方还没有登记，请按提示修改。",
  run: (input, { actor: scope }) => register(scope, input, STAFF_PAGE),
});

export const rotateApiKeyAction = townFormAction<typeof apiClientIdInput, KeyShown>({
  allow: can.manageApiClients,
  schema: apiClientIdInput,
  invalid: NOT_FOUND,
  run: ({ clientId }, { actor: scope }) => rotate(scope, clientId, STAFF_PAGE),
});

export const revokeApiClientAction = townFormAction({
  allow: can.manageApiClients,
  schema: apiClientIdInput,
  invalid: NOT_FOUND,
  run: ({ clientId }, { actor: scope }) => revoke(scope, clientId, STAFF_PAGE),
});

export const clearTestDataAction = townFormAction({
  allow: can.manageApiClients,
  schema: clearTestDataInput,
  invalid: CLEAR_INVALID,
  run: (_input, { actor: scope }) => clearTestData(scope, STAFF_PAGE),
});

// The allow rule (can.manageTowns) admits district accounts only, so the scope is always minted.
const districtOf = (actor: CurrentUser) => districtScope(actor) as DistrictScope;

export const createDistrictApiClientAction = formAction<typeof apiClientInput, KeyShown>({
  allow: can.manageTowns,
  schema: apiClientInput,
  invalid: "接入方还没有登记，请按提示修改。",
  run: (input, { actor }) => register(districtOf(actor), input, DISTRICT_PAGE),
});

export const rotateDistrictApiKeyAction = formAction<typeof apiClientIdInput, KeyShown>({
  allow: can.manageTowns,
  schema: apiClientIdInput,
  invalid: NOT_FOUND,
  run: ({ clientId }, { actor }) => rotate(districtOf(actor), clientId, DISTRICT_PAGE),
});

export const revokeDistrictApiClientAction = formAction({
  allow: can.manageTowns,
  schema: apiClientIdInput,
  invalid: NOT_FOUND,
  run: ({ clientId }, { actor }) => revoke(districtOf(actor), clientId, DISTRICT_PAGE),
});

export const clearDistrictTestDataAction = formAction({
  allow: can.manageTowns,
  schema: clearTestDataInput,
  invalid: CLEAR_INVALID,
  run: (_input, { actor }) => clearTestData(districtOf(actor), DISTRICT_PAGE),
});
