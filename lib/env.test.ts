import { afterEach, describe, expect, it } from "vitest";
import { publicUrl } from "./env";

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
