// Scope through the forms (issue 23 item 2): one town's staff change nothing of another town's,
// whatever their browser posts. A second town, 对照镇, gets rows of its own (a workroom, a lawyer on
// duty there, a booking with a failed text and a phone call to make, a walk-in, a staff account,
// an API client) beside 睦洲's. Signed in as 对照镇's administrator, the spec opens each console
// page that has forms about those rows, rewrites every id, code and slug in each form to 睦洲's
// counterpart (hidden fields, options, checkboxes, the buttons' own values), fills what is empty,
// and posts it through each of its buttons: a forged server action. 睦洲's rows must stay as they
// were, to the byte. Then the same forms, not rewritten, must change 对照镇's own rows: the walk
// reached the actions, so its silence about 睦洲 means something.
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import type pg from "pg";
import { signIn } from "./pages/login";
import { withE2eDatabase } from "./support/database";
import { addComparisonTown } from "./support/towns";

const tag = randomBytes(3).toString("hex");
const TOWN_ID = `town-forge-${tag}`;
const ADMIN = `forge-admin-${tag}`;
const PASSWORD = "forge-the-forms-2026";

/** The rows a town's forms are about; the same shape for 对照镇's own and 睦洲's. */
type Side = {
  bookingId: string;
  code: string;
  walkInId: string;
  lawyerId: string;
  venueId: string;
  venueSlug: string;
  sessionId: string;
  staffId: string;
  failedId: string;
  callId: string;
  clientId: string;
};
let own: Side;
let muzhou: Side;

const day = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A booking at `venue` with `lawyer` `days` on, in the small hours Shanghai (no other spec books
 * then; a half hour of its own each run), with a failed text and a call to make, and a walk-in.
 */
async function bookingWithTexts(db: pg.Client, venueId: string, lawyerId: string, days: number) {
  const code = `F${randomBytes(3).toString("hex").toUpperCase()}`;
  const start = new Date(new Date(`${day(days)}T00:00:00+08:00`).getTime() + (1 + Math.floor(Math.random() * 10)) * 30 * 60_000);
  const topic = (await db.query<{ id: string }>("SELECT id FROM topic ORDER BY sort_order LIMIT 1")).rows[0];
  await db.query(
    `INSERT INTO booking (id, code, venue_id, lawyer_id, topic_id, name, phone, starts_at, ends_at, channel, status, consent_at, updated_at)
     VALUES ($1, $1, $2, $3, $4, '伪造测试村民', $5, $6, $7, 'PHONE', 'CONFIRMED', now(), now())`,
    [code, venueId, lawyerId, topic.id, `137${String(Date.now()).slice(-8)}`, start, new Date(start.getTime() + 30 * 60_000)],
  );
  const text = async (status: string) => {
    const id = `n-${randomBytes(6).toString("hex")}`;
    await db.query(
      `INSERT INTO notification (id, key, booking_id, kind, phone, message, status, reason)
       VALUES ($1, $1, $2, 'CONFIRMATION', '07506123456', '预约确认', $3, 'test')`,
      [id, code, status],
    );
    return id;
  };
  const walkInId = `forge-walkin-${randomBytes(4).toString("hex")}`;
  await db.query(
    `INSERT INTO walk_in (id, venue_id, lawyer_id, at, name, topic_id) VALUES ($1, $2, $3, now() - interval '1 day', '伪造测试阿公', $4)`,
    [walkInId, venueId, lawyerId, topic.id],
  );
  return { bookingId: code, code, walkInId, failedId: await text("FAILED"), callId: await text("CALL") };
}

async function apiClient(db: pg.Client, townId: string) {
  const id = `forge-client-${randomBytes(4).toString("hex")}`;
  await db.query(
    `INSERT INTO api_client (id, name, contact, town_id, key_hash, key_hint, webhook_secret)
     VALUES ($1, '伪造测试接入方', '测试', $2, $1, 'mz_live_forge', 'whsec_dGVzdA==')`,
    [id, townId],
  );
  return id;
}

