// A lawyer's day: check a villager in, record the outcome, find it in the month's log and download the ledger.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { generateBookingCode } from "../lib/booking/code";
import { addDays, todayInShanghai, zonedInstant } from "../lib/time";
import { expect, test } from "./support/clock";
import { withE2eDatabase } from "./support/database";

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
  // Next.js sets a page's <title> a moment after a client-side navigation's content: axe must not run between.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

function uniqueName(prefix: string): string {
  return `${prefix}${Math.random().toString(36).slice(2, 6)}`;
}

test("a lawyer checks a villager in (and undoes a mistaken one), records the outcome and finds it in the month's XLSX", async ({
  page,
}) => {
  // Check-in opens an hour before the start, on the booking's day: a booking of lawyer1 (陈志明) at
  // the 睦洲社区 workroom half an hour from now (or half an hour ago, late in the evening), written
  // straight to the database since nobody can book that soon.
  const now = Date.now();
  const soon = new Date(now + 30 * 60_000);
  const start = todayInShanghai(soon) === todayInShanghai(new Date(now)) ? soon : new Date(now - 30 * 60_000);
  start.setSeconds(0, 0);
  const name = uniqueName("签到测试");
  const id = `checkin-${Date.now()}`;
  await withE2eDatabase(async (db) => {
    await db.query(
      `INSERT INTO booking (id, code, venue_id, lawyer_id, starts_at, ends_at, name, phone, village, topic_id, consent_at, updated_at)
       SELECT $1, $2, v.id, l.id, $3, $4, $5, $6, '睦洲社区', t.id, now(), now()
       FROM venue v, lawyer l JOIN app_user u ON u.id = l.user_id, topic t
       WHERE v.slug = 'muzhou-shequ' AND u.username = 'lawyer1' AND t.code = 'other'`,
      [id, generateBookingCode(), start, new Date(start.getTime() + 30 * 60_000), name, uniquePhone()],
    );
  });
  const month = todayInShanghai(start).slice(0, 7);

  await signIn(page, "lawyer1", PASSWORD);
  const card = page.getByRole("article", { name: new RegExp(name) });
  await expect(card).toBeVisible();
  await expectAccessible(page);
  await card.getByRole("button", { name: /^签到/ }).click();
  await expect(card.getByText("已签到", { exact: true })).toBeVisible();
  // The wrong card tapped: undone the same day, then checked in again.
  await card.getByRole("button", { name: /^撤销签到/ }).click();
  await expect(card.getByText("待签到", { exact: true })).toBeVisible();
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

test("on a phone, today's consultations are on the first screen, before older ones still waiting for an outcome", async ({
  page,
}) => {
  // 林晓敏 (lawyer6) at her 新沙村 workroom: one booking today and eight from the past week nobody recorded.
  // Written straight to the database (no one can book the past) and removed again, so other specs never see them.
  // Names as short as real ones, so the layout measured is the one lawyers see; the ids carry the run's tag.
  const tag = uniqueName("today-first-");
  const today = todayInShanghai();
  const bookings = [
    { date: today, minute: 7 * 60, name: "王今天" },
    ...Array.from({ length: 8 }, (_, i) => ({ date: addDays(today, -1 - i), minute: 10 * 60, name: `李待${i + 1}` })),
  ];
  await withE2eDatabase(async (db) => {
    const { rows } = await db.query(
      `SELECT l.id AS lawyer, (SELECT id FROM venue WHERE slug = 'xinsha') AS venue, (SELECT id FROM topic WHERE code = 'other') AS topic
       FROM lawyer l JOIN app_user u ON u.id = l.user_id WHERE u.username = 'lawyer6'`,
    );
    const { lawyer, venue, topic } = rows[0] as { lawyer: string; venue: string; topic: string };
    for (const [i, b] of bookings.entries()) {
      await db.query(
        `INSERT INTO booking (id, code, venue_id, lawyer_id, starts_at, ends_at, name, phone, village, topic_id, consent_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '新沙村', $9, now(), now())`,
        [
          `${tag}-${i}`,
          `${tag.slice(-4)}${i}`.toUpperCase(),
          venue,
          lawyer,
          zonedInstant(b.date, b.minute),
          zonedInstant(b.date, b.minute + 30),
          b.name,
          uniquePhone().slice(0, 10) + i,
          topic,
        ],
      );
    }
  });
  try {
    await signIn(page, "lawyer6", PASSWORD);
    const todayCard = page.getByRole("article", { name: "07:00–07:30 王今天" });
    await expect(todayCard).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = await todayCard.boundingBox();
    expect(box?.y).toBeLessThan(640);
    // Its time and name on screen without scrolling; and a card is about half the 590 px it was.
    await expect(todayCard.getByRole("heading")).toBeInViewport({ ratio: 1 });
    expect(box?.height).toBeLessThan(300);

    // The older ones follow as a short list, each a link to record its outcome (or mark it a no-show).
    const owed = page.getByRole("list", { name: /还没有记录结果/ });
    await expect(owed.getByRole("listitem")).toHaveCount(8);
    const first = owed.getByRole("listitem").filter({ hasText: "李待1" });
    await expect(first).toContainText("10:00");
    expect((await first.boundingBox())?.height).toBeLessThan(60); // one line and its link
    await expect(page.getByRole("link", { name: "打印我的通讯卡" })).toHaveAttribute("href", "/lawyer/cards");
    await expectAccessible(page);

    await first.getByRole("link", { name: /^记录服务结果/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("记录服务结果");
    await expect(page.getByRole("article", { name: "10:00–10:30 李待1" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^标记未到/ })).toBeVisible();
  } finally {
    await withE2eDatabase((db) => db.query("DELETE FROM booking WHERE id LIKE $1", [`${tag}%`]));
  }
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

test("a lawyer makes a calendar subscription link, copies it or opens it with webcal:, and replaces it", async ({
  browser,
  context,
  page,
  request,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "lawyer3", PASSWORD);
  await page.goto("/lawyer/log");
  const subscription = page.getByRole("region", { name: "手机日历订阅" });
  await subscription.getByRole("button", { name: "生成订阅链接" }).click();
  // The first link replaces nothing, so nothing is said about an old one.
  await expect(subscription.getByRole("status").filter({ hasText: "已生成订阅链接" })).toBeVisible();
  await expect(page.getByText("以前的链接已失效")).toHaveCount(0);

  const url = subscription.getByText(/^https?:\/\/\S+\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
  await expect(url).toBeVisible();
  const feedUrl = ((await url.textContent()) ?? "").trim();
  await expect(subscription.getByRole("link", { name: /在手机日历中订阅/ })).toHaveAttribute(
    "href",
    feedUrl.replace(/^https?:/, "webcal:"),
  );
  // The whole URL shows on a 360 px phone: wrapped, not cut off, and the page does not scroll sideways.
  expect(await url.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= 360)).toBe(true);
  await expectAccessible(page);

  await subscription.getByRole("button", { name: "复制链接" }).click();
  await expect(subscription.getByRole("status").filter({ hasText: "已复制" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);

  const feed = await request.get(new URL(feedUrl).pathname);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const body = await feed.text();
  expect(body).toContain("BEGIN:VCALENDAR");
  expect(body).toContain("坐班");
  expect(body.replace(/\r\n /g, "")).not.toMatch(/1[3-9]\d{9}/);

  // Without JavaScript the URL is there to select and the webcal: link works; there is no dead copy button.
  const noScript = await browser.newContext({ storageState: await context.storageState(), javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/lawyer/log");
  const plainSubscription = plain.getByRole("region", { name: "手机日历订阅" });
  await expect(plainSubscription.getByText(feedUrl, { exact: true })).toBeVisible();
  await expect(plainSubscription.getByRole("link", { name: /在手机日历中订阅/ })).toHaveAttribute("href", /^webcal:/);
  await expect(plainSubscription.getByRole("button", { name: "复制链接" })).toHaveCount(0);
  await noScript.close();

  // A second link does replace the first: now the message says so, and the old URL stops working.
  await subscription.getByRole("button", { name: "生成新链接（旧链接失效）" }).click();
  await expect(subscription.getByRole("status").filter({ hasText: "以前的链接已失效" })).toBeVisible();
  await expect(url).not.toHaveText(feedUrl);
  expect((await request.get(new URL(feedUrl).pathname)).status()).toBe(404);
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
