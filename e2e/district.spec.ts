// One deployment for a district (issue 23, "done when"): the district's account adds a town with a
// workroom and an administrator; that administrator adds a lawyer and their duty; a villager books
// there from the home page, choosing the town, then the village; 睦洲's staff cannot open that
// booking; the district's figures show both towns. On a server and database of its own, so that
// the other specs keep seeing a town's own deployment (one town, no town asked for).
import { type ChildProcess, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { hash } from "@node-rs/argon2";
import { type Browser, expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../scripts/lib/test-database";
import { BookingPages, expectNoAxeViolations, randomPhone } from "./pages/booking-pages";
import { startServer } from "./support/app-process";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PASSWORD = "district-e2e-2026";
let database: TestDatabase | undefined;
let server: ChildProcess | undefined;
let base = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await createTestDatabase("district");
  // Towns, venues and topics as npm start seeds them; then 睦洲's staff account and the district's.
  const seeded = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: "utf8",
  });
  expect(seeded.status, seeded.stderr).toBe(0);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const passwordHash = await hash(PASSWORD);
  await client.query(
    `INSERT INTO app_user (id, username, display_name, password_hash, role, town_id, updated_at) VALUES
       ('u-muzhou', 'muzhou-staff', '睦洲工作人员', $1, 'STAFF', (SELECT id FROM town WHERE slug = 'muzhou'), now()),
       ('u-district', 'district', '新会区司法局', $1, 'DISTRICT', NULL, now())`,
    [passwordHash],
  );
  await client.end();
  ({ server, base } = await startServer(database.url));
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await database?.drop();
});

async function signedIn(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto("/login");
  await page.getByLabel("账号").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  return page;
}

test("a district adds a town whose administrator rosters a lawyer, a villager books there, and each town sees only its own", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tag = randomBytes(2).toString("hex");

  // The district: a new town, with its station, a workroom and an administrator.
  const district = await signedIn(browser, "district", PASSWORD);
  await expect(district).toHaveURL(/\/district$/);
  const townForm = district.getByRole("form", { name: "新建镇（街道）" });
  await townForm.getByLabel("镇（街道）名称").fill("示范新镇");
  await townForm.getByLabel("网址简称").fill(`xinzhen${tag}`);
  await townForm.getByLabel("镇人民政府（街道办事处）全称").fill("江门市新会区示范新镇人民政府");
  await townForm.getByLabel("司法所名称").fill("示范新镇司法所");
  await townForm.getByLabel(/^司法所地址/).fill("江门市新会区示范新镇政府路 1 号");
  await townForm.getByLabel("第一个村（社区）工作室：村（社区）名称").fill("新禾村");
  await townForm.getByLabel("第一个工作室的地址").fill("江门市新会区示范新镇新禾村村委会");
  await townForm.getByLabel("该镇管理员的登录账号名").fill(`xin-admin-${tag}`);
  await townForm.getByLabel("该镇管理员的姓名").fill("新镇管理员");
  await townForm.getByRole("button", { name: "建立镇（街道）并生成管理员密码" }).click();
  const oneTime = (await district.getByLabel("一次性密码").textContent()) ?? "";
  expect(oneTime).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await expectNoAxeViolations(district);

  // The town's administrator: a first password to replace, then a lawyer at the new workroom.
  const admin = await signedIn(browser, `xin-admin-${tag}`, oneTime);
  await expect(admin).toHaveURL(/\/account\/password\?first=1$/);
  await admin.getByLabel("现在的密码").fill(oneTime);
  await admin.getByLabel("新密码", { exact: true }).fill(PASSWORD);
  await admin.getByLabel("再输入一次新密码").fill(PASSWORD);
  await admin.getByRole("button", { name: "修改密码" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /密码已/ })).toBeVisible();
  await admin.goto("/staff/lawyers/new");
  await admin.getByLabel("律师姓名").fill("新镇律师");
  await admin.getByLabel("律师事务所").fill("示范律师事务所");
  await admin.getByLabel("公开电话").fill(randomPhone());
  // Only this town's venues are offered.
  await expect(admin.getByRole("group", { name: "南镇村公共法律服务工作室" })).toHaveCount(0);
  await admin.getByRole("group", { name: "新禾村公共法律服务工作室" }).getByLabel("在此服务").check();
  await admin.getByRole("button", { name: "添加律师并生成密码" }).click();
  await expect(admin.getByLabel("一次性密码")).toBeVisible();
  await admin.goto("/staff/lawyers");
  await admin.getByRole("link", { name: "管理 新镇律师" }).click();
  await admin.waitForURL(/\/staff\/lawyers\/[^/?]+$/);
  const lawyerId = /\/staff\/lawyers\/([^/?]+)$/.exec(new URL(admin.url()).pathname)?.[1];
  await admin.goto(`/staff/lawyers/${lawyerId}/schedule`);
  const duty = admin.getByRole("form", { name: "添加每周值班" });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  // One weekly morning, three days on: the villager books the first free time it gives.
  const weekday = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"][
    new Date(Date.now() + 8 * 3_600_000 + 3 * 86_400_000).getUTCDay()
  ];
  await duty.getByLabel("地点").selectOption({ label: "新禾村公共法律服务工作室" });
  await duty.getByLabel("星期几").selectOption({ label: weekday });
  await duty.getByLabel("开始时间").fill("09:00");
  await duty.getByLabel("结束时间").fill("12:00");
  await duty.getByLabel("从哪天开始").fill(today);
  await duty.getByRole("button", { name: "添加每周值班" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已添加每周值班" })).toBeVisible();

  // A villager: the home page asks for the town, then the village.
  const villager = await (await browser.newContext({ baseURL: base, viewport: { width: 360, height: 640 } })).newPage();
  await villager.goto("/");
  await expectNoAxeViolations(villager);
  await villager.getByLabel(/村（社区）名称/).fill("新禾");
  await villager.getByRole("button", { name: "查找" }).click();
  await expect(villager.getByRole("link", { name: "示范新镇 · 新禾村" })).toBeVisible();
  await villager.getByRole("link", { name: /^示范新镇，/ }).click();
  await expect(villager.getByRole("heading", { level: 1 })).toHaveText("示范新镇：免费法律咨询，预约律师");
  await expectNoAxeViolations(villager);
  await villager.getByRole("link", { name: "新禾村公共法律服务工作室" }).click();
  const flow = new BookingPages(villager);
  await flow.chooseFirstSlot();
  await flow.fill({ name: "新镇村民", phone: randomPhone() });
  await flow.submit();
  const code = await flow.confirmedCode();

  // 睦洲's staff cannot open it; the new town's administrator can.
  const muzhou = await signedIn(browser, "muzhou-staff", PASSWORD);
  expect((await muzhou.goto(`/staff/bookings/${code}`))?.status()).toBe(404);
  expect((await admin.goto(`/staff/bookings/${code}`))?.status()).toBe(200);
  await expect(admin.getByText("新镇村民")).toBeVisible();

  // The district's figures name both towns.
  await district.goto("/district/dashboard");
  await expect(district.getByRole("main")).toContainText("睦洲镇");
  await expect(district.getByRole("main")).toContainText("示范新镇");
  await expectNoAxeViolations(district);
});
