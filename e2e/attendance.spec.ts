// Proof of sitting in (签到 / 签退) and the day sheet, on a 360 × 640 phone. A lawyer of this spec's
// own, on duty now at a workroom of its own (an extra session around the current Shanghai time),
// so the demo lawyers' duty that other specs read is untouched: the lawyer signs in from the
// venue's page (as after scanning its poster) and out on /lawyer; staff correct the times with a
// reason and the rota shows the attended hours; the day sheet lists the booking and prints on one
// A4 page. axe finds nothing on the new pages.
import type { Page } from "@playwright/test";
import { isoWeekday, weekdayName } from "../lib/time";
import { expectNoAxeViolations } from "./pages/booking-pages";
import { signIn } from "./pages/login";
import { expect, pinClock, test } from "./support/clock";
import { withE2eDatabase } from "./support/database";
import { drawnLines } from "./support/lines";

const SLUG = "e2e-attendance";
const VENUE = "签到测试村公共法律服务工作室";
const LAWYER_ID = "e2e-attendance-lawyer";
const USERNAME = "e2e-attendance";
const PASSWORD = "attendance-e2e-2026";
const VILLAGER = { name: "名单测试村民", phone: "13912345678" };
// A second workroom of the lawyer's, listed before the first: the walk-in form must not default to it.
const OTHER_SLUG = "e2e-attendance-other";
const OTHER_VENUE = "签到测试甲村公共法律服务工作室";

const shanghai = {
  date: () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()),
  minute: () => {
    const clock = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Shanghai",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const [h, m] = clock.format(new Date()).split(":").map(Number);
    return h * 60 + m;
  },
};
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** Pages in a PDF as Chromium writes it: one `/Type /Page` object each (the tree is `/Type /Pages`). */
async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  return pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

/** On an A4 sheet's width in print, each of these cells of the day sheet is on one line ("冯志/强" was not). */
async function expectWholeNames(page: Page, cells: string[]) {
  await page.setViewportSize({ width: Math.round((210 * 96) / 25.4), height: 1123 });
  const sheet = page.getByRole("table", { name: /的预约，按时间先后/ });
  for (const text of cells) {
    const cell = sheet.getByRole("cell", { name: text, exact: true });
    expect(await drawnLines(cell), text).toEqual([text]);
  }
}

// Read when the tests begin, not when the file is loaded (the clock matrix sets the clock between the two).
let today: string;
// The session: from an hour ago to two hours ahead (within today), so an arrival is accepted now.
let start: number;
let end: number;

