// The SMS gateway boundary (issue 8): one interface, three adapters (outbox.ts, aliyun.ts,
// tencent.ts) chosen by config.ts. No database here: the caller queues and records messages.
import { mobilePhone } from "@/lib/phone";

export const MESSAGE_KINDS = ["confirmation", "change", "cancellation", "reminder", "waitlist_offer", "evaluation"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * The answer of every send. `reason` is the gateway's own code and message, for staff to read.
 * `retryable` is true for what may pass later (throttling, quota, network, time-out, 5xx) and
 * false for a refusal that will not change (bad number, template or signature not approved).
 */
export type SendResult = { ok: true; id: string; status: "sent" | "stored" } | { ok: false; retryable: boolean; reason: string };
export type SendFailure = Extract<SendResult, { ok: false }>;

export interface SmsGateway {
  readonly name: "outbox" | "aliyun" | "tencent";
  /** Never throws for an expected failure (refusal, network, time-out): it answers `{ ok: false }`. */
  send(phone: string, kind: MessageKind, params: Record<string, string>): Promise<SendResult>;
}

/**
 * The variables of each kind's template, in order. Aliyun templates name them (`${code}`);
 * Tencent templates number them (`{1}`, `{2}` … in this order). The approved templates must use
 * exactly these. Never the legal topic or the villager's note: a relative may read the message.
 * No link: both gateways refuse a URL in a variable, so the link to the booking page is fixed text
 * of the approved template (docs/sms.md).
 */
export const TEMPLATE_PARAMS = {
  confirmation: ["name", "code", "date", "time", "place"],
  change: ["name", "code", "change", "date", "time", "place"],
  cancellation: ["name", "code", "date", "time", "reason"],
  reminder: ["name", "code", "date", "time", "place"],
  waitlist_offer: ["name", "code", "date", "time", "place"],
  evaluation: ["name", "code"],
} as const satisfies Record<MessageKind, readonly string[]>;

/** How long a gateway may take to answer one request before it counts as a (retryable) time-out. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export function failure(retryable: boolean, reason: string): SendFailure {
  return { ok: false, retryable, reason };
}

/**
 * What every adapter checks before sending: a mainland mobile number (returned as 11 digits) and
 * every variable of the kind's template (returned in template order), none of them a link. These
 * refusals are permanent.
 */
export function prepareMessage(
  phone: string,
  kind: MessageKind,
  params: Record<string, string>,
): { ok: true; phone: string; values: string[] } | SendFailure {
  const mobile = mobilePhone.safeParse(phone);
  if (!mobile.success) return failure(false, "not a mobile number");
  const names: readonly string[] = TEMPLATE_PARAMS[kind];
  const missing = names.filter((name) => typeof params[name] !== "string" || params[name].trim() === "");
  if (missing.length > 0)
    return failure(false, `missing template parameter${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`);
  // Aliyun answers isv.PARAM_NOT_SUPPORT_URL, Tencent refuses it too: say so before sending.
  const linked = names.filter((name) => /:\/\/|www\./i.test(params[name]));
  if (linked.length > 0) return failure(false, `a template parameter may not carry a link: ${linked.join(", ")}`);
  return { ok: true, phone: mobile.data, values: names.map((name) => params[name]) };
}

/** The variables of `kind` only, by name (what an Aliyun template takes as JSON). */
export function namedValues(kind: MessageKind, values: string[]): Record<string, string> {
  return Object.fromEntries(TEMPLATE_PARAMS[kind].map((name, i) => [name, values[i]]));
}

/**
 * A gateway endpoint as configured: a bare host ("dysmsapi.aliyuncs.com", HTTPS) or a URL
 * ("http://127.0.0.1:8080"). Null when it is neither.
 */
export function parseEndpoint(value: string): { protocol: "http" | "https"; host: string } | null {
  const text = value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!url.hostname || url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== ""))
    return null;
  return { protocol: url.protocol === "http:" ? "http" : "https", host: url.host };
}

/**
 * `work`, or a retryable failure once `ms` have passed without an answer. The SDKs have their own
 * time-outs too (set to the same value, so they close the socket); this one is the promise kept.
 * A timed-out message may still have been delivered: the reason says so.
 */
export async function withTimeout(work: Promise<SendResult>, ms: number, gateway: string): Promise<SendResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<SendResult>((resolve) => {
    timer = setTimeout(() => resolve(timedOut(gateway, ms)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A real gateway from its one request: every send is checked first (prepareMessage), bounded in
 * time, and anything the SDK throws becomes the adapter's own failure (`fromError`), never a throw.
 */
export function sdkGateway(options: {
  name: "aliyun" | "tencent";
  label: string;
  timeoutMs: number;
  call: (phone: string, kind: MessageKind, values: string[]) => Promise<SendResult>;
  fromError: (error: unknown, timeoutMs: number) => SendResult;
}): SmsGateway {
  const { name, label, timeoutMs, call, fromError } = options;
  return {
    name,
    async send(phone, kind, params) {
      const message = prepareMessage(phone, kind, params);
      if (!message.ok) return message;
      const work = call(message.phone, kind, message.values).catch((error: unknown) => fromError(error, timeoutMs));
      return withTimeout(work, timeoutMs, label);
    },
  };
}

/**
 * A failure with no readable answer (socket error, garbage from a proxy): worth another try. URLs
 * lose their query string, which would repeat the number and the message's variables.
 */
export function networkFailure(error: unknown): SendFailure {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const message = (typeof e.message === "string" ? e.message : String(error))
    .replace(/(https?:\/\/[^\s?]*)\?\S*/g, "$1")
    .replace(/(\S)((?:GET|POST) https?:)/g, "$1 $2"); // httpx glues "…127.0.0.1:9POST http://…"
  return failure(true, typeof e.code === "string" && e.code ? `${e.code}: ${message}` : message);
}

export function timedOut(gateway: string, ms: number): SendFailure {
  return failure(true, `time-out: no answer from ${gateway} within ${ms} ms (the message may still arrive)`);
}
