import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("the home page lists the town station and the fifteen village workrooms", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("免费法律咨询，预约律师");
  const station = page.getByRole("region", { name: "镇公共法律服务工作站" });
  await expect(station.getByRole("listitem")).toHaveCount(1);
  await expect(station).toContainText("睦洲镇公共法律服务工作站");
  const workrooms = page.getByRole("region", { name: /村（社区）公共法律服务工作室/ });
  await expect(workrooms.getByRole("listitem")).toHaveCount(15);
  for (const village of ["睦洲社区", "南镇村", "南安村", "石板沙村", "第十五村（待核实）"]) {
    await expect(workrooms).toContainText(`${village}公共法律服务工作室`);
  }
  await expect(page.getByRole("contentinfo")).toContainText("12348");
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
