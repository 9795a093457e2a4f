// The lawyer's and the staff's forms keep every control's value after a refusal, with JavaScript on
// and off: one field is left invalid, the rest must come back exactly as sent. The walk-in once fell
// back to the first venue after an error, and was then saved at the wrong one.
// 何永杰 (lawyer7) serves 东向村, 睦洲村 and the station and is used by no other spec; the confirm
// step uses 黄国强 (lawyer3) and 李慧芳 (lawyer2), both at the station on Monday mornings.
import { randomInt } from "node:crypto";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { createHolidayCalendar } from "../lib/holidays/calendar";
import { addDays, isoWeekday, todayInShanghai } from "../lib/time";
import { withE2eDatabase } from "./support/database";

const LAWYER_PASSWORD = "muzhou-lawyer-2026";
const STAFF_PASSWORD = "muzhou-staff-2026";
const STATION = "睦洲镇公共法律服务工作站";
const DONGXIANG = "东向村公共法律服务工作室";
const MUZHOUCUN = "睦洲村公共法律服务工作室";
const calendar = createHolidayCalendar();

/**
 * Signs in over HTTP, in the page's own cookie jar: the sign-in form needs JavaScript, the forms
 * under test must not.
 */
async function signIn(page: Page, username: string, password: string) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).not.toContain("error");
}

/** The first ordinary (not holiday) date with this ISO weekday, at least `days` from today in Shanghai. */
function dateAhead(days: number, weekday: number): string {
  let date = addDays(todayInShanghai(), days);
  while (isoWeekday(date) !== weekday || calendar.dayKind(date) !== "normal") date = addDays(date, 1);
  return date;
}

const uniqueName = (prefix: string) => `${prefix}${randomInt(10_000, 99_999)}`;
const randomPhone = () => `137${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;

async function expectChosen(select: Locator, label: string) {
  await expect(select.locator("option:checked")).toHaveText(label);
}

/** Staff's venue list names each venue's lawyers after it ("… · 何永杰（示例）"); a lawyer's own does not. */
async function chooseVenue(select: Locator, venue: string) {
  const option = select.locator("option").filter({ hasText: new RegExp(`^${venue}( · |$)`) });
  await select.selectOption((await option.getAttribute("value")) ?? "");
}

type Slot = { start: string; lawyer: { id: string; name: string } };

async function slotsOf(page: Page, venue: string, date?: string): Promise<Slot[]> {
  const range = date ? `?from=${date}&to=${date}` : "";
  const response = await page.request.get(`/api/v1/venues/${venue}/slots${range}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { slots: Slot[] }).slots;
}

async function book(page: Page, venue: string, slot: Slot, name: string) {
  const phone = randomPhone();
  const created = await page.request.post("/api/v1/bookings", {
    data: { venue, start: slot.start, lawyerId: slot.lawyer.id, name, phone, topic: "other", consent: true },
  });
  expect(created.status()).toBe(201);
  const { code } = (await created.json()) as { code: string };
  // Nothing these tests submit is saved; the booking is cancelled again so it holds no one's time.
  return {
    code,
    phone,
    cancel: async () => expect((await page.request.post(`/api/v1/bookings/${code}/cancel`, { data: { phone } })).ok()).toBe(true),
  };
}

/** Fills a walk-in with everything but the name, which is the one mistake. */
async function fillWalkIn(form: Locator, w: { venue: string; date: string; time: string; phone: string }) {
  await chooseVenue(form.getByLabel("服务地点"), w.venue);
  await form.getByLabel("日期", { exact: true }).fill(w.date);
  await form.getByLabel("开始时间").fill(w.time);
  await form.getByLabel("联系电话（选填）").fill(w.phone);
  await form.getByLabel("村居（选填）").fill("东向村");
  await form.getByLabel("咨询事项").selectOption({ label: "继承" });
  await form.getByLabel("重点服务对象（选填）").selectOption({ label: "60岁及以上老人" });
  // Where the annual report counts an outcome in its own words, the box says them.
  await expect(form.getByLabel("代写法律文书")).toHaveAccessibleName(/^代写法律文书\s*年报计入“出具法律文书”$/);
  await expect(form.getByLabel("参与调解")).toHaveAccessibleName("参与调解");
  await form.getByLabel("代写法律文书").check();
  await form.getByLabel("参与调解").check();
  await form.getByLabel("用时（分钟）").fill("25");
  await form.getByLabel(/律师备注/).fill("带来了遗嘱复印件");
}

