// Scope (issue 23 item 2): one town's staff see nothing of another town's. A second town with an
// administrator of its own is added beside the demo's 睦洲; signed in as that administrator, the
// walk opens every staff page and staff route handler with 睦洲's ids (a booking code, a walk-in,
// a lawyer, a venue) and sees 404 or 没有权限, and opens every list page and sees none of 睦洲's
// names, codes or numbers. Every page file under app/(staff) must be in the walk, so a new page
// cannot be left out. The second town is removed again afterwards (other specs see 睦洲 alone).
import { randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./pages/login";
import { withE2eDatabase } from "./support/database";
import { addComparisonTown } from "./support/towns";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TOWN_ID = `town-walk-${randomBytes(3).toString("hex")}`;
const USERNAME = `walk-${randomBytes(3).toString("hex")}`;
const PASSWORD = "walk-the-town-2026";

type Muzhou = {
  code: string;
  villager: string;
  phone: string;
  walkInId: string;
  lawyerId: string;
  lawyerName: string;
  venueId: string;
  venueSlug: string;
  venueName: string;
};
let muzhou: Muzhou;

test.beforeAll(async () => {
  const passwordHash = await hash(PASSWORD);
  muzhou = await withE2eDatabase(async (db) => {
    await addComparisonTown(db, TOWN_ID, [{ id: USERNAME, role: "ADMIN", passwordHash }]);
    // 睦洲's: a booking, a walk-in, a lawyer serving there and a venue.
    const venue = (
      await db.query<{ id: string; slug: string; name: string }>("SELECT id, slug, name FROM venue WHERE slug = 'nanzhen'")
    ).rows[0];
    const lawyer = (
      await db.query<{ id: string; name: string }>(
        "SELECT l.id, l.name FROM lawyer l JOIN lawyer_venue lv ON lv.lawyer_id = l.id WHERE lv.venue_id = $1 LIMIT 1",
        [venue.id],
      )
    ).rows[0];
    const topic = (await db.query<{ id: string }>("SELECT id FROM topic ORDER BY sort_order LIMIT 1")).rows[0];
    const code = `W${randomBytes(3).toString("hex").toUpperCase()}`;
    const phone = `139${String(Date.now()).slice(-8)}`;
    const villager = "范围测试阿婆";
    // 03:17 Shanghai three days on: no other spec books its lawyer then.
    const day = new Date(Date.now() + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const start = new Date(`${day}T03:17:00+08:00`);
    await db.query(
      `INSERT INTO booking (id, code, venue_id, lawyer_id, topic_id, name, phone, starts_at, ends_at, channel, status, consent_at, updated_at)
       VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, 'PHONE', 'CONFIRMED', now(), now())`,
      [code, venue.id, lawyer.id, topic.id, villager, phone, start, new Date(start.getTime() + 30 * 60_000)],
    );
    const walkInId = `walkin-${randomBytes(4).toString("hex")}`;
    await db.query(
      `INSERT INTO walk_in (id, venue_id, lawyer_id, at, name, topic_id) VALUES ($1, $2, $3, now() - interval '1 day', '范围测试阿公', $4)`,
      [walkInId, venue.id, lawyer.id, topic.id],
    );
    return {
      code,
      villager,
      phone,
      walkInId,
      lawyerId: lawyer.id,
      lawyerName: lawyer.name,
      venueId: venue.id,
      venueSlug: venue.slug,
      venueName: venue.name,
    };
  });
});

// Whatever happened above, the second town goes: left behind, it would turn every later spec's
// site into a district's (the home page asking for the town).
test.afterAll(async () => {
  await withE2eDatabase(async (db) => {
    if (muzhou) {
      await db.query("DELETE FROM notification WHERE booking_id = (SELECT id FROM booking WHERE code = $1)", [muzhou.code]);
      await db.query("DELETE FROM booking WHERE code = $1", [muzhou.code]);
      await db.query("DELETE FROM walk_in WHERE id = $1", [muzhou.walkInId]);
    }
    await db.query("DELETE FROM user_session WHERE user_id = $1", [USERNAME]);
    await db.query("DELETE FROM app_user WHERE id = $1", [USERNAME]);
    await db.query("DELETE FROM town WHERE id = $1", [TOWN_ID]);
  });
});

/** Every page of the staff console, as a path with its dynamic parts in brackets. */
function staffPages(): string[] {
  const base = path.join(ROOT, "app/(staff)");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "page.tsx") found.push(`/${path.relative(base, dir)}`);
    }
  };
  walk(base);
  return found.sort();
}

