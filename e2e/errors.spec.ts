import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./pages/booking-pages";

test("an address no page answers shows the Chinese not-found page, with the way home and 12348", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到这个页面");
  await expect(page).toHaveTitle(/找不到这个页面/);
  const main = page.getByRole("main");
  await expect(main).toContainText("请稍后再试");
  await expect(main.getByRole("link", { name: "12348" })).toHaveAttribute("href", "tel:12348");
  await expectNoAxeViolations(page);
  await main.getByRole("link", { name: "回到首页" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("免费法律咨询，预约律师");
});

test("a venue slug or booking code with a control character is simply not found", async ({ page }) => {
  for (const path of ["/venues/station%00", "/venues/%00/book", "/bookings/ABC%00123", "/bookings/%1B"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("找不到这个页面");
  }
});

test("an unknown /api/v1 path answers a JSON 404, a method a route does not take a JSON 405 with Allow", async ({ request }) => {
  for (const path of [
    "/api/v1/nothing-here",
    "/api/v1/bookings/ABC123/delete",
    "/api/v1/venues/station",
    "/api/v2/venues",
    "/api/venues",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-type"], path).toMatch(/^application\/json/);
    expect(await response.json(), path).toEqual({
      error: { code: "not_found", message: expect.stringContaining("/api/v1/openapi.json") },
    });
  }
  expect((await request.post("/api/v1/nothing-here", { data: {} })).status()).toBe(404);

  const put = await request.put("/api/v1/venues", { data: {} });
  expect(put.status()).toBe(405);
  expect(put.headers().allow).toBe("GET, HEAD, OPTIONS");
  expect(await put.json()).toEqual({ error: { code: "method_not_allowed", message: expect.stringMatching(/不支持 PUT.*GET/) } });
  const get = await request.get("/api/v1/bookings");
  expect(get.status()).toBe(405);
  expect(get.headers().allow).toBe("OPTIONS, POST");
  const options = await request.fetch("/api/v1/venues/station/slots", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers().allow).toBe("GET, HEAD, OPTIONS");
  // HEAD of a GET route is still answered by Next.js from GET.
  expect((await request.head("/api/v1/venues")).status()).toBe(200);
});

test("every page's /favicon.ico is there: an icon, not a 404", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  const bytes = await icon.body();
  // An ICO file's header: reserved 0, type 1 (icon), one image.
  expect([...bytes.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
});
