// HTTP headers and request origin (issue 11, items 5, 6 and 8): what every answer carries, that no
// page can be framed, that a form posted from elsewhere is refused, and that a malformed address or
// a method the site does not use gets a 4xx answer a person or program can read.
import net from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { BookingPages, randomPhone } from "./pages/booking-pages";
import { signIn } from "./pages/login";
import { withE2eDatabase } from "./support/database";

const CHINESE = /[\u4e00-\u9fff]/;

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(";")
    .map((part) => part.trim())
    .find((part) => part === name || part.startsWith(`${name} `));
}

/** The headers every answer carries, from a page to a script file; the policy directive by directive. */
function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
    expect(headers["permissions-policy"]).toContain(`${feature}=()`);
  }
  const policy = headers["content-security-policy"] ?? "";
  for (const rule of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
    expect(directive(policy, rule.split(" ")[0])).toBe(rule);
  }
  expect(directive(policy, "default-src")).toBe("default-src 'self'");
  const scripts = directive(policy, "script-src") ?? "";
  expect(scripts).toMatch(/^script-src 'self'( 'nonce-[A-Za-z0-9+/=]+')?$/);
  // Pages carry the build's stylesheet inline, allowed by its hash (lib/inline-styles.ts).
  expect(directive(policy, "style-src")).toMatch(/^style-src 'self'( 'nonce-[A-Za-z0-9+/=]+')?( 'sha256-[A-Za-z0-9+/]{43}=')*$/);
  // Served over plain http here: no HSTS, which would lock a town office without https out.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

/** Collects the page's CSP violations and Permissions-Policy complaints, from before its first script. */
async function watchPolicyErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => errors.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions-Policy|Permissions Policy/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}

test("a page, an API answer and a script file carry the security headers", async ({ request }) => {
  const home = await request.get("/");
  expect(home.status()).toBe(200);
  expectSecurityHeaders(home.headers());
  // The page's own scripts carry this answer's nonce, and the next answer has another one.
  const nonce = nonceOf(home.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  const html = await home.text();
  expect(html).toContain(`nonce="${nonce}"`);
  expect(nonceOf((await request.get("/")).headers()["content-security-policy"])).not.toBe(nonce);

  const api = await request.get("/api/v1/venues");
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api.headers());

  const script = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(script).toBeTruthy();
  const asset = await request.get(script as string);
  expect(asset.status()).toBe(200);
  expectSecurityHeaders(asset.headers());
});

