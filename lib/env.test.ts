import { afterEach, describe, expect, it } from "vitest";
import { publicAddressIsReal, publicUrl } from "./env";

describe("publicUrl", () => {
  const saved = process.env.PUBLIC_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.PUBLIC_BASE_URL;
    else process.env.PUBLIC_BASE_URL = saved;
  });

  it("uses http://localhost:3000 when PUBLIC_BASE_URL is not set", () => {
    delete process.env.PUBLIC_BASE_URL;
    expect(publicUrl("/venues/nanzhen")).toBe("http://localhost:3000/venues/nanzhen");
  });

  it("joins the configured address and the path with one slash, keeping a path prefix", () => {
    process.env.PUBLIC_BASE_URL = "https://fw.example.gov.cn/muzhou/";
    expect(publicUrl("/b/7YHQ9H")).toBe("https://fw.example.gov.cn/muzhou/b/7YHQ9H");
    expect(publicUrl("venues")).toBe("https://fw.example.gov.cn/muzhou/venues");
  });

  it("refuses an address that is not http or https, rather than print a code nobody can open", () => {
    process.env.PUBLIC_BASE_URL = "fw.example.gov.cn";
    expect(() => publicUrl("/")).toThrow(/PUBLIC_BASE_URL/);
    process.env.PUBLIC_BASE_URL = "ftp://fw.example.gov.cn";
    expect(() => publicUrl("/")).toThrow(/PUBLIC_BASE_URL/);
  });
});

describe("publicAddressIsReal", () => {
  const saved = process.env.PUBLIC_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.PUBLIC_BASE_URL;
    else process.env.PUBLIC_BASE_URL = saved;
  });

  it("is false until an address villagers can reach is set", () => {
    for (const value of [
      undefined,
      "",
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
      "http://0.0.0.0",
      "http://app.localhost",
      "fw.example.gov.cn",
    ]) {
      if (value === undefined) delete process.env.PUBLIC_BASE_URL;
      else process.env.PUBLIC_BASE_URL = value;
      expect(publicAddressIsReal(), String(value)).toBe(false);
    }
    for (const value of ["https://fw.example.gov.cn", "http://192.168.1.20:3000", "https://muzhou.example/app/"]) {
      process.env.PUBLIC_BASE_URL = value;
      expect(publicAddressIsReal(), value).toBe(true);
    }
  });
});
