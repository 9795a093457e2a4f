// What the villagers' pages make a cheap phone download and run before it shows them (issue 13
// items 16 and 17). The pages work without JavaScript and the server checks every form, so none
// of them may ship a validation library, the sign-in client or the client-side router's link:
// each of those once came along unasked (zod through a form's limits, next-auth's client through
// the 没有权限 page in the root layout, next/link through the header) and together made the
// booking form 205 KB. The sizes and Lighthouse beside a bare Next.js page are measured by
// `npm run bench` (docs/performance.md); this test keeps out what must never come back.
import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, type Request, test } from "@playwright/test";
import { modernScripts } from "../scripts/lib/bench-figures";
import { signIn } from "./pages/login";

/** Code that each package leaves in a built chunk, minified or not. */
const UNWANTED: Record<string, RegExp> = {
  zod: /\$Zod[A-Z][A-Za-z]+/,
  "next-auth/react": /CLIENT_FETCH_ERROR|next-auth\.message/,
  "next/link": /useLinkStatus/,
};

/** The scripts a modern browser loads for `path` (the noModule polyfills skipped), each with its text. */
async function scriptsOf(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
  const sources = modernScripts(await response.text());
  expect(sources.length, `${path} loads no script at all: the check would prove nothing`).toBeGreaterThan(3);
  return Promise.all(sources.map(async (src) => ({ src, text: await (await request.get(src)).text() })));
}

test("the villagers' pages load no validation library, sign-in client or router link", async ({ request }) => {
  const slots = (await (await request.get("/api/v1/venues/station/slots")).json()) as { slots: { start: string }[] };
  expect(slots.slots.length, "the station has a free slot to open the booking form with").toBeGreaterThan(0);
  const pages = [
    "/",
    "/venues",
    "/venues/station",
    `/venues/station/book?start=${encodeURIComponent(slots.slots[0].start)}`,
    "/venues/station/waitlist",
    "/bookings/lookup",
    "/privacy",
  ];
  const found: string[] = [];
  for (const path of pages) {
    for (const { src, text } of await scriptsOf(request, path)) {
      for (const [name, marker] of Object.entries(UNWANTED)) if (marker.test(text)) found.push(`${path}: ${name} in ${src}`);
    }
  }
  expect(found).toEqual([]);
});

test("the check finds what it looks for, so the test above proves something", async ({ page }) => {
  // zod's own code, as any bundle of it would carry it (its class names are strings).
  expect(readFileSync("node_modules/zod/v4/core/schemas.js", "utf8")).toMatch(UNWANTED.zod);
  // The sign-in page is the one page that needs next-auth's client.
  const login = (await scriptsOf(page.request, "/login")).map((s) => s.text).join("\n");
  expect(login).toMatch(UNWANTED["next-auth/react"]);
  // The signed-in workspaces keep the client-side router's links.
  await signIn(page, "staff", "muzhou-staff-2026");
  const staff = (await scriptsOf(page.request, "/staff")).map((s) => s.text).join("\n");
  expect(staff).toMatch(UNWANTED["next/link"]);
});

test("nothing but the page itself stands before the first paint: its stylesheet inline, no web font, no blocking script", async ({
  page,
  request,
}) => {
  // What delays the largest paint of a text page (issue 13 item 17): fonts fetched before text can
  // be drawn, stylesheets, scripts that stop the parser. The villagers' pages draw their text in the
  // phone's own fonts as soon as the page is in: its stylesheet comes inside it (issue 24 item 6),
  // not as a request that shares a slow phone's first round trips with the scripts.
  const slots = (await (await request.get("/api/v1/venues/station/slots")).json()) as { slots: { start: string }[] };
  for (const path of ["/", "/venues/station", `/venues/station/book?start=${encodeURIComponent(slots.slots[0].start)}`]) {
    const requested: { type: string; url: string }[] = [];
    const listen = (r: Request) => requested.push({ type: r.resourceType(), url: r.url() });
    page.on("request", listen);
    await page.goto(path, { waitUntil: "load" });
    page.off("request", listen);
    expect(
      requested.filter((r) => r.type === "font").map((r) => r.url),
      `${path} fetches a font`,
    ).toEqual([]);
    expect(
      requested.filter((r) => r.type === "stylesheet").map((r) => r.url),
      `${path} fetches a stylesheet`,
    ).toEqual([]);
    // The inline stylesheet applies (the policy lets it through): the body text is 18 px, the header brand-coloured.
    expect(await page.locator("body").evaluate((body) => getComputedStyle(body).fontSize), `${path}'s text size`).toBe("18px");
    expect(await page.locator("head style").count(), `${path}'s inline stylesheet`).toBeGreaterThan(0);
    const blocking = await page.evaluate(() =>
      [...document.querySelectorAll("head script[src]")]
        .filter((s) => !(s as HTMLScriptElement).async && !(s as HTMLScriptElement).defer && !(s as HTMLScriptElement).noModule)
        .map((s) => (s as HTMLScriptElement).src),
    );
    expect(blocking, `${path} has scripts that stop the parser`).toEqual([]);
    const fontFaces = await page.evaluate(() => document.fonts.size);
    expect(fontFaces, `${path} declares web fonts`).toBe(0);
  }
});