test("behind https (x-forwarded-proto), every answer asks the browser to keep to https", async ({ request }) => {
  const https = { "x-forwarded-proto": "https" };
  for (const path of ["/", "/api/v1/venues"]) {
    const answer = await request.get(path, { headers: https });
    expect(answer.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
  }
  const script = /\/_next\/static\/[^"]+\.js/.exec(await (await request.get("/")).text())?.[0] as string;
  expect((await request.get(script, { headers: https })).headers()["strict-transport-security"]).toMatch(/^max-age=/);
});

test("pages work with JavaScript under the policy: no blocked script or style, no unknown feature", async ({ page }) => {
  const errors = await watchPolicyErrors(page);
  const flow = new BookingPages(page);
  const home = await page.goto("/");
  expect(nonceOf(home?.headers()["content-security-policy"])).toBeTruthy();
  // React has hydrated the page (its scripts ran). The villagers' pages link with plain links (a
  // whole page each, issue 13 item 16): the next page's scripts run under its own nonce too.
  const hydrated = () => Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__react"));
  await page.waitForFunction(hydrated);
  await page.getByRole("link", { name: /南镇村公共法律服务工作室/ }).click();
  await expect(flow.heading).toHaveText("南镇村公共法律服务工作室");
  await page.waitForFunction(hydrated);
  await expect(flow.dateLinks().first()).toHaveAttribute("aria-current", "date");
  await flow.dateLinks().nth(1).click();
  await expect(flow.dateLinks().nth(1)).toHaveAttribute("aria-current", "date");
  await page.goto("/bookings/lookup");
  await page.getByRole("button", { name: "查询预约" }).click();
  await expect(flow.errorSummary()).toBeVisible();
  // Signing in runs the login form's script; the dashboard's charts draw their bars with style attributes.
  await signIn(page, "staff", "muzhou-staff-2026");
  await page.goto("/staff/dashboard");
  await expect(page.locator("main [style]").first()).toBeAttached();
  expect(errors).toEqual([]);
});

test("no page can be shown inside a frame, not even one of the site's own", async ({ page }) => {
  // The attack from the issue: the look-up form inside an invisible frame. Chromium already keeps a
  // page from the internet from framing a loopback server (Local Network Access), so the framing page
  // here is the site's own: frame-ancestors 'none' and X-Frame-Options: DENY refuse that one too.
  await page.goto("/");
  await page.evaluate(
    (src) =>
      new Promise<void>((resolve) => {
        const frame = Object.assign(document.createElement("iframe"), { src, title: "框架测试" });
        frame.addEventListener("load", () => resolve());
        document.body.append(frame);
      }),
    "/bookings/lookup",
  );
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  expect(frame).toBeDefined();
  expect(frame?.url()).not.toContain("/bookings/lookup");
  await expect(page.frameLocator("iframe").getByRole("button", { name: "查询预约" })).toHaveCount(0);
});

test.describe("without JavaScript, where the form posts itself", () => {
  test.use({ javaScriptEnabled: false });

  test("a booking form posted without this site's Origin or Referer is refused with 403 and saves nothing; the same form sent from the page books", async ({
    page,
  }) => {
    const flow = new BookingPages(page);
    const villager = { name: "来源测试", phone: randomPhone() };
    await flow.openVenue("nanzhen");
    await flow.chooseFirstSlot();
    await flow.fill(villager);
    // Everything the browser would send, the server action's hidden fields included.
    const fields = await page
      .locator("form")
      .filter({ has: page.getByLabel("手机号码") })
      .evaluate((form) =>
        Object.fromEntries(
          [...new FormData(form as HTMLFormElement)].filter((e): e is [string, string] => typeof e[1] === "string"),
        ),
      );
    expect(Object.keys(fields).some((name) => name.startsWith("$ACTION"))).toBe(true);
    const bookings = () =>
      withE2eDatabase(async (db) => (await db.query("SELECT 1 FROM booking WHERE phone = $1", [villager.phone])).rowCount);

    const elsewhere = "http://elsewhere.example";
    const forged: Record<string, string>[] = [{}, { Origin: elsewhere }, { Referer: `${elsewhere}/form` }, { Origin: "null" }];
    for (const headers of forged) {
      const refused = await page.request.post(page.url(), { headers, multipart: fields, maxRedirects: 0 });
      expect(refused.status(), JSON.stringify(headers)).toBe(403);
      expect(refused.headers()["content-type"]).toContain("text/plain");
      expect(await refused.text()).toContain("不是从本站页面发出的");
    }
    expect(await bookings()).toBe(0);

    // A browser sends its Origin with the form: the same fields book.
    await flow.submit();
    await flow.confirmedCode();
    expect(await bookings()).toBe(1);
  });
});

test("a malformed address answers 400: the JSON error on the API, a Chinese page elsewhere", async ({ request }) => {
  const api = await request.get("/api/v1/bookings/%ZZ");
  expect(api.status()).toBe(400);
  expect(await api.json()).toEqual({ error: { code: "invalid_input", message: expect.stringMatching(CHINESE) } });

  for (const path of ["/venues/%ZZ", "/bookings/%E4%ZZ"]) {
    const answer = await request.get(path);
    expect(answer.status(), path).toBe(400);
    expect(answer.headers()["content-type"]).toContain("text/html");
    expect(await answer.text()).toContain("网址");
    expectSecurityHeaders(answer.headers());
  }
});

test("a method the site does not use answers 405: a Chinese page, and the JSON error on the API", async ({ request }) => {
  for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"]) {
    const page = await request.fetch("/venues/nanzhen", { method });
    expect(page.status(), method).toBe(405);
    expect(page.headers().allow).toBe("GET, HEAD, POST");
    expect(page.headers()["content-type"]).toContain("text/html");
    expect(await page.text()).toContain("请求方式");
  }
  // The methods Next.js hands to a route handler are the route's to answer; no route takes these.
  for (const method of ["PROPFIND", "MKCOL"]) {
    const api = await request.fetch("/api/v1/venues", { method });
    expect(api.status(), method).toBe(405);
    expect(api.headers().allow).toBe("GET, HEAD, POST");
    expect(await api.json()).toEqual({ error: { code: "method_not_allowed", message: expect.stringMatching(CHINESE) } });
  }
});

test("TRACE answers 405 in the site's words, never the framework's 500", async ({ request }) => {
  for (const method of ["TRACE"]) {
    const page = await request.fetch("/venues/nanzhen", { method });
    expect(page.status(), method).toBe(405);
    expect(page.headers()["x-content-type-options"]).toBe("nosniff");
    expect(await page.text()).toContain("请求方式");
    const api = await request.fetch("/api/v1/venues", { method });
    expect(api.status(), method).toBe(405);
    expect(await api.json()).toEqual({ error: { code: "method_not_allowed", message: expect.stringMatching(CHINESE) } });
  }
});

const someAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

test("look-ups are limited per address, and what a client writes into X-Forwarded-For before the proxy's entry changes nothing", async ({
  request,
}) => {
  const real = someAddress();
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      request.get(`/api/v1/bookings/ZZZZZZ?phone=${randomPhone()}`, { headers: { "x-forwarded-for": `198.18.0.${i}, ${real}` } }),
    ),
  );
  expect(answers.filter((a) => a.status() === 404)).toHaveLength(30);
  const refused = answers.filter((a) => a.status() === 429);
  expect(refused).toHaveLength(10);
  expect(Number(refused[0].headers()["retry-after"])).toBeGreaterThan(0);
  expect((await refused[0].json()).error).toEqual({
    code: "too_many_requests",
    message: expect.stringMatching(/请 1 分钟后再试/),
  });
  // Another address is not held up.
  const elsewhere = await request.get(`/api/v1/bookings/ZZZZZZ?phone=${randomPhone()}`, {
    headers: { "x-forwarded-for": someAddress() },
  });
  expect(elsewhere.status()).toBe(404);
});

