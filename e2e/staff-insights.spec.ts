// Staff read the demand dashboard and the year's figures, follow a number to the services behind
// it and download the file; a lawyer reaches neither the pages nor the export.
import { randomInt, randomUUID } from "node:crypto";
import { signIn } from "./pages/login";
import { expectAccessible } from "./support/accessibility";
import { expect, pinClock, test } from "./support/clock";
import { withE2eDatabase } from "./support/database";

const STAFF = ["staff", "muzhou-staff-2026"] as const;
const LAWYER = ["lawyer1", "muzhou-lawyer-2026"] as const;

// The demo seed has no finished consultations: two of our own, earlier today at the town station,
// one of them with a document written. Removed again afterwards so other specs see the seed alone.
const name = `统计测试${randomInt(100_000, 999_999)}`;
const phone = `1359${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
const ids = { booking: randomUUID(), walkIn: randomUUID() };

test.beforeAll(async () => {
  await pinClock();
  await withE2eDatabase(async (db) => {
    const refs = await db.query<{ venue: string; lawyer: string; topic: string }>(
      `SELECT v.id AS venue, l.id AS lawyer, t.id AS topic FROM venue v, lawyer l JOIN app_user u ON u.id = l.user_id, topic t
       WHERE v.slug = 'station' AND u.username = 'lawyer1' AND t.code = 'marriage'`,
    );
    const { venue, lawyer, topic } = refs.rows[0];
    // 00:00 Shanghai today: never in the future, always this calendar year, and outside anyone's duty hours.
    const start = "date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'";
    await db.query(
      `INSERT INTO booking (id, code, venue_id, lawyer_id, starts_at, ends_at, status, name, phone, topic_id, channel, consent_at, updated_at, outcomes, minutes_spent)
       VALUES ($1, $2, $3, $4, ${start}, ${start} + interval '30 minutes', 'DONE', $5, $6, $7, 'PHONE', now(), now(),
               ARRAY['CONSULTATION','DOCUMENT']::"Outcome"[], 30)`,
      [
        ids.booking,
        `T${randomInt(10_000, 99_999)}`.replace(/[0-9]/g, (d) => "ACDEFHJKMN"[Number(d)]),
        venue,
        lawyer,
        name,
        phone,
        topic,
      ],
    );
    await db.query(
      `INSERT INTO walk_in (id, venue_id, lawyer_id, at, name, topic_id, outcomes, minutes_spent)
       VALUES ($1, $2, $3, ${start}, $4, $5, ARRAY['CONSULTATION']::"Outcome"[], 20)`,
      [ids.walkIn, venue, lawyer, name, topic],
    );
  });
});

test.afterAll(async () => {
  await withE2eDatabase(async (db) => {
    await db.query("DELETE FROM booking WHERE id = $1", [ids.booking]);
    await db.query("DELETE FROM walk_in WHERE id = $1", [ids.walkIn]);
  });
});

test("staff filter the demand dashboard and read a chart with its table", async ({ page }) => {
  await signIn(page, ...STAFF);
  await page.goto("/staff/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "需求分析" })).toBeVisible();
  await expect(page.getByRole("table", { name: "每周数字（周一开始）" }).getByRole("row")).toHaveCount(13);
  await expectAccessible(page);

  await page.getByLabel("服务地点", { exact: true }).selectOption({ label: "睦洲镇公共法律服务工作站" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/venue=station/);
  await expect(page.getByRole("img", { name: /^每周预约和现场咨询：共 \d+ 人次/ })).toBeVisible();
  const venues = page.getByRole("table", { name: /各服务地点（利用率/ });
  await expect(venues.getByRole("row")).toHaveCount(2);
  await expect(venues.getByRole("rowheader")).toHaveText("睦洲镇公共法律服务工作站");
  await expect(page.getByRole("img", { name: /一周中哪天、几点预约最多/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /按星期和开始时间/ }).getByRole("rowheader")).toHaveCount(7);

  await page.getByLabel("开始日期", { exact: true }).fill("2026-02-10");
  await page.getByLabel("结束日期", { exact: true }).fill("2026-01-10");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "筛选条件有误" })).toContainText("结束日期不能早于开始日期");
  await expect(page.getByLabel("结束日期", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("staff read the year's figures, follow a number to its services and download the workbook", async ({ page }) => {
  await signIn(page, ...STAFF);
  await page.goto("/staff/report");
  await expect(page.getByRole("heading", { level: 1, name: "年度数据" })).toBeVisible();
  await expect(page.getByText(/接待服务对象 \d+ 人次/)).toBeVisible();
  await expectAccessible(page);

  const documents = page.getByRole("link", { name: /^睦洲镇公共法律服务工作站 出具法律文书 \d+ 件，查看明细$/ });
  const count = Number(((await documents.getAttribute("aria-label")) ?? "").match(/(\d+) 件/)?.[1]);
  expect(count).toBeGreaterThanOrEqual(1);
  await documents.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`出具法律文书（代写法律文书）：${count} 件`);
  const mine = page.getByRole("row").filter({ hasText: name });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  await expect(mine).not.toContainText(phone);
  await expectAccessible(page);

  await page.getByRole("link", { name: "回到年度数据" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 Excel（XLSX）" }).click();
  expect((await download).suggestedFilename()).toMatch(/^睦洲镇-公共法律服务年度数据-\d{4}-01-01至\d{4}-12-31\.xlsx$/);
});

test("a lawyer cannot open the dashboard or download its export", async ({ page }) => {
  await signIn(page, ...LAWYER);
  await page.goto("/staff/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "没有权限" })).toBeVisible();
  const response = await page.request.get("/api/staff/dashboard/export?format=xlsx");
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
  const report = await page.request.get("/api/staff/report/export");
  expect(report.status()).toBe(403);
});
