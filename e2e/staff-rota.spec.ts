// The rota as staff read it at a desk (1366 × 768): one week at a glance, the month as an overview,
// and each village short of its 8 hours a link to the lawyer who can make them up.
import type { Page } from "@playwright/test";
import { createHolidayCalendar } from "../lib/holidays/calendar";
import { addDays, isoWeekday, todayInShanghai } from "../lib/time";
import { expectNoAxeViolations } from "./pages/booking-pages";
import { signIn } from "./pages/login";
import { expect, test } from "./support/clock";

const STAFF_PASSWORD = "muzhou-staff-2026";
const VIEWPORT = { width: 1366, height: 768 };
const calendar = createHolidayCalendar();

test.use({ viewport: VIEWPORT });

const mondayOf = (date: string) => addDays(date, 1 - isoWeekday(date));
const day = (date: string) => `${Number(date.slice(8))}日`;

/** The first ordinary (not holiday) Monday at least `days` from today in Shanghai. */
function ordinaryMondayAhead(days: number): string {
  let date = mondayOf(addDays(todayInShanghai(), days + 6));
  while (calendar.dayKind(date) !== "normal") date = addDays(date, 7);
  return date;
}

function weekTable(page: Page) {
  return page.getByRole("table", { name: /^一周值班表/ });
}

test("the week's seven days fit the pane, and the date row stays in view while scrolling down", async ({ page }) => {
  await signIn(page, "staff", STAFF_PASSWORD);
  await page.goto("/staff/rota");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^排班：\d{4}年\d{1,2}月$/);

  const week = weekTable(page);
  const monday = mondayOf(todayInShanghai());
  const headers = week.getByRole("row").first().getByRole("columnheader");
  await expect(headers).toHaveCount(8); // 地点 and Monday … Sunday
  await expect(headers.nth(1)).toContainText(day(monday));
  await expect(headers.nth(7)).toContainText(day(addDays(monday, 6)));
  await expect(week.getByRole("row")).toHaveCount(17); // the date row, the station and 15 workrooms

  // Every column on screen at once, inside the content pane: nothing to scroll sideways.
  for (const header of await headers.all()) await expect(header).toBeInViewport({ ratio: 1 });
  const pane = await page.getByRole("main").boundingBox();
  const table = await week.boundingBox();
  if (!pane || !table) throw new Error("the page has no main area or no week table");
  expect(table.x).toBeGreaterThanOrEqual(pane.x);
  expect(table.x + table.width).toBeLessThanOrEqual(pane.x + pane.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);

  // Down to the last village: the table's top has left the screen, its date row has not.
  await week.getByRole("row").last().scrollIntoViewIfNeeded();
  await expect(week.getByRole("row").last()).toBeInViewport({ ratio: 1 });
  await expect.poll(async () => (await week.boundingBox())?.y ?? 0).toBeLessThan(0);
  const dateRow = week.getByRole("row").first();
  await expect(dateRow).toBeInViewport({ ratio: 1 });
  const box = await dateRow.boundingBox();
  expect(box?.y).toBeGreaterThanOrEqual(0);
  expect((box?.y ?? VIEWPORT.height) + (box?.height ?? 0)).toBeLessThanOrEqual(VIEWPORT.height);
  await expectNoAxeViolations(page);
});

