import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSmsConfig, gatewayFromEnv } from "./config";
import { DEFAULT_SIGN_NAME, signName } from "./schema";

const TEMPLATES = {
  SMS_TEMPLATE_CONFIRMATION: "T-CONFIRMATION",
  SMS_TEMPLATE_CHANGE: "T-CHANGE",
  SMS_TEMPLATE_CANCELLATION: "T-CANCELLATION",
  SMS_TEMPLATE_REMINDER: "T-REMINDER",
  SMS_TEMPLATE_WAITLIST_OFFER: "T-WAITLIST",
  SMS_TEMPLATE_EVALUATION: "T-EVALUATION",
};
const ALIYUN = {
  SMS_GATEWAY: "aliyun",
  ALIYUN_ACCESS_KEY_ID: "LTAI-id",
  ALIYUN_ACCESS_KEY_SECRET: "aliyun-secret-value",
  ...TEMPLATES,
};
const TENCENT = {
  SMS_GATEWAY: "tencent",
  TENCENT_SECRET_ID: "AKID-id",
  TENCENT_SECRET_KEY: "tencent-secret-value",
  TENCENT_SMS_SDK_APP_ID: "1400006666",
  ...TEMPLATES,
};
const TEMPLATE_PROBLEMS = (gateway: string) => Object.keys(TEMPLATES).map((name) => `SMS_GATEWAY=${gateway} needs ${name}.`);

describe("checkSmsConfig", () => {
  it("is content with nothing at all: the outbox is the default", () => {
    expect(checkSmsConfig({})).toEqual([]);
    expect(checkSmsConfig({ SMS_GATEWAY: " " })).toEqual([]);
    expect(checkSmsConfig({ SMS_GATEWAY: "outbox" })).toEqual([]);
  });

  it("names every missing variable of Aliyun, keys first, then each kind's template", () => {
    expect(checkSmsConfig({ SMS_GATEWAY: "aliyun" })).toEqual([
      "SMS_GATEWAY=aliyun needs ALIYUN_ACCESS_KEY_ID.",
      "SMS_GATEWAY=aliyun needs ALIYUN_ACCESS_KEY_SECRET.",
      ...TEMPLATE_PROBLEMS("aliyun"),
    ]);
  });

  it("wants a template for every kind, a blank one counting as none", () => {
    expect(checkSmsConfig({ ...ALIYUN, SMS_TEMPLATE_REMINDER: undefined })).toEqual([
      "SMS_GATEWAY=aliyun needs SMS_TEMPLATE_REMINDER.",
    ]);
    expect(checkSmsConfig({ ...TENCENT, SMS_TEMPLATE_WAITLIST_OFFER: "  " })).toEqual([
      "SMS_GATEWAY=tencent needs SMS_TEMPLATE_WAITLIST_OFFER.",
    ]);
  });

  it("names every missing variable of Tencent", () => {
    expect(checkSmsConfig({ SMS_GATEWAY: "tencent", ...TEMPLATES })).toEqual([
      "SMS_GATEWAY=tencent needs TENCENT_SECRET_ID.",
      "SMS_GATEWAY=tencent needs TENCENT_SECRET_KEY.",
      "SMS_GATEWAY=tencent needs TENCENT_SMS_SDK_APP_ID.",
    ]);
  });

  it("explains a value it cannot use", () => {
    expect(checkSmsConfig({ SMS_GATEWAY: "twilio" })).toEqual(['SMS_GATEWAY must be outbox, aliyun or tencent, not "twilio".']);
    expect(checkSmsConfig({ ...ALIYUN, ALIYUN_SMS_ENDPOINT: "ftp://x.cn" })).toEqual([
      "ALIYUN_SMS_ENDPOINT must be a host name such as dysmsapi.aliyuncs.com or a URL such as http://127.0.0.1:8080.",
    ]);
    expect(checkSmsConfig({ ...TENCENT, TENCENT_SMS_SDK_APP_ID: "sms-app" })).toEqual([
      "TENCENT_SMS_SDK_APP_ID must be the SdkAppId of the SMS application, digits only (such as 1400006666).",
    ]);
    expect(checkSmsConfig({ ...TENCENT, SMS_SIGN_NAME: "【睦洲公共法律服务】" })).toEqual([
      "SMS_SIGN_NAME is the approved signature without the brackets, such as 睦洲公共法律服务.",
    ]);
  });

  it("accepts a complete configuration, in any case of SMS_GATEWAY", () => {
    expect(checkSmsConfig(ALIYUN)).toEqual([]);
    expect(checkSmsConfig({ ...TENCENT, SMS_GATEWAY: "Tencent" })).toEqual([]);
  });
});

