// Evaluations (评价表): a villager evaluates a done consultation on their booking page on a 360 px
// phone, with and without JavaScript, and staff see it on the dashboard; a walk-in evaluates by the
// QR code on the lawyer's phone, once; staff type in a paper form. axe checks every new page.
import { randomInt, randomUUID } from "node:crypto";
import { expect, type Locator, type Page, test } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { BookingPages, expectNoAxeViolations, randomPhone } from "./pages/booking-pages";
import { signIn } from "./pages/login";
import { withE2eDatabase } from "./support/database";

const LAWYER = ["lawyer1", "muzhou-lawyer-2026"] as const;
const STAFF = ["staff", "muzhou-staff-2026"] as const;

/** axe, and no sideways scrolling on the 360 px phone. */
async function expectAccessible(page: Page) {
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** Where an element starts, from the top of the page (not of the viewport, which a reload may have scrolled). */
const topOnPage = (locator: Locator) => locator.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);

const unique = (prefix: string) => `${prefix}${randomInt(100_000, 999_999)}`;
/** A booking code nobody else has: six of the code's letters. */
const code = () => Array.from({ length: 6 }, () => "ACDEFHJKMNPRTWXY"[randomInt(0, 16)]).join("");

// Consultations of our own from yesterday (Shanghai), written straight to the database (nobody can
// book the past), and removed again afterwards with their evaluations.
const ids = { booking: randomUUID(), walkIn: randomUUID(), paperWalkIn: randomUUID() };
const past = { code: code(), phone: randomPhone(), name: unique("无脚本评价") };
const walkInName = unique("扫码评价");
const paperName = unique("纸质评价");
const YESTERDAY = "date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' - interval '1 day'";
let yesterdayMonth = "";
/** Bookings this spec made through the API: their evaluations are removed afterwards. */
const apiCodes: string[] = [];

test.beforeAll(async () => {
  await withE2eDatabase(async (db) => {
    const refs = await db.query<{ venue: string; lawyer: string; topic: string; month: string }>(
      `SELECT v.id AS venue, l.id AS lawyer, t.id AS topic,
              to_char(now() AT TIME ZONE 'Asia/Shanghai' - interval '1 day', 'YYYY-MM') AS month
       FROM venue v, lawyer l JOIN app_user u ON u.id = l.user_id, topic t
       WHERE v.slug = 'station' AND u.username = 'lawyer1' AND t.code = 'marriage'`,
    );
    const { venue, lawyer, topic, month } = refs.rows[0];
    yesterdayMonth = month;
    await db.query(
      `INSERT INTO booking (id, code, venue_id, lawyer_id, starts_at, ends_at, status, name, phone, topic_id, channel,
                            consent_at, updated_at, outcomes, minutes_spent, completed_at)
       VALUES ($1, $2, $3, $4, ${YESTERDAY} + interval '40 minutes', ${YESTERDAY} + interval '70 minutes', 'DONE', $5, $6, $7,
               'PHONE', now(), now(), ARRAY['CONSULTATION']::"Outcome"[], 30, now())`,
      [ids.booking, past.code, venue, lawyer, past.name, past.phone, topic],
    );
    for (const [id, name, minutes] of [
      [ids.walkIn, walkInName, 80],
      [ids.paperWalkIn, paperName, 100],
    ] as const) {
      await db.query(
        `INSERT INTO walk_in (id, venue_id, lawyer_id, at, name, phone, topic_id, outcomes, minutes_spent)
         VALUES ($1, $2, $3, ${YESTERDAY} + interval '${minutes} minutes', $4, $5, $6, ARRAY['CONSULTATION']::"Outcome"[], 20)`,
        [id, venue, lawyer, name, randomPhone(), topic],
      );
    }
  });
});

test.afterAll(async () => {
  await withE2eDatabase(async (db) => {
    const walkIns = [ids.walkIn, ids.paperWalkIn];
    await db.query(
      "DELETE FROM evaluation WHERE booking_id = $1 OR walk_in_id = ANY($2) OR booking_id IN (SELECT id FROM booking WHERE code = ANY($3))",
      [ids.booking, walkIns, apiCodes],
    );
    await db.query("DELETE FROM evaluation_link WHERE walk_in_id = ANY($1)", [walkIns]);
    await db.query("DELETE FROM walk_in WHERE id = ANY($1)", [walkIns]);
    await db.query("DELETE FROM notification WHERE booking_id = $1", [ids.booking]);
    await db.query("DELETE FROM booking WHERE id = $1", [ids.booking]);
  });
});