test("a stranger's wrong passwords with a lawyer's public phone number do not keep the lawyer out", async ({ browser }) => {
  const stranger = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someAddress() } });
  const page = await stranger.newPage();
  await page.goto("/login");
  for (let i = 0; i < 6; i++) {
    await page.getByLabel("账号").fill("13800138006");
    await page.getByLabel("密码").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(i < 5 ? "账号或密码不正确" : "登录失败次数过多");
  }
  // The owner, from their own phone, with their user name: the same account, another address.
  const owner = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someAddress() } });
  const ownPage = await owner.newPage();
  await signIn(ownPage, "lawyer6", "muzhou-lawyer-2026");
  await expect(ownPage).toHaveURL(/\/lawyer$/);
  await Promise.all([stranger.close(), owner.close()]);
});

test("a control byte in the remembered-phone cookie is no phone: each page asks for the phone instead of failing", async ({
  request,
}) => {
  const code = "ZZZZZZ";
  const id = "czzzzzzzzzzzzzzzzzzzzzzzz";
  const pages: [string, string][] = [
    [`/bookings/${code}`, `booking_${code}`],
    [`/bookings/${code}/cancel`, `booking_${code}`],
    [`/bookings/${code}/move`, `booking_${code}`],
    [`/bookings/${code}/delete`, `booking_${code}`],
    [`/bookings/${code}/calendar.ics`, `booking_${code}`],
    [`/waitlist/${id}`, `waitlist_${id}`],
  ];
  for (const [path, cookie] of pages) {
    for (const value of ["%00", "1380000%001", "%0d%0a", "%E2%80%AE"]) {
      const response = await request.get(path, { headers: { cookie: `${cookie}=${value}` }, maxRedirects: 0 });
      expect(response.status(), `${path} ${value}`).toBeLessThan(500);
    }
  }
});

test("odd request lines and forwarded headers get the site's 4xx or a page, never a 500", async ({ request, baseURL }) => {
  const { hostname, port } = new URL(baseURL as string);
  const raw = (line: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: hostname, port: Number(port) }, () =>
        socket.write(`${line}\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`),
      );
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk.toString("utf8");
      });
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
  const star = await raw("GET * HTTP/1.1");
  expect(star).toMatch(/^HTTP\/1\.1 400 /);
  expect(star).toContain("网址有误");
  for (const path of ["/api/auth/session", "/api/lawyer/log", "/api/staff/report/export", "/"]) {
    for (const header of ["x-forwarded-host", "x-forwarded-proto"]) {
      const response = await request.get(path, { headers: { [header]: "" }, maxRedirects: 0 });
      expect(response.status(), `${path} ${header}`).toBeLessThan(500);
    }
  }
});
