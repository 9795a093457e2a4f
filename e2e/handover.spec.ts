// Bookings change hands (issue 9 item 9) and walk-ins are voided (item 8). The lawyers, their
// venue (inactive, so no public page, poster or rota changes for the other specs) and the bookings
// are this spec's own, written straight to the database and removed afterwards.
import { randomInt } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { generateBookingCode } from "../lib/booking/code";
import { addDays, todayInShanghai, zonedInstant } from "../lib/time";
import { BookingPages, expectNoAxeViolations, randomPhone } from "./pages/booking-pages";
import { signIn } from "./pages/login";
import { withE2eDatabase } from "./support/database";

const STAFF = ["staff", "muzhou-staff-2026"] as const;
const LAWYER1 = ["lawyer1", "muzhou-lawyer-2026"] as const;

const tag = `ho${randomInt(100_000, 999_999)}`;
const day = addDays(todayInShanghai(), 2);
const lawyers = {
  leaving: { id: `${tag}-leaving`, name: `离任律师${tag.slice(-4)}` },
  colleague: { id: `${tag}-colleague`, name: `接手律师${tag.slice(-4)}` },
  holder: { id: `${tag}-holder`, name: `原定律师${tag.slice(-4)}` },
  taker: { id: `${tag}-taker`, name: `改派律师${tag.slice(-4)}` },
};
const venueId = `${tag}-venue`;

type Booked = { id: string; code: string; name: string; phone: string };

async function insertBooking(lawyerId: string, minute: number, name: string): Promise<Booked> {
  const booking = { id: `${tag}-${lawyerId.slice(-6)}-${minute}`, code: generateBookingCode(), name, phone: randomPhone() };
  await withE2eDatabase((db) =>
    db.query(
      `INSERT INTO booking (id, code, venue_id, lawyer_id, starts_at, ends_at, name, phone, topic_id, consent_at, updated_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, t.id, now(), now() FROM topic t WHERE t.code = 'other'`,
      [
        booking.id,
        booking.code,
        venueId,
        lawyerId,
        zonedInstant(day, minute),
        zonedInstant(day, minute + 30),
        name,
        booking.phone,
      ],
    ),
  );
  return booking;
}

const bookings: Partial<Record<"leaving" | "holder", Booked>> = {};

test.beforeAll(async () => {
  await withE2eDatabase(async (db) => {
    await db.query(
      `INSERT INTO venue (id, slug, kind, name, village, address, active, town_id, updated_at)
       VALUES ($1, $2, 'WORKROOM', $3, '交接村', '交接测试地址', false, (SELECT id FROM town WHERE slug = 'muzhou'), now())`,
      [venueId, `handover-${tag}`, `交接测试工作室${tag.slice(-4)}`],
    );
    for (const l of Object.values(lawyers)) {
      await db.query(
        `INSERT INTO lawyer (id, name, firm, public_phone, updated_at) VALUES ($1, $2, '测试律师事务所', '13800000000', now())`,
        [l.id, l.name],
      );
      await db.query(`INSERT INTO lawyer_venue (lawyer_id, venue_id) VALUES ($1, $2)`, [l.id, venueId]);
      // An extra morning on that one day: holidays do not close it, as they close weekly sessions.
      await db.query(
        `INSERT INTO duty_exception (id, lawyer_id, venue_id, kind, date, start_minute, end_minute)
         VALUES ($1, $2, $3, 'EXTRA', $4, 540, 720)`,
        [`${l.id}-extra`, l.id, venueId, day],
      );
    }
  });
  bookings.leaving = await insertBooking(lawyers.leaving.id, 9 * 60, `交接村民${tag.slice(-4)}`);
  bookings.holder = await insertBooking(lawyers.holder.id, 10 * 60, `改派村民${tag.slice(-4)}`);
});