test("a villager evaluates a done consultation on their booking page, changes it, and staff see it on the dashboard", async ({
  browser,
  page,
  request,
}) => {
  // A booking at lawyer1's (陈志明) soonest time at the 睦洲社区 workroom, then the lawyer records it done.
  const slotsResponse = await request.get("/api/v1/venues/muzhou-shequ/slots");
  const { slots } = (await slotsResponse.json()) as { slots: { start: string; lawyer: { id: string; name: string } }[] };
  const slot = slots.find((s) => s.lawyer.name.startsWith("陈志明")) ?? slots[0];
  const villager = { name: unique("评价村民"), phone: randomPhone() };
  const created = await request.post("/api/v1/bookings", {
    data: { venue: "muzhou-shequ", start: slot.start, lawyerId: slot.lawyer.id, ...villager, topic: "other", consent: true },
  });
  expect(created.status()).toBe(201);
  const { code: bookingCode } = (await created.json()) as { code: string };
  apiCodes.push(bookingCode);
  const date = slot.start.slice(0, 10); // the API gives +08:00 times: the Shanghai date

  // Not done yet: the booking page asks for no evaluation.
  const pages = new BookingPages(page);
  await pages.lookUp(bookingCode, villager.phone);
  await expect(pages.heading).toHaveText("我的预约");
  await expect(page.getByRole("heading", { name: "请为这次服务评价" })).toHaveCount(0);

  const lawyerContext = await browser.newContext();
  const lawyer = await lawyerContext.newPage();
  await signIn(lawyer, ...LAWYER);
  // Before its time, and with no check-in, nothing has happened to record (issue 22 item 6).
  const card = lawyer.getByRole("article", { name: new RegExp(villager.name) });
  await expect(card).toBeVisible();
  await expect(card.getByRole("link", { name: /^记录服务结果/ })).toHaveCount(0);
  await expect(card.getByRole("button", { name: /^标记未到/ })).toHaveCount(0);
  const bookingId = await withE2eDatabase(async (db) => {
    const { rows } = await db.query("SELECT id FROM booking WHERE code = $1", [bookingCode]);
    return rows[0].id as string;
  });
  await lawyer.goto(`/lawyer/bookings/${bookingId}`);
  await expect(lawyer.getByText(/还不能记录服务结果。村民提前到了，请先点“签到”再记录。/)).toBeVisible();
  await expect(lawyer.getByRole("button", { name: "保存服务结果" })).toHaveCount(0);
  // The villager has come and is checked in: now the outcome may be recorded.
  await withE2eDatabase((db) =>
    db.query("UPDATE booking SET status = 'CHECKED_IN', checked_in_at = now() WHERE code = $1", [bookingCode]),
  );
  await lawyer.goto("/lawyer");
  await card.getByRole("link", { name: /^记录服务结果/ }).click();
  await lawyer.getByLabel("法律咨询解答").check();
  await lawyer.getByLabel("用时（分钟）").fill("25");
  await lawyer.getByRole("button", { name: "保存服务结果" }).click();
  await expect(lawyer.getByRole("status").filter({ hasText: "服务结果已保存" })).toBeVisible();
  await lawyerContext.close();

  await page.reload();
  const section = page.getByRole("region", { name: "请为这次服务评价" });
  await expect(section).toBeVisible();
  // Due: the evaluation comes first, on the first screen of a 360 × 640 phone.
  expect(await topOnPage(section)).toBeLessThan(640);
  await expectAccessible(page);

  // Nothing chosen: the errors beside the questions, and nothing saved.
  await section.getByRole("button", { name: "提交评价" }).click();
  await expect(pages.errorSummary()).toBeFocused();
  await expect(section.getByText("错误：请选择您对这次服务满意不满意。")).toBeVisible();
  await expect(section.getByText("错误：请选择您的问题解决了没有。")).toBeVisible();
  await expectAccessible(page);

  const comment = unique("律师讲得很清楚，谢谢");
  await section
    .getByRole("group", { name: /满意吗/ })
    .getByRole("radio", { name: "满意", exact: true })
    .check();
  await section
    .getByRole("group", { name: /解决了吗/ })
    .getByRole("radio", { name: "部分解决" })
    .check();
  await section.getByLabel(/意见和建议/).fill(comment);
  await expect(section.getByText(`已输入 ${comment.length} 字，最多 300 字`)).toBeVisible();
  await section.getByRole("button", { name: "提交评价" }).click();
  await expect(page).toHaveURL(/\?done=evaluated$/);
  await expect(page.getByRole("status").filter({ hasText: "谢谢您的评价" })).toBeVisible();
  const given = page.getByRole("region", { name: "您的评价" });
  await expect(given).toContainText("满意程度：满意");
  await expect(given).toContainText("问题：部分解决");
  await expect(given).toContainText(comment);
  await expect(given).toContainText("之前可以修改");
  // Given: a short summary where the form was, not the questions again.
  expect(await topOnPage(given)).toBeLessThan(640);
  await expect(given.getByRole("radio")).toHaveCount(0);
  await expectAccessible(page);

  // Changed within the 7 days: 修改评价 reopens the form with what was given.
  await given.getByRole("link", { name: "修改评价" }).click();
  await expect(given.getByRole("radio", { name: "满意", exact: true })).toBeChecked();
  await expect(given.getByLabel(/意见和建议/)).toHaveValue(comment);
  await expectAccessible(page);
  await given.getByRole("radio", { name: "已解决" }).check();
  await given.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "评价已修改" })).toBeVisible();
  await expect(page.getByRole("region", { name: "您的评价" })).toContainText("问题：已解决");
  await expect(given.getByRole("radio")).toHaveCount(0);

  // Staff see it on the dashboard, with the lawyer, the venue and a masked phone.
  await signIn(page, ...STAFF);
  await page.goto(`/staff/dashboard?from=${date}&to=${date}&venue=muzhou-shequ`);
  const evaluations = page.getByRole("region", { name: /^群众评价/ });
  await expect(evaluations.getByRole("heading", { level: 2 })).toContainText("满意度");
  const item = evaluations.getByRole("listitem").filter({ hasText: comment });
  await expect(item).toContainText("满意 · 已解决");
  await expect(item).toContainText(`${villager.name} ${villager.phone.slice(0, 3)}****${villager.phone.slice(-4)}`);
  await expect(item).not.toContainText(villager.phone);
  await expect(evaluations.getByRole("region", { name: "各律师的评价" })).toContainText(slot.lawyer.name);
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a villager evaluates on a 360 px phone: the errors beside the questions, then the thanks", async ({ page }) => {
    const pages = new BookingPages(page);
    await pages.lookUp(past.code, past.phone);
    await expect(pages.heading).toHaveText("我的预约");
    const section = page.getByRole("region", { name: "请为这次服务评价" });
    await section
      .getByRole("group", { name: /解决了吗/ })
      .getByRole("radio", { name: "未解决" })
      .check();
    await section.getByLabel(/意见和建议/).fill("等了比较久");
    await section.getByRole("button", { name: "提交评价" }).click();
    // Refused: what was chosen and typed is still there.
    await expect(section.getByText("错误：请选择您对这次服务满意不满意。")).toBeVisible();
    await expect(section.getByRole("radio", { name: "未解决" })).toBeChecked();
    await expect(section.getByLabel(/意见和建议/)).toHaveValue("等了比较久");

    await section.getByRole("radio", { name: "基本满意" }).check();
    await section.getByRole("button", { name: "提交评价" }).click();
    await expect(page.getByRole("status").filter({ hasText: "谢谢您的评价" })).toBeVisible();
    await expect(page.getByRole("region", { name: "您的评价" })).toContainText("满意程度：基本满意");
    await expect(page.getByRole("region", { name: "您的评价" })).toContainText("等了比较久");
    const given = page.getByRole("region", { name: "您的评价" });
    await expect(given.getByRole("radio")).toHaveCount(0);
    // 修改评价 reopens the form without JavaScript too, and saving shows the summary again.
    await given.getByRole("link", { name: "修改评价" }).click();
    await expect(given.getByRole("radio", { name: "基本满意" })).toBeChecked();
    await given.getByRole("radio", { name: "满意", exact: true }).check();
    await given.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByRole("status").filter({ hasText: "评价已修改" })).toBeVisible();
    await expect(given).toContainText("满意程度：满意");
    await expect(given.getByRole("radio")).toHaveCount(0);
    // axe runs in the page, so it is checked on these same states in the test with JavaScript above.
  });
});

