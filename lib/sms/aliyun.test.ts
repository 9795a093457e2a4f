// The Aliyun adapter against a fake gateway on 127.0.0.1: the fake checks that each request is a
// well-formed SendSms call and recomputes its ACS3-HMAC-SHA256 signature as Aliyun documents it
// (https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature), then
// answers what the test asks: success, a refusal, throttling, HTTP 500, or nothing at all.
import { createHash, createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { type FakeReply, fakeGatewayForTests, sharedGatewayTests } from "@/lib/testing/fake-sms-gateway";
import { type AliyunOptions, aliyunGateway } from "./aliyun";
import { MESSAGE_KINDS, type MessageKind } from "./gateway";

const KEY_ID = "LTAI-test-key-id";
const SECRET = "test-secret-do-not-log";
/** A template id per kind, as the console numbers them: confirmation first. */
const TEMPLATES = Object.fromEntries(MESSAGE_KINDS.map((kind, i) => [kind, `SMS_${100000001 + i}`])) as Record<
  MessageKind,
  string
>;
const REMINDER = { name: "陈伯", code: "MZ7K3Q", date: "12月3日", time: "09:30", place: "睦洲镇公共法律服务站" };

type Received = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  problems: string[];
};

const json = (body: unknown, status = 200): FakeReply => ({ status, body: JSON.stringify(body) });
const ok = json({ Code: "OK", Message: "OK", BizId: "900619746936498440^0", RequestId: "F655A8D5-B967-440B-8683-DAD6FF8DE990" });

