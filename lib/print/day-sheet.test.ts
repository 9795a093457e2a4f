// The day sheet (当天预约名单) against the real PostgreSQL: a venue's bookings of one Shanghai date
// in time order with everything the desk needs, a lawyer's own only, and the opening audited.
import { describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { cancelBooking, createBooking } from "@/lib/booking/mutations";
import { bookingInput, createVenueFixture, lawyerActor, prisma, testTownId } from "@/lib/testing/fixtures";
import { getDaySheet, openDaySheet } from "./queries";

const staff: CurrentUser = { id: "staff-day-sheet", role: "STAFF", displayName: "司法所", lawyerId: null };
/** The staff member's scope in the shared test town, where the fixtures' venues are. */
const asStaff = async () => townScope({ ...staff, townId: await testTownId() }) as TownScope;

async function dayWithBookings() {
  const f = await createVenueFixture({ lawyers: 2 });
  const [a, b] = f.lawyers;
  const book = async (minute: number, lawyerId: string, extra: Record<string, unknown> = {}, days = 2) => {
    const input = bookingInput(f.venue.slug, f.slotOn(days, minute), { lawyerId, ...extra });
    const result = await createBooking(input);
    if (!result.ok) throw new Error(result.message);
    return { ...result.booking, phone: input.phone };
  };
  // Booked out of time order, to see them sorted.
  const late = await book(11 * 60, a.id, { name: "黄伯", village: "南镇村", priorityGroup: "elderly" });
  const early = await book(9 * 60, a.id, { name: "李姨", onBehalfOf: { name: "李小明", relation: "儿子" } });
  const other = await book(10 * 60, b.id, { name: "陈叔" });
  const cancelled = await book(9 * 60 + 30, a.id, { name: "取消的" });
  expect((await cancelBooking({ code: cancelled.code, phone: cancelled.phone })).ok).toBe(true);
  await book(9 * 60, a.id, { name: "别的日子" }, 3);
  return { f, a, b, late, early, other, date: f.dateOn(2) };
}

describe("the day sheet", () => {
  it("lists the venue's bookings of the date in time order, the phone in full, cancelled ones left out", async () => {
    const { f, date, late, early } = await dayWithBookings();
    const sheet = await getDaySheet(await asStaff(), { venue: f.venue.slug, date });
    expect(sheet?.bookings.map((b) => [b.name, b.lawyer])).toEqual([
      ["李姨", f.lawyers[0].name],
      ["陈叔", f.lawyers[1].name],
      ["黄伯", f.lawyers[0].name],
    ]);
    expect(sheet?.bookings[0]).toMatchObject({ phone: early.phone, onBehalfOf: "李小明（儿子）", priorityGroup: null });
    expect(sheet?.bookings[2]).toMatchObject({
      phone: late.phone,
      village: "南镇村",
      priorityGroup: "60岁及以上老人",
      topic: "婚姻家庭",
    });
    expect(sheet?.showLawyer).toBe(true);
    expect(sheet?.duty.map((d) => `${d.from}–${d.to}`)).toEqual(["09:00–12:00", "09:00–12:00"]);
    // By the venue's id too (the lawyer's day view links so).
    expect((await getDaySheet(await asStaff(), { venue: f.venue.id, date }))?.bookings).toHaveLength(3);
    expect(await getDaySheet(await asStaff(), { venue: "no-such-venue", date })).toBeNull();
  });

  it("marks a test client's booking as a test one (issue 25 item 7)", async () => {
    const f = await createVenueFixture();
    const made = await createBooking(bookingInput(f.venue.slug, f.slotOn(2), { name: "测试接入方" }), { test: true });
    expect(made.ok).toBe(true);
    const sheet = await getDaySheet(await asStaff(), { venue: f.venue.slug, date: f.dateOn(2) });
    expect(sheet?.bookings.map((b) => [b.name, b.test])).toEqual([["测试接入方", true]]);
  });

  it("shows a lawyer only their own bookings and duty", async () => {
    const { f, a, date } = await dayWithBookings();
    const sheet = await getDaySheet(lawyerActor(a.id), { venue: f.venue.slug, date });
    expect(sheet?.bookings.map((b) => b.name)).toEqual(["李姨", "黄伯"]);
    expect(sheet?.duty.map((d) => d.lawyer)).toEqual([a.name]);
    expect(sheet?.showLawyer).toBe(false);
    expect(
      await getDaySheet({ id: "x", role: "LAWYER", displayName: "律师", lawyerId: null }, { venue: f.venue.slug, date }),
    ).toBeNull();
  });

  it("is audited as a view of personal data when opened, once per opening", async () => {
    const { f, date } = await dayWithBookings();
    await openDaySheet(await asStaff(), { venue: f.venue.slug, date });
    await openDaySheet(await asStaff(), { venue: f.venue.slug, date });
    const entries = await prisma.auditLog.findMany({ where: { subjectId: `day_sheet:${f.venue.id}:${date}` } });
    expect(entries.map((e) => [e.actorId, e.kind, e.action])).toEqual([[staff.id, "personal_data", "view"]]);
    expect(entries[0].summary).toBe(`查看当天预约名单：${f.venue.name} ${date}（3 个预约的个人信息）`);
  });
});