test.afterAll(async () => {
  const ids = Object.values(lawyers).map((l) => l.id);
  await withE2eDatabase(async (db) => {
    await db.query("DELETE FROM notification WHERE booking_id IN (SELECT id FROM booking WHERE venue_id = $1)", [venueId]);
    await db.query("DELETE FROM booking WHERE venue_id = $1", [venueId]);
    await db.query("DELETE FROM duty_exception WHERE lawyer_id = ANY($1)", [ids]);
    await db.query("DELETE FROM duty_session WHERE lawyer_id = ANY($1)", [ids]);
    await db.query("DELETE FROM lawyer_venue WHERE venue_id = $1", [venueId]);
    await db.query("DELETE FROM lawyer WHERE id = ANY($1)", [ids]);
    await db.query("DELETE FROM venue WHERE id = $1", [venueId]);
  });
});

async function lawyerOf(bookingId: string): Promise<string> {
  return withE2eDatabase(async (db) => {
    const { rows } = await db.query("SELECT lawyer_id FROM booking WHERE id = $1", [bookingId]);
    return (rows[0] as { lawyer_id: string }).lawyer_id;
  });
}

/** The texts queued for a booking: a change (and its reminders, planned again), or a cancellation. */
async function textsTo(bookingId: string): Promise<string[]> {
  return withE2eDatabase(async (db) => {
    const { rows } = await db.query(
      "SELECT DISTINCT kind FROM notification WHERE booking_id = $1 AND kind IN ('CHANGE', 'CANCELLATION')",
      [bookingId],
    );
    return rows.map((r) => (r as { kind: string }).kind);
  });
}

test("staff deactivate a lawyer who still has a booking: it must be handed over, then the villager is told", async ({ page }) => {
  const booking = bookings.leaving as Booked;
  await signIn(page, ...STAFF);
  await page.goto(`/staff/lawyers/${lawyers.leaving.id}`);
  await page.getByText("停用这位律师…").click();
  await page.getByRole("button", { name: "确认停用" }).click();

  // Nothing is changed yet: the booking is listed with who could take it.
  const choice = page.getByRole("group", { name: new RegExp(booking.name) });
  await expect(choice).toContainText(`预约号 ${booking.code}`);
  await expect(choice.getByLabel(`交给 ${lawyers.colleague.name} 律师接待（时间地点不变）`)).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await lawyerOf(booking.id)).toBe(lawyers.leaving.id);

  // Confirming without a choice is refused beside the booking.
  await page.getByRole("button", { name: "确认停用并通知村民" }).click();
  await expect(choice.getByText("错误：请为这个预约选择：交给其他律师、改到其他时间，或取消。")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("已停用");

  await choice.getByLabel(`交给 ${lawyers.colleague.name} 律师接待（时间地点不变）`).check();
  await page.getByRole("button", { name: "确认停用并通知村民" }).click();
  await expect(page.getByRole("status").filter({ hasText: "律师已停用" })).toContainText(
    "1 个预约已按您的选择交给其他律师或取消",
  );
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已停用");
  await expect(page.getByRole("region", { name: "仍需改派的预约" })).toContainText("没有需要改派的预约。");
  expect(await lawyerOf(booking.id)).toBe(lawyers.colleague.id);
  expect(await textsTo(booking.id)).toEqual(["CHANGE"]);
});

