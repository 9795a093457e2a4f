import { describe, expect, it } from "vitest";
import {
  MESSAGE_KINDS,
  namedValues,
  networkFailure,
  parseEndpoint,
  prepareMessage,
  type SendResult,
  TEMPLATE_PARAMS,
  withTimeout,
} from "./gateway";

describe("prepareMessage", () => {
  const reminder = { name: "陈伯", code: "MZ7K3Q", date: "12月3日", time: "09:30", place: "睦洲镇公共法律服务站" };

  it("accepts a mainland mobile in the usual spellings and returns it as 11 digits", () => {
    for (const phone of ["13812345678", "+86 138 1234 5678", "86-138-1234-5678"])
      expect(prepareMessage(phone, "reminder", reminder)).toMatchObject({ ok: true, phone: "13812345678" });
  });

  it("refuses a landline or anything else, permanently", () => {
    for (const phone of ["0750-6123456", "07506123456", "12812345678", "1381234567", ""])
      expect(prepareMessage(phone, "reminder", reminder)).toEqual({ ok: false, retryable: false, reason: "not a mobile number" });
  });

  it("returns the kind's variables in template order and drops the others", () => {
    const result = prepareMessage("13812345678", "reminder", { topic: "婚姻家庭", ...reminder, link: "x" });
    expect(result).toEqual({
      ok: true,
      phone: "13812345678",
      values: ["陈伯", "MZ7K3Q", "12月3日", "09:30", "睦洲镇公共法律服务站"],
    });
  });

  it("refuses a link in a variable, which both gateways refuse", () => {
    for (const place of ["https://mz.example.cn/b/MZ7K3Q", "见 www.example.cn"])
      expect(prepareMessage("13812345678", "reminder", { ...reminder, place })).toEqual({
        ok: false,
        retryable: false,
        reason: "a template parameter may not carry a link: place",
      });
  });

  it("names every missing or blank variable", () => {
    expect(prepareMessage("13812345678", "reminder", { ...reminder, place: " ", code: "" })).toEqual({
      ok: false,
      retryable: false,
      reason: "missing template parameters: code, place",
    });
  });
});

describe("TEMPLATE_PARAMS", () => {
  it("gives every kind the booking's name and code, and never the topic, the note or a link", () => {
    for (const kind of MESSAGE_KINDS) {
      const names: readonly string[] = TEMPLATE_PARAMS[kind];
      expect(names).toContain("name");
      expect(names).toContain("code");
      expect(names).not.toContain("link");
      expect(names).not.toContain("topic");
      expect(names).not.toContain("note");
    }
  });

  it("pairs names and values for a named template", () => {
    expect(namedValues("cancellation", ["陈伯", "MZ7K3Q", "12月3日", "09:30"])).toEqual({
      name: "陈伯",
      code: "MZ7K3Q",
      date: "12月3日",
      time: "09:30",
    });
  });
});

describe("parseEndpoint", () => {
  it("reads a bare host as HTTPS and a URL as written", () => {
    expect(parseEndpoint("dysmsapi.aliyuncs.com")).toEqual({ protocol: "https", host: "dysmsapi.aliyuncs.com" });
    expect(parseEndpoint("http://127.0.0.1:8080")).toEqual({ protocol: "http", host: "127.0.0.1:8080" });
    expect(parseEndpoint(" https://sms.tencentcloudapi.com/ ")).toEqual({ protocol: "https", host: "sms.tencentcloudapi.com" });
  });

  it("refuses what is not a plain host", () => {
    for (const value of ["ftp://x.cn", "http://x.cn/path", "http://user:pw@x.cn", "http://x.cn/?a=1", "", "http://"])
      expect(parseEndpoint(value)).toBeNull();
  });
});

describe("withTimeout", () => {
  it("answers a retryable time-out when the work takes too long", async () => {
    const never = new Promise<SendResult>(() => {});
    const started = Date.now();
    expect(await withTimeout(never, 50, "Test SMS")).toEqual({
      ok: false,
      retryable: true,
      reason: "time-out: no answer from Test SMS within 50 ms (the message may still arrive)",
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("passes the work's answer through when it comes in time", async () => {
    const sent: SendResult = { ok: true, id: "x", status: "sent" };
    expect(await withTimeout(Promise.resolve(sent), 1_000, "Test SMS")).toBe(sent);
  });
});

describe("networkFailure", () => {
  it("is retryable and keeps the number and variables of a URL out of the reason", () => {
    const error = Object.assign(
      new Error("connect ECONNREFUSED 127.0.0.1:9POST http://127.0.0.1:9/?PhoneNumbers=13812345678&TemplateParam=%7B failed."),
      {
        code: "ECONNREFUSED",
      },
    );
    expect(networkFailure(error)).toEqual({
      ok: false,
      retryable: true,
      reason: "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9 POST http://127.0.0.1:9/ failed.",
    });
  });
});
