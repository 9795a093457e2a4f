// Where the eye should go (issue 13 item 3): a day's times after choosing a date, the error summary
// after a refused submit, the result after a successful one, each focused and wholly on screen:
// on a 360 × 640 phone (the project's viewport) and, for the staff's one-time passwords, at a desk.
import { randomInt } from "node:crypto";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { BookingPages, expectNoAxeViolations } from "./pages/booking-pages";

const PASSWORDS = { admin: "muzhou-admin-2026", staff: "muzhou-staff-2026", lawyer7: "muzhou-lawyer-2026" } as const;
const HUANGBU = "黄布村公共法律服务工作室";

/** Signs in over HTTP, in the page's own cookie jar. */
async function signIn(page: Page, account: keyof typeof PASSWORDS) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: account, password: PASSWORDS[account], callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
}

/** Wholly inside the window, measured: its box from the top of the viewport to its bottom. */
async function expectOnScreen(page: Page, target: Locator) {
  await expect(target).toBeInViewport({ ratio: 1 });
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error("no box or viewport to measure");
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

test.describe("with JavaScript", () => {
  test("choosing a date moves the focus to that day's times, on the venue and the move page", async ({ page }) => {
    const flow = new BookingPages(page);
    await flow.openVenue("station");
    for (const index of [1, 2]) {
      const date = flow.dateLinks().nth(index);
      const day = ((await date.locator("span").first().textContent()) ?? "").trim();
      await date.click();
      await expect(page).toHaveURL(/\?date=\d{4}-\d{2}-\d{2}#slots$/);
      const heading = page.getByRole("heading", { level: 2, name: new RegExp(`^${day}有 \\d+ 个可预约时间$`) });
      await expect(heading).toBeFocused();
      await expectOnScreen(page, heading);
      // The keyboard goes on from the heading: the first time of that day is the next stop.
      await page.keyboard.press("Tab");
      await expect(flow.slotLinks().first()).toBeFocused();
    }
    await expectNoAxeViolations(page);

    // The same picker when moving a booking.
    const { code } = await flow.book("station");
    await page.goto(`/bookings/${code}/move`);
    await flow.dateLinks().nth(1).click();
    await expect(page.getByRole("heading", { level: 2, name: /有 \d+ 个可预约时间$/ })).toBeFocused();
  });

  test("a lawyer's refused walk-in puts the focused error summary on screen", async ({ page }) => {
    await signIn(page, "lawyer7");
    await page.goto("/lawyer/walk-in");
    const form = page.getByRole("form", { name: "现场咨询记录" });
    await form.getByRole("button", { name: "保存现场咨询记录" }).click();
    const summary = form.getByRole("alert");
    await expect(summary).toContainText("请填写服务对象姓名");
    await expect(summary).toBeFocused();
    await expectOnScreen(page, summary);
    await expectNoAxeViolations(page);
  });

  test("the staff venue form puts the refusal, then the result, focused on screen", async ({ page }) => {
    await signIn(page, "staff");
    await page.goto("/staff/venues");
    await page.getByRole("link", { name: `修改 ${HUANGBU}` }).click();
    const minutes = page.getByLabel("每个预约时段（分钟）");
    const stored = await minutes.inputValue();
    await minutes.fill("5");
    await page.getByRole("button", { name: "保存服务地点" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "还没有保存" });
    await expect(summary).toBeFocused();
    await expectOnScreen(page, summary);

    // Sent again as stored: nothing changes, and the answer is where the eye is, not a screen up.
    await minutes.fill(stored);
    await page.getByRole("button", { name: "保存服务地点" }).click();
    const result = page.getByRole("status").filter({ hasText: /没有改动|已保存/ });
    await expect(result).toBeFocused();
    await expectOnScreen(page, result);
    await expect(page.getByRole("alert").filter({ hasText: "还没有保存" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  for (const [where, viewport] of [
    ["on a phone", { width: 360, height: 640 }],
    ["at a desk", { width: 1366, height: 768 }],
  ] as const) {
    test(`a new account's and a reset's one-time password are focused and on screen, ${where}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await signIn(page, "admin");
      await page.goto("/staff/accounts");
      const username = `focus${randomInt(100_000, 999_999)}`;
      await page.getByLabel("登录账号名").fill(username);
      await page.getByLabel("姓名", { exact: true }).fill(`焦点测试 ${username}`);
      await page.getByRole("button", { name: "建立账号并生成密码" }).click();
      const created = page.getByRole("status").filter({ has: page.getByLabel("一次性密码") });
      await expect(created).toBeFocused();
      await expectOnScreen(page, created);

      await page.reload();
      await page.getByRole("button", { name: `重设密码：${username}` }).click();
      const reset = page.getByRole("status").filter({ has: page.getByLabel("一次性密码") });
      await expect(reset).toContainText("只显示这一次");
      await expect(reset).toBeFocused();
      await expectOnScreen(page, reset);
      await expectNoAxeViolations(page);

      // Tidy: the account made here is switched off again.
      await page.reload();
      await page.getByText(`停用账号 ${username}…`).click();
      await page.getByRole("button", { name: /确认停用/ }).click();
      await expect(page.getByRole("heading", { level: 2, name: `焦点测试 ${username}（已停用）` })).toBeVisible();
    });
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("choosing a date scrolls to that day's times", async ({ page }) => {
    const flow = new BookingPages(page);
    await flow.openVenue("station");
    const date = flow.dateLinks().nth(1);
    const day = ((await date.locator("span").first().textContent()) ?? "").trim();
    await date.click();
    await expect(page).toHaveURL(/#slots$/);
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${day}有 \\d+ 个可预约时间$`) })).toBeInViewport();
  });
});
