import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("staff see who is on duty where each day, and each village's hours against the 8-hour target", async ({ page }) => {
  await page.goto("/login?callbackUrl=%2Fstaff%2Frota");
  await page.getByLabel("账号").fill("staff");
  await page.getByLabel("密码").fill("muzhou-staff-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^排班：\d{4}年\d{1,2}月$/);

  const hours = page.getByRole("table", { name: "各村（社区）本月安排的现场服务小时数" });
  await expect(hours.getByRole("row")).toHaveCount(17); // header + station + 15 workrooms
  await expect(hours.getByRole("row", { name: /南镇村公共法律服务工作室/ })).toContainText("小时");

  // Next month is a whole month of the demo's weekly duty (3 hours a week per village).
  await page.getByRole("link", { name: "下个月 →" }).click();
  await expect(page.getByText(/本月每个村（社区）都已安排至少 8 小时。|个村（社区）本月安排不足 8 小时。/)).toBeVisible();
  await expect(hours.getByRole("row", { name: /南安村公共法律服务工作室/ })).toContainText(/\d+(\.\d+)? 小时/);
  const grid = page.getByRole("table", { name: "行是服务地点，列是日期，格中是值班律师和时间" });
  await expect(grid.getByRole("row", { name: /睦洲镇公共法律服务工作站/ })).toContainText("09:00–12:00");

  // Staff arrange a lawyer's duty with the lawyer's own forms.
  await page.getByRole("navigation", { name: "调整律师值班" }).getByRole("link", { name: "黄国强（示例）" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("黄国强（示例）的值班时间");
  await expect(page.getByRole("button", { name: "添加每周值班" })).toBeVisible();

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations).toEqual([]);
});