test("staff give a booking to another free lawyer from its page; a lawyer booked meanwhile is refused; the villager sees the new lawyer", async ({
  page,
  browser,
}) => {
  const booking = bookings.holder as Booked;
  await signIn(page, ...STAFF);
  await page.goto(`/staff/bookings/${booking.code}`);
  const section = page.getByRole("region", { name: "改由其他律师接待" });
  await expect(section.getByLabel(`${lawyers.taker.name} 律师`)).toBeVisible();
  await expectNoAxeViolations(page);

  // The taker is booked at that very time after the page was shown: a clear refusal, nothing changed.
  await insertBooking(lawyers.taker.id, 10 * 60, `抢先村民${tag.slice(-4)}`);
  await section.getByLabel(`${lawyers.taker.name} 律师`).check();
  await section.getByRole("button", { name: "确认改派并通知村民" }).click();
  await expect(section.getByText("错误：这位律师这个时间已有预约，请选择其他律师。")).toBeVisible();
  expect(await lawyerOf(booking.id)).toBe(lawyers.holder.id);

  await section.getByLabel(`${lawyers.colleague.name} 律师`).check();
  await section.getByRole("button", { name: "确认改派并通知村民" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已改由 ${lawyers.colleague.name} 律师接待` })).toBeVisible();
  expect(await lawyerOf(booking.id)).toBe(lawyers.colleague.id);
  expect(await textsTo(booking.id)).toEqual(["CHANGE"]);

  // The villager's own page, on their phone.
  const context = await browser.newContext();
  const villager = new BookingPages(await context.newPage());
  await villager.lookUp(booking.code, booking.phone);
  await expect(villager.page.getByText(lawyers.colleague.name).first()).toBeVisible();
  await expect(villager.page.getByText(`您的预约已改由 ${lawyers.colleague.name} 律师接待，时间地点不变`)).toBeVisible();
  await context.close();
});

/** A walk-in of lawyer1 at 睦洲社区 early today, written straight to the database. */
async function walkInOfLawyer1(name: string): Promise<string> {
  const id = `${tag}-walk-in-${randomInt(1_000_000)}`;
  await withE2eDatabase((db) =>
    db.query(
      `INSERT INTO walk_in (id, venue_id, lawyer_id, at, name, topic_id, outcomes, minutes_spent)
       SELECT $1, v.id, l.id, $2, $3, t.id, '{CONSULTATION}', 15
       FROM venue v, lawyer l JOIN app_user u ON u.id = l.user_id, topic t
       WHERE v.slug = 'muzhou-shequ' AND u.username = 'lawyer1' AND t.code = 'other'`,
      [id, zonedInstant(todayInShanghai(), 5), name],
    ),
  );
  return id;
}

async function expectFitsPhone(page: Page) {
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test("a lawyer corrects a walk-in from the work log, then voids it with a reason, and it leaves the log", async ({ page }) => {
  const name = `作废测试${tag.slice(-4)}`;
  await walkInOfLawyer1(name);
  await signIn(page, ...LAWYER1);
  await page.goto(`/lawyer/log?month=${todayInShanghai().slice(0, 7)}`);
  const entry = page.getByRole("listitem").filter({ hasText: name });
  await expect(entry).toContainText("15 分钟");
  await entry.getByRole("link", { name: `修改或作废：${name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("修改或作废现场咨询记录");
  await expectFitsPhone(page);

  await page.getByLabel("用时（分钟）").fill("25");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "现场咨询记录已修改" })).toBeVisible();
  await expect(page.getByLabel("用时（分钟）")).toHaveValue("25");

  await page.getByRole("button", { name: "作废这条记录" }).click();
  await expect(page.getByText("错误：请写明作废的原因，例如“重复登记”。")).toBeVisible();
  await expectFitsPhone(page);
  await page.getByLabel("作废原因").fill("重复登记");
  await page.getByRole("button", { name: "作废这条记录" }).click();
  await expect(page.getByRole("status").filter({ hasText: "这条现场咨询记录已作废" })).toBeVisible();
  await expect(page.getByRole("button", { name: "保存修改" })).toHaveCount(0);

  await page.getByRole("link", { name: /返回工作日志/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: /服务记录/ })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
});

test("staff find walk-ins, marked when voided, and open one to correct or void", async ({ page }) => {
  const name = `员工查看${tag.slice(-4)}`;
  const id = await walkInOfLawyer1(name);
  await signIn(page, ...STAFF);
  await page.goto("/staff/walk-ins");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: new RegExp(`^修改或作废：.*${name}$`) }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/walk-ins/${id}$`));
  await expect(page.getByLabel("接待律师")).toHaveValue(/.+/);
  await expectNoAxeViolations(page);
  await page.getByLabel("作废原因").fill("记错了律师");
  await page.getByRole("button", { name: "作废这条记录" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已作废" })).toBeVisible();
  await page.goto("/staff/walk-ins");
  await expect(page.getByRole("row").filter({ hasText: `${name}（已作废）` })).toBeVisible();
});