async function expectWalkInKept(form: Locator, w: { venue: string; date: string; time: string; phone: string }) {
  await expect(form.getByLabel("服务地点").locator("option:checked")).toHaveText(new RegExp(`^${w.venue}( · |$)`));
  await expect(form.getByLabel("日期", { exact: true })).toHaveValue(w.date);
  await expect(form.getByLabel("开始时间")).toHaveValue(w.time);
  await expect(form.getByLabel("联系电话（选填）")).toHaveValue(w.phone);
  await expect(form.getByLabel("村居（选填）")).toHaveValue("东向村");
  await expectChosen(form.getByLabel("咨询事项"), "继承");
  await expectChosen(form.getByLabel("重点服务对象（选填）"), "60岁及以上老人");
  await expect(form.getByLabel("代写法律文书")).toBeChecked();
  await expect(form.getByLabel("参与调解")).toBeChecked();
  await expect(form.getByLabel("法律咨询解答")).not.toBeChecked();
  await expect(form.getByLabel("用时（分钟）")).toHaveValue("25");
  await expect(form.getByLabel(/律师备注/)).toHaveValue("带来了遗嘱复印件");
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });
    const yesterday = addDays(todayInShanghai(), -1);

    test("the lawyer's walk-in keeps every control after an error, and is saved at the venue chosen", async ({ page }) => {
      await signIn(page, "lawyer7", LAWYER_PASSWORD);
      await page.goto("/lawyer/walk-in");
      const form = page.getByRole("form", { name: "现场咨询记录" });
      // Not the first venue in the list: the one a lost choice used to fall back to.
      const walkIn = { venue: DONGXIANG, date: yesterday, time: javaScript ? "14:25" : "15:35", phone: randomPhone() };
      await fillWalkIn(form, walkIn);
      await form.getByRole("button", { name: "保存现场咨询记录" }).click();
      await expect(form.getByText("错误：请填写服务对象姓名。")).toBeVisible();
      await expectWalkInKept(form, walkIn);

      const name = uniqueName("现场表单");
      await form.getByLabel("服务对象姓名").fill(name);
      await form.getByRole("button", { name: "保存现场咨询记录" }).click();
      await expect(page.getByRole("status").filter({ hasText: "现场咨询已记录" })).toBeVisible();
      // Ready for the next person.
      await expect(form.getByLabel("服务对象姓名")).toHaveValue("");
      await expect(form.getByLabel("代写法律文书")).not.toBeChecked();

      await page.goto(`/lawyer/log?month=${yesterday.slice(0, 7)}`);
      const entry = page.getByRole("listitem").filter({ hasText: name });
      await expect(entry).toContainText(`${DONGXIANG} · 继承`);
      await expect(entry).toContainText("代写法律文书、参与调解 · 25 分钟");
    });

    test("the staff walk-in keeps the lawyer, venue and every other control after an error", async ({ page }) => {
      await signIn(page, "staff", STAFF_PASSWORD);
      await page.goto("/staff/walk-ins/new");
      const form = page.getByRole("form", { name: "现场咨询记录" });
      const walkIn = { venue: MUZHOUCUN, date: yesterday, time: javaScript ? "10:05" : "10:50", phone: randomPhone() };
      await form.getByLabel("接待律师").selectOption({ label: "何永杰（示例）" });
      await fillWalkIn(form, walkIn);
      await form.getByRole("button", { name: "保存现场咨询记录" }).click();
      await expect(form.getByText("错误：请填写服务对象姓名。")).toBeVisible();
      await expectChosen(form.getByLabel("接待律师"), "何永杰（示例）");
      await expectWalkInKept(form, walkIn);

      const name = uniqueName("代登记");
      await form.getByLabel("服务对象姓名").fill(name);
      await form.getByRole("button", { name: "保存现场咨询记录" }).click();
      await expect(page.getByRole("status")).toContainText(`现场咨询已记录（${name}，${yesterday} ${walkIn.time}）`);
      const saved = await withE2eDatabase((db) =>
        db.query(
          "SELECT v.name AS venue, l.name AS lawyer FROM walk_in w JOIN venue v ON v.id = w.venue_id JOIN lawyer l ON l.id = w.lawyer_id WHERE w.name = $1",
          [name],
        ),
      );
      expect(saved.rows).toEqual([{ venue: MUZHOUCUN, lawyer: "何永杰（示例）" }]);
    });

    test("the consultation result keeps its outcomes and note after an error", async ({ page }) => {
      const name = uniqueName("结果表单");
      const slot = (await slotsOf(page, "dongxiang"))[javaScript ? 0 : 1];
      const booking = await book(page, "dongxiang", slot, name);
      // The villager has come: an outcome is recorded only for a consultation that happened.
      const checkedIn = (status: string) =>
        withE2eDatabase((db) => db.query("UPDATE booking SET status = $2 WHERE code = $1", [booking.code, status]));
      await checkedIn("CHECKED_IN");
      await signIn(page, "lawyer7", LAWYER_PASSWORD);
      await page.goto("/lawyer");
      await page
        .getByRole("article", { name: new RegExp(name) })
        .getByRole("link", { name: /^记录服务结果/ })
        .click();
      const form = page.getByRole("form", { name: "服务结果" });
      await form.getByLabel("法律咨询解答").check();
      await form.getByLabel("转介法律援助").check();
      await form.getByLabel("用时（分钟）").fill("0");
      await form.getByLabel(/律师备注/).fill("需要补充材料");
      await form.getByRole("button", { name: "保存服务结果" }).click();
      await expect(form.getByText("错误：用时至少 1 分钟。")).toBeVisible();
      await expect(form.getByLabel("法律咨询解答")).toBeChecked();
      await expect(form.getByLabel("转介法律援助")).toBeChecked();
      await expect(form.getByLabel("代写法律文书")).not.toBeChecked();
      await expect(form.getByLabel("用时（分钟）")).toHaveValue("0");
      await expect(form.getByLabel(/律师备注/)).toHaveValue("需要补充材料");
      await checkedIn("CONFIRMED");
      await booking.cancel();
    });

    test("the weekly session, change, leave and extra-day forms keep every control after an error", async ({ page }) => {
      const from = dateAhead(javaScript ? 30 : 37, 7);
      await signIn(page, "lawyer7", LAWYER_PASSWORD);
      await page.goto("/lawyer/schedule");

      const session = page.getByRole("form", { name: "添加每周值班" });
      await session.getByLabel("地点").selectOption({ label: MUZHOUCUN });
      await session.getByLabel("星期几").selectOption({ label: "星期日" });
      await session.getByLabel("开始时间").fill("19:00");
      await session.getByLabel("结束时间").fill("18:00");
      await session.getByLabel("从哪天开始").fill(from);
      await session.getByLabel("到哪天结束（选填）").fill(addDays(from, 7));
      await session.getByRole("button", { name: "添加每周值班" }).click();
      await expect(session.getByText("错误：结束时间要晚于开始时间。")).toBeVisible();
      await expectChosen(session.getByLabel("地点"), MUZHOUCUN);
      await expectChosen(session.getByLabel("星期几"), "星期日");
      await expect(session.getByLabel("开始时间")).toHaveValue("19:00");
      await expect(session.getByLabel("结束时间")).toHaveValue("18:00");
      await expect(session.getByLabel("从哪天开始")).toHaveValue(from);
      await expect(session.getByLabel("到哪天结束（选填）")).toHaveValue(addDays(from, 7));

      const weekly = `星期二 09:00–12:00 ${DONGXIANG}`;
      await page.getByText(`修改：${weekly}`).click();
      const change = page.getByRole("form", { name: `修改：${weekly}` });
      await change.getByLabel("星期几").selectOption({ label: "星期三" });
      await change.getByLabel("开始时间").fill("08:00");
      await change.getByLabel("结束时间").fill("11:00");
      await change.getByLabel("从哪天起按新时间").fill("");
      await change.getByRole("button", { name: "保存修改" }).click();
      await expect(change.getByText("错误：请填写生效日期。")).toBeVisible();
      await expectChosen(change.getByLabel("星期几"), "星期三");
      await expect(change.getByLabel("开始时间")).toHaveValue("08:00");
      await expect(change.getByLabel("结束时间")).toHaveValue("11:00");

      await page.getByText("我要请假").click();
      const leave = page.getByRole("form", { name: "请假" });
      await leave.getByLabel("地点").selectOption({ label: DONGXIANG });
      await leave.getByLabel("全天（勾选后不用填时间）").check();
      await leave.getByLabel("开始时间").fill("10:00");
      await leave.getByLabel("结束时间").fill("11:00");
      await leave.getByLabel(/^说明/).fill("参加培训");
      await leave.getByRole("button", { name: "提交请假" }).click();
      await expect(leave.getByText("错误：请填写日期。")).toBeVisible();
      await expect(leave.getByLabel("请假日期")).toHaveValue("");
      await expectChosen(leave.getByLabel("地点"), DONGXIANG);
      await expect(leave.getByLabel("全天（勾选后不用填时间）")).toBeChecked();
      await expect(leave.getByLabel("开始时间")).toHaveValue("10:00");
      await expect(leave.getByLabel("结束时间")).toHaveValue("11:00");
      await expect(leave.getByLabel(/^说明/)).toHaveValue("参加培训");

      await page.getByText("我要加班（某一天额外值班）").click();
      const extra = page.getByRole("form", { name: "加班" });
      await extra.getByLabel("日期", { exact: true }).fill(from);
      await extra.getByLabel("地点").selectOption({ label: MUZHOUCUN });
      await extra.getByLabel("开始时间").fill("09:07");
      await extra.getByLabel("结束时间").fill("10:00");
      await extra.getByLabel(/^说明/).fill("临时加班");
      await extra.getByRole("button", { name: "添加加班" }).click();
      await expect(extra.getByText("错误：开始时间请以 5 分钟为单位，例如 09:00、09:05。")).toBeVisible();
      await expect(extra.getByLabel("日期", { exact: true })).toHaveValue(from);
      await expectChosen(extra.getByLabel("地点"), MUZHOUCUN);
      await expect(extra.getByLabel("开始时间")).toHaveValue("09:07");
      await expect(extra.getByLabel("结束时间")).toHaveValue("10:00");
      await expect(extra.getByLabel(/^说明/)).toHaveValue("临时加班");
    });

    test("the confirm step keeps the choice after an error, and going back keeps the first step", async ({ page }) => {
      const date = dateAhead(javaScript ? 8 : 15, 1);
      const slots = await slotsOf(page, "station", date);
      const colleagueFree = new Set(slots.filter((s) => s.lawyer.name.startsWith("李慧芳")).map((s) => s.start));
      const slot = slots.filter((s) => s.lawyer.name.startsWith("黄国强") && colleagueFree.has(s.start)).at(-1);
      if (!slot) throw new Error(`no shared free time at the station on ${date}`);
      const name = uniqueName("确认表单");
      const booking = await book(page, "station", slot, name);
      const time = slot.start.slice(11, 16);
      const end = time.endsWith(":30") ? `${String(Number(time.slice(0, 2)) + 1).padStart(2, "0")}:00` : `${time.slice(0, 2)}:30`;

      await signIn(page, "lawyer3", LAWYER_PASSWORD);
      await page.goto("/lawyer/schedule");
      await page.getByText("我要请假").click();
      const leave = page.getByRole("form", { name: "请假" });
      await leave.getByLabel("请假日期").fill(date);
      await leave.getByLabel("地点").selectOption({ label: STATION });
      await leave.getByLabel("开始时间").fill(time);
      await leave.getByLabel("结束时间").fill(end);
      await leave.getByRole("button", { name: "提交请假" }).click();

      const choice = leave.getByRole("group", { name: new RegExp(name) });
      await choice.getByRole("radio", { name: "取消这个预约" }).check();
      await leave.getByRole("button", { name: "确认修改并通知村民" }).click();
      await expect(choice.getByText("错误：请写明取消的原因。")).toBeVisible();
      await expect(choice.getByRole("radio", { name: "取消这个预约" })).toBeChecked();
      await expect(choice.getByRole("radio", { name: /交给 李慧芳/ })).not.toBeChecked();

      await leave.getByRole("button", { name: "返回修改" }).click();
      await expect(leave.getByLabel("请假日期")).toHaveValue(date);
      await expectChosen(leave.getByLabel("地点"), STATION);
      await expect(leave.getByLabel("全天（勾选后不用填时间）")).not.toBeChecked();
      await expect(leave.getByLabel("开始时间")).toHaveValue(time);
      await expect(leave.getByLabel("结束时间")).toHaveValue(end);
      // Nothing was saved: the villager still has the booking with this lawyer.
      const after = await page.request.get(`/api/v1/bookings/${booking.code}?phone=${booking.phone}`);
      expect(await after.json()).toMatchObject({ status: "confirmed", lawyer: { name: expect.stringMatching(/^黄国强/) } });
      await booking.cancel();
    });
  });
}