test.beforeAll(async () => {
  const passwordHash = await hash(PASSWORD);
  [own, muzhou] = await withE2eDatabase(async (db) => {
    await addComparisonTown(db, TOWN_ID, [
      { id: ADMIN, role: "ADMIN", passwordHash },
      { id: `forge-staff-${tag}`, role: "STAFF", passwordHash },
    ]);
    // 对照镇's workroom and its lawyer, on duty there on Monday mornings since a fortnight ago.
    const venueId = `forge-venue-${tag}`;
    await db.query(
      `INSERT INTO venue (id, slug, town_id, kind, name, village, address, updated_at)
       VALUES ($1, $2, $3, 'WORKROOM', '对照村公共法律服务工作室', '对照村', '对照村委会', now())`,
      [venueId, `forge-${tag}`, TOWN_ID],
    );
    const lawyerId = `forge-lawyer-${tag}`;
    await db.query(
      `INSERT INTO lawyer (id, name, firm, public_phone, town_id, updated_at) VALUES ($1, '对照律师', '对照律师事务所', '13600000000', $2, now())`,
      [lawyerId, TOWN_ID],
    );
    await db.query("INSERT INTO lawyer_venue (lawyer_id, venue_id) VALUES ($1, $2)", [lawyerId, venueId]);
    const sessionId = `forge-session-${tag}`;
    await db.query(
      `INSERT INTO duty_session (id, lawyer_id, venue_id, weekday, start_minute, end_minute, valid_from, updated_at)
       VALUES ($1, $2, $3, 1, 540, 720, $4::date, now())`,
      [sessionId, lawyerId, venueId, day(-14)],
    );
    const ownSide: Side = {
      ...(await bookingWithTexts(db, venueId, lawyerId, 3)),
      lawyerId,
      venueId,
      venueSlug: `forge-${tag}`,
      sessionId,
      staffId: `forge-staff-${tag}`,
      clientId: await apiClient(db, TOWN_ID),
    };
    // 睦洲's counterparts: the demo's 南镇村 workroom, a lawyer and a weekly session there, a staff account.
    const venue = (await db.query<{ id: string; slug: string }>("SELECT id, slug FROM venue WHERE slug = 'nanzhen'")).rows[0];
    const session = (
      await db.query<{ id: string; lawyer_id: string }>(
        "SELECT id, lawyer_id FROM duty_session WHERE venue_id = $1 ORDER BY weekday LIMIT 1",
        [venue.id],
      )
    ).rows[0];
    const staff = (
      await db.query<{ id: string }>(
        "SELECT id FROM app_user WHERE town_id = (SELECT town_id FROM venue WHERE id = $1) ORDER BY role DESC, id LIMIT 1",
        [venue.id],
      )
    ).rows[0];
    const muzhouTown = (await db.query<{ town_id: string }>("SELECT town_id FROM venue WHERE id = $1", [venue.id])).rows[0];
    const muzhouSide: Side = {
      ...(await bookingWithTexts(db, venue.id, session.lawyer_id, 3)),
      lawyerId: session.lawyer_id,
      venueId: venue.id,
      venueSlug: venue.slug,
      sessionId: session.id,
      staffId: staff.id,
      clientId: await apiClient(db, muzhouTown.town_id),
    };
    return [ownSide, muzhouSide];
  });
});

