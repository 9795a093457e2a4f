// The staff console's forms keep every control's value after a refusal, with JavaScript on and off:
// one field is left invalid, the rest must come back exactly as sent (text, date, select, radio,
// checkbox). The filters are GET forms: their values stay in the address and in the controls.
// Nothing these tests submit is saved. Last, a staff action posted with a lawyer's cookies is
// answered 没有权限, never an error page.
import { randomInt } from "node:crypto";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { withE2eDatabase } from "./support/database";

const PASSWORDS = { admin: "muzhou-admin-2026", staff: "muzhou-staff-2026", lawyer8: "muzhou-lawyer-2026" } as const;
type Account = keyof typeof PASSWORDS;
const HUANGBU = "黄布村公共法律服务工作室";
const LIANYAO = "莲腰村公共法律服务工作室";
const NANZHEN = "南镇村公共法律服务工作室";
const STATION = "睦洲镇公共法律服务工作站";
const STAFF_ACTOR = "司法所工作人员（示例）（staff）";
const VILLAGE_15 = "第十五村（待核实）公共法律服务工作室";

/**
 * Signs in over HTTP, in the page's own cookie jar: the sign-in form needs JavaScript, the forms
 * under test must not.
 */
async function signIn(page: Page, account: Account) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: account, password: PASSWORDS[account], callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).not.toContain("error");
}

async function expectChosen(select: Locator, label: string) {
  await expect(select.locator("option:checked")).toHaveText(label);
}

