import { expect, type Locator, type Page, test } from "@playwright/test";
import { BookingPages, expectNoAxeViolations, randomPhone } from "./pages/booking-pages";
import { withE2eDatabase } from "./support/database";

const CODE_ALPHABET = "ACDEFHJKMNPQRTUVWXY3479";

/** Tab forward until `target` has the focus; the keyboard alone, as a villager without a touch screen would. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 20; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("a villager finds a workroom from the home page and books its first free time", async ({ page, request }) => {
  const flow = new BookingPages(page);
  await page.goto("/");
  await page.getByRole("link", { name: /南安村公共法律服务工作室/ }).click();
  await expect(flow.heading).toHaveText("南安村公共法律服务工作室");
  // Opens on the first date with room, and says how many times it has.
  await expect(flow.dateLinks().first()).toHaveAttribute("aria-current", "date");
  await expect(flow.dateLinks().first()).toContainText(/\d+ 个时间/);
  await expect(page.getByRole("heading", { level: 2, name: /有 \d+ 个可预约时间$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /^电话 138/ }).first()).toHaveAttribute("href", /^tel:138/);
  const slot = ((await flow.slotLinks().first().textContent()) ?? "").split(" · ")[0];
  await flow.chooseFirstSlot();
  await expect(page.getByRole("region", { name: "您选的时间" })).toContainText(slot);

  const phone = randomPhone();
  await flow.fill({ name: "陈阿婆", phone, topic: "土地承包/流转" });
  await flow.submit();
  const code = await flow.confirmedCode();
  // Said once, in the heading; the announcement says what to do (issue 13 item 6).
  await expect(page.getByRole("main").getByText("预约成功")).toHaveCount(1);
  await expect(page.getByRole("status").first()).toContainText("请记下下面的预约号");
  await expect(page.getByText(code, { exact: true })).toBeVisible();
  await expect(page.getByText("南安村公共法律服务工作室", { exact: true })).toBeVisible();
  await expect(page.getByText(slot, { exact: true })).toBeVisible();
  await expect(page.getByText("身份证件不是必须的。")).toBeVisible();
  // The page shows the number masked only.
  await expect(page.locator("main")).not.toContainText(phone);

  // The calendar file: for this phone only, with UTC times and nothing about the villager.
  const ics = await page.request.get(`/bookings/${code}/calendar.ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const body = await ics.text();
  expect(body).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  expect(body).toContain(code);
  expect(body).not.toContain(phone);
  expect(body).not.toContain("陈阿婆");
  expect(body).toContain("STATUS:CONFIRMED");
  const sequence = Number(/SEQUENCE:(\d+)/.exec(body)?.[1]);
  expect((await request.get(`/bookings/${code}/calendar.ics`)).status()).toBe(404);

  // Cancelled: the same event, struck off, with a higher SEQUENCE, so an imported copy updates
  // (issue 25 item 6) instead of standing in the phone's calendar.
  expect((await request.post(`/api/v1/bookings/${code}/cancel`, { data: { phone } })).status()).toBe(200);
  const cancelled = await (await page.request.get(`/bookings/${code}/calendar.ics`)).text();
  expect(cancelled).toContain("STATUS:CANCELLED");
  expect(cancelled).toContain(`UID:booking-${code}@muzhou-legal-booking`);
  expect(Number(/SEQUENCE:(\d+)/.exec(cancelled)?.[1])).toBeGreaterThan(sequence);
  expect(cancelled).not.toContain("BEGIN:VALARM");
});

test("a booking opens again only with its code and the right phone; a wrong one of either says 没有找到", async ({ page }) => {
  const flow = new BookingPages(page);
  const { code, phone, name } = await flow.book("nanzhen", { name: "梁伯" });
  await page.context().clearCookies();

  // The code alone reveals nothing.
  await page.goto(`/bookings/${code}`);
  await expect(flow.heading).toHaveText(`查看预约 ${code}`);
  await expect(page.locator("main")).not.toContainText(name);

  await flow.lookUp(code, randomPhone());
  const alert = flow.errorSummary();
  await expect(alert).toContainText("没有找到这个预约");
  const wrongPhone = (await alert.textContent()) ?? "";
  const otherCode = [...code].map((c) => CODE_ALPHABET[(CODE_ALPHABET.indexOf(c) + 1) % CODE_ALPHABET.length]).join("");
  await flow.lookUp(otherCode, phone);
  await expect(alert).toHaveText(wrongPhone);

  await flow.lookUp(code.toLowerCase(), phone);
  await expect(page).toHaveURL(new RegExp(`/bookings/${code}$`));
  await expect(flow.heading).toHaveText("我的预约");
  await expect(page.getByText(name, { exact: true })).toBeVisible();

  // On a borrowed phone the villager can make it forget the booking again.
  await page.getByRole("button", { name: "在这部手机上隐藏预约信息" }).click();
  // The look-up form below has its own (empty) status region, hence the filter.
  await expect(page.getByRole("status").filter({ hasText: "这部手机已不再显示那个预约" })).toBeVisible();
  await page.goto(`/bookings/${code}`);
  await expect(flow.heading).toHaveText(`查看预约 ${code}`);
});

test("a villager moves a booking to another free time of the same venue", async ({ page }) => {
  const flow = new BookingPages(page);
  await flow.book("station");
  const before = await flow.bookedTime();

  await page.getByRole("link", { name: "改到其他时间" }).click();
  await expect(flow.heading).toHaveText("改到其他时间");
  await flow.dateLinks().nth(1).click();
  await expect(flow.dateLinks().nth(1)).toHaveAttribute("aria-current", "date");
  await flow.slotLinks().first().click();
  await expect(flow.heading).toHaveText("确认改期");
  await page.getByRole("button", { name: "确认改到这个时间" }).click();

  await expect(page.getByRole("status")).toHaveText("已改到新的时间。原来的时间已经取消。");
  expect(await flow.bookedTime()).not.toBe(before);
});

test("a move to a time someone else has just taken leaves the booking as it was and says so", async ({ page, browser }) => {
  const flow = new BookingPages(page);
  await flow.book("shibansha");
  const before = await flow.bookedTime();
  await page.getByRole("link", { name: "改到其他时间" }).click();
  await flow.slotLinks().first().click();
  await expect(flow.heading).toHaveText("确认改期");

  // Meanwhile another villager, on another phone, books exactly that time.
  const chosen = new URL(page.url()).searchParams;
  const other = await browser.newContext();
  const otherFlow = new BookingPages(await other.newPage());
  await otherFlow.page.goto(
    `/venues/shibansha/book?start=${encodeURIComponent(chosen.get("start") ?? "")}&lawyer=${chosen.get("lawyer")}`,
  );
  await otherFlow.fill({ name: "另一位村民", phone: randomPhone() });
  await otherFlow.submit();
  await otherFlow.confirmedCode();
  await other.close();

  await page.getByRole("button", { name: "确认改到这个时间" }).click();
  await expect(flow.errorSummary()).toContainText("没有改成：这个时间刚刚被别人约走了");
  await expect(flow.errorSummary()).toContainText("原来的预约没有改变");
  await page.getByRole("link", { name: "重新选择时间" }).click();
  await page.getByRole("link", { name: "← 不改了，返回我的预约" }).click();
  expect(await flow.bookedTime()).toBe(before);
});

test("a villager cancels a booking after a confirm step", async ({ page }) => {
  const flow = new BookingPages(page);
  const { code } = await flow.book("meidachong");
  await page.getByRole("link", { name: "取消预约" }).click();
  await expect(flow.heading).toHaveText("确定要取消这个预约吗？");
  // Changing one's mind is one tap and changes nothing.
  await page.getByRole("link", { name: "不取消，返回" }).click();
  await expect(flow.heading).toHaveText("我的预约");

  await page.getByRole("link", { name: "取消预约" }).click();
  await page.getByLabel(/取消原因/).fill("问题已经解决");
  // The step that cannot be undone is red, not the green of confirming (issue 13 item 6).
  const confirm = page.getByRole("button", { name: "确认取消预约" });
  await expect(confirm).toHaveClass(/\bbg-red-800\b/);
  await confirm.click();
  await expect(page).toHaveURL(new RegExp(`/bookings/${code}\\?done=cancelled$`));
  await expect(flow.heading).toHaveText("预约已取消");
  await expect(page.getByText("问题已经解决")).toBeVisible();
  await expect(page.getByRole("link", { name: "改到其他时间" })).toHaveCount(0);
});

test("a validation error is announced at the top and beside the field, and keeps what was typed", async ({ page }) => {
  const flow = new BookingPages(page);
  await flow.openVenue("lianzitang");
  await flow.chooseFirstSlot();
  await page.getByLabel("姓名", { exact: true }).fill("黄姨");
  await page.getByLabel("手机号码").fill("1380013");
  await page.getByLabel("想咨询什么事").selectOption({ label: "继承" });
  await page.getByLabel("住在哪个村（社区）（选填）").selectOption({ label: "莲子塘村" });
  await page.getByLabel(/^备注/).fill("父亲去世后房屋的继承");
  await flow.submit();

  const summary = flow.errorSummary();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("还没有预约成功");
  await expect(summary.getByRole("link", { name: /请填写 11 位手机号码/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /请勾选“同意处理备注中的敏感个人信息”/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /请阅读个人信息告知/ })).toBeVisible();
  const phoneField = page.getByLabel("手机号码");
  await expect(phoneField).toHaveAttribute("aria-invalid", "true");
  await expect(phoneField).toHaveAccessibleDescription(/错误：请填写 11 位手机号码/);
  await expect(page.getByLabel("姓名", { exact: true })).toHaveValue("黄姨");
  await expect(phoneField).toHaveValue("1380013");
  await expect(page.getByLabel("想咨询什么事")).toHaveValue("inheritance");
  await expect(page.getByLabel("住在哪个村（社区）（选填）")).toHaveValue("莲子塘村");
  await expect(page.getByLabel(/^备注/)).toHaveValue("父亲去世后房屋的继承");
  await expectNoAxeViolations(page);

  await summary.getByRole("link", { name: /请填写 11 位手机号码/ }).click();
  await expect(phoneField).toBeFocused();
  await phoneField.fill(randomPhone());
  await page.getByLabel(/同意处理备注中的敏感个人信息/).check();
  await page.getByLabel(/我已阅读个人信息告知/).check();
  await flow.submit();
  await flow.confirmedCode();
});

test("the booking form can be filled in and sent with the keyboard alone", async ({ page }) => {
  const flow = new BookingPages(page);
  await flow.openVenue("huangbu");
  await tabTo(page, flow.slotLinks().first());
  await page.keyboard.press("Enter");
  await expect(flow.heading).toHaveText("填写预约信息");

  await tabTo(page, page.getByLabel("姓名", { exact: true }));
  await page.keyboard.type("吴叔");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("手机号码")).toBeFocused();
  await page.keyboard.type(randomPhone());
  const topic = page.getByLabel("想咨询什么事");
  await tabTo(page, topic);
  await page.keyboard.press("ArrowDown");
  await expect(topic).not.toHaveValue("");
  const consent = page.getByLabel(/我已阅读个人信息告知/);
  await tabTo(page, consent);
  await page.keyboard.press("Space");
  await expect(consent).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "确认预约" })).toBeFocused();
  await page.keyboard.press("Enter");
  await flow.confirmedCode();
});

test("every public page passes axe (WCAG 2.2 AA)", async ({ page }) => {
  const flow = new BookingPages(page);
  for (const path of ["/", "/venues", "/venues/nanan", "/bookings/lookup", "/privacy"]) {
    await page.goto(path);
    await expect(flow.heading).toBeVisible();
    await expectNoAxeViolations(page);
  }
  const { code } = await flow.book("dongcheng");
  await expectNoAxeViolations(page);
  await page.goto(`/bookings/${code}/move`);
  await expect(flow.heading).toHaveText("改到其他时间");
  await expectNoAxeViolations(page);
  await page.goto(`/bookings/${code}/cancel`);
  await expect(flow.heading).toHaveText("确定要取消这个预约吗？");
  await expectNoAxeViolations(page);
  await flow.lookUp(code, randomPhone());
  await expect(flow.errorSummary()).toContainText("没有找到");
  await expectNoAxeViolations(page);
});

test("a venue with no duty hours says so and offers other venues, the station and 12348", async ({ page }) => {
  const slug = "e2e-no-duty";
  // Created here and deactivated at the end, so that other specs still see the town's 16 venues.
  await withE2eDatabase((db) =>
    db.query(
      `INSERT INTO venue (id, slug, kind, name, village, address, town_id, updated_at)
       VALUES ('e2e-no-duty', $1, 'WORKROOM', '无坐班测试工作室', '测试村', '测试地址', (SELECT id FROM town WHERE slug = 'muzhou'), now())
       ON CONFLICT (slug) DO UPDATE SET active = true`,
      [slug],
    ),
  );
  try {
    await page.goto(`/venues/${slug}`);
    const noSlots = page.getByRole("region", { name: "近期没有可预约的时间" });
    await expect(noSlots).toBeVisible();
    await expect(noSlots.getByRole("link", { name: /公共法律服务工作(站|室) · \d+月\d+日/ }).first()).toBeVisible();
    await expect(noSlots.getByRole("link", { name: "睦洲镇公共法律服务工作站", exact: true })).toHaveAttribute(
      "href",
      "/venues/station",
    );
    await expect(noSlots.getByRole("link", { name: "12348" })).toHaveAttribute("href", "tel:12348");
    await expect(page.getByRole("navigation", { name: "有空位的日期" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await noSlots
      .getByRole("link", { name: / · \d+月\d+日/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 2, name: /有 \d+ 个可预约时间$/ })).toBeVisible();
  } finally {
    await withE2eDatabase((db) => db.query("UPDATE venue SET active = false WHERE slug = $1", [slug]));
  }
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("booking still works: an error keeps the typed values, then the booking is made and can be cancelled", async ({
    page,
  }) => {
    const flow = new BookingPages(page);
    await flow.openVenue("longquan");
    await flow.chooseFirstSlot();
    const phone = randomPhone();
    await page.getByLabel("姓名", { exact: true }).fill("何婆婆");
    await page.getByLabel("手机号码").fill(phone);
    await page.getByLabel("想咨询什么事").selectOption({ label: "赡养" });
    await flow.submit();
    await expect(flow.errorSummary()).toContainText("请阅读个人信息告知");
    await expect(page.getByLabel("姓名", { exact: true })).toHaveValue("何婆婆");
    await expect(page.getByLabel("想咨询什么事")).toHaveValue("support");

    await page.getByLabel(/我已阅读个人信息告知/).check();
    await flow.submit();
    const code = await flow.confirmedCode();
    await expect(page.getByText(code, { exact: true })).toBeVisible();

    await page.getByRole("link", { name: "取消预约" }).click();
    await page.getByRole("button", { name: "确认取消预约" }).click();
    await expect(flow.heading).toHaveText("预约已取消");
  });
});
