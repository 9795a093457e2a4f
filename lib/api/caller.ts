import "server-only";
import { INVALID_API_KEY_MESSAGE } from "@/lib/api/http";
// Who is calling /api/v1 (issue 25 item 1): anyone, counted by their address, as before; or a
// registered client, by the key in `Authorization: Bearer mz_live_…`, counted by its own limits.
// A key that is not valid (unknown, revoked, not a Bearer one) answers 401: a program sending a key
// means to be that client, and silently serving it as a stranger would hide the mistake.
import { touchApiClient } from "@/lib/api-clients/mutations";
import { findClientByKey, type KeyHolder } from "@/lib/api-clients/queries";
import { bearerKeyOf } from "@/lib/api-clients/rules";
import { problem } from "@/lib/http";
import { addressOf } from "@/lib/security";

export type Caller = { kind: "anonymous"; address: string } | { kind: "client"; client: KeyHolder; address: string };

const known = new WeakMap<Request, Promise<Caller | Response>>();

/** The caller of this request (looked up once per request), or the 401 to answer. */
export function callerOf(request: Request): Promise<Caller | Response> {
  let found = known.get(request);
  if (!found) {
    found = identify(request);
    known.set(request, found);
  }
  return found;
}

async function identify(request: Request): Promise<Caller | Response> {
  const address = addressOf(request.headers);
  const key = bearerKeyOf(request.headers.get("authorization"));
  if (key === undefined) return { kind: "anonymous", address };
  const client = key ? await findClientByKey(key) : null;
  if (!client)
    return problem("invalid_api_key", INVALID_API_KEY_MESSAGE, undefined, { "WWW-Authenticate": 'Bearer error="invalid_token"' });
  await touchApiClient(client);
  return { kind: "client", client, address };
}

/**
 * What the look-up limits (lib/booking/access.ts) count a caller's misses by: a client by its key,
 * since all its users share its server's address; anyone else by their address.
 */
export function lookUpSubject(caller: Caller): string {
  return caller.kind === "client" ? `client:${caller.client.id}` : caller.address;
}

/** Whether what this caller books or joins is test (issue 25 item 7, lib/test-mode.ts): a test client's key. */
export function isTestCaller(caller: Caller): boolean {
  return caller.kind === "client" && caller.client.mode === "TEST";
}
