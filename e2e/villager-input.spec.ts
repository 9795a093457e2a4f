// What villagers type as they type it: the booking code as the page shows it (spaced), in lower
// case or full-width from a Chinese keyboard; and the 长辈模式 switch in the middle of a form.
import { expect, test } from "@playwright/test";
import { BookingPages, expectNoAxeViolations, randomPhone } from "./pages/booking-pages";

/** "7yh" → "７ｙｈ": what a Chinese keyboard in full-width mode types. */
const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

test("a code typed spaced, in lower case and full-width, with a full-width phone, finds the booking", async ({ page }) => {
  const flow = new BookingPages(page);
  const { code, phone } = await flow.book("nanzhen");

  await page.goto("/bookings/lookup");
  await page.getByRole("button", { name: "查询预约" }).click();
  await expect(flow.errorSummary().getByRole("link", { name: "请填写预约号。" })).toBeVisible();
  await expectNoAxeViolations(page);

  await flow.lookUp(fullWidth(code.toLowerCase()).split("").join(" "), fullWidth(phone));
  await expect(page).toHaveURL(new RegExp(`/bookings/${code}$`));
  await expect(page.getByText(code, { exact: true })).toBeVisible();
});

test("a corrected second look-up leaves no error behind, and the page's ids stay unique", async ({ page }) => {
  const flow = new BookingPages(page);
  const { code, phone } = await flow.book("nanzhen");
  const ids = () =>
    page.evaluate(() => {
      const all = [...document.querySelectorAll("[id]")].map((element) => element.id);
      return all.filter((id, index) => all.indexOf(id) !== index);
    });

  // On the look-up page, and on the booking's own page, which asks for the phone alone.
  await page.context().clearCookies();
  for (const start of ["/bookings/lookup", `/bookings/${code}`]) {
    await page.goto(start);
    if (start === "/bookings/lookup") await page.getByLabel("预约号").fill(code);
    await page.getByLabel("手机号码").fill(randomPhone());
    await page.getByRole("button", { name: "查询预约" }).click();
    await expect(flow.errorSummary()).toContainText("没有找到这个预约");
    await expect(flow.errorSummary()).toBeFocused();
    expect(await ids()).toEqual([]);
    await expectNoAxeViolations(page);

    await page.getByLabel("手机号码").fill(phone);
    await page.getByRole("button", { name: "查询预约" }).click();
    await expect(page).toHaveURL(new RegExp(`/bookings/${code}$`));
    await expect(flow.heading).toHaveText("我的预约");
    await expect(flow.errorSummary()).toHaveCount(0);
    await expect(page.getByText("没有找到这个预约")).toHaveCount(0);
    expect(await ids()).toEqual([]);
    await page.context().clearCookies();
  }
});

test("the large-text switch keeps the page and what was typed", async ({ page }) => {
  const flow = new BookingPages(page);
  await flow.openVenue("nanzhen");
  await flow.chooseFirstSlot();
  const url = page.url();
  const name = page.getByLabel("姓名", { exact: true });
  await name.fill("李阿姨");
  await page.getByLabel("手机号码").fill(randomPhone());
  const size = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await size();
  // Marked so that a reload, which would lose what was typed, shows.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));

  // The switch beside the phone field (issue 22 item 13), in view from it, and the header's, kept in step.
  const beside = page.getByRole("form", { name: "预约信息" }).getByRole("button", { name: /^(大字（长辈模式）|恢复标准字号)$/ });
  const header = page.getByRole("form", { name: "字号", exact: true }).getByRole("button");
  // Near the phone field: both on one screen, and the next stop after it for the keyboard.
  await beside.scrollIntoViewIfNeeded();
  await expect(page.getByLabel("手机号码")).toBeInViewport();
  await page.getByLabel("手机号码").focus();
  await page.keyboard.press("Tab");
  await expect(beside).toBeFocused();
  await beside.click();
  await expect(beside).toHaveText("恢复标准字号");
  await expect(header).toHaveText("恢复标准字号");
  await expect.poll(size).toBeGreaterThan(before);
  expect(page.url()).toBe(url);
  await expect(name).toHaveValue("李阿姨");
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expectNoAxeViolations(page);

  // Remembered: a new page opens in large text.
  await page.reload();
  await expect(header).toHaveText("恢复标准字号");
  await header.click();
  await expect(beside).toHaveText("大字（长辈模式）");
  await expect.poll(size).toBe(before);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the large-text switch comes back to the same page, query and all", async ({ page }) => {
    const flow = new BookingPages(page);
    await flow.openVenue("nanzhen");
    await flow.chooseFirstSlot();
    const url = page.url();
    expect(new URL(url).search).not.toBe("");
    await page.getByRole("form", { name: "字号", exact: true }).getByRole("button", { name: "大字（长辈模式）" }).click();
    await expect(
      page.getByRole("form", { name: "字号", exact: true }).getByRole("button", { name: "恢复标准字号" }),
    ).toBeVisible();
    expect(page.url()).toBe(url);
    // axe needs page scripts: the markup is the same as with JavaScript, checked above.
    await expect(flow.heading).toHaveText("填写预约信息");
  });

  test("the switch beside the phone field keeps what was typed (issue 22 item 13)", async ({ page }) => {
    const flow = new BookingPages(page);
    await flow.openVenue("nanzhen");
    await flow.chooseFirstSlot();
    const phone = randomPhone();
    await page.getByLabel("姓名", { exact: true }).fill("李阿姨");
    await page.getByLabel("手机号码").fill(phone);
    await page.getByLabel(/^备注/).fill("想问问宅基地的事");
    await page.getByRole("form", { name: "预约信息" }).getByRole("button", { name: "大字（长辈模式）" }).click();
    await expect(page.getByRole("form", { name: "字号", exact: true }).getByRole("button")).toHaveText("恢复标准字号");
    expect(await page.evaluate(() => document.documentElement.dataset.largeText)).toBe("on");
    await expect(page.getByLabel("姓名", { exact: true })).toHaveValue("李阿姨");
    await expect(page.getByLabel("手机号码")).toHaveValue(phone);
    await expect(page.getByLabel(/^备注/)).toHaveValue("想问问宅基地的事");
    // Nothing was booked, and no error is shown: the villager goes on filling in.
    await expect(flow.errorSummary()).toHaveCount(0);
    await expect(flow.heading).toHaveText("填写预约信息");
  });
});

test("a note pasted far over its limit is kept whole, and the villager is told by how much to shorten it", async ({ page }) => {
  const flow = new BookingPages(page);
  await flow.openVenue("nanzhen");
  await flow.chooseFirstSlot();
  await flow.fill({ name: "测试村民", phone: randomPhone() });
  const note = page.getByLabel(/^备注/);
  const long = "家里的房子和宅基地的事情。".repeat(160); // 2,080 characters
  await note.fill(long);
  // Nothing cut off silently (a maxlength would drop all but the first 500).
  await expect(note).toHaveValue(long);
  await expect(page.getByText(`已输入 ${long.length} 字，超出 ${long.length - 500} 字：请删减到 500 字以内`)).toBeVisible();
  await page.getByLabel(/同意处理备注中的敏感个人信息/).check();
  await flow.submit();
  await expect(flow.errorSummary()).toContainText(
    `最多 500 个字，现在有 ${long.length} 个字，请删减 ${long.length - 500} 个字。`,
  );
  await expect(note).toHaveValue(long);
});
