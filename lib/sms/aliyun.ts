// Aliyun SMS (dysmsapi 2017-05-25, SendSms), signed by the SDK with ACS3-HMAC-SHA256.
// https://help.aliyun.com/document_detail/101414.html (SendSms), …/101346.html (error codes)

import * as dysms from "@alicloud/dysmsapi20170525";
import { Config } from "@alicloud/openapi-client";
import {
  DEFAULT_TIMEOUT_MS,
  failure,
  type MessageKind,
  namedValues,
  networkFailure,
  parseEndpoint,
  type SendResult,
  type SmsGateway,
  sdkGateway,
  timedOut,
} from "./gateway";
import { ALIYUN_DEFAULT_ENDPOINT } from "./schema";

// The package is CommonJS with `exports.default = Client`: Node's own ESM loader hands over the
// whole exports object as the default export, a bundler the class itself.
type ClientClass = typeof dysms.default;
const Client: ClientClass = (dysms.default as unknown as { default?: ClientClass }).default ?? dysms.default;

export type AliyunOptions = {
  accessKeyId: string;
  accessKeySecret: string;
  /** A host ("dysmsapi.aliyuncs.com", HTTPS) or a URL ("http://127.0.0.1:8080" for a test gateway). */
  endpoint?: string;
  signName: string;
  /** The approved template code (SMS_…) of each kind. */
  templates: Record<MessageKind, string>;
  timeoutMs?: number;
};

/**
 * Codes that may pass if sent again later: flow control and quotas, the platform's own errors, an
 * empty balance. Every other code (number, template, signature, parameters, permissions) is final.
 */
const RETRYABLE = new Set([
  "isv.BUSINESS_LIMIT_CONTROL",
  "isv.DAY_LIMIT_CONTROL",
  "isv.MONTH_LIMIT_CONTROL",
  "isv.OUT_OF_SERVICE",
  "isv.AMOUNT_NOT_ENOUGH",
  "isp.SYSTEM_ERROR",
  "isp.GATEWAY_ERROR",
  "isp.UNKNOWN",
  "ServiceUnavailable",
  "InternalError",
]);
const retryableCode = (code: string) => RETRYABLE.has(code) || code.startsWith("Throttling");

export function aliyunGateway(options: AliyunOptions): SmsGateway {
  const endpoint = parseEndpoint(options.endpoint ?? ALIYUN_DEFAULT_ENDPOINT);
  if (!endpoint) throw new Error(`Aliyun SMS endpoint "${options.endpoint}" is not a host name or an http(s) URL.`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new Client(
    new Config({
      accessKeyId: options.accessKeyId,
      accessKeySecret: options.accessKeySecret,
      endpoint: endpoint.host,
      protocol: endpoint.protocol.toUpperCase(),
      readTimeout: timeoutMs,
      connectTimeout: timeoutMs,
    }),
  );

  async function call(phone: string, kind: MessageKind, values: string[]): Promise<SendResult> {
    const response = await client.sendSms(
      new dysms.SendSmsRequest({
        phoneNumbers: phone,
        signName: options.signName,
        templateCode: options.templates[kind],
        templateParam: JSON.stringify(namedValues(kind, values)),
      }),
    );
    const body = response.body;
    if (body?.code === "OK") return { ok: true, id: body.bizId || `request-${body.requestId}`, status: "sent" };
    const code = body?.code ?? "no Code";
    return failure(retryableCode(code), `${code}: ${body?.message ?? "no message"}`);
  }

  return sdkGateway({ name: "aliyun", label: "Aliyun SMS", timeoutMs, call, fromError });
}

/**
 * What the SDK throws: a ResponseError (ClientError 4xx, ThrottlingError, ServerError 5xx) with
 * `code`, `statusCode` and the answer in `data`; httpx's RequestTimeoutError; a socket error
 * (ECONNREFUSED …); a SyntaxError when an error answer is not JSON (a proxy's 502 page).
 */
function fromError(error: unknown, timeoutMs: number): SendResult {
  const e = (error ?? {}) as { name?: string; code?: unknown; statusCode?: unknown; message?: string; data?: unknown };
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  if (status !== undefined) {
    const data = (typeof e.data === "object" && e.data ? e.data : {}) as { Code?: unknown; Message?: unknown };
    const code = String(data.Code ?? e.code ?? "");
    const message = String(data.Message ?? e.message ?? "");
    const retryable = status >= 500 || status === 429 || e.name === "ThrottlingError" || retryableCode(code);
    return failure(retryable, `HTTP ${status} ${code}: ${message}`.replace(/\s+:/, ":"));
  }
  if (e.name === "RequestTimeoutError") return timedOut("Aliyun SMS", timeoutMs);
  // No answer we could read: the network, or a gateway in front answering garbage. Worth another try.
  return networkFailure(error);
}
