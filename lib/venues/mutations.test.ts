// Staff edit venues; every change is audited in its own transaction. Against the real PostgreSQL.
import { describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { listVenueSlots } from "@/lib/availability/queries";
import { createBooking } from "@/lib/booking/mutations";
import { bookingInput, createVenueFixture, prisma, testTownId } from "@/lib/testing/fixtures";
import { updateVenue } from "./mutations";
import { listVenueChoices, listVenues, venueWithLawyers } from "./queries";
import { type VenueInput, venueInput } from "./schema";

const staff: CurrentUser = { id: "venue-test-staff", role: "STAFF", displayName: "司法所测试员", lawyerId: null };
/** The staff member's scope in the shared test town, where the fixtures' venues are. */
const asStaff = async () => townScope({ ...staff, townId: await testTownId() }) as TownScope;

function inputFor(venue: { name: string; village: string | null; address: string }, extra: Partial<VenueInput> = {}): VenueInput {
  return {
    name: venue.name,
    village: venue.village,
    address: venue.address,
    phone: null,
    openingNotes: null,
    slotMinutes: 30,
    minNoticeMinutes: 120,
    horizonDays: 28,
    isDemonstration: false,
    offHoursBooking: false,
    active: true,
    confirmed: true,
    ...extra,
  };
}

describe("updateVenue", () => {
  it("saves the details and writes one audit entry naming each change", async () => {
    const { venue } = await createVenueFixture();
    const result = await updateVenue(
      await asStaff(),
      venue.id,
      inputFor(venue, { address: "睦洲镇新地址 8 号", phone: "0750-6123456", slotMinutes: 45 }),
    );
    expect(result).toEqual({ ok: true, changed: ["地址", "电话", "每个时段分钟数"] });
    expect(await prisma.venue.findUniqueOrThrow({ where: { id: venue.id } })).toMatchObject({
      address: "睦洲镇新地址 8 号",
      phone: "0750-6123456",
      slotMinutes: 45,
    });
    const entries = await prisma.auditLog.findMany({ where: { subjectId: venue.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "venue", action: "update", actorId: staff.id, actorName: "司法所测试员" });
    expect(entries[0].summary).toContain("地址 测试地址 → 睦洲镇新地址 8 号");
  });

  it("writes nothing when nothing changed", async () => {
    const { venue } = await createVenueFixture();
    expect(await updateVenue(await asStaff(), venue.id, inputFor(venue))).toEqual({ ok: true, changed: [] });
    expect(await prisma.auditLog.count({ where: { subjectId: venue.id } })).toBe(0);
  });

  it("an inactive venue keeps its bookings but takes no new ones and leaves the public list", async () => {
    const f = await createVenueFixture();
    const booked = await createBooking(bookingInput(f.venue.slug, f.slotOn(2)));
    expect(booked.ok).toBe(true);
    expect(await updateVenue(await asStaff(), f.venue.id, inputFor(f.venue, { active: false }))).toMatchObject({ ok: true });
    expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(1);
    expect(await createBooking(bookingInput(f.venue.slug, f.slotOn(3)))).toMatchObject({ ok: false, code: "invalid_input" });
    expect((await listVenues()).map((v) => v.slug)).not.toContain(f.venue.slug);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: f.venue.id } });
    expect(entry.summary).toContain("接受预约 是 → 否");
  });

  it("a venue not confirmed is hidden from villagers and takes no bookings until staff confirm it", async () => {
    const f = await createVenueFixture();
    await prisma.venue.update({ where: { id: f.venue.id }, data: { confirmed: false } });
    expect((await listVenues()).map((v) => v.slug)).not.toContain(f.venue.slug);
    expect(await listVenueSlots(f.venue.slug, { now: new Date() })).toBeNull();
    expect(await createBooking(bookingInput(f.venue.slug, f.slotOn(2)))).toMatchObject({ ok: false, code: "invalid_input" });

    expect(await updateVenue(await asStaff(), f.venue.id, inputFor(f.venue, { confirmed: true }))).toMatchObject({ ok: true });
    expect((await listVenues()).map((v) => v.slug)).toContain(f.venue.slug);
    expect((await createBooking(bookingInput(f.venue.slug, f.slotOn(2)))).ok).toBe(true);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { subjectId: f.venue.id } });
    expect(entry.summary).toContain("已核实 否 → 是");
  });

  it("answers an unknown venue with not_found, and a lawyer has no town scope to call it with", async () => {
    const { venue } = await createVenueFixture();
    expect(await updateVenue(await asStaff(), "no-such-venue", inputFor(venue))).toMatchObject({ ok: false, code: "not_found" });
    const lawyer: CurrentUser = { id: "x", role: "LAWYER", displayName: "律师", lawyerId: "l" };
    expect(townScope(lawyer)).toBeNull();
    expect((await prisma.venue.findUniqueOrThrow({ where: { id: venue.id } })).address).toBe("测试地址");
  });
});

describe("staff's venue choices for a lawyer's record", () => {
  it("name each venue's active lawyers after it, and say when it has none", async () => {
    const f = await createVenueFixture({ lawyers: 2 });
    const empty = await createVenueFixture({ lawyers: 0 });
    await prisma.lawyer.update({ where: { id: f.lawyers[1].id }, data: { active: false } });
    const choices = await listVenueChoices(await asStaff());
    const label = (id: string) => {
      const venue = choices.find((v) => v.id === id);
      return venue && venueWithLawyers(venue);
    };
    expect(label(f.venue.id)).toBe(`${f.venue.name} · ${f.lawyers[0].name}`);
    expect(label(empty.venue.id)).toBe(`${empty.venue.name} · 暂无服务律师`);
  });
});

describe("venueInput", () => {
  const form = { name: "南镇村工作室", address: "南镇村委会", slotMinutes: "30", minNoticeMinutes: "0", horizonDays: "28" };

  it("reads a form: checkboxes, blank optional fields, whole numbers", () => {
    expect(venueInput.parse({ ...form, village: "", phone: " ", active: "on" })).toMatchObject({
      village: null,
      phone: null,
      minNoticeMinutes: 0,
      active: true,
      isDemonstration: false,
    });
  });

  it("keeps slot length, notice and horizon within their limits, in plain Chinese", () => {
    const errors = (extra: Record<string, string>) => venueInput.safeParse({ ...form, ...extra }).error?.issues[0]?.message;
    expect(errors({ slotMinutes: "5" })).toBe("每个时段至少 10 分钟。");
    expect(errors({ slotMinutes: "241" })).toBe("每个时段最多 240 分钟。");
    expect(errors({ minNoticeMinutes: "-1" })).toBe("提前时间不能是负数，不需要提前请填 0。");
    expect(errors({ horizonDays: "0" })).toBe("至少要能提前 1 天预约。");
    expect(errors({ horizonDays: "367" })).toBe("最多只能提前 366 天预约。");
    expect(errors({ horizonDays: "" })).toContain("请填写可以提前多少天预约");
    expect(errors({ slotMinutes: "10", horizonDays: "366" })).toBeUndefined();
  });
});
