// Print-outs: a venue's notice-board poster and the lawyers' contact cards. Each must come out of
// Chromium on exactly one A4 page per sheet, and its QR code must open the right booking page on
// the site's public address (scripts/e2e-server.ts sets PUBLIC_BASE_URL to http://localhost:<port>,
// not the 127.0.0.1 the specs browse, so a code built from the request's own host would fail here).
import { expect, type Locator, type Page, test } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { signIn } from "./pages/login";
import { expectAccessible } from "./support/accessibility";
import { withE2eDatabase } from "./support/database";
import { drawnLines } from "./support/lines";

const PUBLIC_BASE_URL = `http://localhost:${process.env.E2E_PORT}`;
const CSS_PX_PER_MM = 96 / 25.4;

/** Pages in a PDF as Chromium writes it: one `/Type /Page` object each (the tree is `/Type /Pages`). */
async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  return pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

/** What a phone camera would read from the QR code as the browser draws it. */
async function decodeQr(qr: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await qr.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

test("a workroom's poster prints on one A4 page, and its QR code opens the workroom's booking page", async ({ page }) => {
  await page.goto("/venues/nanzhen/poster");
  const poster = page.getByRole("article", { name: "南镇村公共法律服务工作室" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("南镇村公共法律服务工作室");
  await expect(poster).toContainText("江门市新会区睦洲镇南镇村村委会");
  // The demo's 陈志明 sits at 南镇村 on Wednesday afternoons, and is its adviser.
  const duty = poster.getByRole("table", { name: "南镇村公共法律服务工作室律师坐班时间" });
  await expect(duty.getByRole("row", { name: /星期三 14:30–17:30/ })).toContainText("陈志明（示例）");
  await expect(poster.getByRole("listitem").filter({ hasText: "陈志明（示例）（本村法律顾问）" })).toContainText("13800138001");
  for (const way of ["扫码预约", "12348", "直接到工作室", "不需要身份证号码"]) await expect(poster).toContainText(way);
  await expectAccessible(page);

  const url = `${PUBLIC_BASE_URL}/venues/nanzhen`;
  const qr = poster.getByRole("img", { name: /^预约二维码：.*南镇村公共法律服务工作室/ });
  await expect(poster.getByText(url, { exact: true })).toBeVisible();
  expect(await decodeQr(qr)).toBe(url);

  // On paper: no site header or footer, a code at least 4 cm wide, one A4 page.
  await expect(page.getByRole("contentinfo")).toBeVisible();
  await expect(page.getByRole("link", { name: "睦洲镇公共法律服务预约" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("link", { name: "睦洲镇公共法律服务预约" })).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  const width = (await qr.boundingBox())?.width ?? 0;
  expect(width).toBeGreaterThanOrEqual(40 * CSS_PX_PER_MM);
  expect(await printedPages(page)).toBe(1);

  // The address the code holds is the workroom's own booking page.
  await page.emulateMedia({ media: "screen" });
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("南镇村公共法律服务工作室");
});

test("the town station's poster, the longest, still prints on one page", async ({ page }) => {
  await page.goto("/venues/station/poster");
  const poster = page.getByRole("article", { name: "睦洲镇公共法律服务工作站" });
  // Eight demo lawyers sit at the station: every one is listed with their phone.
  await expect(poster.getByRole("listitem").filter({ hasText: /电话 1380013800\d/ })).toHaveCount(8);
  expect(await decodeQr(poster.getByRole("img", { name: /^预约二维码/ }))).toBe(`${PUBLIC_BASE_URL}/venues/station`);
  // Its address, the longest, wraps only after a "/" (never "statio/n") and stays beside its code.
  const url = poster.getByText(`${PUBLIC_BASE_URL}/venues/station`, { exact: true });
  for (const media of ["screen", "print"] as const) {
    await page.emulateMedia({ media });
    const lines = await drawnLines(url);
    expect(lines.join(""), media).toBe(`${PUBLIC_BASE_URL}/venues/station`);
    for (const line of lines.slice(0, -1)) expect(line, media).toMatch(/\/$/);
    const box = await url.boundingBox();
    const figure = await poster.locator("figure").boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0), media).toBeLessThanOrEqual((figure?.x ?? 0) + (figure?.width ?? 0) + 1);
  }
  expect(await printedPages(page)).toBe(1);
});

test("staff print every venue's poster at once, one A4 page each", async ({ page }) => {
  await signIn(page, "staff", "muzhou-staff-2026");
  await page.goto("/staff/venues");
  await expect(page.getByRole("link", { name: "打印海报：南安村公共法律服务工作室" })).toHaveAttribute(
    "href",
    "/venues/nanan/poster",
  );
  await page.getByRole("link", { name: "打印全部海报" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("打印全部海报");
  const posters = page.getByRole("article");
  await expect(posters).toHaveCount(16); // the station and the fifteen workrooms
  await expect(posters.nth(1).getByRole("heading", { level: 2 })).toHaveText("睦洲社区公共法律服务工作室");
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  expect(await printedPages(page)).toBe(16);
});

test("a lawyer's contact cards come ten to a page, business-card size, with a code for each village they advise", async ({
  page,
}) => {
  await signIn(page, "staff", "muzhou-staff-2026");
  await page.goto("/staff/lawyers");
  await page.getByRole("link", { name: "通讯卡：陈志明（示例）" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("陈志明（示例）的通讯卡");
  const cards = page.getByRole("listitem").filter({ hasText: "电话 13800138001" });
  // Ten cards; a screen reader hears each of the two kinds once.
  await expect(page.locator("li").filter({ hasText: "电话 13800138001" })).toHaveCount(10);
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText("广东睦和律师事务所（示例）");
  await expect(cards.first()).toContainText("睦洲社区（法律顾问）、南镇村（法律顾问）");
  await expect(cards.first()).toContainText("星期三 14:30–17:30 南镇村");
  // 陈志明 advises 睦洲社区 and 南镇村: five cards open each village's own booking page.
  expect(await decodeQr(cards.nth(0).getByRole("img", { name: "预约二维码：打开睦洲社区的网上预约页面" }))).toBe(
    `${PUBLIC_BASE_URL}/venues/muzhou-shequ`,
  );
  expect(await decodeQr(cards.nth(1).getByRole("img", { name: "预约二维码：打开南镇村的网上预约页面" }))).toBe(
    `${PUBLIC_BASE_URL}/venues/nanzhen`,
  );
  await expect(cards.nth(1)).toContainText(`${PUBLIC_BASE_URL}/venues/nanzhen`);
  // The copies, hidden from screen readers, draw the same code again from the first card's path.
  const copies = page.locator("li[aria-hidden='true'] svg[role='img']");
  await expect(copies).toHaveCount(8);
  expect(await decodeQr(copies.last())).toBe(`${PUBLIC_BASE_URL}/venues/nanzhen`);
  await expectAccessible(page);

  await page.emulateMedia({ media: "print" });
  const box = await cards.first().boundingBox();
  expect(box?.width).toBeCloseTo(90 * CSS_PX_PER_MM, 0);
  expect(box?.height).toBeCloseTo(54 * CSS_PX_PER_MM, 0);
  // Numbers are never cut in two: the hotline and the lawyer's phone each stay on one line.
  for (const card of [cards.first(), cards.nth(1)]) {
    const footer = await drawnLines(card.locator("p").last());
    expect(
      footer.some((line) => line.includes("12348")),
      footer.join("/"),
    ).toBe(true);
    const phone = await drawnLines(card.getByText("电话 13800138001"));
    expect(phone).toEqual(["电话 13800138001"]);
  }
  expect(await printedPages(page)).toBe(1);
});

test("staff print every serving lawyer's cards at once, a page each", async ({ page }) => {
  await signIn(page, "staff", "muzhou-staff-2026");
  await page.goto("/staff/lawyers");
  await page.getByRole("link", { name: "打印全部律师的通讯卡" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("全部律师的通讯卡");
  const sheets = page.getByRole("region", { name: /：一页 10 张/ });
  const count = await sheets.count();
  expect(count).toBeGreaterThanOrEqual(8); // the demo's eight, and any lawyer another spec added
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  expect(await printedPages(page)).toBe(count);
});

test("a lawyer prints their own cards, and only their own", async ({ page }) => {
  await signIn(page, "lawyer3", "muzhou-lawyer-2026");
  await page.goto("/lawyer/cards");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的通讯卡");
  const cards = page.getByRole("listitem").filter({ hasText: "电话 13800138003" });
  await expect(cards).toHaveCount(2); // 莲子塘村 and 黄布村, the villages 黄国强 advises
  expect(await decodeQr(cards.first().getByRole("img", { name: /^预约二维码/ }))).toBe(`${PUBLIC_BASE_URL}/venues/lianzitang`);
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  expect(await printedPages(page)).toBe(1);

  // Another lawyer's sheet is for staff: the one permission module says no.
  await page.emulateMedia({ media: "screen" });
  expect((await page.goto("/staff/lawyers/cards"))?.status()).toBe(403);
});

test("until the public address is one villagers can reach, staff are warned wherever it is printed or sent, never on paper", async ({
  page,
}) => {
  await signIn(page, "staff", "muzhou-staff-2026");
  for (const path of ["/staff", "/staff/venues", "/staff/venues/posters", "/staff/lawyers/cards", "/staff/messages"]) {
    await page.goto(path);
    const warning = page.getByText(`网站的公开地址还没有设置：二维码、海报、通讯卡和短信里的链接现在是 ${PUBLIC_BASE_URL}`);
    await expect(warning, path).toBeVisible();
  }
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText(/网站的公开地址还没有设置/)).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expectAccessible(page);
  // 网站设置 says what is carried and who decides it: here the server's PUBLIC_BASE_URL, which wins
  // over the console (lib/site; the console's own setting is tested in lib/site/site.test.ts).
  await page.goto("/staff/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("网站设置");
  await expect(
    page.getByText(`现在短信、二维码、海报和通讯卡上的地址是 ${PUBLIC_BASE_URL}（由服务器的 PUBLIC_BASE_URL 设置决定）`),
  ).toBeVisible();
  await expect(page.getByRole("textbox", { name: /网站的公开地址/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("the year's report fits an A4 page's width on paper, each venue's and lawyer's name on one line", async ({ page }) => {
  // A walk-in at the station and at the workroom with the longest name, so both tables have rows; removed after.
  const tag = `e2e-report-print-${Date.now()}`;
  await withE2eDatabase(async (db) => {
    for (const slug of ["station", "lianzitang"])
      await db.query(
        `INSERT INTO walk_in (id, venue_id, lawyer_id, at, name, topic_id, outcomes, minutes_spent)
         SELECT $1, v.id, l.id, now() - interval '1 hour', '打印测试', (SELECT id FROM topic WHERE code = 'other'),
                ARRAY['CONSULTATION']::"Outcome"[], 20
         FROM venue v, lawyer l JOIN app_user u ON u.id = l.user_id WHERE v.slug = $2 AND u.username = 'lawyer1'`,
        [`${tag}-${slug}`, slug],
      );
  });
  try {
    await expectReportFits(page);
  } finally {
    await withE2eDatabase((db) => db.query("DELETE FROM walk_in WHERE id LIKE $1", [`${tag}%`]));
  }
});

async function expectReportFits(page: Page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, "staff", "muzhou-staff-2026");
  await page.goto("/staff/report");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("年度数据");
  // A4 portrait less the browser's default margins, as Chromium lays out the printed page.
  await page.setViewportSize({ width: Math.floor((210 - 20) * CSS_PX_PER_MM), height: 1000 });
  await page.emulateMedia({ media: "print" });
  for (const name of ["各服务地点的数字（点数字查看明细）", "各律师的数字（点数字查看明细）"]) {
    const table = page.getByRole("table", { name });
    const heads = table.locator("tbody th[scope=row]");
    expect(await heads.count(), name).toBeGreaterThan(0);
    for (const head of await heads.all()) {
      const lines = await drawnLines(head);
      expect(lines, `${name}: ${lines.join("/")}`).toHaveLength(1);
    }
    // Nothing to scroll: the whole table is on the paper.
    const fits = await table.evaluate((t) => t.getBoundingClientRect().right <= document.documentElement.clientWidth);
    expect(fits, name).toBe(true);
  }
}
