import { afterEach, describe, expect, it } from "vitest";
import { configuredPublicBase, isOwnMachine } from "./env";

describe("configuredPublicBase", () => {
  const saved = process.env.PUBLIC_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.PUBLIC_BASE_URL;
    else process.env.PUBLIC_BASE_URL = saved;
  });

  it("is PUBLIC_BASE_URL without its trailing slash, undefined when unset, null when not http or https", () => {
    delete process.env.PUBLIC_BASE_URL;
    expect(configuredPublicBase()).toBeUndefined();
    process.env.PUBLIC_BASE_URL = "https://fw.example.gov.cn/muzhou/";
    expect(configuredPublicBase()).toBe("https://fw.example.gov.cn/muzhou");
    process.env.PUBLIC_BASE_URL = "fw.example.gov.cn";
    expect(configuredPublicBase()).toBeNull();
    process.env.PUBLIC_BASE_URL = "ftp://fw.example.gov.cn";
    expect(configuredPublicBase()).toBeNull();
  });
});

describe("isOwnMachine", () => {
  it("names this machine's own addresses, which villagers cannot open", () => {
    for (const value of [
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
      "http://0.0.0.0",
      "http://app.localhost",
      "fw.example.gov.cn",
    ]) {
      expect(isOwnMachine(value), value).toBe(true);
    }
    for (const value of ["https://fw.example.gov.cn", "http://192.168.1.20:3000", "https://muzhou.example/app"]) {
      expect(isOwnMachine(value), value).toBe(false);
    }
  });
});
