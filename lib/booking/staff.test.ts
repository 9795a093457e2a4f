// The staff side of bookings: lists mask phone numbers, opening one is audited, changes carry a reason.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import { bookingInput, createVenueFixture, prisma, testTownId } from "@/lib/testing/fixtures";
import { addDays, zonedInstant } from "@/lib/time";
import { staffCancelBooking, staffCreateBooking, staffRescheduleBooking } from "./mutations";
import { findBooking, openBookingForStaff, searchBookings } from "./queries";
import { bookingSearchInput, findBookingInput, slotValue, staffBookingFormInput } from "./schema";

/** Staff of the test town, where the fixtures' venues are. */
let staff: TownScope;
beforeAll(async () => {
  const townId = await testTownId();
  staff = townScope({ id: "staff-test", displayName: "测试工作人员", role: "STAFF", lawyerId: null, townId }) as TownScope;
});

async function booked() {
  const f = await createVenueFixture();
  const input = bookingInput(f.venue.slug, f.slotOn(1));
  const result = await staffCreateBooking(staff, input, { channel: "PHONE" });
  if (!result.ok) throw new Error(result.message);
  return { f, input, booking: result.booking };
}

describe("staff bookings", () => {
  it("lists bookings by venue with the phone number masked", async () => {
    const { f, input, booking } = await booked();
    const { rows, total } = await searchBookings(staff, bookingSearchInput.parse({ venue: f.venue.slug }));
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      code: booking.code,
      channel: "PHONE",
      phone: `${input.phone.slice(0, 3)}****${input.phone.slice(-4)}`,
    });
    const byPhone = await searchBookings(staff, bookingSearchInput.parse({ phone: input.phone.slice(-6) }));
    expect(byPhone.rows.map((r) => r.code)).toContain(booking.code);
  });

  it("writes the booking made for someone, and every opening of their personal data, to the audit log", async () => {
    const { input, booking } = await booked();
    const id = (await prisma.booking.findUniqueOrThrow({ where: { code: booking.code } })).id;
    const opened = await openBookingForStaff(staff, booking.code);
    expect(opened?.phone).toBe(input.phone);
    const entries = await prisma.auditLog.findMany({ where: { subjectId: id }, orderBy: { at: "asc" } });
    expect(entries.map((e) => [e.kind, e.action])).toEqual([
      ["booking", "create"],
      ["personal_data", "view"],
    ]);
  });

  it("is one opening however often the page renders, one after another or at once", async () => {
    const { booking } = await booked();
    const id = (await prisma.booking.findUniqueOrThrow({ where: { code: booking.code } })).id;
    // The page renders again after each form on it is sent, and two tabs may load it together.
    await openBookingForStaff(staff, booking.code);
    await Promise.all([openBookingForStaff(staff, booking.code), openBookingForStaff(staff, booking.code)]);
    const views = await prisma.auditLog.findMany({ where: { subjectId: id, kind: "personal_data" } });
    expect(views.map((e) => [e.action, e.actorId, e.summary])).toEqual([
      ["view", staff.actor.id, `查看预约 ${booking.code} 的个人信息`],
    ]);
  });

  it("moves and cancels by code with the reason in the audit log", async () => {
    const { f, booking } = await booked();
    const moved = await staffRescheduleBooking(staff, booking.code, { start: f.slotOn(2), reason: "村民要求" });
    expect(moved).toMatchObject({ ok: true });
    const cancelled = await staffCancelBooking(staff, booking.code, "已调解");
    expect(cancelled).toMatchObject({ ok: true, booking: { status: "cancelled", cancelReason: "已调解" } });
    const id = (await prisma.booking.findUniqueOrThrow({ where: { code: booking.code } })).id;
    const summaries = (await prisma.auditLog.findMany({ where: { subjectId: id }, orderBy: { at: "asc" } })).map(
      (e) => e.summary,
    );
    expect(summaries).toEqual([
      `代为预约 ${booking.code}`,
      `改期预约 ${booking.code}：村民要求`,
      `取消预约 ${booking.code}：已调解`,
    ]);
    expect(await staffCancelBooking(staff, "AAAAAA", "x")).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("a booking staff made for a landline caller", () => {
  /** A fresh landline: 0750 (Jiangmen) and seven digits. */
  const landline = () => `0750${String(randomInt(6_000_000, 7_000_000))}`;
  const dashed = (digits: string) => `${digits.slice(0, 4)}-${digits.slice(4)}`;

  async function bookedByPhone(typed: string) {
    const f = await createVenueFixture();
    const form = staffBookingFormInput.parse({
      venue: f.venue.slug,
      slot: slotValue({ start: f.slotOn(1) }),
      name: "固话村民",
      phone: typed,
      topic: "marriage",
      consent: "on",
      channel: "PHONE",
    });
    const result = await staffCreateBooking(staff, form.booking, { channel: form.channel, noteConsent: true });
    if (!result.ok) throw new Error(result.message);
    return { f, booking: result.booking };
  }

  it("is stored one way, and the caller finds it with the number written any way, the code spaced and in lower case", async () => {
    const digits = landline();
    const { booking } = await bookedByPhone(digits);
    expect((await prisma.booking.findUniqueOrThrow({ where: { code: booking.code } })).phone).toBe(dashed(digits));
    const spacedCode = booking.code.toLowerCase().split("").join(" ");
    for (const phone of [digits, dashed(digits), `(${digits.slice(0, 4)}) ${digits.slice(4)}`]) {
      const found = await findBooking(findBookingInput.parse({ code: spacedCode, phone }));
      expect(found?.code, phone).toBe(booking.code);
    }
    // A wrong number and a wrong code both find nothing.
    expect(await findBooking(findBookingInput.parse({ code: booking.code, phone: landline() }))).toBeNull();
    expect(await findBooking(findBookingInput.parse({ code: "AAAAAA", phone: digits }))).toBeNull();
  });

  it("is found by the staff search whether the number is typed with its dash or without, and so are older rows", async () => {
    const digits = landline();
    const { f, booking } = await bookedByPhone(dashed(digits));
    // A row written before numbers were stored one way: the landline without its dash.
    const olderDigits = landline();
    const older = await staffCreateBooking(staff, bookingInput(f.venue.slug, f.slotOn(2), { phone: olderDigits }), {
      channel: "PHONE",
    });
    if (!older.ok) throw new Error(older.message);
    const search = (phone: string) =>
      searchBookings(staff, bookingSearchInput.parse({ venue: f.venue.slug, phone })).then(({ rows }) => rows.map((r) => r.code));
    for (const typed of [dashed(digits), digits, digits.slice(-6)]) expect(await search(typed), typed).toEqual([booking.code]);
    for (const typed of [dashed(olderDigits), olderDigits]) expect(await search(typed), typed).toEqual([older.booking.code]);
    expect(await search("0750-")).toHaveLength(2);
    // The older row's caller finds it too, the number typed with its dash.
    const found = await findBooking(findBookingInput.parse({ code: older.booking.code, phone: dashed(olderDigits) }));
    expect(found?.code).toBe(older.booking.code);
  });
});

describe("the staff list of bookings", () => {
  it("opens on the page that holds today's bookings, not on next year's", async () => {
    const f = await createVenueFixture();
    const lawyerId = f.lawyers[0].id;
    const row = (code: string, day: number) => ({
      code,
      venueId: f.venue.id,
      lawyerId,
      startsAt: zonedInstant(addDays(f.today, day), 9 * 60),
      endsAt: zonedInstant(addDays(f.today, day), 9 * 60 + 30),
      name: "列表村民",
      phone: "13800000000",
      topicId: f.topic.id,
      channel: "PHONE" as const,
      consentAt: new Date(),
    });
    const tag = String(randomInt(100_000, 999_999));
    // 55 after today (more than a page of 50), one today, one yesterday.
    await prisma.booking.createMany({
      data: [
        ...Array.from({ length: 55 }, (_, i) => row(`L${tag}${String(i).padStart(2, "0")}`, i + 1)),
        row(`T${tag}`, 0),
        row(`Y${tag}`, -1),
      ],
    });
    const opened = await searchBookings(staff, bookingSearchInput.parse({ venue: f.venue.slug }));
    expect(opened.page).toBe(2);
    expect(opened.rows.map((r) => r.code)).toContain(`T${tag}`);
    // Asked for, page 1 is the latest bookings, as before.
    const first = await searchBookings(staff, bookingSearchInput.parse({ venue: f.venue.slug, page: "1" }));
    expect(first.page).toBe(1);
    expect(first.rows.map((r) => r.code)).not.toContain(`T${tag}`);
  });
});