test("staff move week by week and through the month's overview, without JavaScript too", async ({ browser, page }) => {
  await signIn(page, "staff", STAFF_PASSWORD);
  const context = await browser.newContext({
    storageState: await page.context().storageState(),
    javaScriptEnabled: false,
    viewport: VIEWPORT,
  });
  const plain = await context.newPage();
  // Monday mornings at the station: 李慧芳 and 黄国强 in the demo rota.
  const monday = ordinaryMondayAhead(7);
  await plain.goto(`/staff/rota?week=${addDays(monday, 2)}`); // any day of a week opens that week
  const week = weekTable(plain);
  await expect(week.getByRole("columnheader").nth(1)).toContainText(day(monday));
  const station = week.getByRole("row", { name: /睦洲镇公共法律服务工作站/ });
  await expect(station.getByRole("cell").first()).toContainText("李慧芳");
  await expect(station.getByRole("cell").first()).toContainText("09:00–12:00");

  await plain.getByRole("link", { name: "下一周 →" }).click();
  await expect(week.getByRole("columnheader").nth(1)).toContainText(day(addDays(monday, 7)));
  await plain.getByRole("link", { name: "← 上一周" }).click();
  await plain.getByRole("link", { name: "← 上一周" }).click();
  await expect(week.getByRole("columnheader").nth(1)).toContainText(day(addDays(monday, -7)));

  // The overview: a small calendar of the month, each day a link to its week.
  const month = `${Number(monday.slice(5, 7))}月`;
  await plain.goto(`/staff/rota?month=${monday.slice(0, 7)}`);
  const overview = plain.getByRole("table", { name: new RegExp(`${month}每天有律师值班的地点数`) });
  await expect(overview.getByRole("columnheader")).toHaveText(["周一", "周二", "周三", "周四", "周五", "周六", "周日"]);
  await overview.getByRole("link", { name: new RegExp(`^${day(monday)}`) }).click();
  await expect(plain).toHaveURL(new RegExp(`week=${monday}`));
  await expect(week.getByRole("columnheader").nth(1)).toContainText(day(monday));
  await context.close();
});

test("each village's hours against the 8-hour target, a shortfall linking to the lawyer who can make it up", async ({ page }) => {
  await signIn(page, "staff", STAFF_PASSWORD);
  await page.goto("/staff/rota");
  const hours = page.getByRole("table", { name: "各村（社区）本月安排的现场服务小时数" });
  await expect(hours.getByRole("row")).toHaveCount(17); // header + station + 15 workrooms
  await expect(hours.getByRole("row", { name: /南镇村公共法律服务工作室/ })).toContainText("小时");

  // Each month link is followed to its page before the next is clicked (a click on the page still
  // being left would count once, not twice).
  const month = page.getByRole("heading", { level: 1 });
  const follow = async (name: string) => {
    const before = (await month.textContent()) ?? "";
    await page.getByRole("link", { name }).click();
    await expect(month).not.toHaveText(before);
  };

  // Next month is a whole month of the demo's weekly duty (3 hours a week per village).
  await follow("下个月 →");
  await expect(page.getByText(/本月每个村（社区）都已安排至少 8 小时。|个村（社区）本月安排不足 8 小时。/)).toBeVisible();
  await expect(hours.getByRole("row", { name: /南安村公共法律服务工作室/ })).toContainText(/\d+(\.\d+)? 小时/);

  // The demo rota starts on the day it was seeded: last month no village had any hours.
  await follow("← 上个月");
  await follow("← 上个月");
  await expect(page.getByText("有 15 个村（社区）本月安排不足 8 小时。")).toBeVisible();
  const nanzhen = hours.getByRole("row", { name: /南镇村公共法律服务工作室/ });
  await expect(nanzhen).toContainText("还差 8 小时");
  await expectNoAxeViolations(page);
  // 陈志明 is 南镇村's legal adviser: the link opens his duty hours, where staff add a session or an extra day.
  await nanzhen.getByRole("link", { name: /陈志明（示例）/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("陈志明（示例）的值班时间");
  // Staff read the lawyer's name where the lawyer reads 您 (issue 22 item 16).
  await expect(page.getByText("村民只能预约陈志明（示例）律师值班的时间", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { name: /村民可以预约陈志明（示例）律师的时间/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "添加每周值班" })).toBeVisible();
  await expect(page.getByText("我要加班（某一天额外值班）")).toBeVisible();

  // Every lawyer's duty hours are also one click away.
  await page.goto("/staff/rota");
  await page.getByRole("navigation", { name: "调整律师值班" }).getByRole("link", { name: "黄国强（示例）" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("黄国强（示例）的值班时间");
});
