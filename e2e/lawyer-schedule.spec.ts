// A lawyer's duty hours: a new weekly session becomes bookable, and leave over a booking hands it to a colleague.
// Demo lawyers' sessions are shared by every spec, so these tests act 2–3 weeks ahead, at times nobody else uses.
import { randomInt } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { createHolidayCalendar } from "../lib/holidays/calendar";
import { addDays, isoWeekday, todayInShanghai } from "../lib/time";
import { BookingPages, expectNoAxeViolations } from "./pages/booking-pages";
import { signIn } from "./pages/login";

const PASSWORD = "muzhou-lawyer-2026";
const calendar = createHolidayCalendar();

/** The first ordinary (not holiday) date with this ISO weekday, at least `days` from today in Shanghai. */
function dateAhead(days: number, weekday: number): string {
  let date = addDays(todayInShanghai(), days);
  while (isoWeekday(date) !== weekday || calendar.dayKind(date) !== "normal") date = addDays(date, 1);
  return date;
}

type Slot = { start: string; lawyer: { id: string; name: string } };

async function slotsOn(page: Page, venue: string, date: string): Promise<Slot[]> {
  const response = await page.request.get(`/api/v1/venues/${venue}/slots?from=${date}&to=${date}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { slots: Slot[] }).slots;
}

test("a lawyer adds a weekly session at a workroom and villagers can book it", async ({ page }) => {
  // One Saturday evening only (from = until), so other specs never see the extra slots.
  const date = dateAhead(15, 6);
  expect((await slotsOn(page, "nanzhen", date)).filter((s) => s.start.startsWith(`${date}T18`))).toEqual([]);

  await signIn(page, "lawyer1", PASSWORD);
  await page.getByRole("navigation", { name: "律师工作台" }).getByRole("link", { name: "值班时间" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "值班时间" })).toBeVisible();
  // 请假 and 加班 are on the first screen, not three screens down: links to their forms.
  for (const [name, target] of [
    ["请假", "#leave"],
    ["加班", "#extra"],
  ]) {
    const link = page.getByRole("main").getByRole("link", { name, exact: true });
    await expect(link).toHaveAttribute("href", target);
    await expect(link).toBeInViewport();
  }
  await page.getByRole("main").getByRole("link", { name: "请假", exact: true }).click();
  await expect(page.getByText("我要请假")).toBeInViewport();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const form = page.getByRole("form", { name: "添加每周值班" });
  await form.getByLabel("地点").selectOption({ label: "南镇村公共法律服务工作室" });
  await form.getByLabel("星期几").selectOption({ label: "星期六" });
  await form.getByLabel("开始时间").fill("18:00");
  await form.getByLabel("结束时间").fill("17:00");
  await form.getByLabel("从哪天开始").fill(date);
  await form.getByLabel("到哪天结束（选填）").fill(date);
  await form.getByRole("button", { name: "添加每周值班" }).click();
  // A mistake is named beside its field, and nothing is saved.
  await expect(form.getByText("错误：结束时间要晚于开始时间。")).toBeVisible();
  await form.getByLabel("结束时间").fill("19:00");
  await form.getByRole("button", { name: "添加每周值班" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已添加每周值班" })).toBeVisible();
  await expect(page.getByRole("article", { name: /^星期六 18:00–19:00 南镇村/ })).toBeVisible();

  const added = (await slotsOn(page, "nanzhen", date)).filter((s) => s.start.startsWith(`${date}T1`));
  expect(added.map((s) => [s.start, s.lawyer.name])).toEqual(
    expect.arrayContaining([
      [`${date}T18:00:00+08:00`, expect.stringMatching(/^陈志明/)],
      [`${date}T18:30:00+08:00`, expect.stringMatching(/^陈志明/)],
    ]),
  );

  // The same time at another venue clashes, and the message names the session it clashes with.
  await form.getByLabel("地点").selectOption({ label: "睦洲镇公共法律服务工作站" });
  await form.getByLabel("星期几").selectOption({ label: "星期六" });
  await form.getByLabel("开始时间").fill("18:30");
  await form.getByLabel("结束时间").fill("19:30");
  await form.getByLabel("从哪天开始").fill(date);
  await form.getByLabel("到哪天结束（选填）").fill(date);
  await form.getByRole("button", { name: "添加每周值班" }).click();
  await expect(form.getByText("与 星期六 18:00–19:00 在 南镇村公共法律服务工作室 的值班时间重叠").first()).toBeVisible();
});

test("leave over a booked time hands the booking to a free colleague, and the villager sees the new lawyer", async ({ page }) => {
  // 吴建华 (lawyer5) and 张丽娟 (lawyer8) are both at the station on Thursday mornings.
  const date = dateAhead(16, 4);
  const slots = await slotsOn(page, "station", date);
  const colleagueFree = new Set(slots.filter((s) => s.lawyer.name.startsWith("张丽娟")).map((s) => s.start));
  const slot = slots.filter((s) => s.lawyer.name.startsWith("吴建华") && colleagueFree.has(s.start)).at(-1);
  if (!slot) throw new Error(`no shared free time at the station on ${date}`);
  const phone = `137${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
  const name = `请假测试${randomInt(1000, 9999)}`;
  const created = await page.request.post("/api/v1/bookings", {
    data: { venue: "station", start: slot.start, lawyerId: slot.lawyer.id, name, phone, topic: "other", consent: true },
  });
  expect(created.status()).toBe(201);
  const { code } = (await created.json()) as { code: string };
  const time = slot.start.slice(11, 16);
  const [h, m] = time.split(":").map(Number);
  const end = `${String(h + (m === 30 ? 1 : 0)).padStart(2, "0")}:${m === 30 ? "00" : "30"}`;

  await signIn(page, "lawyer5", PASSWORD);
  await page.goto("/lawyer/schedule");
  await page.getByText("我要请假").click();
  const leave = page.getByRole("form", { name: "请假" });
  await leave.getByLabel("请假日期").fill(date);
  await leave.getByLabel("地点").selectOption({ label: "睦洲镇公共法律服务工作站" });
  await leave.getByLabel("开始时间").fill(time);
  await leave.getByLabel("结束时间").fill(end);
  await leave.getByRole("button", { name: "提交请假" }).click();

  // Nothing is saved yet: the booking is listed, with a choice to make.
  const booking = leave.getByRole("group", { name: new RegExp(name) });
  await expect(booking).toBeVisible();
  await expect(booking.getByText(/电话 137\*{4}\d{4}/)).toBeVisible();
  await expectNoAxeViolations(page);
  await leave.getByRole("button", { name: "确认修改并通知村民" }).click();
  await expect(booking.getByText("错误：请为这个预约选择：交给其他律师、改到其他时间，或取消。")).toBeVisible();

  await booking.getByRole("radio", { name: /交给 张丽娟/ }).check();
  await leave.getByRole("button", { name: "确认修改并通知村民" }).click();
  // The answer says what became of the booking.
  await expect(page.getByRole("status").filter({ hasText: "已请假" })).toContainText(/受影响的预约：1 个已交给张丽娟\S*律师/);

  const after = await page.request.get(`/api/v1/bookings/${code}?phone=${phone}`);
  expect(after.ok()).toBe(true);
  expect(await after.json()).toMatchObject({
    status: "confirmed",
    start: slot.start,
    lawyer: { name: expect.stringMatching(/^张丽娟/) },
  });
  // The leave shows on the lawyer's list, and the time is no longer offered to villagers as 吴建华's.
  await expect(
    page.getByRole("button", { name: new RegExp(`^撤销：请假 .* ${time}–${end} 睦洲镇公共法律服务工作站`) }),
  ).toBeVisible();
  expect((await slotsOn(page, "station", date)).some((s) => s.start === slot.start && s.lawyer.name.startsWith("吴建华"))).toBe(
    false,
  );
});

test("without JavaScript, leave over a booked time cancels the booking with a reason", async ({ browser, page }) => {
  // 林晓敏 (lawyer6) is at the station on Tuesday afternoons.
  const date = dateAhead(17, 2);
  const slot = (await slotsOn(page, "station", date)).filter((s) => s.lawyer.name.startsWith("林晓敏")).at(-1);
  if (!slot) throw new Error(`no free time of 林晓敏 at the station on ${date}`);
  const phone = `135${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
  const name = `取消测试${randomInt(1000, 9999)}`;
  const created = await page.request.post("/api/v1/bookings", {
    data: { venue: "station", start: slot.start, lawyerId: slot.lawyer.id, name, phone, topic: "other", consent: true },
  });
  expect(created.status()).toBe(201);
  const { code } = (await created.json()) as { code: string };

  // Signing in needs JavaScript; the schedule page itself must not.
  await signIn(page, "lawyer6", PASSWORD);
  const context = await browser.newContext({
    storageState: await page.context().storageState(),
    javaScriptEnabled: false,
    viewport: { width: 360, height: 640 },
  });
  const noScript = await context.newPage();
  await noScript.goto("/lawyer/schedule");
  await noScript.getByText("我要请假").click();
  const leave = noScript.getByRole("form", { name: "请假" });
  await leave.getByLabel("请假日期").fill(date);
  await leave.getByLabel("全天（勾选后不用填时间）").check();
  await leave.getByRole("button", { name: "提交请假" }).click();

  const booking = noScript.getByRole("form", { name: "请假" }).getByRole("group", { name: new RegExp(name) });
  await expect(booking).toBeVisible();
  await booking.getByRole("radio", { name: "取消这个预约" }).check();
  await noScript.getByRole("form", { name: "请假" }).getByRole("button", { name: "确认修改并通知村民" }).click();
  // A cancellation without a reason is refused beside the reason field.
  await expect(noScript.getByText("错误：请写明取消的原因。")).toBeVisible();
  await noScript.getByLabel("取消的原因（选择取消时必填，会告诉村民）").fill("律师临时出差");
  await noScript.getByRole("form", { name: "请假" }).getByRole("button", { name: "确认修改并通知村民" }).click();
  await expect(noScript.getByRole("status").filter({ hasText: "已请假" })).toContainText("受影响的预约：1 个已取消");
  await context.close();

  const after = await page.request.get(`/api/v1/bookings/${code}?phone=${phone}`);
  expect(await after.json()).toMatchObject({ status: "cancelled" });

  // The villager hears of it by text: the cancellation is queued with the leave (issue 8), and
  // their booking page lists it (the e2e server's worker sends it through the outbox).
  const flow = new BookingPages(page);
  await flow.lookUp(code, phone);
  await expect(flow.heading).toHaveText("预约已取消");
  await expect(page.getByRole("region", { name: "短信通知" })).toContainText(/取消通知：(.+ 已发送|正在发送|将于 .+ 发送)/);
  await expect(page.getByRole("main")).toContainText("律师临时出差");
});