test.beforeAll(async () => {
  await pinClock();
  today = shanghai.date();
  start = Math.max(0, shanghai.minute() - 60);
  end = Math.min(24 * 60, shanghai.minute() + 120);
  const { hash } = await import("@node-rs/argon2");
  const passwordHash = await hash(PASSWORD);
  await withE2eDatabase(async (db) => {
    await db.query(
      `INSERT INTO venue (id, slug, kind, name, village, address, town_id, updated_at)
       VALUES ($1, $1, 'WORKROOM', $2, '签到测试村', '签到测试村村委会', (SELECT id FROM town WHERE slug = 'muzhou'), now())
       ON CONFLICT (slug) DO UPDATE SET active = true`,
      [SLUG, VENUE],
    );
    await db.query(
      `INSERT INTO app_user (id, username, display_name, password_hash, role, updated_at)
       VALUES ($1, $1, '签到测试律师', $2, 'LAWYER', now())
       ON CONFLICT (id) DO UPDATE SET active = true, password_hash = $2`,
      [USERNAME, passwordHash],
    );
    await db.query(
      `INSERT INTO lawyer (id, name, firm, public_phone, user_id, updated_at)
       VALUES ($1, '签到测试律师', '测试律师事务所', '13800000009', $2, now())
       ON CONFLICT (id) DO UPDATE SET active = true`,
      [LAWYER_ID, USERNAME],
    );
    await db.query(
      `INSERT INTO venue (id, slug, kind, name, village, address, sort_order, town_id, updated_at)
       VALUES ($1, $1, 'WORKROOM', $2, '签到测试甲村', '签到测试甲村村委会', -1, (SELECT id FROM town WHERE slug = 'muzhou'), now())
       ON CONFLICT (slug) DO UPDATE SET active = true`,
      [OTHER_SLUG, OTHER_VENUE],
    );
    for (const venue of [SLUG, OTHER_SLUG])
      await db.query("INSERT INTO lawyer_venue (lawyer_id, venue_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [LAWYER_ID, venue]);
    await db.query(
      `INSERT INTO duty_exception (id, lawyer_id, venue_id, kind, date, start_minute, end_minute)
       VALUES ('e2e-attendance-extra', $1, $2, 'EXTRA', $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET date = $3, start_minute = $4, end_minute = $5`,
      [LAWYER_ID, SLUG, today, start, end],
    );
    // One appointment in the session, booked for her mother by a daughter: it is on the day sheet.
    await db.query(
      `INSERT INTO booking (id, code, venue_id, lawyer_id, starts_at, ends_at, name, phone, village, topic_id,
                            on_behalf_of_name, on_behalf_of_relation, priority_group, consent_at, updated_at)
       VALUES ('e2e-attendance-booking', 'ATTE2E', $1, $2,
               ($3::date + make_interval(mins => $4)) AT TIME ZONE 'Asia/Shanghai',
               ($3::date + make_interval(mins => $4 + 30)) AT TIME ZONE 'Asia/Shanghai',
               $5, $6, '签到测试村', (SELECT id FROM topic WHERE code = 'other'), '名单测试女儿', '女儿', 'elderly', now(), now())
       ON CONFLICT (id) DO NOTHING`,
      [SLUG, LAWYER_ID, today, start, VILLAGER.name, VILLAGER.phone],
    );
  });
});

test.afterAll(async () => {
  // Other specs keep seeing the town's 16 venues and the demo's lawyers.
  await withE2eDatabase(async (db) => {
    await db.query("DELETE FROM booking WHERE id = 'e2e-attendance-booking'");
    await db.query("UPDATE venue SET active = false WHERE slug = ANY($1)", [[SLUG, OTHER_SLUG]]);
    await db.query("UPDATE lawyer SET active = false WHERE id = $1", [LAWYER_ID]);
  });
});

test("a lawyer signs in from the venue's page and out on /lawyer; staff correct it and the rota shows the attended hours", async ({
  page,
  browser,
}) => {
  // A villager on the same page sees nothing of it.
  const villager = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const villagerPage = await villager.newPage();
  await villagerPage.goto(`/venues/${SLUG}`);
  await expect(villagerPage.getByRole("heading", { level: 1 })).toHaveText(VENUE);
  await expect(villagerPage.getByRole("region", { name: "律师签到" })).toHaveCount(0);
  await villager.close();

  await signIn(page, USERNAME, PASSWORD);
  // Scanning the poster opens the venue's page: the lawyer on duty signs in there.
  await page.goto(`/venues/${SLUG}`);
  const arrival = page.getByRole("region", { name: "律师签到" });
  await expect(arrival).toContainText(`${hhmm(start)}–${hhmm(end)} · ${VENUE}`);
  await expectNoAxeViolations(page);
  await arrival.getByRole("button", { name: /^我已到达 · 签到/ }).click();
  await expect(arrival.getByRole("status")).toContainText(`已签到：${VENUE}`);
  await expect(arrival.getByRole("button", { name: /^签退/ })).toBeVisible();

  // On the day view, today's session is at the top with its 签退 button.
  await page.goto("/lawyer");
  const duty = page.getByRole("region", { name: "今天的坐班" });
  await expect(duty).toContainText("在场，还没有签退");
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await duty.getByRole("button", { name: /^签退/ }).click();
  await expect(duty.getByRole("status")).toContainText(`已签退：${VENUE}`);
  await expect(duty).toContainText(/\d\d:\d\d 签到 · \d\d:\d\d 签退/);
  // Signing in again is possible (a lawyer who stepped out and came back).
  await expect(duty.getByRole("button", { name: /^再次签到/ })).toBeVisible();

  // Staff correct the times with a reason: 45 minutes on site, up to now.
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await staffContext.newPage();
  await signIn(staff, "staff", "muzhou-staff-2026");
  await staff.goto(`/staff/lawyers/${LAWYER_ID}`);
  const records = staff.getByRole("region", { name: /^本月签到记录/ });
  await expect(records.getByRole("listitem")).toHaveCount(1);
  await records.locator("summary").click();
  const left = shanghai.minute();
  const arrived = Math.max(0, left - 45);
  const form = records.getByRole("form", { name: /^更正签到/ });
  await form.getByLabel("签到时间").fill(hhmm(arrived));
  await form.getByLabel("签退时间").fill(hhmm(left));
  await form.getByRole("button", { name: "保存更正" }).click();
  await expect(form.getByRole("alert")).toContainText("请写明更正的原因");
  await form.getByLabel("更正原因").fill("律师到达时忘了签到，村委会证明");
  await form.getByRole("button", { name: "保存更正" }).click();
  await expect(form.getByRole("status")).toContainText("已更正");
  await expectNoAxeViolations(staff);
  await staff.reload();
  await expect(records).toContainText("已更正：律师到达时忘了签到，村委会证明");

  await staff.goto("/staff/rota");
  const hours = staff.getByRole("table", { name: "各村（社区）本月安排的现场服务小时数" });
  const row = hours.getByRole("row", { name: new RegExp(VENUE) });
  await expect(row.getByRole("cell").nth(1)).toHaveText(`${Math.round(((left - arrived) / 60) * 10) / 10} 小时`);
  const week = staff.getByRole("region", { name: /一周值班表/ });
  await expect(week.getByRole("row", { name: new RegExp(VENUE) })).toContainText("已签到");
  await staffContext.close();
});

test("on a phone, 签到 keeps the session's line whole; a walk-in defaults to where the lawyer signed in and shows in today's list", async ({
  page,
}) => {
  await signIn(page, USERNAME, PASSWORD);
  await page.goto("/lawyer");
  const duty = page.getByRole("region", { name: "今天的坐班" });
  const card = duty.getByRole("listitem").first();
  const heading = card.locator("p").first();
  await expect(heading).toContainText(`${hhmm(start)}–${hhmm(end)}`);
  const before = await heading.boundingBox();
  await card.getByRole("button", { name: /签到/ }).click();
  const status = card.getByRole("status");
  await expect(status).toContainText(`已签到：${VENUE}`);
  await expect(card.getByRole("button", { name: /^签退/ })).toBeVisible();
  // The line keeps its one line (no character a line), and the answer sits beside or below it, not over it.
  expect(await drawnLines(heading)).toHaveLength(1);
  const after = await heading.boundingBox();
  const answer = await status.boundingBox();
  if (!before || !after || !answer) throw new Error("the line or the answer is not drawn");
  expect(after.height).toBeLessThan(before.height * 1.5);
  const overlaps =
    answer.x < after.x + after.width &&
    after.x < answer.x + answer.width &&
    answer.y < after.y + after.height &&
    after.y < answer.y + answer.height;
  expect(overlaps).toBe(false);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page);

  // Signed in at the workroom: the walk-in form starts there, though another venue is listed first.
  await page.getByRole("link", { name: "记录现场咨询" }).click();
  const venue = page.getByLabel("服务地点");
  await expect(venue.locator("option").first()).toHaveText(OTHER_VENUE);
  await expect(venue.locator("option:checked")).toHaveText(VENUE);
  const name = `现场签到${Math.random().toString(36).slice(2, 6)}`;
  await page.getByLabel("服务对象姓名").fill(name);
  await page.getByLabel("咨询事项").selectOption({ label: "劳动争议/欠薪" });
  await page.getByLabel("法律咨询解答").check();
  await page.getByLabel("用时（分钟）").fill("15");
  const time = await page.getByLabel("开始时间").inputValue();
  await page.getByRole("button", { name: "保存现场咨询记录" }).click();
  await expect(page.getByRole("status").filter({ hasText: "现场咨询已记录" })).toBeVisible();
  // Ready for the next person at the same place.
  await expect(page.getByLabel("服务地点").locator("option:checked")).toHaveText(VENUE);

  // Today's section on the day view lists it: time, name and topic.
  await page.goto("/lawyer");
  const todaySection = page.getByRole("region", { name: /^今天 / });
  const walkIn = todaySection.getByRole("listitem").filter({ hasText: name });
  await expect(walkIn).toContainText(time.slice(0, 5));
  await expect(walkIn).toContainText("劳动争议/欠薪");
  await expectNoAxeViolations(page);
});

