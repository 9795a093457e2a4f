// API keys and webhook secrets (issue 25 items 1, 2): how they look, how a key is stored (its
// SHA-256 alone: a key has 256 random bits, so a fast hash is as safe as a slow one and a request
// finds its client by one indexed look-up), and which webhook addresses are accepted. No database.
import { createHash, randomBytes } from "node:crypto";

export type ClientMode = "TEST" | "LIVE";

const PREFIX: Record<ClientMode, string> = { LIVE: "mz_live_", TEST: "mz_test_" };
/** A key: its prefix (which says test or live, and that it is ours: secret scanners match it), then 32 random bytes. */
const KEY = /^mz_(live|test)_[A-Za-z0-9_-]{43}$/;

/** A new key for a client; shown once, never stored. */
export function generateApiKey(mode: ClientMode): string {
  return `${PREFIX[mode]}${randomBytes(32).toString("base64url")}`;
}

/** Whether a string is shaped like one of our keys (anything else is not looked up). */
export function isApiKeyShape(value: string): boolean {
  return KEY.test(value);
}

/** What the database keeps of a key: its SHA-256, hex. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The first characters of a key, for lists ("mz_live_AbC1…"): four random characters say nothing useful. */
export function keyHintOf(key: string): string {
  return `${key.slice(0, PREFIX.LIVE.length + 4)}…`;
}

/** A Standard Webhooks signing secret: whsec_ and the base64 of 24 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** The HMAC key a secret stands for: the bytes its base64 part decodes to. */
export function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.replace(/^whsec_/, ""), "base64");
}

/** The bearer key of an Authorization header: undefined without the header, null when it is not a Bearer one. */
export function bearerKeyOf(header: string | null): string | null | undefined {
  if (header === null) return undefined;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * Why a webhook address is refused, or null when it is accepted: http(s) only, no user name or
 * password in it (they would be logged and shown), and a host.
 */
export function webhookUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "请填写完整的网址，以 https:// 开头，例如 https://example.org/webhooks。";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "只接受 http:// 或 https:// 开头的网址。";
  if (url.username || url.password) return "网址里不能带用户名或密码，请去掉 @ 之前的部分。";
  if (!url.hostname) return "网址缺少主机名，请检查。";
  return null;
}

/** An allowed web origin, as browsers send it (scheme, host, port; no path), or null when it is not one. */
export function originOf(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.username || url.password || (url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Requests signed by a key update its "last used" at most once a minute. */
export const LAST_USED_PRECISION_MS = 60_000;
