import "server-only";
// Safe retries (issue 25 item 3): a POST sent again with the same Idempotency-Key and the same
// request within 24 hours answers exactly as the first time (status and body, the booking code
// included) without doing it twice; the same key with another request answers 422; a retry while
// the first is still being answered, 409 with Retry-After. The key is claimed by an insert, so two
// requests at once cannot both run. Answers of 5xx and 429 are not kept: those may be tried again.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { json, problem } from "@/lib/http";
import { callerOf } from "./caller";

export const IDEMPOTENCY_HOURS = 24;
const KEY = /^[\x21-\x7e]{1,255}$/;

/** Whose keys these are: every anonymous caller shares one space; each API client has its own (client:<id>). */
const ANONYMOUS = "anonymous";

export async function idempotent(request: Request, answer: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return answer();
  if (!KEY.test(key)) {
    return problem("invalid_input", "Idempotency-Key 应为 1 到 255 个可见的英文字符，例如一个 UUID。", {
      "Idempotency-Key": "应为 1 到 255 个可见的英文字符，例如一个 UUID。",
    });
  }
  const caller = await callerOf(request);
  if (caller instanceof Response) return caller;
  const scope = caller.kind === "client" ? `client:${caller.client.id}` : ANONYMOUS;
  const url = new URL(request.url);
  const fingerprint = createHash("sha256")
    .update(`${request.method}\n${url.pathname}\n${await request.clone().text()}`)
    .digest("hex");
  const since = new Date(Date.now() - IDEMPOTENCY_HOURS * 3600_000);
  // A key older than 24 hours is free again.
  await db.idempotencyRecord.deleteMany({ where: { scope, key, createdAt: { lt: since } } });
  const claimed = await db.idempotencyRecord.createMany({ data: [{ scope, key, fingerprint }], skipDuplicates: true });
  if (claimed.count === 0) return replay(scope, key, fingerprint);
  let response: Response;
  try {
    response = await answer();
  } catch (error) {
    await db.idempotencyRecord.deleteMany({ where: { scope, key, status: null } });
    throw error;
  }
  if (response.status >= 500 || response.status === 429) {
    await db.idempotencyRecord.deleteMany({ where: { scope, key, status: null } });
    return response;
  }
  const body = await response.clone().text();
  const etag = response.headers.get("etag");
  await db.idempotencyRecord.update({
    where: { scope_key: { scope, key } },
    data: { status: response.status, body, etag },
  });
  return response;
}

async function replay(scope: string, key: string, fingerprint: string): Promise<Response> {
  const kept = await db.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  if (!kept || kept.fingerprint !== fingerprint) {
    return problem(
      "idempotency_key_reused",
      "这个 Idempotency-Key 已经用于另一个请求（地址或内容不同）。新的请求请换一个新的 Idempotency-Key。",
    );
  }
  if (kept.status === null || kept.body === null) {
    return problem(
      "request_in_progress",
      "用同一个 Idempotency-Key 的请求正在处理中，请稍等一秒再用同一个 Key 重试。",
      undefined,
      {
        "Retry-After": "1",
      },
    );
  }
  return json(JSON.parse(kept.body), kept.status, {
    "Idempotent-Replayed": "true",
    ...(kept.etag ? { ETag: kept.etag } : {}),
  });
}

/** Keys older than 24 hours, removed by the daily purge (lib/privacy). */
export function deleteExpiredIdempotencyRecords(tx: Prisma.TransactionClient, now: Date): Promise<Prisma.BatchPayload> {
  return tx.idempotencyRecord.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_HOURS * 3600_000) } },
  });
}
