import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  bearerKeyOf,
  generateApiKey,
  generateWebhookSecret,
  hashApiKey,
  isApiKeyShape,
  keyHintOf,
  originOf,
  secretBytes,
  webhookUrlProblem,
} from "./rules";

describe("API keys", () => {
  it("say test or live in their prefix, carry 256 random bits, and differ every time", () => {
    const live = generateApiKey("LIVE");
    const test = generateApiKey("TEST");
    expect(live).toMatch(/^mz_live_[A-Za-z0-9_-]{43}$/);
    expect(test).toMatch(/^mz_test_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(live.slice(8), "base64url")).toHaveLength(32);
    expect(generateApiKey("LIVE")).not.toBe(live);
    expect(isApiKeyShape(live) && isApiKeyShape(test)).toBe(true);
  });

  it("are kept as their SHA-256 and listed by a hint too short to use", () => {
    const key = generateApiKey("LIVE");
    expect(hashApiKey(key)).toBe(createHash("sha256").update(key).digest("hex"));
    expect(keyHintOf(key)).toBe(`${key.slice(0, 12)}…`);
  });

  it("are not looked up unless shaped like ours", () => {
    for (const value of [
      "",
      "mz_live_short",
      `sk_live_${"a".repeat(43)}`,
      `mz_live_${"a".repeat(42)}!`,
      `mz_prod_${"a".repeat(43)}`,
    ])
      expect(isApiKeyShape(value)).toBe(false);
  });

  it("come from a Bearer Authorization header; another scheme or an empty one is not a key", () => {
    expect(bearerKeyOf(null)).toBeUndefined();
    expect(bearerKeyOf("Bearer mz_live_abc")).toBe("mz_live_abc");
    expect(bearerKeyOf("bearer   mz_live_abc ")).toBe("mz_live_abc");
    expect(bearerKeyOf("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerKeyOf("Bearer")).toBeNull();
    expect(bearerKeyOf("Bearer a b")).toBeNull();
  });
});

describe("webhook signing secrets", () => {
  it("are whsec_ and base64 of 24 random bytes, the HMAC key being those bytes", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(secretBytes(secret)).toEqual(Buffer.from(secret.slice(6), "base64"));
    expect(secretBytes(secret)).toHaveLength(24);
  });
});

describe("webhook addresses and origins", () => {
  it("accept http and https addresses only, without a user name or password", () => {
    expect(webhookUrlProblem("https://example.org/hooks")).toBeNull();
    expect(webhookUrlProblem("http://10.0.0.5:8080/in")).toBeNull();
    expect(webhookUrlProblem("ftp://example.org/")).toMatch(/http/);
    expect(webhookUrlProblem("javascript:alert(1)")).toMatch(/http/);
    expect(webhookUrlProblem("file:///etc/passwd")).toMatch(/http/);
    expect(webhookUrlProblem("https://user:secret@example.org/")).toMatch(/用户名或密码/);
    expect(webhookUrlProblem("example.org/hooks")).toMatch(/完整的网址/);
  });

  it("take an origin as a browser sends it, and refuse one with a path", () => {
    expect(originOf("https://wx.example.org")).toBe("https://wx.example.org");
    expect(originOf(" https://WX.example.org:443/ ")).toBe("https://wx.example.org");
    expect(originOf("http://localhost:5173")).toBe("http://localhost:5173");
    expect(originOf("https://wx.example.org/app")).toBeNull();
    expect(originOf("wx.example.org")).toBeNull();
    expect(originOf("chrome-extension://abc")).toBeNull();
  });
});