/** RFC 3986 percent-encoding, as the V3 signature wants it. */
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** Everything wrong with the request's signature; empty when Aliyun would accept it. */
function signatureProblems(req: IncomingMessage, rawQuery: string, body: Buffer): string[] {
  const problems: string[] = [];
  const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
    String(req.headers.authorization ?? ""),
  );
  if (!auth) return [`Authorization is not ACS3-HMAC-SHA256: ${req.headers.authorization}`];
  const [, credential, signedHeaders, signature] = auth;
  if (credential !== KEY_ID) problems.push(`unknown access key ${credential}`);
  const signed = signedHeaders.split(";");
  const mustSign = ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"];
  if (req.headers["content-type"]) mustSign.push("content-type");
  for (const name of mustSign) if (!signed.includes(name)) problems.push(`${name} is not signed`);
  if ([...signed].sort().join(";") !== signedHeaders) problems.push("SignedHeaders are not sorted");
  if (req.headers["x-acs-content-sha256"] !== sha256(body)) problems.push("x-acs-content-sha256 is not the body's hash");
  const date = Date.parse(String(req.headers["x-acs-date"]));
  if (!(Math.abs(Date.now() - date) < 15 * 60_000)) problems.push(`x-acs-date ${req.headers["x-acs-date"]} is not now`);

  const query = rawQuery
    .split("&")
    .filter(Boolean)
    .map((pair) => pair.split("=").map((part) => decodeURIComponent(part)) as [string, string?])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${encode(key)}=${encode(value ?? "")}`)
    .join("&");
  const headers = signed.map((name) => `${name}:${String(req.headers[name] ?? "").trim()}\n`).join("");
  const canonical = [req.method, "/", query, headers, signedHeaders, sha256(body)].join("\n");
  const expected = createHmac("sha256", SECRET)
    .update(`ACS3-HMAC-SHA256\n${sha256(canonical)}`)
    .digest("hex");
  if (signature !== expected) problems.push("the signature does not match");
  return problems;
}

const fake = fakeGatewayForTests<Received>((req, body) => {
  const [path, rawQuery = ""] = (req.url ?? "").split("?");
  const problems = signatureProblems(req, rawQuery, body);
  const query = Object.fromEntries(new URLSearchParams(rawQuery));
  return {
    record: { method: req.method ?? "", path, query, headers: req.headers, problems },
    refusal:
      problems.length > 0
        ? json({ Code: "SignatureDoesNotMatch", Message: problems.join("; "), RequestId: "r-sig" }, 400)
        : undefined,
  };
});

function gateway(overrides: Partial<AliyunOptions> = {}) {
  return aliyunGateway({
    accessKeyId: KEY_ID,
    accessKeySecret: SECRET,
    endpoint: fake.endpoint,
    signName: "睦洲公共法律服务",
    templates: TEMPLATES,
    timeoutMs: 300,
    ...overrides,
  });
}

describe("aliyunGateway", () => {
  it("sends a signed, well-formed SendSms call and answers with the BizId", async () => {
    fake.answer = ok;
    const result = await gateway().send("138 1234 5678", "reminder", { ...REMINDER, topic: "婚姻家庭" });
    expect(result).toEqual({ ok: true, id: "900619746936498440^0", status: "sent" });

    expect(fake.received).toHaveLength(1);
    const [request] = fake.received;
    expect(request.problems).toEqual([]);
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/");
    expect(request.headers["x-acs-action"]).toBe("SendSms");
    expect(request.headers["x-acs-version"]).toBe("2017-05-25");
    expect(request.query).toEqual({
      PhoneNumbers: "13812345678",
      SignName: "睦洲公共法律服务",
      TemplateCode: "SMS_100000004",
      TemplateParam: expect.any(String),
    });
    // Exactly the reminder's variables: an extra one (the topic) never leaves the machine.
    expect(JSON.parse(request.query.TemplateParam)).toEqual(REMINDER);
  });

  it("is refused by the fake when signed with another secret (the check is real)", async () => {
    fake.answer = ok;
    const result = await gateway({ accessKeySecret: "another-secret" }).send("13812345678", "reminder", REMINDER);
    expect(fake.received[0].problems).toEqual(["the signature does not match"]);
    expect(result).toEqual({
      ok: false,
      retryable: false,
      reason: "HTTP 400 SignatureDoesNotMatch: the signature does not match",
    });
  });

  it("retries later on flow control", async () => {
    fake.answer = json({ Code: "isv.BUSINESS_LIMIT_CONTROL", Message: "触发流控", RequestId: "r1" });
    expect(await gateway().send("13812345678", "reminder", REMINDER)).toEqual({
      ok: false,
      retryable: true,
      reason: "isv.BUSINESS_LIMIT_CONTROL: 触发流控",
    });
    fake.answer = json(
      { Code: "Throttling.User", Message: "Request was denied due to user flow control.", RequestId: "r2" },
      400,
    );
    expect(await gateway().send("13812345678", "reminder", REMINDER)).toMatchObject({
      ok: false,
      retryable: true,
      reason: expect.stringContaining("Throttling.User"),
    });
  });

  it("does not retry a permanent refusal, and says why", async () => {
    fake.answer = json({ Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "非法手机号", RequestId: "r3" });
    expect(await gateway().send("13812345678", "reminder", REMINDER)).toEqual({
      ok: false,
      retryable: false,
      reason: "isv.MOBILE_NUMBER_ILLEGAL: 非法手机号",
    });
    fake.answer = json({ Code: "isv.SMS_TEMPLATE_ILLEGAL", Message: "该账号下找不到对应模板", RequestId: "r4" });
    expect(await gateway().send("13812345678", "reminder", REMINDER)).toMatchObject({ ok: false, retryable: false });
  });

  it("retries on HTTP 500, with a JSON error or a page that is not JSON", async () => {
    fake.answer = json(
      { Code: "InternalError", Message: "The request processing has failed due to some unknown error.", RequestId: "r5" },
      500,
    );
    expect(await gateway().send("13812345678", "reminder", REMINDER)).toEqual({
      ok: false,
      retryable: true,
      reason: "HTTP 500 InternalError: The request processing has failed due to some unknown error.",
    });
    fake.answer = { status: 502, contentType: "text/html", body: "<html>Bad Gateway</html>" };
    expect(await gateway().send("13812345678", "reminder", REMINDER)).toMatchObject({ ok: false, retryable: true });
  });

  sharedGatewayTests({
    fake,
    gateway,
    provider: "Aliyun SMS",
    secret: SECRET,
    kind: "reminder",
    values: REMINDER,
    ok,
    refusal: json({ Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "非法手机号" }),
  });
});