/** Pages about one of 睦洲's rows: must answer 404 (or 没有权限) to the other town. */
const byId = (m: Muzhou): Record<string, string> => ({
  "/staff/bookings/[code]": `/staff/bookings/${m.code}`,
  "/staff/evaluations/walk-ins/[id]": `/staff/evaluations/walk-ins/${m.walkInId}`,
  "/staff/lawyers/[id]": `/staff/lawyers/${m.lawyerId}`,
  "/staff/lawyers/[id]/cards": `/staff/lawyers/${m.lawyerId}/cards`,
  "/staff/lawyers/[id]/schedule": `/staff/lawyers/${m.lawyerId}/schedule`,
  "/staff/venues/[id]": `/staff/venues/${m.venueId}`,
  "/staff/walk-ins/[id]": `/staff/walk-ins/${m.walkInId}`,
});

/** Pages listing the town's rows (with 睦洲's ids in the filters where a page takes them): none of 睦洲's may show. */
const lists = (m: Muzhou): Record<string, string> => ({
  "/staff": "/staff",
  "/staff/accounts": "/staff/accounts",
  "/staff/api-clients": "/staff/api-clients",
  "/staff/audit": "/staff/audit",
  "/staff/bookings": `/staff/bookings?venue=${m.venueSlug}&lawyer=${m.lawyerId}&phone=${m.phone}`,
  "/staff/bookings/new": `/staff/bookings/new?venue=${m.venueSlug}`,
  "/staff/bookings/sheet": `/staff/bookings/sheet?venue=${m.venueSlug}`,
  "/staff/dashboard": "/staff/dashboard",
  "/staff/evaluations": "/staff/evaluations",
  "/staff/holidays": "/staff/holidays",
  "/staff/lawyers": "/staff/lawyers",
  "/staff/lawyers/cards": "/staff/lawyers/cards",
  "/staff/lawyers/new": "/staff/lawyers/new",
  "/staff/messages": `/staff/messages?phone=${m.phone}`,
  "/staff/messages/calls": "/staff/messages/calls",
  "/staff/privacy": "/staff/privacy",
  "/staff/report": "/staff/report",
  "/staff/report/items": "/staff/report/items",
  "/staff/rota": `/staff/rota?venue=${m.venueSlug}`,
  "/staff/settings": "/staff/settings",
  "/staff/venues": "/staff/venues",
  "/staff/venues/posters": `/staff/venues/posters?venue=${m.venueSlug}`,
  "/staff/walk-ins": "/staff/walk-ins",
  "/staff/walk-ins/new": `/staff/walk-ins/new?venue=${m.venueSlug}`,
});

/** What of 睦洲's must never show to the other town's staff. */
const secrets = (m: Muzhou) => [m.code, m.villager, "范围测试阿公", m.phone, m.lawyerName, m.venueName];

/** Every cell of a workbook as text, one line each (an export is XLSX: its text is compressed inside). */
async function cellsOf(file: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  const lines: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => lines.push(String(cell.text)))));
  return lines.join("\n");
}

test("every staff page is in the walk", () => {
  const m = {
    code: "",
    villager: "",
    phone: "",
    walkInId: "",
    lawyerId: "",
    lawyerName: "",
    venueId: "",
    venueSlug: "",
    venueName: "",
  };
  expect(staffPages()).toEqual(Object.keys({ ...byId(m), ...lists(m) }).sort());
});

test("another town's staff open none of 睦洲's rows and see none of them in their lists", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, USERNAME, PASSWORD);
  for (const [pattern, url] of Object.entries(byId(muzhou))) {
    const response = await page.goto(url);
    expect([403, 404], `${pattern} → ${response?.status()}`).toContain(response?.status());
    const text = await page.content();
    // The page echoes its own address (the router's state, the large-text switch's way back): what
    // the address itself holds is no leak.
    for (const secret of secrets(muzhou).filter((s) => !url.includes(s)))
      expect(text, `${pattern} shows ${secret}`).not.toContain(secret);
  }
  for (const [pattern, url] of Object.entries(lists(muzhou))) {
    const response = await page.goto(url);
    expect(response?.status(), pattern).toBeLessThan(500);
    const text = await page.content();
    for (const secret of secrets(muzhou).filter((s) => !url.includes(s)))
      expect(text, `${pattern} shows ${secret}`).not.toContain(secret);
  }
});

test("another town's staff get none of 睦洲's rows from the staff route handlers", async ({ page }) => {
  await signIn(page, USERNAME, PASSWORD);
  const year = new Date().getFullYear();
  for (const url of [
    `/api/lawyer/log?lawyer=${muzhou.lawyerId}&month=${year}-01`,
    `/api/staff/dashboard/export?venue=${muzhou.venueSlug}`,
    `/api/staff/report/export?year=${year}`,
  ]) {
    const response = await page.request.get(url);
    if (response.status() === 200) {
      const text = await cellsOf(await response.body());
      for (const secret of secrets(muzhou)) expect(text, `${url} has ${secret}`).not.toContain(secret);
    } else {
      expect([400, 403, 404], `${url} → ${response.status()}`).toContain(response.status());
    }
  }
});
