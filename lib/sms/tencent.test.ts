// The Tencent adapter against a fake gateway on 127.0.0.1: the fake checks the JSON body and the
// headers of SendSms and recomputes the TC3-HMAC-SHA256 signature from the canonical request
// (https://cloud.tencent.com/document/api/382/52072), then answers what the test asks: success, a
// per-number refusal, a request-level Error, HTTP 500, or nothing at all.
import { createHash, createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { type FakeReply, fakeGatewayForTests, sharedGatewayTests } from "@/lib/testing/fake-sms-gateway";
import { MESSAGE_KINDS, type MessageKind } from "./gateway";
import { type TencentOptions, tencentGateway } from "./tencent";

const SECRET_ID = "AKID-test-secret-id";
const SECRET_KEY = "test-secret-key-do-not-log";
/** A template id per kind, as the console numbers them: confirmation first. */
const TEMPLATES = Object.fromEntries(MESSAGE_KINDS.map((kind, i) => [kind, String(2000001 + i)])) as Record<MessageKind, string>;
const CONFIRMATION = {
  name: "陈伯",
  code: "MZ7K3Q",
  date: "12月3日",
  time: "09:30",
  place: "睦洲镇公共法律服务站",
};

type Received = { headers: IncomingMessage["headers"]; body: unknown; problems: string[] };

const respond = (response: Record<string, unknown>): FakeReply => ({
  status: 200,
  body: JSON.stringify({ Response: { RequestId: "a0b1c2d3-0000-4000-8000-000000000000", ...response } }),
});
const perNumber = (Code: string, Message: string, SerialNo = "") =>
  respond({
    SendStatusSet: [{ SerialNo, PhoneNumber: "+8613812345678", Fee: 1, SessionContext: "", Code, Message, IsoCode: "CN" }],
  });
const ok = perNumber("Ok", "send success", "2640:179540000015698470001");
const error = (Code: string, Message: string) => respond({ Error: { Code, Message } });

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** Everything wrong with the request's signature; empty when Tencent Cloud would accept it. */
function signatureProblems(req: IncomingMessage, body: Buffer): string[] {
  const auth =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization ?? ""),
    );
  if (!auth) return [`Authorization is not TC3-HMAC-SHA256: ${req.headers.authorization}`];
  const [, secretId, date, service, signedHeaders, signature] = auth;
  const problems: string[] = [];
  if (secretId !== SECRET_ID) problems.push(`unknown SecretId ${secretId}`);
  const timestamp = Number(req.headers["x-tc-timestamp"]);
  if (!(Math.abs(Date.now() / 1000 - timestamp) < 300)) problems.push("X-TC-Timestamp is not within five minutes of now");
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date)
    problems.push("the credential date is not the timestamp's UTC date");
  // The host is signed without its port. The service is the endpoint's first label: "sms" for
  // sms.tencentcloudapi.com, "127" for this fake (the SDK derives it so).
  const hostname = String(req.headers.host).replace(/:\d+$/, "");
  if (service !== hostname.split(".")[0]) problems.push(`service ${service} does not match the host`);
  const signed = signedHeaders.split(";");
  for (const name of ["content-type", "host"]) if (!signed.includes(name)) problems.push(`${name} is not signed`);
  const headerValue = (name: string) => (name === "host" ? hostname : String(req.headers[name] ?? "")).trim().toLowerCase();
  const canonicalHeaders = signed.map((name) => `${name}:${headerValue(name)}\n`).join("");
  const canonical = [req.method, "/", "", canonicalHeaders, signedHeaders, sha256(body)].join("\n");
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256(canonical)}`;
  const signing = hmac(hmac(hmac(`TC3${SECRET_KEY}`, date), service), "tc3_request");
  if (signature !== createHmac("sha256", signing).update(stringToSign).digest("hex"))
    problems.push("the signature does not match");
  return problems;
}

const fake = fakeGatewayForTests<Received>((req, raw) => {
  const problems = signatureProblems(req, raw);
  let body: unknown = null;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    problems.push("the body is not JSON");
  }
  return {
    record: { headers: req.headers, body, problems },
    refusal: problems.length > 0 ? error("AuthFailure.SignatureFailure", problems.join("; ")) : undefined,
  };
});

function gateway(overrides: Partial<TencentOptions> = {}) {
  return tencentGateway({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    sdkAppId: "1400006666",
    endpoint: fake.endpoint,
    signName: "睦洲公共法律服务",
    templates: TEMPLATES,
    timeoutMs: 300,
    ...overrides,
  });
}

describe("tencentGateway", () => {
  it("sends a signed SendSms with the parameters in template order and answers with the SerialNo", async () => {
    fake.answer = ok;
    const result = await gateway().send("13812345678", "confirmation", { note: "不要发出去", ...CONFIRMATION });
    expect(result).toEqual({ ok: true, id: "2640:179540000015698470001", status: "sent" });

    expect(fake.received).toHaveLength(1);
    const [request] = fake.received;
    expect(request.problems).toEqual([]);
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      "x-tc-action": "SendSms",
      "x-tc-version": "2021-01-11",
      "x-tc-region": "ap-guangzhou",
    });
    expect(request.body).toEqual({
      PhoneNumberSet: ["+8613812345678"],
      SmsSdkAppId: "1400006666",
      SignName: "睦洲公共法律服务",
      TemplateId: "2000001",
      TemplateParamSet: ["陈伯", "MZ7K3Q", "12月3日", "09:30", "睦洲镇公共法律服务站"],
    });
  });

  it("is refused by the fake when signed with another key (the check is real)", async () => {
    fake.answer = ok;
    const result = await gateway({ secretKey: "another-key" }).send("13812345678", "confirmation", CONFIRMATION);
    expect(fake.received[0].problems).toEqual(["the signature does not match"]);
    expect(result).toEqual({
      ok: false,
      retryable: false,
      reason: "AuthFailure.SignatureFailure: the signature does not match",
    });
  });

  it("uses the configured region", async () => {
    fake.answer = ok;
    await gateway({ region: "ap-beijing" }).send("13812345678", "confirmation", CONFIRMATION);
    expect(fake.received[0].headers["x-tc-region"]).toBe("ap-beijing");
    expect(fake.received[0].problems).toEqual([]);
  });

  it("retries later on a frequency limit, per number or for the request", async () => {
    fake.answer = perNumber(
      "LimitExceeded.PhoneNumberDailyLimit",
      "the number of SMS messages sent from a single mobile number every day exceeds the upper limit",
    );
    expect(await gateway().send("13812345678", "confirmation", CONFIRMATION)).toEqual({
      ok: false,
      retryable: true,
      reason:
        "LimitExceeded.PhoneNumberDailyLimit: the number of SMS messages sent from a single mobile number every day exceeds the upper limit",
    });
    fake.answer = error("RequestLimitExceeded", "请求的次数超过了频率限制。");
    expect(await gateway().send("13812345678", "confirmation", CONFIRMATION)).toMatchObject({ ok: false, retryable: true });
  });

  it("does not retry a permanent refusal, and says why", async () => {
    fake.answer = error(
      "FailedOperation.TemplateIncorrectOrUnapproved",
      "template is not approved or request content does not match the approved template content",
    );
    expect(await gateway().send("13812345678", "confirmation", CONFIRMATION)).toEqual({
      ok: false,
      retryable: false,
      reason:
        "FailedOperation.TemplateIncorrectOrUnapproved: template is not approved or request content does not match the approved template content",
    });
    fake.answer = perNumber("InvalidParameterValue.IncorrectPhoneNumber", "incorrect number format");
    expect(await gateway().send("13812345678", "confirmation", CONFIRMATION)).toEqual({
      ok: false,
      retryable: false,
      reason: "InvalidParameterValue.IncorrectPhoneNumber: incorrect number format",
    });
  });

  it("retries on HTTP 500", async () => {
    fake.answer = { status: 500, body: "internal error" };
    expect(await gateway().send("13812345678", "confirmation", CONFIRMATION)).toEqual({
      ok: false,
      retryable: true,
      reason: "HTTP 500: Internal Server Error",
    });
  });

  sharedGatewayTests({
    fake,
    gateway,
    provider: "Tencent Cloud SMS",
    secret: SECRET_KEY,
    kind: "confirmation",
    values: CONFIRMATION,
    ok,
    refusal: error("FailedOperation.SignatureIncorrectOrUnapproved", "signature is not approved"),
  });
});
