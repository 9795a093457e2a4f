// The villager's booking flow as steps the specs share: open a venue, choose a time, fill the form.
import { randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** A fresh mobile number per test, so that no two tests ever share bookings. */
export const randomPhone = () => `139${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;

export async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation Next.js sets the new page's <title> a moment after its content
  // shows (the metadata streams): wait for it, or axe may catch the page between the two.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations).toEqual([]);
  expect(await unnamedOrRepeatedLandmarks(page)).toEqual([]);
}

/**
 * What IBM's checker calls aria_form_label_unique and aria_landmark_name_unique (issue 22 item 14),
 * which axe does not check: every form has a name, and landmarks of one kind on a page have
 * different names. Returns each offence as "role: name".
 */
export function unnamedOrRepeatedLandmarks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nameOf = (el: Element) => {
      const label = el.getAttribute("aria-label")?.trim();
      if (label) return label;
      const ids = el.getAttribute("aria-labelledby")?.split(/\s+/).filter(Boolean) ?? [];
      return ids
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
        .join(" ")
        .trim();
    };
    const roleOf = (el: Element) => {
      const explicit = el.getAttribute("role");
      if (explicit) return explicit;
      const tag = el.tagName.toLowerCase();
      if (tag === "nav") return "navigation";
      if (tag === "aside") return "complementary";
      if (tag === "main") return "main";
      if (tag === "form") return "form";
      if (tag === "section") return nameOf(el) ? "region" : null;
      return null;
    };
    const offences: string[] = [];
    for (const form of document.querySelectorAll("form"))
      if (!nameOf(form)) offences.push(`form without a name: ${form.textContent?.trim().slice(0, 30)}`);
    const byRole = new Map<string, string[]>();
    for (const el of document.querySelectorAll("nav, aside, main, form, section, [role]")) {
      const role = roleOf(el);
      if (!role || !["navigation", "complementary", "main", "form", "region", "search", "banner", "contentinfo"].includes(role))
        continue;
      byRole.set(role, [...(byRole.get(role) ?? []), nameOf(el)]);
    }
    for (const [role, names] of byRole) {
      if (names.length < 2) continue;
      const seen = new Set<string>();
      for (const name of names) {
        if (seen.has(name)) offences.push(`${role}: ${name || "(no name)"}`);
        seen.add(name);
      }
    }
    return offences;
  });
}

export type Villager = { name: string; phone: string; topic?: string };

export class BookingPages {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** The error summary at the top of a form (Next.js has its own role="alert" route announcer). */
  errorSummary(): Locator {
    return this.page.getByRole("alert").filter({ has: this.page.getByRole("heading", { level: 2 }) });
  }

  dateLinks(): Locator {
    return this.page.getByRole("navigation", { name: "有空位的日期" }).getByRole("link");
  }

  slotLinks(): Locator {
    return this.page.getByRole("list", { name: /的可预约时间$/ }).getByRole("link");
  }

  async openVenue(slug: string) {
    await this.page.goto(`/venues/${slug}`);
    await expect(this.dateLinks().first()).toHaveAttribute("aria-current", "date");
  }

  /** On a venue page: the first time of the day shown (the first date with room). */
  async chooseFirstSlot() {
    await this.slotLinks().first().click();
    await expect(this.heading).toHaveText("填写预约信息");
  }

  async fill({ name, phone, topic = "赡养" }: Villager) {
    await this.page.getByLabel("姓名", { exact: true }).fill(name);
    await this.page.getByLabel("手机号码").fill(phone);
    await this.page.getByLabel("想咨询什么事").selectOption({ label: topic });
    await this.page.getByLabel(/我已阅读个人信息告知/).check();
  }

  async submit() {
    await this.page.getByRole("button", { name: "确认预约" }).click();
  }

  /** The code on the confirmation page the form leads to. */
  async confirmedCode(): Promise<string> {
    await expect(this.page).toHaveURL(/\/bookings\/[A-Z0-9]{6}\?done=created$/);
    await expect(this.heading).toHaveText("预约成功");
    return /bookings\/([A-Z0-9]{6})/.exec(this.page.url())?.[1] ?? "";
  }

  /** A whole booking at the first free time of a venue; returns its code and the villager. */
  async book(slug: string, villager: Partial<Villager> = {}): Promise<{ code: string } & Villager> {
    const who = { name: "测试村民", phone: randomPhone(), ...villager };
    await this.openVenue(slug);
    await this.chooseFirstSlot();
    await this.fill(who);
    await this.submit();
    return { code: await this.confirmedCode(), ...who };
  }

  async lookUp(code: string, phone: string) {
    await this.page.goto("/bookings/lookup");
    await this.page.getByLabel("预约号").fill(code);
    await this.page.getByLabel("手机号码").fill(phone);
    await this.page.getByRole("button", { name: "查询预约" }).click();
  }

  /** The date and time rows of a booking summary, e.g. "12月1日 星期二 09:00–09:30". */
  async bookedTime(): Promise<string> {
    const row = (label: string) =>
      this.page
        .locator("dl > div")
        .filter({ has: this.page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
        .first()
        .locator("dd");
    return `${await row("日期").textContent()} ${await row("时间").textContent()}`;
  }
}
