import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { VILLAGES_IN_PINYIN_ORDER } from "../lib/testing/muzhou";

test("the home page lists the town station and the confirmed village workrooms in pinyin order", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("免费法律咨询，预约律师");
  const station = page.getByRole("region", { name: "镇公共法律服务工作站" });
  await expect(station.getByRole("link")).toHaveCount(1);
  await expect(station).toContainText("睦洲镇公共法律服务工作站");
  const workrooms = page.getByRole("region", { name: /村（社区）公共法律服务工作室/ });
  await expect(workrooms.getByRole("link")).toHaveText(VILLAGES_IN_PINYIN_ORDER.map((v) => new RegExp(`^${v}`)));
  // The seed's placeholder for the fifteenth village is not shown until staff confirm it.
  await expect(page.getByRole("main")).not.toContainText("待核实");
  await expect(page.getByRole("contentinfo")).toContainText("12348");
});

test("on a 360 × 640 phone the villages are within the first screens, each one tap from its free times", async ({ page }) => {
  await page.goto("/");
  // The whole page fits in about three screens (it was seven).
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(3 * 640);
  const workrooms = page.getByRole("region", { name: /村（社区）公共法律服务工作室/ });
  // The list of villages starts on the second screen at the latest.
  const top = (await workrooms.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
  expect(top).toBeLessThan(2 * 640);
  for (const link of await workrooms.getByRole("link").all()) {
    const box = await link.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }
  await workrooms.getByRole("link", { name: /^南镇村/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("南镇村公共法律服务工作室");
});

test("a venue staff have not confirmed cannot be opened or booked", async ({ page, request }) => {
  const venuePage = await page.goto("/venues/village-15");
  expect(venuePage?.status()).toBe(404);
  const list = await request.get("/api/v1/venues");
  const { venues } = (await list.json()) as { venues: { slug: string }[] };
  expect(venues.map((v) => v.slug)).not.toContain("village-15");
  expect((await request.get("/api/v1/venues/village-15/slots")).status()).toBe(404);
  expect((await page.goto("/venues/village-15/book"))?.status()).toBe(404);
  expect((await page.goto("/venues/village-15/waitlist"))?.status()).toBe(404);
});

test("the skip link takes a keyboard user to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("the large-text switch enlarges the text and is remembered", async ({ page }) => {
  await page.goto("/");
  const size = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await size();
  expect(before).toBeGreaterThanOrEqual(18);
  await page.getByRole("button", { name: "大字（长辈模式）" }).click();
  await expect(page.getByRole("button", { name: "恢复标准字号" })).toBeVisible();
  await expect.poll(size).toBeGreaterThan(before);
  await page.reload();
  await expect(page.getByRole("button", { name: "恢复标准字号" })).toBeVisible();
});

test("the home page has no accessibility violations (WCAG 2.2 AA)", async ({ page }) => {
  await page.goto("/");
  // Next.js sets a page's <title> a moment after a client-side navigation's content: axe must not run between.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations).toEqual([]);
});

test("the health check reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

test("liveness and readiness are checked apart: the process, then the database too", async ({ request }) => {
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ok", db: "ok" });
});
