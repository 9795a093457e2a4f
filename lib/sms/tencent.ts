// Tencent Cloud SMS (API 2021-01-11, SendSms), signed by the SDK with TC3-HMAC-SHA256.
// https://cloud.tencent.com/document/api/382/55981 (SendSms), …/382/52075 (error codes)

import { sms } from "tencentcloud-sdk-nodejs-sms";
import {
  DEFAULT_TIMEOUT_MS,
  failure,
  type MessageKind,
  networkFailure,
  parseEndpoint,
  type SendResult,
  type SmsGateway,
  sdkGateway,
  timedOut,
} from "./gateway";
import { TENCENT_DEFAULT_ENDPOINT } from "./schema";

export const TENCENT_DEFAULT_REGION = "ap-guangzhou";

export type TencentOptions = {
  secretId: string;
  secretKey: string;
  /** The SMS application's SdkAppId (1400…). */
  sdkAppId: string;
  region?: string;
  /** A host ("sms.tencentcloudapi.com", HTTPS) or a URL ("http://127.0.0.1:8080" for a test gateway). */
  endpoint?: string;
  signName: string;
  /** The approved template id of each kind; its variables {1}, {2} … follow TEMPLATE_PARAMS. */
  templates: Record<MessageKind, string>;
  timeoutMs?: number;
};

/**
 * Codes that may pass if sent again later: frequency limits and quotas, request throttling, the
 * platform's internal errors, an empty package. Every other code is final.
 */
function retryableCode(code: string): boolean {
  if (code === "LimitExceeded.PhoneNumberCountLimit") return false; // too many numbers in one request
  return (
    code.startsWith("LimitExceeded") ||
    code.startsWith("RequestLimitExceeded") ||
    code.startsWith("InternalError") ||
    code === "FailedOperation.InsufficientBalanceInSmsPackage"
  );
}

export function tencentGateway(options: TencentOptions): SmsGateway {
  const endpoint = parseEndpoint(options.endpoint ?? TENCENT_DEFAULT_ENDPOINT);
  if (!endpoint) throw new Error(`Tencent SMS endpoint "${options.endpoint}" is not a host name or an http(s) URL.`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new sms.v20210111.Client({
    credential: { secretId: options.secretId, secretKey: options.secretKey },
    region: options.region ?? TENCENT_DEFAULT_REGION,
    profile: {
      signMethod: "TC3-HMAC-SHA256",
      httpProfile: {
        endpoint: endpoint.host,
        protocol: `${endpoint.protocol}://`,
        reqMethod: "POST",
        reqTimeout: timeoutMs / 1000,
      },
    },
  });

  async function call(phone: string, kind: MessageKind, values: string[]): Promise<SendResult> {
    const response = await client.SendSms({
      PhoneNumberSet: [`+86${phone}`],
      SmsSdkAppId: options.sdkAppId,
      SignName: options.signName,
      TemplateId: options.templates[kind],
      TemplateParamSet: values,
    });
    // The request is accepted as a whole; each number then has its own status.
    const status = response.SendStatusSet?.[0];
    if (!status) return failure(true, `no SendStatusSet in the answer (RequestId ${response.RequestId ?? "?"})`);
    const code = status.Code ?? "no Code";
    if (code === "Ok") return { ok: true, id: status.SerialNo || `request-${response.RequestId}`, status: "sent" };
    return failure(retryableCode(code), `${code}: ${status.Message ?? "no message"}`);
  }

  return sdkGateway({ name: "tencent", label: "Tencent Cloud SMS", timeoutMs, call, fromError });
}

/**
 * What the SDK throws: TencentCloudSDKHttpException with `code` for an Error answer (HTTP 200,
 * Response.Error), with `httpCode` for another HTTP status, and with neither for a network error
 * or node-fetch's time-out ("network timeout at: …").
 */
function fromError(error: unknown, timeoutMs: number): SendResult {
  const e = (error ?? {}) as { code?: unknown; httpCode?: unknown; message?: string };
  const message = e.message ?? String(error);
  if (typeof e.code === "string" && e.code) return failure(retryableCode(e.code), `${e.code}: ${message}`);
  if (typeof e.httpCode === "number") {
    return failure(e.httpCode >= 500 || e.httpCode === 429, `HTTP ${e.httpCode}: ${message}`);
  }
  if (/timeout/i.test(message)) return timedOut("Tencent Cloud SMS", timeoutMs);
  return networkFailure(error);
}
