import { randomInt } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";

async function signInAsStaff(page: Page) {
  await page.goto("/login");
  await page.getByLabel("账号").fill("staff");
  await page.getByLabel("密码").fill("muzhou-staff-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

const landline = () => `0750-6${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;

test("staff book for someone who phoned, with a landline, then find, move and cancel it", async ({ page }) => {
  await signInAsStaff(page);
  await page.goto("/staff/bookings/new");
  await page.getByLabel("第一步：选择服务地点").selectOption({ label: "南安村公共法律服务工作室" });
  await page.getByRole("button", { name: "查看空闲时间" }).click();
  await page.getByRole("navigation", { name: "第二步：选择日期" }).getByRole("link").nth(1).click();

  // A mistake first: nothing typed is lost, and the error is beside the field.
  const phone = landline();
  await page.getByLabel("姓名").fill("梁伯");
  await page.getByLabel("联系电话").fill("12345");
  await page.getByRole("button", { name: "确认预约" }).click();
  await expect(page.getByText(/错误：请填写手机号码（11 位）或带区号的固定电话/)).toBeVisible();
  await expect(page.getByLabel("姓名")).toHaveValue("梁伯");

  await page.getByRole("radio").first().check();
  await page.getByLabel("联系电话").fill(phone);
  await page.getByLabel("咨询事项").selectOption({ label: "赡养" });
  await page.getByLabel("需要照顾的情况（选填）").selectOption({ label: "60岁及以上老人" });
  await page.getByLabel(/当事人同意登记/).check();
  await page.getByRole("button", { name: "确认预约" }).click();

  await expect(page).toHaveURL(/\/staff\/bookings\/[A-Z0-9]{6}\?created=1$/);
  const code = /bookings\/([A-Z0-9]{6})/.exec(page.url())?.[1] ?? "";
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`预约 ${code}`);
  await expect(page.getByText(`预约成功。请把预约号 ${code}`)).toBeVisible();
  await expect(page.getByText(phone)).toBeVisible();
  await expect(page.getByText("电话预约")).toBeVisible();

  // The list shows it with the number masked.
  await page.goto(`/staff/bookings?phone=${phone.slice(-6)}`);
  await expect(page.getByText(`预约号 ${code}`)).toBeVisible();
  await expect(page.getByRole("table")).not.toContainText(phone);

  // Move it to another date, with a reason.
  await page.goto(`/staff/bookings/${code}`);
  await page.getByRole("list", { name: "选择新的日期" }).getByRole("link").nth(2).click();
  await page.getByRole("radio").first().check();
  await page.getByLabel("改期原因").fill("村民来电要求改期");
  await page.getByRole("button", { name: "确认改期" }).click();
  await expect(page.getByText("已改期。原来的预约时间已重新开放。")).toBeVisible();

  // Cancelling needs a reason.
  await page.getByRole("button", { name: "取消这个预约" }).click();
  await expect(page.getByText("错误：请填写取消原因。")).toBeVisible();
  await page.getByLabel("取消原因").fill("村民已自行解决");
  await page.getByRole("button", { name: "取消这个预约" }).click();
  await expect(page.getByText("预约已取消，这个时间已重新开放。")).toBeVisible();
  await expect(page.getByText("村民已自行解决")).toBeVisible();
  await expect(page.getByRole("button", { name: "取消这个预约" })).toHaveCount(0);
});

test("staff record a walk-in consultation for a lawyer", async ({ page }) => {
  await signInAsStaff(page);
  await page.goto("/staff/walk-ins/new");
  await page.getByLabel("接待律师").selectOption({ label: "陈志明（示例）" });
  // Each venue is listed with the lawyers who serve there, so staff see the pair before sending it.
  const venue = page
    .getByLabel("服务地点")
    .locator("option")
    .filter({ hasText: /^睦洲社区公共法律服务工作室 · .*陈志明（示例）/ });
  await page.getByLabel("服务地点").selectOption((await venue.getAttribute("value")) ?? "");
  await page.getByLabel("服务对象姓名").fill("现场村民");
  await page.getByLabel("咨询事项").selectOption({ label: "继承" });
  await page.getByLabel("法律咨询解答").check();
  await page.getByLabel(/用时/).fill("20");
  await page.getByRole("button", { name: "保存现场咨询记录" }).click();
  await expect(page.getByRole("status")).toContainText("现场咨询已记录（现场村民");
});

test("a lawyer cannot open the staff bookings, and a stranger is sent to sign in", async ({ page }) => {
  await page.goto("/staff/bookings");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fstaff%2Fbookings/);
  await page.getByLabel("账号").fill("lawyer5");
  await page.getByLabel("密码").fill("muzhou-lawyer-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
});