/** What a phone camera would read from the QR code as the browser draws it. */
async function decodeQr(page: Page): Promise<string | undefined> {
  const png = PNG.sync.read(await page.getByRole("img", { name: "评价这次服务的二维码" }).screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

test("a walk-in evaluates by the QR code on the lawyer's phone, once; the lawyer sees the result without the name", async ({
  browser,
  page,
}) => {
  await signIn(page, ...LAWYER);
  await page.goto(`/lawyer/log?month=${yesterdayMonth}`);
  await page.getByRole("link", { name: `请村民扫码评价：${walkInName}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("请村民扫码评价");
  await expectAccessible(page);
  await page.getByRole("button", { name: "出示评价二维码" }).click();
  const url = await decodeQr(page);
  expect(url).toMatch(new RegExp(`^http://localhost:${process.env.E2E_PORT}/evaluate/[A-Za-z0-9_-]{43}$`));
  await expect(page.getByText(`网址：${url}`)).toBeVisible();
  await expectAccessible(page);

  // The villager's own phone: no account, no cookie.
  const phone = await browser.newContext();
  const villager = await phone.newPage();
  const path = new URL(url as string).pathname;
  await villager.goto(path);
  await expect(villager.getByRole("heading", { level: 1 })).toHaveText("评价这次服务");
  await expectAccessible(villager);
  await villager.getByRole("radio", { name: "不满意" }).check();
  await villager.getByRole("radio", { name: "未解决" }).check();
  const comment = unique("希望多来几次");
  await villager.getByLabel(/意见和建议/).fill(comment);
  await villager.getByRole("button", { name: "提交评价" }).click();
  await expect(villager.getByRole("status").filter({ hasText: "谢谢您的评价" })).toBeVisible();
  await expectAccessible(villager);
  // Once: the same code again says it was used, and offers no form.
  await villager.goto(path);
  await expect(villager.getByText("这个评价二维码已经用过了")).toBeVisible();
  await expect(villager.getByRole("button", { name: "提交评价" })).toHaveCount(0);
  await phone.close();

  await page.reload();
  await expect(page.getByText("这次咨询已经评价过了")).toBeVisible();
  // The lawyer's own results on the log: the comment, never who wrote it.
  await page.goto(`/lawyer/log?month=${yesterdayMonth}`);
  const results = page.getByRole("region", { name: /^群众评价/ });
  const own = results.getByRole("listitem").filter({ hasText: comment });
  await expect(own).toContainText("不满意 · 未解决");
  await expect(own).not.toContainText(walkInName);
  await expectAccessible(page);
});

test("staff type in a paper form for a walk-in, and see the villager's own on the booking's page", async ({ page }) => {
  await signIn(page, ...STAFF);
  await page.goto("/staff/evaluations");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("录入纸质评价表");
  await expectAccessible(page);
  await page.getByRole("link", { name: new RegExp(`^录入评价表：.*${paperName}$`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("现场咨询的评价表");
  await expectAccessible(page);
  await page.getByRole("button", { name: "保存评价表" }).click();
  await expect(page.getByText("错误：请选择您对这次服务满意不满意。")).toBeVisible();
  await page.getByRole("radio", { name: "满意", exact: true }).check();
  await page.getByRole("radio", { name: "已解决" }).check();
  await page.getByRole("button", { name: "保存评价表" }).click();
  await expect(page.getByRole("status").filter({ hasText: "纸质评价表已录入" })).toBeVisible();
  const record = page.getByRole("region", { name: "群众评价" });
  await expect(record).toContainText("纸质评价表录入");
  await expectAccessible(page);

  await page.goto("/staff/evaluations");
  await expect(page.getByRole("row").filter({ hasText: paperName })).toContainText("纸质评价表录入");

  // The booking the villager evaluated without JavaScript (the spec above): what they gave, no paper form.
  await page.goto(`/staff/bookings/${past.code}`);
  const section = page.getByRole("region", { name: "群众评价" });
  await expect(section).toContainText("村民在预约页面填写");
  await expect(section.getByRole("button", { name: "保存评价表" })).toHaveCount(0);
  await expectAccessible(page);
});