describe("gatewayFromEnv", () => {
  let server: Server;
  let port = 0;
  let last: { url: string; headers: IncomingMessage["headers"]; body: string } | null = null;

  // Only records the request and answers success: the signing is checked in aliyun/tencent tests.
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        last = { url: req.url ?? "", headers: req.headers, body };
        res.writeHead(200, { "content-type": "application/json", connection: "close" });
        res.end(
          req.headers["x-tc-action"]
            ? JSON.stringify({
                Response: { SendStatusSet: [{ Code: "Ok", SerialNo: "tencent-1", Message: "" }], RequestId: "r" },
              })
            : JSON.stringify({ Code: "OK", Message: "OK", BizId: "aliyun-1", RequestId: "r" }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const reminder = { name: "陈伯", code: "MZ7K3Q", date: "12月3日", time: "09:30", place: "睦洲镇公共法律服务站" };

  it("is the outbox by default", () => {
    expect(gatewayFromEnv({}).name).toBe("outbox");
  });

  it("refuses to start with the problems as its message, and never a secret", () => {
    const env = { ...ALIYUN, SMS_TEMPLATE_EVALUATION: "" };
    expect(() => gatewayFromEnv(env)).toThrow(
      "SMS configuration: SMS_GATEWAY=aliyun needs SMS_TEMPLATE_EVALUATION. See docs/sms.md.",
    );
    try {
      gatewayFromEnv(env);
    } catch (error) {
      expect(String(error)).not.toContain("aliyun-secret-value");
    }
  });

  it("builds the Aliyun adapter from the variables: endpoint, sign name, the kind's template", async () => {
    const gateway = gatewayFromEnv({ ...ALIYUN, ALIYUN_SMS_ENDPOINT: `http://127.0.0.1:${port}` });
    expect(gateway.name).toBe("aliyun");
    expect(await gateway.send("13812345678", "reminder", reminder)).toEqual({ ok: true, id: "aliyun-1", status: "sent" });
    const query = new URLSearchParams(last?.url.split("?")[1]);
    expect(query.get("TemplateCode")).toBe("T-REMINDER");
    expect(query.get("SignName")).toBe("睦洲公共法律服务");
    expect(last?.headers.authorization).toContain("Credential=LTAI-id,");
  });

  it("builds the Tencent adapter from the variables: endpoint, region, app id, sign name, template", async () => {
    const gateway = gatewayFromEnv({
      ...TENCENT,
      TENCENT_SMS_ENDPOINT: `http://127.0.0.1:${port}`,
      TENCENT_SMS_REGION: "ap-shanghai",
      SMS_SIGN_NAME: "睦洲司法所",
    });
    expect(gateway.name).toBe("tencent");
    expect(await gateway.send("13812345678", "reminder", reminder)).toEqual({ ok: true, id: "tencent-1", status: "sent" });
    expect(last?.headers["x-tc-region"]).toBe("ap-shanghai");
    expect(JSON.parse(last?.body ?? "{}")).toMatchObject({
      SmsSdkAppId: "1400006666",
      SignName: "睦洲司法所",
      TemplateId: "T-REMINDER",
    });
    expect(last?.headers.authorization).toContain("Credential=AKID-id/");
  });
});

describe("signName", () => {
  it("is the deployment's one approved signature, or the default when none is set", () => {
    expect(signName({})).toBe(DEFAULT_SIGN_NAME);
    expect(signName({ SMS_SIGN_NAME: "  " })).toBe(DEFAULT_SIGN_NAME);
    expect(signName({ SMS_SIGN_NAME: " 新会公共法律服务 " })).toBe("新会公共法律服务");
  });
});
