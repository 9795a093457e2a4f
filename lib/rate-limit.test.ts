import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/testing/fixtures";
import { minutesToWait } from "./errors";
import { forget, pruneRateLimits, refund, spend } from "./rate-limit";

const subject = () => `test-${randomBytes(6).toString("hex")}`;

describe("spend", () => {
  it("counts atomically: 40 parallel tries at a limit of 30 let exactly 30 through", async () => {
    const key = subject();
    const results = await Promise.all(Array.from({ length: 40 }, () => spend("lookUpAddress", key)));
    expect(results.filter((r) => r.ok)).toHaveLength(30);
    const refused = results.find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
    expect(refused && !refused.ok && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("gives a count back with refund and clears it with forget", async () => {
    const key = subject();
    for (let i = 0; i < 10; i++) await spend("lookUpPhoneAddress", key);
    expect((await spend("lookUpPhoneAddress", key)).ok).toBe(false);
    await forget("lookUpPhoneAddress", key);
    for (let i = 0; i < 9; i++) await spend("lookUpPhoneAddress", key);
    await refund("lookUpPhoneAddress", key);
    expect(await spend("lookUpPhoneAddress", key)).toMatchObject({ ok: true, count: 9 });
  });
});

describe("pruneRateLimits", () => {
  it("deletes counts an hour past their expiry and keeps the others", async () => {
    const old = subject();
    const fresh = subject();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 3 * 60 * 60 * 1000 });
    try {
      await spend("lookUpAddress", old);
    } finally {
      vi.useRealTimers();
    }
    await spend("lookUpAddress", fresh);
    await pruneRateLimits();
    const keys = (
      await prisma.rateLimit.findMany({ where: { key: { in: [`lookUpAddress:${old}`, `lookUpAddress:${fresh}`] } } })
    ).map((row) => row.key);
    expect(keys).toEqual([`lookUpAddress:${fresh}`]);
  });
});

describe("minutesToWait", () => {
  it("rounds up to whole minutes, at least one", () => {
    expect([1, 59, 60, 61, 900].map(minutesToWait)).toEqual([1, 1, 1, 2, 15]);
  });
});