const tag = () => String(randomInt(100_000, 999_999));

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("the venue form keeps every field and every checkbox after an error", async ({ page }) => {
      await signIn(page, "staff");
      await page.goto("/staff/venues");
      await page.getByRole("link", { name: `修改 ${HUANGBU}` }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(HUANGBU);
      const address = `黄布村委会西侧 ${tag()} 号`;
      await page.getByLabel("地址", { exact: true }).fill(address);
      await page.getByLabel("联系电话（选填）").fill("0750-6123456");
      await page.getByLabel("开放说明（选填）").fill("逢周三下午坐班");
      await page.getByLabel("每个预约时段（分钟）").fill("5");
      await page.getByLabel("最少提前多少分钟预约").fill("90");
      await page.getByLabel("最多提前多少天预约").fill("21");
      // All the opposite of what is stored: a box that fell back to the stored value would show.
      await page.getByLabel("示范点").check();
      await page.getByLabel("接受预约（开放中）").uncheck();
      await page.getByLabel("已核实，向村民公开").uncheck();
      await page.getByRole("button", { name: "保存服务地点" }).click();

      await expect(page.getByText("错误：每个时段至少 10 分钟。")).toBeVisible();
      await expect(page.getByRole("alert").filter({ hasText: "还没有保存" })).toBeVisible();
      await expect(page.getByLabel("名称")).toHaveValue(HUANGBU);
      await expect(page.getByLabel("地址", { exact: true })).toHaveValue(address);
      await expect(page.getByLabel("联系电话（选填）")).toHaveValue("0750-6123456");
      await expect(page.getByLabel("开放说明（选填）")).toHaveValue("逢周三下午坐班");
      await expect(page.getByLabel("每个预约时段（分钟）")).toHaveValue("5");
      await expect(page.getByLabel("最少提前多少分钟预约")).toHaveValue("90");
      await expect(page.getByLabel("最多提前多少天预约")).toHaveValue("21");
      await expect(page.getByLabel("示范点")).toBeChecked();
      await expect(page.getByLabel("接受预约（开放中）")).not.toBeChecked();
      await expect(page.getByLabel("已核实，向村民公开")).not.toBeChecked();
    });

    test("the new-lawyer form keeps the venue and adviser checkboxes after an error", async ({ page }) => {
      await signIn(page, "staff");
      await page.goto("/staff/lawyers/new");
      const name = `表单律师${tag()}`;
      const username = `formlawyer${tag()}`;
      await page.getByLabel("律师姓名").fill(name);
      await page.getByLabel("律师事务所").fill("表单测试律师事务所");
      await page.getByLabel("公开电话").fill("12345");
      await page.getByLabel("擅长领域（选填）").fill("婚姻家庭，劳动争议");
      await page.getByRole("group", { name: HUANGBU }).getByLabel("在此服务").check();
      await page.getByRole("group", { name: LIANYAO }).getByLabel("担任法律顾问").check();
      await page.getByLabel("登录账号名（选填）").fill(username);
      await page.getByRole("button", { name: "添加律师并生成密码" }).click();

      await expect(page.getByRole("alert").filter({ hasText: "律师还没有添加" })).toBeVisible();
      await expect(page.getByLabel("公开电话")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("律师姓名")).toHaveValue(name);
      await expect(page.getByLabel("律师事务所")).toHaveValue("表单测试律师事务所");
      await expect(page.getByLabel("公开电话")).toHaveValue("12345");
      await expect(page.getByLabel("擅长领域（选填）")).toHaveValue("婚姻家庭，劳动争议");
      await expect(page.getByLabel("登录账号名（选填）")).toHaveValue(username);
      const huangbu = page.getByRole("group", { name: HUANGBU });
      const lianyao = page.getByRole("group", { name: LIANYAO });
      await expect(huangbu.getByLabel("在此服务")).toBeChecked();
      await expect(huangbu.getByLabel("担任法律顾问")).not.toBeChecked();
      await expect(lianyao.getByLabel("在此服务")).not.toBeChecked();
      await expect(lianyao.getByLabel("担任法律顾问")).toBeChecked();
      await expect(page.getByRole("group", { name: NANZHEN }).getByRole("checkbox", { checked: true })).toHaveCount(0);
      await expect(page.getByLabel("一次性密码")).toHaveCount(0);
    });

    test("the lawyer edit form keeps a venue unticked after an error, not the stored tick", async ({ page }) => {
      await signIn(page, "staff");
      await page.goto("/staff/lawyers");
      await page.getByRole("link", { name: "管理 张丽娟（示例）" }).click();
      const profile = page.getByRole("region", { name: "律师资料" });
      // As seeded: on duty at the station, and adviser to the fifteenth village.
      const station = profile.getByRole("group", { name: STATION });
      const village = profile.getByRole("group", { name: VILLAGE_15 });
      await expect(station.getByLabel("在此服务")).toBeChecked();
      await expect(village.getByLabel("担任法律顾问")).toBeChecked();
      await station.getByLabel("在此服务").uncheck();
      await village.getByLabel("担任法律顾问").uncheck();
      await profile.getByRole("group", { name: NANZHEN }).getByLabel("担任法律顾问").check();
      const firm = `表单律师事务所${tag()}`;
      await profile.getByLabel("律师事务所").fill(firm);
      await profile.getByLabel("律师姓名").fill("");
      await profile.getByRole("button", { name: "保存律师资料" }).click();

      await expect(profile.getByText("错误：请填写律师姓名。")).toBeVisible();
      await expect(profile.getByLabel("律师姓名")).toHaveValue("");
      await expect(profile.getByLabel("律师事务所")).toHaveValue(firm);
      await expect(station.getByLabel("在此服务")).not.toBeChecked();
      await expect(village.getByLabel("担任法律顾问")).not.toBeChecked();
      await expect(profile.getByRole("group", { name: NANZHEN }).getByLabel("担任法律顾问")).toBeChecked();
    });

    test("the staff account form keeps the chosen role after an error", async ({ page }) => {
      await signIn(page, "admin");
      await page.goto("/staff/accounts");
      const username = `formstaff${tag()}`;
      await page.getByLabel("登录账号名").fill(username);
      await page.getByLabel("账号类型").selectOption({ label: "管理员" });
      await page.getByRole("button", { name: "建立账号并生成密码" }).click();

      await expect(page.getByText("错误：请填写姓名。")).toBeVisible();
      await expect(page.getByLabel("登录账号名")).toHaveValue(username);
      await expect(page.getByLabel("姓名", { exact: true })).toHaveValue("");
      await expectChosen(page.getByLabel("账号类型"), "管理员");
      await expect(page.getByLabel("一次性密码")).toHaveCount(0);
    });

    test("the holiday form keeps the date, the kind and the note after an error", async ({ page }) => {
      // A date far ahead that already has an override: the second one is refused beside the date.
      const date = `2098-${String(randomInt(1, 13)).padStart(2, "0")}-${String(randomInt(1, 29)).padStart(2, "0")}`;
      await withE2eDatabase((db) =>
        db.query("INSERT INTO calendar_override (id, date, kind) VALUES ($1, $2, 'HOLIDAY')", [`form${tag()}`, date]),
      );
      try {
        // The calendar is the whole deployment's: an administrator's (lib/auth/can.ts manageHolidays).
        await signIn(page, "admin");
        await page.goto("/staff/holidays");
        await page.getByLabel("日期", { exact: true }).fill(date);
        await page.getByLabel("上班（照常预约）").check();
        await page.getByLabel("说明（选填）").fill("镇里统一安排");
        await page.getByRole("button", { name: "添加调整" }).click();

        await expect(page.getByText("错误：这一天已经有调整了。")).toBeVisible();
        await expect(page.getByLabel("日期", { exact: true })).toHaveValue(date);
        await expect(page.getByLabel("上班（照常预约）")).toBeChecked();
        await expect(page.getByRole("radio", { name: "放假（不安排预约）" })).not.toBeChecked();
        await expect(page.getByLabel("说明（选填）")).toHaveValue("镇里统一安排");
      } finally {
        await withE2eDatabase((db) => db.query("DELETE FROM calendar_override WHERE date = $1", [date]));
      }
    });

    test("the dashboard filter keeps its values in the address and the controls after an error", async ({ page }) => {
      await signIn(page, "staff");
      await page.goto("/staff/dashboard");
      const filter = page.getByRole("form", { name: "筛选" });
      await filter.getByLabel("开始日期").fill("2025-03-10");
      await filter.getByLabel("结束日期").fill("2025-02-10");
      await filter.getByLabel("服务地点").selectOption({ label: NANZHEN });
      await filter.getByLabel("咨询事项").selectOption({ label: "继承" });
      await filter.getByRole("button", { name: "筛选" }).click();

      await expect(page).toHaveURL(/from=2025-03-10&to=2025-02-10&venue=nanzhen&topic=inheritance/);
      await expect(filter.getByText("错误：结束日期不能早于开始日期")).toBeVisible();
      await expect(filter.getByLabel("结束日期")).toHaveAttribute("aria-invalid", "true");
      await expect(filter.getByLabel("开始日期")).toHaveValue("2025-03-10");
      await expect(filter.getByLabel("结束日期")).toHaveValue("2025-02-10");
      await expectChosen(filter.getByLabel("服务地点"), NANZHEN);
      await expectChosen(filter.getByLabel("咨询事项"), "继承");
    });

    test("the report and audit filters keep their values in the address and the controls after an error", async ({ page }) => {
      await signIn(page, "staff");
      await page.goto("/staff/report");
      const period = page.getByRole("form", { name: "选择统计期间" });
      await period.getByLabel("开始日期").fill("2025-06-01");
      await period.getByLabel("结束日期").fill("2025-01-31");
      await period.getByRole("button", { name: "统计" }).click();
      await expect(page).toHaveURL(/from=2025-06-01&to=2025-01-31/);
      await expect(period.getByText("错误：结束日期不能早于开始日期")).toBeVisible();
      await expect(period.getByLabel("开始日期")).toHaveValue("2025-06-01");
      await expect(period.getByLabel("结束日期")).toHaveValue("2025-01-31");

      // A download is recorded, so the staff account is among the people the audit filter offers.
      expect((await page.request.get("/api/staff/report/export")).ok()).toBe(true);
      await page.goto("/staff/audit");
      const audit = page.getByRole("form", { name: "筛选操作记录" });
      await audit.getByLabel("操作人").selectOption({ label: STAFF_ACTOR });
      await audit.getByLabel("类别").selectOption({ label: "服务地点" });
      await audit.getByLabel("开始日期").fill("2025-06-01");
      await audit.getByLabel("结束日期").fill("2025-01-31");
      await audit.getByRole("button", { name: "筛选" }).click();
      await expect(page).toHaveURL(/from=2025-06-01&to=2025-01-31&actor=\w+&kind=venue/);
      await expect(audit.getByText("错误：结束日期不能早于开始日期。")).toBeVisible();
      await expectChosen(audit.getByLabel("操作人"), STAFF_ACTOR);
      await expectChosen(audit.getByLabel("类别"), "服务地点");
      await expect(audit.getByLabel("开始日期")).toHaveValue("2025-06-01");
    });
  });
}

