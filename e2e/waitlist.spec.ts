// Issue 8's waitlist on a 360 × 640 phone, with the e2e server's worker running as npm start runs
// it: a villager finds no free time and joins the waitlist from the no-slots page; the one person
// holding the only slot cancels; the worker offers it (the database queued the job with the
// cancellation) and the slot is held; the villager opens the offer and books it. axe finds nothing.
import { expect, test } from "@playwright/test";
import { BookingPages, expectNoAxeViolations, randomPhone } from "./pages/booking-pages";
import { withE2eDatabase } from "./support/database";

const SLUG = "e2e-waitlist";

/** The Shanghai date `days` from today. */
function shanghaiDate(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test.beforeAll(async () => {
  // A workroom of its own with one lawyer who sits in once, 09:00–09:30 in three days: one slot.
  await withE2eDatabase(async (db) => {
    await db.query(
      `INSERT INTO venue (id, slug, kind, name, village, address, town_id, updated_at)
       VALUES ('e2e-waitlist', $1, 'WORKROOM', '候补测试工作室', '测试村', '测试地址', (SELECT id FROM town WHERE slug = 'muzhou'), now())
       ON CONFLICT (slug) DO UPDATE SET active = true`,
      [SLUG],
    );
    await db.query(
      `INSERT INTO lawyer (id, name, firm, public_phone, updated_at)
       VALUES ('e2e-waitlist-lawyer', '候补测试律师', '测试律师事务所', '13800000001', now())
       ON CONFLICT (id) DO NOTHING`,
    );
    await db.query(
      `INSERT INTO lawyer_venue (lawyer_id, venue_id) VALUES ('e2e-waitlist-lawyer', 'e2e-waitlist') ON CONFLICT DO NOTHING`,
    );
    await db.query(
      `INSERT INTO duty_exception (id, lawyer_id, venue_id, kind, date, start_minute, end_minute)
       VALUES ('e2e-waitlist-extra', 'e2e-waitlist-lawyer', 'e2e-waitlist', 'EXTRA', $1, 540, 570)
       ON CONFLICT (id) DO NOTHING`,
      [shanghaiDate(3)],
    );
  });
});

test.afterAll(async () => {
  // Other specs keep seeing the town's 16 venues.
  await withE2eDatabase((db) => db.query("UPDATE venue SET active = false WHERE slug = $1", [SLUG]));
});

test("a villager joins the waitlist on the no-slots page, someone cancels, and the held slot is booked through the offer", async ({
  page,
  browser,
}) => {
  const flow = new BookingPages(page);
  // The only slot goes to someone else first (in a browser of their own).
  const other = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const holderPage = await other.newPage();
  const holder = await new BookingPages(holderPage).book(SLUG);

  await page.goto(`/venues/${SLUG}`);
  const noSlots = page.getByRole("region", { name: "近期没有可预约的时间" });
  await expect(noSlots).toBeVisible();
  await noSlots.getByRole("link", { name: "登记候补" }).click();
  await expect(flow.heading).toHaveText("登记候补 · 候补测试工作室");
  await expectNoAxeViolations(page);

  // A wrong entry first: nothing is saved, the summary says what to do.
  const phone = randomPhone();
  await page.getByLabel("姓名", { exact: true }).fill("候补村民");
  await page.getByLabel("手机号码", { exact: true }).fill(phone);
  await page.getByRole("button", { name: "登记候补" }).click();
  await expect(flow.errorSummary()).toContainText("请选择咨询事项");
  await expect(flow.errorSummary()).toContainText("请勾选同意");
  await expect(page.getByLabel("手机号码", { exact: true })).toHaveValue(phone);
  await page.getByLabel("想咨询什么事").selectOption({ label: "赡养" });
  await page.getByLabel(/我同意睦洲司法所保存/).check();
  await page.getByRole("button", { name: "登记候补" }).click();
  await expect(page).toHaveURL(/\/waitlist\/[a-z0-9]+\?done=joined$/);
  await expect(page.getByRole("status").filter({ hasText: "已登记候补" })).toContainText(
    `有空位时会发短信到 ${phone.slice(0, 3)}****${phone.slice(-4)}`,
  );
  await expect(page.getByText("候补中：有空位时会发短信通知您")).toBeVisible();
  await expectNoAxeViolations(page);
  const entryUrl = page.url().replace(/\?.*$/, "");

  // The holder cancels; the worker offers the freed slot to the one person waiting.
  await holderPage.goto(`/bookings/${holder.code}/cancel`);
  await holderPage.getByRole("button", { name: "确认取消预约" }).click();
  await expect(holderPage.getByRole("heading", { level: 1 })).toHaveText("预约已取消");
  await other.close();

  await expect(async () => {
    await page.goto(entryUrl);
    await expect(page.getByRole("region", { name: /为您保留的时间/ })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText("有空位了，正在为您保留")).toBeVisible();
  await expectNoAxeViolations(page);

  // Another villager cannot take the held slot meanwhile: the venue shows nothing free.
  await page.goto(`/venues/${SLUG}`);
  await expect(page.getByRole("region", { name: "近期没有可预约的时间" })).toBeVisible();

  // The offer's link (as in the text message) opens the held booking; the phone proves it is theirs.
  await page.goto(entryUrl);
  await page.getByRole("link", { name: "去确认预约" }).click();
  await page.getByLabel("手机号码").fill(phone);
  await page.getByRole("button", { name: "查询预约" }).click();
  await expect(flow.heading).toHaveText("有空位了：为您保留的时间");
  await expect(page.getByRole("heading", { level: 2, name: /^请在 \d{2}:\d{2} 前确认$/ })).toBeVisible();
  // What is held (date, time, place) stands in the box with the button, above it, on the first screen.
  const offer = page.getByRole("region", { name: /^请在 \d{2}:\d{2} 前确认$/ });
  const accept = await offer.getByRole("button", { name: "确认预约这个时间" }).boundingBox();
  expect(accept && accept.y + accept.height).toBeLessThanOrEqual(640);
  const [month, day] = shanghaiDate(3).split("-").slice(1).map(Number);
  for (const held of [`${month}月${day}日`, "上午 09:00", "候补测试工作室"]) {
    const box = await offer.getByText(held).first().boundingBox();
    expect(box, held).not.toBeNull();
    expect(box && box.y + box.height, held).toBeLessThanOrEqual(accept?.y ?? 0);
  }
  await expect(page.getByRole("region", { name: "短信通知" })).toContainText("候补空位通知");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "确认预约这个时间" }).click();
  await expect(page).toHaveURL(/\/bookings\/[A-Z0-9]{6}\?done=created$/);
  await expect(flow.heading).toHaveText("预约成功");
  await expect(page.getByRole("main")).toContainText("09:00");
  await expectNoAxeViolations(page);

  // Booked: the waitlist entry says so and offers nothing more.
  await page.goto(entryUrl);
  await expect(page.getByText("已经约到时间，不再候补")).toBeVisible();
});
