// The private calendar feed: duty and bookings, never a villager's phone; a new token revokes the old one.
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { townScope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { createBooking } from "@/lib/booking/mutations";
import { addOverride, removeOverride } from "@/lib/holidays/mutations";
import { bookingInput, createVenueFixture } from "@/lib/testing/fixtures";
import { addDays, toDateString, zonedInstant } from "@/lib/time";
import { buildCalendar } from "./ics";
import { replaceCalendarToken, revokeCalendarToken } from "./mutations";
import { loadCalendarFeed } from "./queries";

const actorFor = (lawyerId: string): CurrentUser => ({ id: `user-${lawyerId}`, role: "LAWYER", displayName: "律师", lawyerId });

describe("calendar feed", () => {
  it("lists duty sessions and bookings with topic and initial, and no phone numbers", async () => {
    const f = await createVenueFixture();
    const lawyer = actorFor(f.lawyers[0].id);
    const input = bookingInput(f.venue.slug, f.slotOn(2), { name: "王小明", description: "电话 13912345678 可联系" });
    const booked = await createBooking(input);
    if (!booked.ok) throw new Error(booked.message);
    const created = await replaceCalendarToken(lawyer, lawyer.lawyerId as string);
    if (!created.ok) throw new Error(created.message);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const feed = await loadCalendarFeed(created.token);
    if (!feed) throw new Error("no feed");
    const duty = feed.events.filter((e) => e.summary.startsWith("坐班"));
    expect(duty.length).toBeGreaterThanOrEqual(50); // every day for 8 weeks, less statutory holidays
    const booking = feed.events.find((e) => e.uid.startsWith("booking-"));
    expect(booking).toMatchObject({ summary: "预约咨询：王某（婚姻家庭）", start: f.slotOn(2) });
    const ics = buildCalendar({ name: feed.lawyerName, events: feed.events });
    expect(ics).not.toContain(input.phone);
    expect(ics).not.toContain("王小明");
    expect(ics.replace(/\r\n /g, "")).not.toMatch(/1[3-9]\d{9}/);
  });

  it("stops answering the old token once a new one is made, and any token once revoked", async () => {
    const f = await createVenueFixture();
    const lawyer = actorFor(f.lawyers[0].id);
    const first = await replaceCalendarToken(lawyer, lawyer.lawyerId as string);
    const second = await replaceCalendarToken(lawyer, lawyer.lawyerId as string);
    if (!first.ok || !second.ok) throw new Error("token not made");
    // Only the second replaced a link: only then is the lawyer told the old one stopped working.
    expect([first.replaced, second.replaced]).toEqual([false, true]);
    expect(await loadCalendarFeed(first.token)).toBeNull();
    expect(await loadCalendarFeed(second.token)).not.toBeNull();
    expect(await revokeCalendarToken(lawyer, lawyer.lawyerId as string)).toEqual({ ok: true });
    expect(await loadCalendarFeed(second.token)).toBeNull();
    expect(await loadCalendarFeed("not-a-token")).toBeNull();
  });

  it("another lawyer cannot replace or revoke someone else's token", async () => {
    const f = await createVenueFixture({ lawyers: 2 });
    const [a, b] = f.lawyers.map((l) => actorFor(l.id));
    const mine = await replaceCalendarToken(b, b.lawyerId as string);
    if (!mine.ok) throw new Error(mine.message);
    expect(await replaceCalendarToken(a, b.lawyerId as string)).toMatchObject({ ok: false, code: "not_found" });
    expect(await revokeCalendarToken(a, b.lawyerId as string)).toMatchObject({ ok: false, code: "not_found" });
    expect(await loadCalendarFeed(mine.token)).not.toBeNull();
  });

  it("has no duty on 2027-01-01 (元旦), a year chinese-days has no notice for yet", async () => {
    const now = new Date("2026-12-10T09:00:00+08:00");
    const f = await createVenueFixture({ now });
    const lawyer = actorFor(f.lawyers[0].id);
    const created = await replaceCalendarToken(lawyer, lawyer.lawyerId as string);
    if (!created.ok) throw new Error(created.message);
    const feed = await loadCalendarFeed(created.token, { now, weeks: 4 });
    const dutyDates = feed?.events.filter((e) => e.summary.startsWith("坐班")).map((e) => toDateString(e.start));
    expect(dutyDates).toContain("2026-12-31");
    expect(dutyDates).not.toContain("2027-01-01");
    expect(dutyDates).toContain("2027-01-02");
  });

  it("follows a staff override, like the slots do", async () => {
    // A March day of the 2080s: no notice, no fixed-date holiday, and no other test's override.
    const closed = addDays(`${2080 + randomInt(0, 10)}-03-01`, randomInt(0, 28));
    const now = zonedInstant(addDays(closed, -3), 9 * 60);
    const f = await createVenueFixture({ now });
    const lawyer = actorFor(f.lawyers[0].id);
    const created = await replaceCalendarToken(lawyer, lawyer.lawyerId as string);
    if (!created.ok) throw new Error(created.message);
    // Holiday overrides are an administrator's (lib/auth/can.ts manageHolidays).
    const staff = townScope({
      id: "feed-test-admin",
      role: "ADMIN",
      displayName: "测试员",
      lawyerId: null,
      townId: f.venue.townId,
    });
    if (!staff) throw new Error("no scope");
    const override = await addOverride(staff, { date: closed, kind: "HOLIDAY", note: "台风停工" });
    if (!override.ok) throw new Error(override.message);
    try {
      const feed = await loadCalendarFeed(created.token, { now, weeks: 1 });
      const dutyDates = feed?.events.filter((e) => e.summary.startsWith("坐班")).map((e) => toDateString(e.start));
      expect(dutyDates).toContain(addDays(closed, -1));
      expect(dutyDates).not.toContain(closed);
    } finally {
      await removeOverride(staff, override.id);
    }
  });
});