/** A page signed in as staff whose cookies are then swapped for a lawyer's: the staff form, the lawyer's session. */
async function staffFormAsLawyer(browser: Browser, javaScript: boolean) {
  const lawyer = await browser.newContext();
  const lawyerPage = await lawyer.newPage();
  await signIn(lawyerPage, "lawyer8");
  const cookies = await lawyer.cookies();
  await lawyer.close();

  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await signIn(page, "staff");
  await page.goto("/staff/venues");
  await page.getByRole("link", { name: `修改 ${NANZHEN}` }).click();
  await expect(page.getByRole("button", { name: "保存服务地点" })).toBeVisible();
  await context.clearCookies();
  await context.addCookies(cookies);
  return page;
}

async function addressOf(slug: string): Promise<string> {
  return withE2eDatabase(
    async (db) => (await db.query<{ address: string }>("SELECT address FROM venue WHERE slug = $1", [slug])).rows[0].address,
  );
}

test.describe("a staff action called by a lawyer", () => {
  test("answers 没有权限 in the form, with JavaScript, and saves nothing", async ({ browser }) => {
    const before = await addressOf("nanzhen");
    const page = await staffFormAsLawyer(browser, true);
    await page.getByLabel("地址", { exact: true }).fill(`伪造的地址 ${tag()}`);
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "保存服务地点" }).click();
    expect((await answered).status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "没有权限：您的账号不能进行这个操作" })).toBeVisible();
    expect(await addressOf("nanzhen")).toBe(before);
    await page.context().close();
  });

  test("is refused without a server error when JavaScript is off, and saves nothing", async ({ browser }) => {
    const before = await addressOf("nanzhen");
    const page = await staffFormAsLawyer(browser, false);
    await page.getByLabel("地址", { exact: true }).fill(`伪造的地址 ${tag()}`);
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "保存服务地点" }).click();
    // The action refuses the lawyer and saves nothing, and sends the browser on (303) to the
    // 没有权限 page: the staff page it was posted to cannot be shown to a lawyer.
    const response = await answered;
    expect(response.status()).toBe(303);
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
    expect(await addressOf("nanzhen")).toBe(before);
    await page.context().close();
  });
});
