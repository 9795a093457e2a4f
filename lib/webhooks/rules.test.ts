import { describe, expect, it } from "vitest";
import {
  type BookingFacts,
  MAX_TRIES,
  newEventId,
  nextTryAt,
  RETRY_DELAYS_SECONDS,
  redirectTarget,
  signWebhook,
  webhookBody,
} from "./rules";

describe("signWebhook", () => {
  it("gives the Standard Webhooks libraries' own test vector", () => {
    // From the specification's reference libraries (standard-webhooks/standard-webhooks, libraries' tests).
    expect(
      signWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}'),
    ).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });
});

describe("event ids", () => {
  it("are new every time, with a recognisable prefix", () => {
    const a = newEventId();
    expect(a).toMatch(/^evt_[A-Za-z0-9_-]{22}$/);
    expect(newEventId()).not.toBe(a);
  });
});

const booking: BookingFacts = {
  id: "b1",
  code: "K7MPXA",
  status: "CONFIRMED",
  startsAt: new Date("2026-12-01T01:00:00Z"),
  endsAt: new Date("2026-12-01T01:30:00Z"),
  heldUntil: null,
  waitlistEntryId: null,
  name: "李阿姨",
  phone: "13812345678",
  note: "宅基地纠纷，邻居占用了通道",
  topic: { code: "land", name: "土地纠纷" },
  venue: { slug: "station", name: "睦洲镇公共法律服务工作站", address: "睦洲镇司法所", town: { slug: "muzhou", name: "睦洲镇" } },
  lawyer: { id: "l1", name: "陈律师" },
};
const now = new Date("2026-11-30T02:03:04Z");

describe("webhookBody", () => {
  it("is { type, timestamp, data } with times at +08:00", () => {
    const body = JSON.parse(webhookBody("booking.created", booking, false, now));
    expect(body).toMatchObject({
      type: "booking.created",
      timestamp: "2026-11-30T10:03:04+08:00",
      data: {
        booking: {
          code: "K7MPXA",
          status: "confirmed",
          start: "2026-12-01T09:00:00+08:00",
          end: "2026-12-01T09:30:00+08:00",
          venue: { slug: "station" },
          town: { slug: "muzhou", name: "睦洲镇" },
          lawyer: { id: "l1", name: "陈律师" },
        },
      },
    });
  });

  it("carries no name, topic or note, and a masked phone, for a client not allowed personal data", () => {
    const text = webhookBody("booking.created", booking, false, now);
    expect(JSON.parse(text).data.villager).toEqual({ phone: "138****5678" });
    for (const personal of ["李阿姨", "13812345678", "宅基地", "土地纠纷", "land"]) expect(text).not.toContain(personal);
  });

  it("carries them for a client allowed personal data", () => {
    expect(JSON.parse(webhookBody("booking.created", booking, true, now)).data.villager).toEqual({
      name: "李阿姨",
      phone: "13812345678",
      topic: { code: "land", name: "土地纠纷" },
      note: "宅基地纠纷，邻居占用了通道",
    });
  });

  it("says until when a waitlist offer is held, and for which entry", () => {
    const held = { ...booking, status: "HELD", heldUntil: new Date("2026-11-30T02:33:04Z"), waitlistEntryId: "w1" };
    expect(JSON.parse(webhookBody("waitlist.offered", held, false, now)).data.booking).toMatchObject({
      status: "held",
      heldUntil: "2026-11-30T10:33:04+08:00",
      waitlistEntryId: "w1",
    });
  });
});

describe("retries", () => {
  it("wait longer each time, ten tries within a day, then give up", () => {
    expect(MAX_TRIES).toBe(10);
    const total = RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(23 * 3600);
    expect(total).toBeLessThanOrEqual(24 * 3600);
    expect(nextTryAt(1, now)).toEqual(new Date(now.getTime() + 30_000));
    expect(nextTryAt(9, now)).toEqual(new Date(now.getTime() + 8 * 3600_000));
    expect(nextTryAt(10, now)).toBeNull();
  });
});

describe("redirectTarget", () => {
  it("follows a 307 or 308 to the same origin only", () => {
    expect(redirectTarget("https://a.example.org/in", 308, "/in/v2")).toBe("https://a.example.org/in/v2");
    expect(redirectTarget("https://a.example.org/in", 307, "https://a.example.org/x")).toBe("https://a.example.org/x");
    expect(redirectTarget("https://a.example.org/in", 307, "https://evil.example.net/x")).toBeNull();
    expect(redirectTarget("https://a.example.org/in", 307, "http://a.example.org/x")).toBeNull();
    expect(redirectTarget("https://a.example.org/in", 302, "/in/v2")).toBeNull();
    expect(redirectTarget("https://a.example.org/in", 308, null)).toBeNull();
  });
});
