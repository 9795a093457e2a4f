// The staff side of bookings: lists mask phone numbers, opening one is audited, changes carry a reason.
import { describe, expect, it } from "vitest";
import { bookingInput, createVenueFixture, prisma } from "@/lib/testing/fixtures";
import { createBooking, staffCancelBooking, staffRescheduleBooking } from "./mutations";
import { openBookingForStaff, searchBookings } from "./queries";
import { bookingSearchInput } from "./schema";

const staff = { id: "staff-test", displayName: "测试工作人员", role: "STAFF" };

async function booked() {
  const f = await createVenueFixture();
  const input = bookingInput(f.venue.slug, f.slotOn(1));
  const result = await createBooking(input, { channel: "PHONE", actor: staff });
  if (!result.ok) throw new Error(result.message);
  return { f, input, booking: result.booking };
}

describe("staff bookings", () => {
  it("lists bookings by venue with the phone number masked", async () => {
    const { f, input, booking } = await booked();
    const { rows, total } = await searchBookings(bookingSearchInput.parse({ venue: f.venue.slug }));
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      code: booking.code,
      channel: "PHONE",
      phone: `${input.phone.slice(0, 3)}****${input.phone.slice(-4)}`,
    });
    const byPhone = await searchBookings(bookingSearchInput.parse({ phone: input.phone.slice(-6) }));
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
      ["view", staff.id, `查看预约 ${booking.code} 的个人信息`],
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
