// The villagers' forms and the staff booking forms after a refusal: exactly one field is wrong, and
// every other control (select, radio, checkbox, date, text) still shows what was sent, with
// JavaScript on and off. Each scenario runs twice, once in each describe block at the bottom.
import { randomInt } from "node:crypto";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { BookingPages, randomPhone } from "./pages/booking-pages";
import { withE2eDatabase } from "./support/database";

type Scenario = (page: Page, context: { js: boolean }) => Promise<void>;

const landline = () => `0750-6${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;

/** Signs in over HTTP (the login form itself needs JavaScript); the page's context keeps the cookie. */
async function signInAsStaff(page: Page) {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const answer = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: "staff", password: "muzhou-staff-2026", json: "true" },
  });
  expect(answer.ok()).toBe(true);
}

/** The accessible name of a radio button, to find the same one again after the page answered. */
async function radioName(radio: Locator): Promise<string> {
  return (await radio.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? "")).trim();
}

/** With JavaScript the summary takes the focus; without it, the page simply shows it. */
async function expectSummary(page: Page, js: boolean, text: RegExp | string) {
  const summary = new BookingPages(page).errorSummary();
  await expect(summary).toContainText(text);
  if (js) await expect(summary).toBeFocused();
  return summary;
}

const publicBookingForm: Scenario = async (page, { js }) => {
  const flow = new BookingPages(page);
  await flow.openVenue("lianyao");
  await flow.chooseFirstSlot();
  const chosen = (await page.getByRole("region", { name: "您选的时间" }).textContent()) ?? "";
  await page.getByLabel("姓名", { exact: true }).fill("区阿姨");
  await page.getByLabel("手机号码").fill("1380013");
  await page.getByLabel("住在哪个村（社区）（选填）").selectOption({ label: "新沙村" });
  await page.getByLabel("想咨询什么事").selectOption({ label: "宅基地/房屋" });
  await page.getByLabel("需要照顾的情况（选填）").selectOption({ label: "60岁及以上老人" });
  await page.getByLabel(/^备注/).fill("房屋边界的问题");
  await page.getByLabel(/同意处理备注中的敏感个人信息/).check();
  await page.getByLabel("我是替别人预约（例如替父母预约）").check();
  await page.getByLabel("您的姓名（代为预约的人）").fill("区小明");
  await page.getByLabel("您和来咨询的人是什么关系").fill("儿子");
  await page.getByLabel(/我已阅读个人信息告知/).check();
  await flow.submit();

  const summary = await expectSummary(page, js, "还没有预约成功");
  await expect(summary.getByRole("link")).toHaveText(["请填写 11 位手机号码，例如 13812345678。"]);
  await expect(page.getByRole("region", { name: "您选的时间" })).toHaveText(chosen);
  await expect(page.getByLabel("姓名", { exact: true })).toHaveValue("区阿姨");
  await expect(page.getByLabel("手机号码")).toHaveValue("1380013");
  await expect(page.getByLabel("住在哪个村（社区）（选填）")).toHaveValue("新沙村");
  await expect(page.getByLabel("想咨询什么事")).toHaveValue("homestead");
  await expect(page.getByLabel("需要照顾的情况（选填）")).toHaveValue("elderly");
  await expect(page.getByLabel(/^备注/)).toHaveValue("房屋边界的问题");
  await expect(page.getByLabel(/同意处理备注中的敏感个人信息/)).toBeChecked();
  await expect(page.getByLabel("我是替别人预约（例如替父母预约）")).toBeChecked();
  await expect(page.getByLabel("您的姓名（代为预约的人）")).toHaveValue("区小明");
  await expect(page.getByLabel("您和来咨询的人是什么关系")).toHaveValue("儿子");
  await expect(page.getByLabel(/我已阅读个人信息告知/)).toBeChecked();

  // Correcting the one field is enough: everything else went through as it was kept.
  await page.getByLabel("手机号码").fill(randomPhone());
  await flow.submit();
  await flow.confirmedCode();
  await expect(page.getByText("区小明（儿子）", { exact: true })).toBeVisible();
  await expect(page.getByText("60岁及以上老人", { exact: true })).toBeVisible();
  await expect(page.getByText("宅基地/房屋", { exact: true })).toBeVisible();
};

const publicBookingRechoosingTheSlot: Scenario = async (page, { js }) => {
  const flow = new BookingPages(page);
  // A later date: its session is whole, so other times of the day stay free after the first is taken.
  await flow.openVenue("gutian");
  await flow.dateLinks().nth(1).click();
  await expect(flow.dateLinks().nth(1)).toHaveAttribute("aria-current", "date");
  const form = (await flow.slotLinks().first().getAttribute("href")) ?? "";
  await flow.chooseFirstSlot();
  await flow.fill({ name: "先到的村民", phone: randomPhone() });
  await flow.submit();
  await flow.confirmedCode();

  // The same link again: that time is gone, so the day's other times are offered as radio buttons.
  await page.goto(form);
  const times = page.getByRole("group", { name: "预约时间" });
  await expect(times).toContainText("您选的时间已经没有空位了。");
  const radio = times.getByRole("radio").nth(1);
  const time = await radioName(radio);
  await radio.check();
  await page.getByLabel("姓名", { exact: true }).fill("后到的村民");
  const phone = randomPhone();
  await page.getByLabel("手机号码").fill(phone);
  await page.getByLabel("住在哪个村（社区）（选填）").selectOption({ label: "古田村" });
  await page.getByLabel("需要照顾的情况（选填）").selectOption({ label: "残疾人" });
  await page.getByLabel(/我已阅读个人信息告知/).check();
  await flow.submit(); // No topic chosen: the one wrong field.

  const summary = await expectSummary(page, js, "还没有预约成功");
  await expect(summary.getByRole("link")).toHaveText(["请选择咨询事项。"]);
  await expect(page.getByRole("radio", { name: time, exact: true })).toBeChecked();
  await expect(page.getByRole("radio", { checked: true })).toHaveCount(1);
  await expect(page.getByLabel("姓名", { exact: true })).toHaveValue("后到的村民");
  await expect(page.getByLabel("手机号码")).toHaveValue(phone);
  await expect(page.getByLabel("住在哪个村（社区）（选填）")).toHaveValue("古田村");
  await expect(page.getByLabel("需要照顾的情况（选填）")).toHaveValue("disability");
  await expect(page.getByLabel(/同意处理备注中的敏感个人信息/)).not.toBeChecked();
  await expect(page.getByLabel("我是替别人预约（例如替父母预约）")).not.toBeChecked();
  await expect(page.getByLabel(/我已阅读个人信息告知/)).toBeChecked();

  await page.getByLabel("想咨询什么事").selectOption({ label: "继承" });
  await flow.submit();
  await flow.confirmedCode();
  expect(await flow.bookedTime()).toContain(time.split(" · ")[0]);
};

const staffBookingForms: Scenario = async (page, { js }) => {
  await signInAsStaff(page);
  await page.goto("/staff/bookings/new");
  await page.getByLabel("第一步：选择服务地点").selectOption({ label: "东向村公共法律服务工作室" });
  await page.getByRole("button", { name: "查看空闲时间" }).click();
  const date = page.getByRole("navigation", { name: "第二步：选择日期" }).getByRole("link").nth(1);
  await date.click();
  // The first date's times are shown meanwhile: wait for the chosen date's.
  await expect(date).toHaveAttribute("aria-current", "date");
  const radio = page.getByRole("group", { name: "时间和律师" }).getByRole("radio").nth(1);
  const time = await radioName(radio);
  await radio.check();
  await page.getByLabel("预约来源").selectOption({ label: "社工转介" });
  await page.getByLabel("姓名").fill("冯伯");
  await page.getByLabel("联系电话").fill("12345");
  await page.getByLabel("居住的村（社区）").selectOption({ label: "东向村" });
  await page.getByLabel("咨询事项").selectOption({ label: "征地拆迁补偿" });
  await page.getByLabel(/情况简述/).fill("征地补偿款没有发放");
  await page.getByLabel("需要照顾的情况（选填）").selectOption({ label: "低收入家庭" });
  await page.getByLabel("代为联系的人（选填）").fill("何社工");
  await page.getByLabel("与当事人的关系（选填）").fill("社工");
  await page.getByLabel(/当事人同意登记/).check();
  await page.getByRole("button", { name: "确认预约" }).click();

  const summary = await expectSummary(page, js, "还没有预约成功");
  await expect(summary.getByRole("link")).toHaveText([/请填写手机号码（11 位）或带区号的固定电话/]);
  await expect(page.getByLabel("第一步：选择服务地点")).toHaveValue("dongxiang");
  await expect(page.getByRole("radio", { name: time, exact: true })).toBeChecked();
  await expect(page.getByLabel("预约来源")).toHaveValue("SOCIAL_WORKER");
  await expect(page.getByLabel("姓名")).toHaveValue("冯伯");
  await expect(page.getByLabel("联系电话")).toHaveValue("12345");
  await expect(page.getByLabel("居住的村（社区）")).toHaveValue("东向村");
  await expect(page.getByLabel("咨询事项")).toHaveValue("expropriation");
  await expect(page.getByLabel(/情况简述/)).toHaveValue("征地补偿款没有发放");
  await expect(page.getByLabel("需要照顾的情况（选填）")).toHaveValue("low-income");
  await expect(page.getByLabel("代为联系的人（选填）")).toHaveValue("何社工");
  await expect(page.getByLabel("与当事人的关系（选填）")).toHaveValue("社工");
  await expect(page.getByLabel(/当事人同意登记/)).toBeChecked();

  await page.getByLabel("联系电话").fill(landline());
  await page.getByRole("button", { name: "确认预约" }).click();
  await expect(page).toHaveURL(/\/staff\/bookings\/[A-Z0-9]{6}\?created=1$/);
  await expect(page.getByText("社工转介", { exact: true })).toBeVisible();
  await expect(page.getByText("东向村", { exact: true })).toBeVisible();
  await expect(page.getByText("低收入家庭", { exact: true })).toBeVisible();

  // The move form: a new time chosen, the reason forgotten.
  const moveDate = page.getByRole("list", { name: "选择新的日期" }).getByRole("link").nth(2);
  await moveDate.click();
  await expect(moveDate).toHaveAttribute("aria-current", "date");
  const newTime = page.getByRole("group", { name: "新的时间" }).getByRole("radio").nth(1);
  const moveTo = await radioName(newTime);
  await newTime.check();
  await page.getByRole("button", { name: "确认改期" }).click();
  await expect(await expectSummary(page, js, "还没有改期")).toContainText("请填写改期原因。");
  await expect(page.getByRole("radio", { name: moveTo, exact: true })).toBeChecked();
  await page.getByLabel("改期原因").fill("村民要求改期");
  await page.getByRole("button", { name: "确认改期" }).click();
  await expect(page.getByText("已改期。原来的预约时间已重新开放。")).toBeVisible();
};

const staffBookingFilters: Scenario = async (page) => {
  await signInAsStaff(page);
  await page.goto("/staff/bookings");
  const filters = page.getByRole("form", { name: "筛选预约" });
  await filters.getByLabel("开始日期").fill("2026-01-01");
  await filters.getByLabel("服务地点").selectOption({ label: "睦洲镇公共法律服务工作站" });
  await filters.getByLabel("律师").selectOption({ index: 1 });
  const lawyer = await filters.getByLabel("律师").inputValue();
  await filters.getByLabel("状态").selectOption({ label: "已预约" });
  await filters.getByLabel("咨询事项").selectOption({ label: "赡养" });
  await filters.getByLabel("来源").selectOption({ label: "电话预约" });
  await filters.getByLabel(/电话号码/).fill("139");
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/[?&]venue=station/);

  // The same filters with a date that is not one: said so, and everything else still as asked.
  const url = new URL(page.url());
  url.searchParams.set("to", "2026-02-31x");
  await page.goto(url.toString());
  await expect(filters.getByRole("alert")).toContainText("筛选条件有误");
  await expect(filters.getByLabel("开始日期")).toHaveValue("2026-01-01");
  await expect(filters.getByLabel("服务地点")).toHaveValue("station");
  await expect(filters.getByLabel("律师")).toHaveValue(lawyer);
  await expect(filters.getByLabel("状态")).toHaveValue("CONFIRMED");
  await expect(filters.getByLabel("咨询事项")).toHaveValue("support");
  await expect(filters.getByLabel("来源")).toHaveValue("PHONE");
  await expect(filters.getByLabel(/电话号码/)).toHaveValue("139");
};

const publicMoveForm: Scenario = async (page, { js }) => {
  const flow = new BookingPages(page);
  const { code } = await flow.book("muzhoucun");
  const before = await flow.bookedTime();
  await page.goto(`/bookings/${code}/move`);
  await flow.slotLinks().first().click();
  await expect(flow.heading).toHaveText("确认改期");

  // Meanwhile someone else takes that very time, through the public API.
  const chosen = new URL(page.url()).searchParams;
  const taken = await page.request.post("/api/v1/bookings", {
    data: {
      venue: "muzhoucun",
      start: chosen.get("start"),
      lawyerId: chosen.get("lawyer") || undefined,
      name: "抢先的村民",
      phone: randomPhone(),
      topic: "other",
      consent: true,
    },
  });
  expect(taken.status()).toBe(201);

  await page.getByRole("button", { name: "确认改到这个时间" }).click();
  const summary = await expectSummary(page, js, "没有改成：这个时间刚刚被别人约走了");
  await expect(summary).toContainText("原来的预约没有改变");
  // Only choosing again is offered; the booking is as it was.
  await expect(page.getByRole("button", { name: "确认改到这个时间" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "重新选择时间" })).toBeVisible();
  await page.goto(`/bookings/${code}`);
  expect(await flow.bookedTime()).toBe(before);
};

const callbackForm: Scenario = async (page, { js }) => {
  const slug = `e2e-forms-callback-${js ? "js" : "html"}`;
  // A venue without duty hours, the only page with the form; deactivated again so that other
  // specs still see the town's 16 venues.
  await withE2eDatabase((db) =>
    db.query(
      `INSERT INTO venue (id, slug, kind, name, village, address, town_id, updated_at)
       VALUES ($1, $1, 'WORKROOM', '回电测试工作室', '测试村', '测试地址', (SELECT id FROM town WHERE slug = 'muzhou'), now())
       ON CONFLICT (slug) DO UPDATE SET active = true`,
      [slug],
    ),
  );
  try {
    await page.goto(`/venues/${slug}`);
    const form = page.getByRole("region", { name: "近期没有可预约的时间" });
    await form.getByLabel("姓名", { exact: true }).fill("谭婆婆");
    await form.getByLabel("手机号码").fill("12345");
    await form.getByLabel("想咨询什么（选填）").fill("宅基地");
    await form.getByLabel(/我同意睦洲司法所保存我的姓名和电话/).check();
    await form.getByRole("button", { name: "请给我回电" }).click();

    const summary = await expectSummary(page, js, "还没有提交");
    await expect(summary.getByRole("link")).toHaveText(["请填写 11 位手机号码，例如 13812345678。"]);
    await expect(form.getByLabel("姓名", { exact: true })).toHaveValue("谭婆婆");
    await expect(form.getByLabel("手机号码")).toHaveValue("12345");
    await expect(form.getByLabel("想咨询什么（选填）")).toHaveValue("宅基地");
    await expect(form.getByLabel(/我同意睦洲司法所保存我的姓名和电话/)).toBeChecked();

    await form.getByLabel("手机号码").fill(randomPhone());
    await form.getByRole("button", { name: "请给我回电" }).click();
    await expect(form.getByRole("status")).toHaveText("已收到。司法所工作人员会在 2 个工作日内给您回电，帮您安排咨询。");
    await expect(form.getByRole("button", { name: "请给我回电" })).toHaveCount(0);
  } finally {
    await withE2eDatabase((db) => db.query("UPDATE venue SET active = false WHERE slug = $1", [slug]));
  }
};

const secondBookingHere: Scenario = async (page, { js }) => {
  const booking = new BookingPages(page);
  const first = await booking.book("longquan");
  // Back at the same workroom with the same phone: asked first, nothing booked.
  await booking.openVenue("longquan");
  await booking.chooseFirstSlot();
  await booking.fill(first);
  await booking.submit();
  await expectSummary(page, js, /已经有一个还没到期的预约/);
  const box = page.getByRole("region", { name: "您在这里已经有一个预约" });
  await expect(box.getByRole("link", { name: "用预约号和手机号码查看原来的预约" })).toHaveAttribute("href", "/bookings/lookup");
  // Still what was typed, and the slot kept; ticked, it books a second time.
  await expect(page.getByRole("textbox", { name: "手机号码", exact: true })).toHaveValue(first.phone);
  await box.getByLabel("我知道已有预约，仍要再约一个").check();
  await booking.submit();
  expect(await booking.confirmedCode()).not.toBe(first.code);
};

const scenarios: [string, Scenario][] = [
  ["the public booking form asks before a second booking at the same workroom, and books when told to", secondBookingHere],
  ["the public booking form keeps every choice after one wrong field", publicBookingForm],
  ["the public booking form keeps the re-chosen time and every choice after one wrong field", publicBookingRechoosingTheSlot],
  ["the staff booking and move forms keep every choice after one wrong field", staffBookingForms],
  ["the staff booking list's filters keep every choice beside a date that is not one", staffBookingFilters],
  ["the public move form says a refused move left the booking as it was", publicMoveForm],
  ["the call-back form keeps the consent and what was typed after one wrong field", callbackForm],
];

test.describe("with JavaScript", () => {
  for (const [title, scenario] of scenarios) test(title, ({ page }) => scenario(page, { js: true }));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  for (const [title, scenario] of scenarios) test(title, ({ page }) => scenario(page, { js: false }));
});
