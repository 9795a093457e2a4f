import { expect, test } from "@playwright/test";
import { BookingPages, expectNoAxeViolations } from "./pages/booking-pages";
import { signIn } from "./pages/login";

test("a villager deletes the personal data of a cancelled booking after a confirm step", async ({ page }) => {
  const flow = new BookingPages(page);
  const { code, phone, name } = await flow.book("xinsha", { name: "黄阿伯" });

  // Still to come: it must be cancelled first.
  await page.goto(`/bookings/${code}/delete`);
  await expect(flow.heading).toHaveText("现在还不能删除个人信息");
  await page.getByRole("link", { name: "先取消预约" }).click();
  await page.getByRole("button", { name: "确认取消预约" }).click();
  await expect(flow.heading).toHaveText("预约已取消");

  await page.getByRole("link", { name: "删除我的个人信息" }).click();
  await expect(flow.heading).toHaveText("确定要删除您的个人信息吗？");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "确认删除我的个人信息" }).click();

  await expect(page).toHaveURL(/\/privacy\/deleted$/);
  await expect(flow.heading).toHaveText("您的个人信息已删除");
  await expect(page.getByRole("status")).toContainText("已经删除");
  await expectNoAxeViolations(page);

  // The code and the phone open nothing any more.
  await flow.lookUp(code, phone);
  await expect(flow.errorSummary()).toContainText("没有找到这个预约");
  await expect(page.locator("main")).not.toContainText(name);
});

test("staff see how long personal data is kept; an administrator sets it, and the privacy notice says so", async ({ page }) => {
  // One setting for every town: a staff member reads it, only an administrator changes it.
  await signIn(page, "staff", "muzhou-staff-2026");
  await page.goto("/staff/privacy");
  await expect(page.getByText("由管理员设置")).toBeVisible();
  await expect(page.getByRole("button", { name: "保存设置" })).toHaveCount(0);
  await page.context().clearCookies();
  await signIn(page, "admin", "muzhou-admin-2026");
  await page.goto("/staff/privacy");
  const months = page.getByLabel("回电请求：提出后保存多少个月");
  await page.getByLabel(/预约和现场咨询记录/).fill("6");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByRole("alert").filter({ has: page.getByRole("heading") })).toContainText("至少保存 12 个月（1 年）");
  await expectNoAxeViolations(page);

  await page.getByLabel(/预约和现场咨询记录/).fill("36");
  await months.fill("3");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toContainText("回电请求");
  await page.goto("/privacy");
  await expect(page.getByText("登记后保存 3 个月")).toBeVisible();

  // Back as it was, for the other specs.
  await page.goto("/staff/privacy");
  await months.fill("6");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
});