test.afterAll(async () => {
  await withE2eDatabase(async (db) => {
    for (const side of [own, muzhou].filter(Boolean)) {
      await db.query("DELETE FROM notification WHERE booking_id IN (SELECT id FROM booking WHERE code = $1)", [side.code]);
      await db.query("DELETE FROM evaluation_link WHERE walk_in_id = $1", [side.walkInId]);
      await db.query("DELETE FROM evaluation WHERE walk_in_id = $1", [side.walkInId]);
      await db.query("DELETE FROM booking WHERE code = $1", [side.code]);
      await db.query("DELETE FROM walk_in WHERE id = $1", [side.walkInId]);
      await db.query("DELETE FROM webhook_event WHERE client_id = $1", [side.clientId]);
      await db.query("DELETE FROM api_client WHERE id = $1", [side.clientId]);
    }
    // Whatever 对照镇's forms made: bookings, walk-ins and duty of its venue and lawyer, its accounts.
    const venue = `forge-venue-${tag}`;
    const lawyer = `forge-lawyer-${tag}`;
    await db.query("DELETE FROM notification WHERE booking_id IN (SELECT id FROM booking WHERE venue_id = $1)", [venue]);
    await db.query("DELETE FROM evaluation WHERE walk_in_id IN (SELECT id FROM walk_in WHERE venue_id = $1)", [venue]);
    await db.query("DELETE FROM evaluation_link WHERE walk_in_id IN (SELECT id FROM walk_in WHERE venue_id = $1)", [venue]);
    await db.query("DELETE FROM booking WHERE venue_id = $1", [venue]);
    await db.query("DELETE FROM walk_in WHERE venue_id = $1", [venue]);
    await db.query("DELETE FROM attendance WHERE lawyer_id = $1", [lawyer]);
    await db.query("DELETE FROM duty_exception WHERE lawyer_id = $1", [lawyer]);
    await db.query("DELETE FROM duty_session WHERE lawyer_id = $1", [lawyer]);
    await db.query("DELETE FROM lawyer_venue WHERE lawyer_id = $1 OR venue_id = $2", [lawyer, venue]);
    await db.query("DELETE FROM user_session WHERE user_id IN (SELECT id FROM app_user WHERE town_id = $1)", [TOWN_ID]);
    await db.query("UPDATE lawyer SET user_id = NULL WHERE id = $1", [lawyer]);
    await db.query("DELETE FROM lawyer WHERE id = $1 OR town_id = $2", [lawyer, TOWN_ID]);
    await db.query("DELETE FROM app_user WHERE town_id = $1 OR id IN (SELECT user_id FROM lawyer WHERE id = $2)", [
      TOWN_ID,
      lawyer,
    ]);
    await db.query("DELETE FROM api_client WHERE town_id = $1", [TOWN_ID]);
    await db.query("DELETE FROM venue WHERE town_id = $1", [TOWN_ID]);
    await db.query("DELETE FROM town WHERE id = $1", [TOWN_ID]);
  });
});

/** Everything a form could change about a side's rows, as JSON: equal before and after means nothing changed. */
function snapshot(side: Side) {
  return withE2eDatabase(async (db) => {
    const rows = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows;
    return JSON.stringify({
      booking: await rows("SELECT * FROM booking WHERE code = $1 OR (venue_id = $2 AND created_at > now() - interval '1 hour')", [
        side.code,
        side.venueId,
      ]),
      texts: await rows("SELECT * FROM notification WHERE booking_id IN (SELECT id FROM booking WHERE code = $1) ORDER BY id", [
        side.code,
      ]),
      walkIns: await rows("SELECT * FROM walk_in WHERE id = $1 OR (venue_id = $2 AND created_at > now() - interval '1 hour')", [
        side.walkInId,
        side.venueId,
      ]),
      evaluations: await rows(
        "SELECT * FROM evaluation WHERE walk_in_id = $1 OR booking_id IN (SELECT id FROM booking WHERE code = $2)",
        [side.walkInId, side.code],
      ),
      evaluationLinks: await rows("SELECT * FROM evaluation_link WHERE walk_in_id = $1", [side.walkInId]),
      lawyer: await rows("SELECT * FROM lawyer WHERE id = $1", [side.lawyerId]),
      lawyerVenues: await rows("SELECT * FROM lawyer_venue WHERE lawyer_id = $1 OR venue_id = $2 ORDER BY 1, 2", [
        side.lawyerId,
        side.venueId,
      ]),
      sessions: await rows("SELECT * FROM duty_session WHERE lawyer_id = $1 OR venue_id = $2 ORDER BY id", [
        side.lawyerId,
        side.venueId,
      ]),
      exceptions: await rows("SELECT * FROM duty_exception WHERE lawyer_id = $1 ORDER BY id", [side.lawyerId]),
      attendance: await rows("SELECT * FROM attendance WHERE lawyer_id = $1 ORDER BY id", [side.lawyerId]),
      venue: await rows("SELECT * FROM venue WHERE id = $1", [side.venueId]),
      staff: await rows("SELECT * FROM app_user WHERE id = $1", [side.staffId]),
      client: await rows("SELECT * FROM api_client WHERE id = $1", [side.clientId]),
    });
  });
}

