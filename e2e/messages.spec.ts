// Issue 8's text messages as the villager and staff see them, on a 360 × 640 phone: the
// confirmation says what will come with the number masked, the booking page lists the messages,
// and staff find the confirmation on /staff/messages (queued, or sent if a worker runs) with the
// number masked there too. A landline booked by staff is on the call list in full, and marked
// phoned once only. axe finds nothing on any of these pages.
import { randomInt } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { BookingPages, expectNoAxeViolations } from "./pages/booking-pages";

/** Signs in over HTTP, in the page's own cookie jar (as e2e/forms-staff.spec.ts does). */
async function signInAsStaff(page: Page) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: "staff", password: "muzhou-staff-2026", callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).not.toContain("error");
}

test("a villager is told what messages will come, and staff see the confirmation in the outbox", async ({ page }) => {
  const flow = new BookingPages(page);
  const { code, phone } = await flow.book("nanzhen");
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  // By day the text goes at once; in the quiet hours the page says when it will (lib/messages/status.ts).
  const number = masked.replace(/\*/g, "\\*");
  await expect(
    page.getByText(new RegExp(`^(我们会发短信到 ${number} 确认|夜间不发短信，确认短信(明天|今天) 08:00 发到 ${number})`)),
  ).toBeVisible();
  const messages = page.getByRole("region", { name: "短信通知" });
  await expect(messages.getByRole("listitem").first()).toContainText("预约确认：");
  await expect(messages).not.toContainText(phone);
  await expectNoAxeViolations(page);

  await signInAsStaff(page);
  await page.goto("/staff/messages");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("短信通知");
  await page.getByLabel("预约号").fill(code);
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`code=${code}`));
  const row = page.getByRole("row").filter({ hasText: "预约确认" });
  await expect(row.getByRole("link", { name: code })).toBeVisible();
  await expect(row).toContainText(masked);
  // The e2e server may run no worker: queued (or waiting for 08:00 at night), sending, or sent.
  await expect(row).toContainText(/排队中|等待 .+ 后发送|发送中|已发送/);
  await expect(page.getByRole("table")).not.toContainText(phone);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: /打开电话通知名单/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("电话通知名单");
  await expectNoAxeViolations(page);
});

test("a landline's confirmation is on the call list in full, and is marked phoned once", async ({ page }) => {
  await signInAsStaff(page);
  await page.goto("/staff/bookings/new");
  await page.getByLabel("第一步：选择服务地点").selectOption({ label: "南安村公共法律服务工作室" });
  await page.getByRole("button", { name: "查看空闲时间" }).click();
  await page.getByRole("navigation", { name: "第二步：选择日期" }).getByRole("link").nth(1).click();
  // The day's times load with the new page: choose one there, not on the page being left.
  await page.waitForURL(/[?&]date=/);
  await page.getByRole("radio").first().check();
  await expect(page.getByRole("radio").first()).toBeChecked();
  const phone = `0750-6${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
  await page.getByLabel("姓名").fill("梁伯");
  await page.getByLabel("联系电话").fill(phone);
  await page.getByLabel("咨询事项").selectOption({ label: "赡养" });
  await page.getByLabel(/当事人同意登记/).check();
  await page.getByRole("button", { name: "确认预约" }).click();
  await expect(page).toHaveURL(/\/staff\/bookings\/[A-Z0-9]{6}\?created=1$/);
  const code = /bookings\/([A-Z0-9]{6})/.exec(page.url())?.[1] ?? "";

  await page.goto(`/staff/messages?code=${code}`);
  await expect(page.getByRole("row").filter({ hasText: "预约确认" })).toContainText("需电话通知");
  await page.goto("/staff/messages/calls");
  // The message inside the card of its phone number (one card per number), with a script to read out.
  const person = page
    .getByRole("list", { name: "需要打电话通知的村民" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: phone }) })
    .first();
  await expect(person.getByRole("link", { name: phone })).toBeVisible();
  const card = person.getByRole("listitem").filter({ has: page.getByRole("link", { name: code }) });
  await expect(card).toContainText(`预约号是 ${[...code].join(" ")}。有疑问请拨打 12348。`);
  await expect(card).not.toContainText("/b/");
  await expectNoAxeViolations(page);
  await card.getByRole("button", { name: /已电话联系/ }).click();
  await expect(card.getByRole("status")).toContainText(`已记下：预约 ${code} 的预约确认已打电话通知。`);
  await expect(card.getByRole("button", { name: /已电话联系/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Opened again, it is off the list and among today's calls.
  await page.reload();
  await expect(page.getByRole("link", { name: code })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "今天已电话联系" })).toContainText(`预约 ${code} 的预约确认`);
});
