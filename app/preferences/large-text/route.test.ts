// The 长辈模式 switch goes back to the page it was used on, however the host is spelled (127.0.0.1
// or localhost, or a proxy's name), and never to another site.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET, POST } from "./route";

const SERVER = "http://localhost:3917/preferences/large-text";
const BROWSER = "http://127.0.0.1:3917";
const PAGE = "/venues/nanzhen/book?slot=2026-12-01T09%3A00%3A00%2B08%3A00%7C&from=2026-12-01";

function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new NextRequest(SERVER, {
    method: "POST",
    headers: { host: "127.0.0.1:3917", origin: BROWSER, referer: `${BROWSER}${PAGE}`, ...headers },
    body: new URLSearchParams(fields),
  });
}

const cookieOf = (response: Response) => response.headers.get("set-cookie") ?? "";

describe("the large-text switch", () => {
  it("returns to the page it was used on, query and all, when the server spells its host otherwise", async () => {
    const on = await POST(post({ on: "1", next: PAGE }));
    expect(on.status).toBe(303);
    expect(on.headers.get("location")).toBe(PAGE);
    expect(cookieOf(on)).toMatch(/^large_text=on;/);
    const off = await POST(post({ on: "0", next: PAGE }));
    expect(off.headers.get("location")).toBe(PAGE);
    expect(cookieOf(off)).toMatch(/^large_text=off;/);
  });

  it("goes home instead of to another site, whatever `next` says", async () => {
    for (const next of [
      "//evil.example/x",
      "https://evil.example/",
      "/\\evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
      "",
      // Dot segments that normalise into a protocol-relative URL.
      "/.//evil.example/phish",
      "/..//evil.example",
      "/%2e//evil.example",
      "/staff/../..//evil.example",
    ]) {
      const response = await POST(post({ on: "1", next }, { referer: "https://evil.example/page" }));
      expect(response.status, JSON.stringify(next)).toBe(303);
      expect(response.headers.get("location"), JSON.stringify(next)).toBe("/");
      expect(cookieOf(response)).toMatch(/^large_text=on;/);
    }
  });

  it("answers a page script with the new setting and no redirect, so nothing typed is lost", async () => {
    const response = await POST(post({ on: "1", next: PAGE }, { accept: "application/json" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.json()).toEqual({ largeText: true });
    expect(cookieOf(response)).toMatch(/^large_text=on;/);
  });

  it("still serves the plain link of pages opened before, going back by its `next`", async () => {
    const headers = { host: "127.0.0.1:3917", referer: `${BROWSER}${PAGE}` };
    const back = GET(new NextRequest(`${SERVER}?on=1&next=${encodeURIComponent(PAGE)}`, { headers }));
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe(PAGE);
    expect(cookieOf(back)).toMatch(/^large_text=on;/);
    const elsewhere = GET(new NextRequest(`${SERVER}?on=0&next=${encodeURIComponent("//evil.example")}`, { headers }));
    expect(elsewhere.headers.get("location")).toBe("/");
    expect(cookieOf(elsewhere)).toMatch(/^large_text=off;/);
  });
});