test("the workroom's poster writes its one-off session date first and in full", async ({ page }) => {
  await page.goto(`/venues/${SLUG}/poster`);
  const duty = page.getByRole("table", { name: `${VENUE}律师坐班时间` });
  const [, month, day] = today.split("-").map(Number);
  const weekday = weekdayName(isoWeekday(today));
  const row = duty.getByRole("row").filter({ hasText: "签到测试律师" });
  await expect(row.getByRole("rowheader")).toHaveText(`${month}月${day}日（${weekday}）${hhmm(start)}–${hhmm(end)}`);
  await expect(row).toContainText("只有这一天");
  await expectNoAxeViolations(page);
});

test("the day sheet lists the booking in full and prints on one A4 page; staff open it from the bookings page", async ({
  page,
  browser,
}) => {
  await signIn(page, USERNAME, PASSWORD);
  // Under today's bookings on the day view.
  await page.getByRole("link", { name: /^打印预约名单/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(VENUE);
  const sheet = page.getByRole("table", { name: /的预约，按时间先后/ });
  const line = sheet.getByRole("row", { name: new RegExp(VILLAGER.name) });
  for (const text of [VILLAGER.phone, "签到测试村", "其他", "名单测试女儿（女儿）", "60岁及以上老人"])
    await expect(line).toContainText(text);
  // The booking, the walk-ins' heading and eight empty rows below the header.
  await expect(sheet.getByRole("row")).toHaveCount(1 + 1 + 1 + 8);
  await expectNoAxeViolations(page);

  // On paper: no navigation, no buttons, one page.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "律师工作台" })).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  expect(await printedPages(page)).toBe(1);
  await expectWholeNames(page, [VILLAGER.name, "签到测试村"]);
  await page.emulateMedia({ media: "screen" });

  // Staff choose the venue and date on the page linked from the bookings list; the opening is audited.
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await staffContext.newPage();
  await signIn(staff, "staff", "muzhou-staff-2026");
  await staff.goto("/staff/bookings");
  await staff.getByRole("link", { name: "打印当天预约名单" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("打印当天预约名单");
  await expectNoAxeViolations(staff);
  await staff.getByLabel("服务地点", { exact: true }).selectOption({ label: VENUE });
  await staff.getByLabel("日期", { exact: true }).fill(today);
  await staff.getByRole("button", { name: "打开预约名单" }).click();
  await expect(staff.getByRole("table", { name: /的预约，按时间先后/ })).toContainText(VILLAGER.phone);
  await expectNoAxeViolations(staff);
  // Staff's sheet at the desk's computer prints the same.
  await staff.emulateMedia({ media: "print" });
  await expectWholeNames(staff, [VILLAGER.name, "签到测试村"]);
  await staffContext.close();
  const audited = await withE2eDatabase(async (db) => {
    const { rows } = await db.query("SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND action = 'view'", [
      `day_sheet:${SLUG}:${today}`,
    ]);
    return rows[0].n as number;
  });
  expect(audited).toBe(2);
});

test("staff record (补录) a session that ended with nobody signed in, with a reason, and it leaves the missed list", async ({
  browser,
}) => {
  // Yesterday morning the lawyer sat in at the workroom and forgot to sign in.
  const yesterday = new Date(new Date(`${today}T12:00:00+08:00`).getTime() - 86_400_000).toISOString().slice(0, 10);
  await withE2eDatabase(async (db) => {
    await db.query(
      `INSERT INTO duty_exception (id, lawyer_id, venue_id, kind, date, start_minute, end_minute)
       VALUES ('e2e-attendance-missed', $1, $2, 'EXTRA', $3, 540, 660)
       ON CONFLICT (id) DO UPDATE SET date = $3, start_minute = 540, end_minute = 660`,
      [LAWYER_ID, SLUG, yesterday],
    );
    await db.query("DELETE FROM attendance WHERE lawyer_id = $1 AND session_ends_at < $2::date", [LAWYER_ID, today]);
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await context.newPage();
  await signIn(staff, "staff", "muzhou-staff-2026");
  await staff.goto(`/staff/lawyers/${LAWYER_ID}`);
  const missed = staff.getByRole("list", { name: /^未签到的坐班/ });
  const line = missed.getByRole("listitem").filter({ hasText: "09:00–11:00" });
  await expect(line).toContainText(VENUE);
  await expect(line).toContainText("未签到");
  await line.locator("summary").click();
  const form = line.getByRole("form", { name: /^补录签到/ });
  await form.getByLabel("签到时间").fill("09:05");
  await form.getByLabel("签退时间").fill("10:55");
  await form.getByRole("button", { name: "保存补录" }).click();
  await expect(form.getByRole("alert")).toContainText("请写明");
  await form.getByLabel("补录原因").fill("律师到了但忘了签到，村委会证明 09:05–10:55 在场");
  await form.getByRole("button", { name: "保存补录" }).click();
  // The session leaves the list (and its form with it): the answer is above the records, whose
  // heading has the focus.
  await expect(staff).toHaveURL(/\?recorded=[^#]+#attendance-heading$/);
  const [, month, day] = yesterday.split("-").map(Number);
  await expect(staff.getByRole("status").filter({ hasText: "已补录" })).toHaveText(
    yesterday.slice(0, 7) === today.slice(0, 7)
      ? `已补录：${month}月${day}日 ${VENUE} 09:05–10:55，已记入操作记录。`
      : "已补录，已记入操作记录。这次坐班在上个月，本页只列出本月的签到记录。",
  );
  await expect(staff.getByRole("heading", { name: /^本月签到记录/ })).toBeFocused();
  await expectNoAxeViolations(staff);

  await staff.reload();
  await expect(staff.getByRole("listitem").filter({ hasText: "09:00–11:00" }).filter({ hasText: "未签到" })).toHaveCount(0);
  const audited = await withE2eDatabase(async (db) => {
    const { rows } = await db.query(
      "SELECT summary FROM audit_log WHERE kind = 'attendance' AND action = 'record_missed' AND summary LIKE '%签到测试律师%' ORDER BY at DESC LIMIT 1",
    );
    return rows[0]?.summary as string | undefined;
  });
  expect(audited).toContain("原因：律师到了但忘了签到");
  await context.close();
});
