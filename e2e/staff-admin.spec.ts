// Staff manage venues, lawyers, accounts and the holiday calendar; every change shows in the audit log.
import { randomInt } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";

const PASSWORDS = { admin: "muzhou-admin-2026", staff: "muzhou-staff-2026", lawyer1: "muzhou-lawyer-2026" } as const;

async function signIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("账号").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function newSignedInPage(browser: Browser, username: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

const tag = () => String(randomInt(100_000, 999_999));

test("staff edit a venue's address, see it on the venue's public page and find the change in the audit log", async ({ page }) => {
  await signIn(page, "staff", PASSWORDS.staff);
  await page.goto("/staff/venues");
  await expect(page.getByRole("heading", { level: 1, name: "服务地点" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "修改 莲腰村公共法律服务工作室" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("莲腰村公共法律服务工作室");
  const address = page.getByLabel("地址", { exact: true });
  const original = await address.inputValue();

  // A mistake first: the error is beside the field and what was typed stays.
  const newAddress = `莲腰村委会东侧 ${tag()} 号`;
  await address.fill(newAddress);
  await page.getByLabel("每个预约时段（分钟）").fill("5");
  await page.getByRole("button", { name: "保存服务地点" }).click();
  await expect(page.getByText("错误：每个时段至少 10 分钟。")).toBeVisible();
  await expect(address).toHaveValue(newAddress);
  await expectAccessible(page);

  await page.getByLabel("每个预约时段（分钟）").fill("30");
  await page.getByRole("button", { name: "保存服务地点" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toContainText("地址");

  // The home page lists villages by name; the address is on the workroom's own page.
  await page.goto("/");
  await page.getByRole("link", { name: /^莲腰村公共法律服务工作室/ }).click();
  await expect(page.getByText(`地址：${newAddress}`)).toBeVisible();

  await page.goto("/staff/audit");
  await page.getByLabel("类别").selectOption({ label: "服务地点" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/kind=venue/);
  await expect(page.getByRole("listitem").filter({ hasText: newAddress }).first()).toContainText("司法所工作人员（示例）");
  await expectAccessible(page);

  // Put the seeded address back for the other specs of this run.
  await page.goto("/staff/venues");
  await page.getByRole("link", { name: "修改 莲腰村公共法律服务工作室" }).click();
  await page.getByLabel("地址", { exact: true }).fill(original);
  await page.getByRole("button", { name: "保存服务地点" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
});

test("an administrator adds a lawyer whose one-time password signs in once, to set their own, then deactivates them, which signs them out", async ({
  browser,
  page,
}) => {
  await signIn(page, "admin", PASSWORDS.admin);
  await page.goto("/staff/lawyers");
  await expectAccessible(page);
  await page.getByRole("link", { name: "添加律师" }).click();
  await expectAccessible(page);

  const name = `测试律师${tag()}`;
  const phone = `137${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
  await page.getByLabel("律师姓名").fill(name);
  await page.getByLabel("律师事务所").fill("测试律师事务所");
  await page.getByLabel("公开电话").fill(phone);
  await page.getByLabel("擅长领域（选填）").fill("婚姻家庭，劳动争议");
  const village = page.getByRole("group", { name: "莲腰村公共法律服务工作室" });
  await village.getByLabel("在此服务").check();
  await village.getByLabel("担任法律顾问").check();
  await page.getByRole("button", { name: "添加律师并生成密码" }).click();
  const password = page.getByLabel("一次性密码");
  await expect(password).toHaveText(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  const oneTime = (await password.textContent()) ?? "";

  const lawyerPage = await newSignedInPage(browser, phone, oneTime);
  await expect(lawyerPage).toHaveURL(/\/account\/password\?first=1$/);

  await page.goto("/staff/lawyers");
  await page.getByRole("link", { name: `管理 ${name}` }).click();
  await expectAccessible(page);
  await page.getByText("停用这位律师…").click();
  await page.getByRole("button", { name: "确认停用" }).click();
  await expect(page.getByRole("status").filter({ hasText: "律师已停用" })).toBeVisible();
  await expect(page.getByRole("region", { name: "仍需改派的预约" })).toContainText("没有需要改派的预约。");
  // Deactivating ended the lawyer's session on their phone.
  await lawyerPage.goto("/account/password");
  await expect(lawyerPage).toHaveURL(/\/login\?callbackUrl=/);
  await lawyerPage.context().close();

  const refused = await browser.newContext();
  const again = await refused.newPage();
  await again.goto("/login");
  await again.getByLabel("账号").fill(phone);
  await again.getByLabel("密码").fill(oneTime);
  await again.getByRole("button", { name: "登录" }).click();
  await expect(again.getByRole("main").getByRole("alert")).toHaveText("账号或密码不正确，请核对后再试。");
  await refused.close();
});

test("staff see no account controls, and a forged request to create an account is refused", async ({ browser, page }) => {
  await signIn(page, "admin", PASSWORDS.admin);
  await page.goto("/staff/accounts");
  await expect(page.getByRole("button", { name: "建立账号并生成密码" })).toBeVisible();
  await expectAccessible(page);
  // The fields React renders so that the form posts without JavaScript, as an administrator would send them.
  const fields = await page
    .locator("form")
    .filter({ has: page.getByLabel("登录账号名") })
    .evaluate((form) =>
      Object.fromEntries(
        [...new FormData(form as HTMLFormElement)].filter((e): e is [string, string] => typeof e[1] === "string"),
      ),
    );

  const staffPage = await newSignedInPage(browser, "staff", PASSWORDS.staff);
  await staffPage.goto("/staff/accounts");
  await expect(staffPage.getByText("只能由管理员建立、重设密码或停用")).toBeVisible();
  await expect(staffPage.getByRole("button", { name: /建立账号|重设|停用/ })).toHaveCount(0);
  await expect(staffPage.getByText(/停用账号/)).toHaveCount(0);
  await expectAccessible(staffPage);

  const forged = `forged${tag()}`;
  const origin = new URL(staffPage.url()).origin;
  const response = await staffPage.request.post("/staff/accounts", {
    headers: { Origin: origin },
    multipart: { ...fields, username: forged, displayName: "伪造的管理员", role: "ADMIN" },
  });
  // Refused with 没有权限 as the form's answer (the staff page shows no such form), never an error page.
  expect(response.status()).toBeLessThan(500);
  await staffPage.context().close();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "工作人员账号" })).toBeVisible();
  await expect(page.getByText(forged)).toHaveCount(0);
  await page.goto("/staff/audit");
  await expect(page.getByText(forged)).toHaveCount(0);
});

test("an administrator adds and removes a holiday override, with the error beside the field", async ({ page }) => {
  // The calendar is the whole deployment's, every town's: an administrator's (lib/auth/can.ts manageHolidays).
  await signIn(page, "admin", PASSWORDS.admin);
  await page.goto("/staff/holidays");
  await expect(page.getByRole("heading", { level: 1, name: "节假日安排" })).toBeVisible();
  await page.getByRole("button", { name: "添加调整" }).click();
  await expect(page.getByText("错误：请填写日期，例如 2026-10-01。")).toBeVisible();
  await expect(page.getByText("错误：请选择这一天是放假还是上班。")).toBeVisible();
  await expectAccessible(page);

  // Far in the future, so no other spec's free times change.
  const date = `2099-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
  await page.getByLabel("日期", { exact: true }).fill(date);
  await page.getByLabel("放假（不安排预约）").check();
  await page.getByLabel("说明（选填）").fill("台风停工");
  await page.getByRole("button", { name: "添加调整" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已添加：${date} 放假` })).toBeVisible();
  const remove = page.getByRole("button", { name: new RegExp(`删除调整：${Number(date.slice(0, 4))}年`) });
  await expect(remove).toHaveCount(1);
  await remove.click();
  await expect(remove).toHaveCount(0);
  await expect(page.getByText("目前没有调整。")).toBeVisible();
});

test("a lawyer cannot open the staff pages", async ({ page }) => {
  await signIn(page, "lawyer1", PASSWORDS.lawyer1);
  for (const path of ["/staff/venues", "/staff/lawyers", "/staff/audit"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
  }
});
