// Issue 22 item 9 on a 360 × 640 phone: a date's count, its heading and the times under it count
// the same thing (the times a villager can choose), each time says 上午 or 下午, and in large-text
// mode no weekday or "（已选）" is split across two lines.
import { expect, type Page, test } from "@playwright/test";
import { BookingPages } from "./pages/booking-pages";

type ApiSlot = { start: string; lawyer: { id: string; name: string } };

/** The station's free times from the API, by Shanghai date: [date, how many slots, how many distinct times]. */
async function stationDays(page: Page): Promise<[string, number, number][]> {
  const response = await page.request.get("/api/v1/venues/station/slots");
  const { slots } = (await response.json()) as { slots: ApiSlot[] };
  const days = new Map<string, ApiSlot[]>();
  for (const slot of slots) days.set(slot.start.slice(0, 10), [...(days.get(slot.start.slice(0, 10)) ?? []), slot]);
  return [...days].map(([date, list]) => [date, list.length, new Set(list.map((s) => s.start)).size]);
}

/** Texts in <main> that the browser laid out on more than one line. */
function splitTexts(page: Page, pattern: RegExp): Promise<string[]> {
  return page.evaluate((source) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main") as Node, NodeFilter.SHOW_TEXT);
    // A phrase may span text nodes (React splits "{count} 个" from what follows): search the
    // concatenated text and map each match back onto its nodes.
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const starts: number[] = [];
    let text = "";
    for (const node of nodes) {
      starts.push(text.length);
      text += node.data;
    }
    const locate = (offset: number, end: boolean): [Text, number] => {
      let i = nodes.length - 1;
      while (i > 0 && (starts[i] > offset || (end && starts[i] === offset))) i--;
      return [nodes[i], offset - starts[i]];
    };
    for (const match of text.matchAll(new RegExp(source, "g"))) {
      const range = document.createRange();
      range.setStart(...locate(match.index, false));
      range.setEnd(...locate(match.index + match[0].length, true));
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0) continue; // not shown (screen-reader text)
      // On one line: every piece's middle lies within the first piece's height.
      const [first] = rects;
      const middle = (r: DOMRect) => r.top + r.height / 2;
      if (!rects.every((r) => middle(r) > first.top && middle(r) < first.bottom)) broken.push(match[0]);
    }
    return broken;
  }, pattern.source);
}

test("a date's count, its heading and the times under it all count the times a villager can choose", async ({ page }) => {
  const days = await stationDays(page);
  // A day on which several lawyers share a time: counting slots per lawyer would give another number.
  const shared = days.find(([, slots, times]) => slots > times) ?? days[0];
  expect(shared, "the station has free times").toBeDefined();
  const [date, , times] = shared;
  await page.goto(`/venues/station?date=${date}`);
  const flow = new BookingPages(page);
  const card = page.getByRole("navigation", { name: "有空位的日期" }).locator('a[aria-current="date"]');
  await expect(card).toContainText(`${times} 个时间`);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`有 ${times} 个可预约时间$`) })).toBeVisible();
  const list = page.getByRole("list", { name: /的可预约时间$/ });
  await expect(list.locator(":scope > li")).toHaveCount(times);
  // Each time once, with the lawyers to choose from inside it.
  await expect(flow.slotLinks().first()).toBeVisible();
});

test("the slot buttons say 上午 or 下午 beside the 24-hour time", async ({ page }) => {
  await new BookingPages(page).openVenue("station");
  const labels = await page
    .getByRole("list", { name: /的可预约时间$/ })
    .locator(":scope > li")
    .allInnerTexts();
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) {
    const [, period, hour] = /^(上午|下午) (\d{2}):\d{2}/.exec(label) ?? [];
    expect(period, label).toBe(Number(hour) < 12 ? "上午" : "下午");
  }
});

test.describe("in large-text mode", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies([{ name: "large_text", value: "on", url: baseURL ?? "" }]);
  });

  test("a weekday and （已选） never break across lines on the dates, the times or the form", async ({ page }) => {
    const flow = new BookingPages(page);
    await flow.openVenue("station");
    await expect(page.getByRole("button", { name: "恢复标准字号" })).toBeVisible();
    const days = await stationDays(page);
    // Every date the station shows, each chosen once: all their cards and headings.
    for (const [date] of days) {
      await page.goto(`/venues/station?date=${date}`);
      expect(await splitTexts(page, /星期[一二三四五六日]|（已选）|上午 \d{2}:\d{2}|下午 \d{2}:\d{2}/)).toEqual([]);
    }
    await flow.chooseFirstSlot();
    expect(await splitTexts(page, /星期[一二三四五六日]|上午 \d{2}:\d{2}|下午 \d{2}:\d{2}/)).toEqual([]);
  });
});
