// The booking form on a 360 × 640 phone (issue 13 item 4): short, because what only some need shows
// only when asked for (the proxy's fields once "我是替别人预约" is ticked, the note's own consent
// once a note is typed), the same with JavaScript and without; the consent everyone gives right
// after the notice and before the button; and booking for someone else still works, keeping what
// was typed after a refusal.
import { expect, type Page, test } from "@playwright/test";
import { BookingPages, expectNoAxeViolations, randomPhone } from "./pages/booking-pages";

/**
 * At 360 × 640 the form was 5–7 screens long (3,200–4,480 px) before the optional parts were
 * folded away. Now about four: 2,586 px on 2026-12-02 for the station's "any lawyer" slot (the
 * longest slot box), before the note went to 3 rows. The page's own chrome (the header, the
 * 12348 footer) is in this figure too. Then one line more: the 长辈模式 switch after the phone field
 * (issue 22 item 13), 44 px.
 */
const SHORT_ENOUGH = 2_650;

const onBehalf = (page: Page) => page.getByLabel("我是替别人预约（例如替父母预约）");
const proxyName = (page: Page) => page.getByLabel("您的姓名（代为预约的人）");
const proxyRelation = (page: Page) => page.getByLabel("您和来咨询的人是什么关系");
const noteConsent = (page: Page) => page.getByLabel(/同意处理备注中的敏感个人信息/);
const pageHeight = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollHeight ?? 0);

for (const js of [true, false]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });

    test("the form is short: the proxy's fields and the note's consent show only when needed", async ({ page }) => {
      const flow = new BookingPages(page);
      await flow.openVenue("station");
      await flow.chooseFirstSlot();
      const short = await pageHeight(page);
      expect(short).toBeLessThanOrEqual(SHORT_ENOUGH);
      await expect(proxyName(page)).toBeHidden();
      await expect(proxyRelation(page)).toBeHidden();
      await expect(noteConsent(page)).toBeHidden();
      if (js) await expectNoAxeViolations(page);

      await onBehalf(page).check();
      await expect(proxyName(page)).toBeVisible();
      await expect(proxyRelation(page)).toBeVisible();
      // They took no room while hidden.
      expect(await pageHeight(page)).toBeGreaterThan(short + 150);
      await onBehalf(page).uncheck();
      await expect(proxyName(page)).toBeHidden();

      const note = page.getByLabel(/^备注/);
      await note.fill("父亲的房子怎么分");
      await expect(noteConsent(page)).toBeVisible();
      // The limit is said in any case; with JavaScript the count follows the typing.
      await expect(page.getByText(js ? "已输入 8 字，最多 500 字" : /最多 500 字$/)).toBeVisible();
      // No maxlength: a browser would cut a longer paste without a word (issue 22 item 12).
      await expect(note).not.toHaveAttribute("maxlength");
      await note.fill("");
      await expect(noteConsent(page)).toBeHidden();

      // The consent everyone gives is in the notice, the last control before the button.
      const notice = page.getByRole("region", { name: "个人信息告知" });
      await expect(notice.getByLabel(/我已阅读个人信息告知/)).toBeVisible();
      const lastTwo = await page
        .locator("form")
        .filter({ has: page.getByRole("button", { name: "确认预约" }) })
        .evaluate((form) =>
          [...(form as HTMLFormElement).elements]
            .filter((e) => (e as HTMLInputElement).type !== "hidden" && (e as HTMLElement).offsetParent !== null)
            .slice(-2)
            .map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? e.textContent),
        );
      expect(lastTwo).toEqual(["我已阅读个人信息告知，同意按上面的方式处理我的个人信息。", "确认预约"]);
    });

    test("booking for someone else keeps the proxy's fields open and filled after a refusal, then books", async ({ page }) => {
      const flow = new BookingPages(page);
      await flow.openVenue(js ? "huangbu" : "nanan");
      await flow.chooseFirstSlot();
      await flow.fill({ name: "区阿婆", phone: randomPhone() });
      await onBehalf(page).check();
      await proxyName(page).fill("区小明");
      await flow.submit();

      const summary = flow.errorSummary();
      await expect(summary.getByRole("link")).toHaveText(["请填写您与当事人的关系，例如子女、社工。"]);
      if (js) await expect(summary).toBeFocused();
      await expect(onBehalf(page)).toBeChecked();
      await expect(proxyName(page)).toHaveValue("区小明");
      await expect(proxyRelation(page)).toBeVisible();
      await expect(proxyRelation(page)).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("姓名", { exact: true })).toHaveValue("区阿婆");
      if (js) await expectNoAxeViolations(page);

      if (js) {
        await summary.getByRole("link").click();
        await expect(proxyRelation(page)).toBeFocused();
      } else await expect(summary.getByRole("link")).toHaveAttribute("href", "#book-onBehalfOf-relation");
      await proxyRelation(page).fill("儿子");
      await flow.submit();
      await flow.confirmedCode();
      await expect(page.getByText("区小明（儿子）", { exact: true })).toBeVisible();
    });

    test("what was typed for a proxy and hidden again by unticking is not sent", async ({ page }) => {
      const flow = new BookingPages(page);
      await flow.openVenue(js ? "dongxiang" : "muzhoucun");
      await flow.chooseFirstSlot();
      await flow.fill({ name: "冯伯", phone: randomPhone() });
      await onBehalf(page).check();
      await proxyName(page).fill("冯小华");
      await proxyRelation(page).fill("女儿");
      await onBehalf(page).uncheck();
      await flow.submit();
      await flow.confirmedCode();
      await expect(page.getByRole("main")).not.toContainText("冯小华");
    });
  });
}