/** The console pages of a side's rows that carry forms about them. */
const formPages = (s: Side) => [
  `/staff/bookings/${s.code}`,
  `/staff/lawyers/${s.lawyerId}`,
  `/staff/lawyers/${s.lawyerId}/schedule`,
  `/staff/venues/${s.venueId}`,
  `/staff/evaluations/walk-ins/${s.walkInId}`,
  `/staff/walk-ins/${s.walkInId}`,
  "/staff/accounts",
  `/staff/messages?code=${s.code}`,
  "/staff/messages/calls",
  "/staff/api-clients",
  `/staff/walk-ins/new?venue=${s.venueSlug}`,
  "/staff/lawyers/new",
];

/**
 * Each id of `from` and the id of `to` to put in its place, longest first (a code inside a longer
 * id is not cut). With `to` = `from` nothing changes, but the forms about the rows are still found.
 */
const rewrites = (from: Side, to: Side): [string, string][] =>
  (Object.keys(from) as (keyof Side)[])
    .map((key): [string, string] => [from[key], to[key]])
    .sort(([a], [b]) => b.length - a.length);

type Post = { page: string; form: number; button: number; matched: number; posted: boolean };

/**
 * Opens `url`, and for its `form`-th POST form: when some value names one of the rows (`pairs`'
 * left sides) and none names the signed-in administrator, rewrites those values by `pairs`, fills
 * the empty fields and presses the `button`-th submit button. Answers how many submit buttons the
 * form has, how many values named the rows, and whether a POST left the browser.
 */
async function postForm(context: BrowserContext, url: string, form: number, button: number, pairs: [string, string][]) {
  // A page of its own each time: what one post's answer navigates to cannot race the next.
  const page = await context.newPage();
  try {
    return await forgeAndPost(page, url, form, button, pairs);
  } finally {
    await page.close();
  }
}

