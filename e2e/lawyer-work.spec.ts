// A lawyer's day: check a villager in, record the outcome, find it in the month's log and download the ledger.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";

const PASSWORD = "muzhou-lawyer-2026";

async function signIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("账号").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/lawyer$/);
}

/** Unique per run, so repeated runs and other specs never collide. */
function uniquePhone(): string {
  return `136${String(Date.now() % 100_000_000).padStart(8, "0")}`;
}

/** WCAG checks and no sideways scrolling on a 360 px phone. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

function uniqueName(prefix: string): string {
  return `${prefix}${Math.random().toString(36).slice(2, 6)}`;
}

test("a lawyer checks a villager in, records the outcome and finds it in the month's XLSX", async ({ page, request }) => {
  // lawyer1 (陈志明) is the only lawyer on duty at the 睦洲社区 workroom: its soonest slot is theirs.
  const slotsResponse = await request.get("/api/v1/venues/muzhou-shequ/slots");
  expect(slotsResponse.ok()).toBe(true);
  const { slots } = (await slotsResponse.json()) as { slots: { start: string; lawyer: { id: string; name: string } }[] };
  const slot = slots.find((s) => s.lawyer.name.startsWith("陈志明")) ?? slots[0];
  const name = uniqueName("签到测试");
  const created = await request.post("/api/v1/bookings", {
    data: {
      venue: "muzhou-shequ",
      start: slot.start,
      lawyerId: slot.lawyer.id,
      name,
      phone: uniquePhone(),
      topic: "other",
      consent: true,
    },
  });
  expect(created.status()).toBe(201);
  const month = slot.start.slice(0, 7); // the API gives +08:00 times, so this is the Shanghai month

  await signIn(page, "lawyer1", PASSWORD);
  const card = page.getByRole("article", { name: new RegExp(name) });
  await expect(card).toBeVisible();
  await expectAccessible(page);
  await card.getByRole("button", { name: /^签到/ }).click();
  await expect(card.getByText("已签到", { exact: true })).toBeVisible();

  await card.getByRole("link", { name: /^记录服务结果/ }).click();
  await expect(page.getByRole("heading", { name: "记录服务结果" })).toBeVisible();
  await page.getByRole("button", { name: "保存服务结果" }).click();
  await expect(page.getByText("错误：请至少选择一项服务结果。")).toBeVisible();
  await page.getByLabel("法律咨询解答").check();
  await page.getByLabel("转介人民调解").check();
  await page.getByLabel("用时（分钟）").fill("35");
  await page.getByLabel(/律师备注/).fill("建议先找村调解委员会");
  await page.getByRole("button", { name: "保存服务结果" }).click();
  await expect(page.getByRole("status").filter({ hasText: "服务结果已保存" })).toBeVisible();

  await page.goto(`/lawyer/log?month=${month}`);
  const entry = page.getByRole("listitem").filter({ hasText: name });
  await expect(entry).toContainText("法律咨询解答、转介人民调解");
  await expect(entry).toContainText("35 分钟");
  await expectAccessible(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /下载 Excel 表格/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = await readFile((await download.path()) as string);
  expect(bytes.subarray(0, 2).toString()).toBe("PK"); // an XLSX is a zip archive
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows = (book.getWorksheet("工作日志")?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
  expect(rows[0]).toContain("服务对象姓名");
  const row = rows.find((r) => r.includes(name));
  expect(row).toContain("法律咨询解答、转介人民调解");
  expect(row).toContain(35);
  expect(row).toContain("预约");
});

test("a walk-in is recorded with errors beside the fields, then appears in the log and its CSV", async ({ page }) => {
  await signIn(page, "lawyer2", PASSWORD);
  await page.getByRole("link", { name: "记录现场咨询" }).click();
  await page.getByRole("button", { name: "保存现场咨询记录" }).click();
  await expect(page.getByText("错误：请填写服务对象姓名。")).toBeVisible();
  await expect(page.getByText("错误：请至少选择一项服务结果。")).toBeVisible();
  await expectAccessible(page);

  const name = uniqueName("现场测试");
  await page.getByLabel("服务对象姓名").fill(name);
  await page.getByLabel("联系电话（选填）").fill(uniquePhone());
  await page.getByLabel("村居（选填）").fill("南安村");
  await page.getByLabel("咨询事项").selectOption({ label: "劳动争议/欠薪" });
  await page.getByLabel("法律咨询解答").check();
  await page.getByLabel("用时（分钟）").fill("20");
  await page.getByRole("button", { name: "保存现场咨询记录" }).click();
  await expect(page.getByRole("status").filter({ hasText: "现场咨询已记录" })).toBeVisible();

  await page.getByRole("navigation", { name: "律师工作台" }).getByRole("link", { name: "工作日志" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("现场");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /下载 CSV 文件/ }).click();
  const text = await readFile((await (await downloading).path()) as string, "utf8");
  expect(
    text.startsWith("\uFEFF日期,时间,服务地点,律师,村居,服务对象姓名,联系电话,咨询事项,服务结果,用时（分钟）,来源（预约/现场）"),
  ).toBe(true);
  expect(text).toContain(`${name},`);
});

test("the log download and the calendar feed refuse strangers and unknown tokens", async ({ request }) => {
  const log = await request.get("/api/lawyer/log?format=csv");
  expect(log.status()).toBe(401);
  expect(((await log.json()) as { error: { message: string } }).error.message).toContain("请先登录");
  const feed = await request.get("/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(feed.status()).toBe(404);
});

test("a lawyer makes a calendar subscription link whose feed has no phone numbers", async ({ page, request }) => {
  await signIn(page, "lawyer3", PASSWORD);
  await page.goto("/lawyer/log");
  await page.getByRole("button", { name: /生成.*链接/ }).click();
  const url = page.getByLabel("您的订阅链接");
  await expect(url).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
  const feed = await request.get(new URL(await url.inputValue()).pathname);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const body = await feed.text();
  expect(body).toContain("BEGIN:VCALENDAR");
  expect(body).toContain("坐班");
  expect(body.replace(/\r\n /g, "")).not.toMatch(/1[3-9]\d{9}/);
});

test("without JavaScript the walk-in form still saves and keeps what was typed after an error", async ({ browser, page }) => {
  await signIn(page, "lawyer4", PASSWORD);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await context.newPage();
  await plain.goto("/lawyer/walk-in");
  const name = uniqueName("无脚本");
  await plain.getByLabel("服务对象姓名").fill(name);
  await plain.getByRole("button", { name: "保存现场咨询记录" }).click();
  await expect(plain.getByText("错误：请至少选择一项服务结果。")).toBeVisible();
  await expect(plain.getByLabel("服务对象姓名")).toHaveValue(name);
  await plain.getByLabel("咨询事项").selectOption({ label: "婚姻家庭" });
  await plain.getByLabel("其他").check();
  await plain.getByLabel("用时（分钟）").fill("15");
  await plain.getByRole("button", { name: "保存现场咨询记录" }).click();
  await expect(plain.getByRole("status").filter({ hasText: "现场咨询已记录" })).toBeVisible();
  await plain.goto("/lawyer/log");
  await expect(plain.getByRole("listitem").filter({ hasText: name })).toContainText("其他");
  await context.close();
});
