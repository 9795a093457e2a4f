import { expect, type Page, test } from "@playwright/test";
import { withE2eDatabase } from "./support/database";

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel("账号").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

test("a stranger asking for a signed-in page signs in and comes back to it", async ({ page }) => {
  await page.goto("/account/password");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount%2Fpassword/);
  await signIn(page, "lawyer2", "muzhou-lawyer-2026");
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("heading", { name: "修改密码" })).toBeVisible();
});

test("staff land on the staff console and a lawyer cannot open it", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "staff", "muzhou-staff-2026");
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("heading", { name: "司法所工作台" })).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, "lawyer3", "muzhou-lawyer-2026");
  await expect(page).toHaveURL(/\/lawyer$/);
  await page.goto("/staff");
  await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
});

test("a wrong password gets a plain answer that does not say whether the account exists", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "lawyer4", "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("账号或密码不正确，请核对后再试。");
  await page.getByLabel("账号").fill("no-such-person");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("账号或密码不正确，请核对后再试。");
});

test("a signed-in user changes their password, with a clear message for a wrong current one", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "lawyer8", "muzhou-lawyer-2026");
  await expect(page).toHaveURL(/\/lawyer$/);
  await page.goto("/account/password");
  await page.getByLabel("现在的密码").fill("wrong-password-1");
  await page.getByLabel("新密码", { exact: true }).fill("new-secret-2026");
  await page.getByLabel("再输入一次新密码").fill("new-secret-2026");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("错误：现在的密码不正确，请重新输入。")).toBeVisible();
  await page.getByLabel("现在的密码").fill("muzhou-lawyer-2026");
  await page.getByLabel("新密码", { exact: true }).fill("new-secret-2026");
  await page.getByLabel("再输入一次新密码").fill("new-secret-2026");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("status")).toHaveText("密码已修改。下次登录请使用新密码。");
  // Put the demo password back for the other specs of this run.
  await page.getByLabel("现在的密码").fill("new-secret-2026");
  await page.getByLabel("新密码", { exact: true }).fill("muzhou-lawyer-2026");
  await page.getByLabel("再输入一次新密码").fill("muzhou-lawyer-2026");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("status")).toHaveText("密码已修改。下次登录请使用新密码。");
});

test("a crafted sign-in link never sends anyone to another site", async ({ page, baseURL }) => {
  // Each of these once sent a lawyer to evil.example after signing in.
  const links = ["/%5Cevil.example", "/%09/evil.example", "/%5C/evil.example", "//evil.example", "https://evil.example/"];
  // A request leaving the site fails at once instead of waiting on a name that does not resolve.
  await page.route(
    (url) => url.hostname.endsWith("evil.example"),
    (route) => route.abort(),
  );
  const home = new URL(baseURL ?? "http://127.0.0.1").host;
  await page.goto(`/login?callbackUrl=${links[0]}`);
  await signIn(page, "lawyer4", "muzhou-lawyer-2026");
  await expect(page).toHaveURL(/\/lawyer$/);
  expect(new URL(page.url()).host).toBe(home);
  for (const link of links) {
    await page.goto(`/login?callbackUrl=${link}`);
    await expect(page).toHaveURL(/\/lawyer$/);
    expect(new URL(page.url()).host).toBe(home);
  }
});

test("signing out ends the session for good: a copy of its cookie opens nothing afterwards", async ({ page, browser }) => {
  await page.goto("/login");
  await signIn(page, "lawyer2", "muzhou-lawyer-2026");
  await expect(page).toHaveURL(/\/lawyer$/);
  const copied = await browser.newContext({ storageState: await page.context().storageState() });
  const thief = await copied.newPage();
  await thief.goto("/lawyer");
  await expect(thief).toHaveURL(/\/lawyer$/);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await thief.goto("/lawyer");
  await expect(thief).toHaveURL(/\/login\?callbackUrl=%2Flawyer/);
  await copied.close();
});

test("a first password handed over by staff opens only the page that replaces it, and only once", async ({ page, browser }) => {
  // A staff account as the administrator's page makes one: a first password to be replaced.
  const { hash } = await import("@node-rs/argon2");
  const first = "first-pass-2026";
  const username = `first-${Date.now()}`;
  await withE2eDatabase(async (db) =>
    db.query(
      `INSERT INTO app_user (id, username, display_name, password_hash, role, must_change_password, town_id, updated_at)
       VALUES ($1, $1, '新同事', $2, 'STAFF', true, (SELECT id FROM town WHERE slug = 'muzhou'), now())`,
      [username, await hash(first)],
    ),
  );
  await page.goto("/login");
  await signIn(page, username, first);
  await expect(page).toHaveURL(/\/account\/password\?first=1$/);
  await expect(page.getByText("您正在使用司法所给您的初始密码")).toBeVisible();
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/account\/password\?first=1$/);

  // The same first password on another phone is refused: it has been used.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/login");
  await other.getByLabel("账号").fill(username);
  await other.getByLabel("密码").fill(first);
  await other.getByRole("button", { name: "登录" }).click();
  await expect(other.getByRole("main").getByRole("alert")).toContainText("这个初始密码已经用过一次");
  await other.context().close();

  await page.getByLabel("现在的密码").fill(first);
  await page.getByLabel("新密码", { exact: true }).fill("my-own-secret-2026");
  await page.getByLabel("再输入一次新密码").fill("my-own-secret-2026");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("status")).toContainText("密码已修改");
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff$/);
});

test("signing out works without JavaScript, and ends the session", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  // The sign-in form needs JavaScript (next-auth's client); the session cookie is what matters here.
  const withJs = await browser.newContext();
  const signer = await withJs.newPage();
  await signer.goto("/login");
  await signIn(signer, "lawyer5", "muzhou-lawyer-2026");
  await expect(signer).toHaveURL(/\/lawyer$/);
  await context.addCookies((await withJs.cookies()).filter((c) => c.name.includes("session-token")));
  await page.goto("/lawyer");
  await expect(page).toHaveURL(/\/lawyer$/);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/lawyer");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Flawyer/);
  // The session itself ended: the signed-in tab that shared it is signed out too.
  await signer.goto("/lawyer");
  await expect(signer).toHaveURL(/\/login\?callbackUrl=%2Flawyer/);
  await withJs.close();
  await context.close();
});
