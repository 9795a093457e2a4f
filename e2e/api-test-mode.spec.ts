// Test mode (issue 25 item 7) end to end: an administrator registers a test client on the API
// clients page; a booking made with its key answers test: true, shows a 测试 badge in the staff
// booking and message lists; clearing the test data (behind a confirmation) removes it, and the
// API then answers 404 for its code.
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./pages/login";
import { expectAccessible } from "./support/accessibility";

const ADMIN = ["admin", "muzhou-admin-2026"] as const;
const randomPhone = () => `139${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;

type Slot = { start: string; lawyer: { id: string } };

test("a test client's booking is marked 测试 in the staff lists, and clearing the test data removes it", async ({
  page,
  request,
}) => {
  await signIn(page, ...ADMIN);
  await page.goto("/staff/api-clients");
  await page.getByLabel("接入方名称").fill(`测试平台${randomInt(1000, 9999)}`);
  await page.getByLabel("联系人和联系方式").fill("陈工 13800000000");
  await page.getByLabel("测试（mz_test_ 开头）").check();
  await page.getByRole("button", { name: "登记并生成密钥" }).click();
  const key = ((await page.getByLabel("API 密钥").textContent()) ?? "").trim();
  expect(key).toMatch(/^mz_test_/);

  // The venue's latest free time, far from what other specs book.
  const { slots } = (await (await request.get("/api/v1/venues/muzhou-shequ/slots")).json()) as { slots: Slot[] };
  const slot = slots[slots.length - 1];
  const phone = randomPhone();
  const created = await request.post("/api/v1/bookings", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      venue: "muzhou-shequ",
      start: slot.start,
      lawyerId: slot.lawyer.id,
      name: "测试接入方",
      phone,
      topic: "other",
      consent: true,
    },
  });
  expect(created.status()).toBe(201);
  const booking = (await created.json()) as { code: string; test?: boolean };
  expect(booking.test).toBe(true);

  await page.goto(`/staff/bookings?phone=${phone}`);
  await expect(page.getByRole("row", { name: new RegExp(booking.code) }).getByText("测试", { exact: true })).toBeVisible();
  await page.goto(`/staff/messages?code=${booking.code}`);
  await expect(
    page
      .getByRole("row", { name: new RegExp(booking.code) })
      .first()
      .getByText("测试", { exact: true }),
  ).toBeVisible();

  await page.goto("/staff/api-clients");
  await expect(page.getByRole("heading", { level: 2, name: "测试数据" })).toBeVisible();
  await page.getByText("清除测试数据…").click();
  await expect(page.getByText(/本镇现有 [1-9]\d* 个测试预约/)).toBeVisible();
  await expectAccessible(page);
  // Not ticked: nothing is cleared, and the box is asked for.
  await page.getByRole("button", { name: "确认清除" }).click();
  await expect(page.getByText("请先勾选确认：测试预约和测试候补登记清除后不能恢复。").first()).toBeVisible();
  expect((await request.get(`/api/v1/bookings/${booking.code}?phone=${phone}`)).status()).toBe(200);
  await page.getByLabel("我确认清除全部测试预约和测试候补登记").check();
  await page.getByRole("button", { name: "确认清除" }).click();
  await expect(page.getByText(/已清除 [1-9]\d* 个测试预约/)).toBeVisible();
  expect((await request.get(`/api/v1/bookings/${booking.code}?phone=${phone}`)).status()).toBe(404);
});