async function forgeAndPost(page: Page, url: string, form: number, button: number, pairs: [string, string][]) {
  await page.goto(url);
  const prepared = await page.evaluate(
    ({ form, button, pairs, admin }) => {
      const forms = [...document.querySelectorAll("form")].filter((f) => f.method.toLowerCase() !== "get");
      const target = forms[form];
      if (!target) return { forms: forms.length, buttons: 0, matched: 0 };
      const buttons = [...target.querySelectorAll("button")].filter((b) => b.type === "submit");
      const fields = [
        ...target.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLOptionElement>("input, button, option"),
      ];
      if (fields.some((el) => el.value.includes(admin))) return { forms: forms.length, buttons: buttons.length, matched: 0 };
      let matched = 0;
      for (const el of fields) {
        if (!pairs.some(([from]) => el.value.includes(from))) continue;
        matched++;
        let value = el.value;
        for (const [from, to] of pairs) value = value.split(from).join(to);
        el.value = value;
        if (el instanceof HTMLInputElement && el.type === "checkbox") el.checked = true;
        if (el instanceof HTMLOptionElement) el.selected = true;
      }
      // What a person would fill: a date a few days on, a morning time, minutes, a phone, words.
      const soon = new Date(Date.now() + 5 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
      for (const el of target.querySelectorAll<HTMLInputElement>("input")) {
        if (el.value !== "" || ["hidden", "checkbox", "radio", "submit"].includes(el.type)) continue;
        const time = /end/i.test(el.name) ? "11:00" : "10:00";
        el.value = { date: soon, time, number: "30", tel: "13900000000" }[el.type] ?? "测试";
      }
      for (const el of target.querySelectorAll("textarea")) if (el.value === "") el.value = "测试";
      for (const el of target.querySelectorAll("select"))
        if (el.value === "") el.value = [...el.options].find((o) => o.value !== "")?.value ?? "";
      const groups = new Set([...target.querySelectorAll<HTMLInputElement>("input[type=radio]")].map((r) => r.name));
      for (const name of groups) {
        const radios = [...target.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${name}"]`)];
        if (!radios.some((r) => r.checked)) radios[0].checked = true;
      }
      if (matched === 0 || !buttons[button]) return { forms: forms.length, buttons: buttons.length, matched: 0 };
      buttons[button].setAttribute("data-forge", "press");
      return { forms: forms.length, buttons: buttons.length, matched };
    },
    { form, button, pairs, admin: ADMIN },
  );
  if (prepared.matched === 0) return { ...prepared, posted: false };
  const posted = page
    .waitForResponse((r) => r.request().method() === "POST", { timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  // As the button's click would (some sit in a closed <details>): the form's own submit, with the button as submitter.
  await page.evaluate(() => {
    const button = document.querySelector<HTMLButtonElement>("[data-forge=press]");
    button?.form?.requestSubmit(button);
  });
  return { ...prepared, posted: await posted };
}

/** Presses every submit button of every POST form about the rows on the side's pages, rewritten by `pairs`. */
async function pressEverything(context: BrowserContext, side: Side, pairs: [string, string][]): Promise<Post[]> {
  const posts: Post[] = [];
  for (const url of formPages(side)) {
    for (let form = 0, forms = 1; form < forms; form++) {
      const first = await postForm(context, url, form, 0, pairs);
      // The forms the page had at first: a post may add one (a leave's "remove" form), not the walk.
      if (form === 0) forms = first.forms;
      if (first.matched === 0) continue;
      posts.push({ page: url, form, button: 0, matched: first.matched, posted: first.posted });
      for (let button = 1; button < first.buttons; button++) {
        const next = await postForm(context, url, form, button, pairs);
        posts.push({ page: url, form, button, matched: next.matched, posted: next.posted });
      }
    }
  }
  return posts;
}

test.describe.configure({ mode: "serial" });

test("another town's staff change none of 睦洲's rows, whatever their forms post", async ({ page }) => {
  test.setTimeout(480_000);
  await signIn(page, ADMIN, PASSWORD);
  const before = await snapshot(muzhou);
  const forged = await pressEverything(page.context(), own, rewrites(own, muzhou));
  expect(await snapshot(muzhou)).toEqual(before);
  // The walk really forged: forms about rows were posted with 睦洲's ids in them.
  const aboutRows = forged.filter((p) => p.posted);
  console.log(`forged ${aboutRows.length} posts: ${aboutRows.map((p) => `${p.page}#${p.form}.${p.button}`).join(", ")}`);
  expect(aboutRows.length).toBeGreaterThanOrEqual(20);
  for (const url of formPages(own).slice(0, 6))
    expect(
      aboutRows.some((p) => p.page === url),
      `no forged post from ${url}`,
    ).toBe(true);
});

test("the same forms, not forged, do change 对照镇's own rows (the walk reaches the actions)", async ({ page }) => {
  test.setTimeout(480_000);
  await signIn(page, ADMIN, PASSWORD);
  const before = JSON.parse(await snapshot(own));
  await pressEverything(page.context(), own, rewrites(own, own));
  const after = JSON.parse(await snapshot(own));
  const changed = Object.keys(before).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]));
  expect(changed).toEqual(
    expect.arrayContaining([
      "booking",
      "texts",
      "walkIns",
      "evaluations",
      "lawyer",
      "sessions",
      "exceptions",
      "attendance",
      "venue",
      "staff",
      "client",
    ]),
  );
});
