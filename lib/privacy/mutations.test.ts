// Personal data over time, against the real PostgreSQL. The purge runs at a `now` in 2005 and the
// records here are from 2001–2004, years no other test writes, so it anonymises only these; the
// tests of this file run one after the other, so the retention settings they change are theirs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Forbidden } from "@/lib/auth/can";
import { type DistrictScope, districtScope, type TownScope, townScope } from "@/lib/auth/scope";
import { generateBookingCode } from "@/lib/booking/code";
import { findBooking } from "@/lib/booking/queries";
import type { BookingStatus } from "@/lib/generated/prisma/client";
import { loadDashboard } from "@/lib/stats/dashboard/queries";
import { loadReport } from "@/lib/stats/report/queries";
import { createVenueFixture, everyTown, prisma, testTownId, uniquePhone } from "@/lib/testing/fixtures";
import { toDbDate, zonedInstant } from "@/lib/time";
import { anonymiseExpired, deleteOwnBookingData, REMOVED_NAME, saveRetentionSettings } from "./mutations";
import { getRetentionSettings } from "./queries";
import { DEFAULT_RETENTION, retentionInput } from "./schema";

const NOW = zonedInstant("2005-01-10", 10 * 60);
/** A town's administrator (the retention periods are an administrator's), or a staff member of the town. */
async function townAccount(role: "ADMIN" | "STAFF"): Promise<TownScope> {
  const actor = { id: `privacy-test-${role.toLowerCase()}`, role, displayName: "司法所测试员", lawyerId: null };
  return townScope({ ...actor, townId: await testTownId() }, null) as TownScope;
}

const resetRetention = () =>
  prisma.retentionSetting.upsert({ where: { id: 1 }, update: DEFAULT_RETENTION, create: { id: 1, ...DEFAULT_RETENTION } });
beforeEach(resetRetention);
afterAll(resetRetention);

type Fixture = Awaited<ReturnType<typeof createVenueFixture>>;

function book(f: Fixture, date: string, status: BookingStatus, extra: { lawyer?: number; minute?: number } = {}) {
  const minute = extra.minute ?? 9 * 60;
  return prisma.booking.create({
    data: {
      code: generateBookingCode(),
      venueId: f.venue.id,
      lawyerId: f.lawyers[extra.lawyer ?? 0].id,
      topicId: f.topic.id,
      startsAt: zonedInstant(date, minute),
      endsAt: zonedInstant(date, minute + 30),
      status,
      name: "张三",
      phone: uniquePhone(),
      village: "南镇村",
      note: "关于宅基地的纠纷",
      noteConsentAt: zonedInstant(date, 8 * 60),
      onBehalfOfName: "张小三",
      onBehalfOfRelation: "儿子",
      priorityGroup: "elderly",
      cancelReason: status === "CANCELLED" ? "张三那天没空" : null,
      lawyerNote: status === "DONE" ? "建议先调解" : null,
      outcomes: status === "DONE" ? ["CONSULTATION", "DOCUMENT"] : [],
      minutesSpent: status === "DONE" ? 25 : null,
      consentAt: zonedInstant(date, 8 * 60),
      createdAt: zonedInstant(date, 8 * 60),
      notifications: {
        create: { key: `privacy-test:${randomUUID()}`, kind: "CANCELLATION", phone: "13900000000", message: "张三您好" },
      },
    },
  });
}

function walkIn(f: Fixture, date: string) {
  return prisma.walkIn.create({
    data: {
      venueId: f.venue.id,
      lawyerId: f.lawyers[0].id,
      topicId: f.topic.id,
      at: zonedInstant(date, 10 * 60),
      name: "李四",
      phone: uniquePhone(),
      village: "南镇村",
      outcomes: ["CONSULTATION"],
      minutesSpent: 15,
      lawyerNote: "李四的情况",
    },
  });
}

/** A waitlist entry joined on `date`; `ended` the day it ended (booked, left or lapsed), if it has. */
function waitlistEntry(f: Fixture, date: string, ended?: string) {
  return prisma.waitlistEntry.create({
    data: {
      venueId: f.venue.id,
      name: "赵六",
      phone: uniquePhone(),
      topicId: f.topic.id,
      fromDate: toDbDate(date),
      toDate: toDbDate(date),
      consentAt: zonedInstant(date, 9 * 60),
      createdAt: zonedInstant(date, 9 * 60),
      ...(ended ? { status: "LAPSED" as const, endedAt: zonedInstant(ended, 9 * 60) } : {}),
    },
  });
}

function callback(f: Fixture, date: string, handled = false) {
  return prisma.callbackRequest.create({
    data: {
      venueId: f.venue.id,
      name: "王五",
      phone: uniquePhone(),
      topicCode: "marriage",
      note: "请下午打来",
      consentAt: zonedInstant(date, 9 * 60),
      createdAt: zonedInstant(date, 9 * 60),
      ...(handled ? { handledAt: zonedInstant(date, 11 * 60), handledNote: "已回电给王五" } : {}),
    },
  });
}

/** Old records (past the default periods at NOW) and recent ones. */
async function records() {
  const f = await createVenueFixture({ lawyers: 2 });
  const old = {
    done: await book(f, "2001-06-01", "DONE"),
    // The same time with the other lawyer: two anonymised bookings must not clash as "one phone".
    doneAlongside: await book(f, "2001-06-01", "DONE", { lawyer: 1 }),
    cancelled: await book(f, "2001-06-04", "CANCELLED"),
    noShow: await book(f, "2001-06-05", "NO_SHOW"),
    neverMarked: await book(f, "2001-06-06", "CONFIRMED"),
  };
  const recent = { done: await book(f, "2002-03-01", "DONE"), cancelled: await book(f, "2004-12-20", "CANCELLED") };
  const walkIns = { old: await walkIn(f, "2001-06-02"), recent: await walkIn(f, "2002-02-01") };
  const callbacks = {
    old: await callback(f, "2004-06-30", true),
    oldOpen: await callback(f, "2004-05-01"),
    recent: await callback(f, "2004-07-20"),
  };
  // Waitlist entries are kept 6 months (the default) from their end, then deleted whole.
  const waitlist = {
    ended: await waitlistEntry(f, "2004-05-01", "2004-06-01"),
    endedRecently: await waitlistEntry(f, "2004-11-01", "2004-12-01"),
    // Still waiting (a test clock in 2005 sees it as open): never deleted by age alone.
    open: await waitlistEntry(f, "2004-01-01"),
  };
  return { f, old, recent, walkIns, callbacks, waitlist };
}

const bookingRow = (id: string) => prisma.booking.findUniqueOrThrow({ where: { id }, include: { notifications: true } });

describe("anonymiseExpired", () => {
  it("removes the person from records past their period and keeps what was done; recent records stay whole", async () => {
    const { old, recent, walkIns, callbacks, waitlist } = await records();
    const result = await anonymiseExpired(NOW);
    expect(result).toEqual({ ran: true, bookings: 5, walkIns: 1, callbacks: 2, waitlist: 1 });
    expect(await prisma.waitlistEntry.findUnique({ where: { id: waitlist.ended.id } })).toBeNull();
    for (const kept of [waitlist.endedRecently, waitlist.open])
      expect(await prisma.waitlistEntry.findUnique({ where: { id: kept.id } })).not.toBeNull();

    for (const booking of Object.values(old)) {
      const row = await bookingRow(booking.id);
      expect(row).toMatchObject({
        name: REMOVED_NAME,
        phone: "",
        note: null,
        onBehalfOfName: null,
        onBehalfOfRelation: null,
        cancelReason: null,
        lawyerNote: null,
        anonymisedAt: NOW,
        // Kept: what the figures count.
        code: booking.code,
        status: booking.status,
        venueId: booking.venueId,
        lawyerId: booking.lawyerId,
        topicId: booking.topicId,
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        village: "南镇村",
        priorityGroup: "elderly",
        outcomes: booking.outcomes,
        minutesSpent: booking.minutesSpent,
      });
      expect(row.notifications).toMatchObject([{ phone: "", message: REMOVED_NAME }]);
      // The code with the number it was made with finds nothing any more.
      expect(await findBooking({ code: booking.code, phone: booking.phone })).toBeNull();
      expect(await prisma.booking.count({ where: { phone: booking.phone } })).toBe(0);
    }
    for (const booking of Object.values(recent)) {
      expect(await bookingRow(booking.id)).toMatchObject({
        name: "张三",
        phone: booking.phone,
        note: "关于宅基地的纠纷",
        anonymisedAt: null,
      });
    }
    expect(await prisma.walkIn.findUniqueOrThrow({ where: { id: walkIns.old.id } })).toMatchObject({
      name: REMOVED_NAME,
      phone: null,
      lawyerNote: null,
      outcomes: ["CONSULTATION"],
      minutesSpent: 15,
      anonymisedAt: NOW,
    });
    expect(await prisma.walkIn.findUniqueOrThrow({ where: { id: walkIns.recent.id } })).toMatchObject({
      name: "李四",
      anonymisedAt: null,
    });
    for (const c of [callbacks.old, callbacks.oldOpen]) {
      expect(await prisma.callbackRequest.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
        name: REMOVED_NAME,
        phone: "",
        note: null,
        handledNote: null,
        topicCode: "marriage",
        handledAt: c.handledAt,
        createdAt: c.createdAt,
      });
    }
    expect(await prisma.callbackRequest.findUniqueOrThrow({ where: { id: callbacks.recent.id } })).toMatchObject({
      name: "王五",
    });

    // One audit entry for the run, with counts and no one's name.
    const entries = await prisma.auditLog.findMany({
      where: { kind: "privacy", action: "anonymise", summary: { contains: "预约 5 个" } },
    });
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries[0]).toMatchObject({ actorId: null, actorName: "到期自动处理" });
  });

  it("is idempotent: a second run changes nothing and counts nothing", async () => {
    const { old } = await records();
    expect((await anonymiseExpired(NOW)).bookings).toBe(5);
    const before = await bookingRow(old.done.id);
    expect(await anonymiseExpired(NOW)).toEqual({ ran: true, bookings: 0, walkIns: 0, callbacks: 0, waitlist: 0 });
    expect(await bookingRow(old.done.id)).toEqual(before);
  });

  it("removes an evaluation's comment with the person and keeps its ratings for 满意度", async () => {
    const { old, recent, walkIns } = await records();
    const evaluate = (of: { bookingId: string } | { walkInId: string }, comment: string) =>
      prisma.evaluation.create({
        data: { ...of, satisfaction: "DISSATISFIED", resolution: "PARTLY_SOLVED", comment, source: "BOOKING_PAGE" },
      });
    const ofOldBooking = await evaluate({ bookingId: old.done.id }, "张三：律师迟到了");
    const ofOldWalkIn = await evaluate({ walkInId: walkIns.old.id }, "李四的意见");
    const ofRecent = await evaluate({ bookingId: recent.done.id }, "还在保存期内");
    await anonymiseExpired(NOW);
    for (const e of [ofOldBooking, ofOldWalkIn]) {
      expect(await prisma.evaluation.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({
        comment: null,
        satisfaction: "DISSATISFIED",
        resolution: "PARTLY_SOLVED",
        source: "BOOKING_PAGE",
        bookingId: e.bookingId,
        walkInId: e.walkInId,
      });
    }
    expect(await prisma.evaluation.findUniqueOrThrow({ where: { id: ofRecent.id } })).toMatchObject({ comment: "还在保存期内" });
  });

  it("follows the periods staff set", async () => {
    const { recent, walkIns, callbacks } = await records();
    await saveRetentionSettings(await townAccount("ADMIN"), { consultationMonths: 12, callbackMonths: 1, waitlistMonths: 6 });
    await anonymiseExpired(NOW);
    // Consultations before 2004-01-10 now: the 2002 booking and walk-in go too; the 2004-12-20 cancellation stays.
    expect(await bookingRow(recent.done.id)).toMatchObject({ name: REMOVED_NAME, anonymisedAt: NOW });
    expect(await prisma.walkIn.findUniqueOrThrow({ where: { id: walkIns.recent.id } })).toMatchObject({ name: REMOVED_NAME });
    expect(await bookingRow(recent.cancelled.id)).toMatchObject({ name: "张三", anonymisedAt: null });
    // Requests before 2004-12-10.
    expect(await prisma.callbackRequest.findUniqueOrThrow({ where: { id: callbacks.recent.id } })).toMatchObject({
      name: REMOVED_NAME,
    });
  });

  it("leaves every figure of the dashboard and of the year's report as it was", async () => {
    const { f } = await records();
    const filters = { from: "2001-01-01", to: "2004-12-31", venue: f.venue.slug };
    const figures = async () => {
      const dashboard = await loadDashboard(everyTown, filters, NOW);
      if (!dashboard.ok) throw new Error("dashboard refused the filters");
      // The open call-back list names people: its length is the figure.
      const { open, ...callbacks } = dashboard.dashboard.callbacks;
      const report = await loadReport(everyTown, { from: "2001-01-01", to: "2001-12-31" });
      const mine = (g: { id: string }) => g.id === f.venue.id || f.lawyers.some((l) => l.id === g.id);
      return {
        dashboard: { ...dashboard.dashboard, callbacks: { ...callbacks, open: open.length } },
        report: { byVenue: report.byVenue.filter(mine), byLawyer: report.byLawyer.filter(mine) },
      };
    };
    const before = await figures();
    expect(before.dashboard.totals.bookings).toBeGreaterThan(0);
    expect(before.report.byVenue[0]?.services).toBe(3);
    expect((await anonymiseExpired(NOW)).bookings).toBe(5);
    expect(await figures()).toEqual(before);
  });

  it("runs once when two start together, and not at all while another holds the lock", async () => {
    const { old } = await records();
    const [a, b] = await Promise.all([anonymiseExpired(NOW), anonymiseExpired(NOW)]);
    expect(a.bookings + b.bookings).toBe(5);
    expect(a.callbacks + b.callbacks).toBe(2);

    const more = await records();
    // Another purge in progress: this one returns at once and touches nothing.
    const skipped = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(3, 1)`;
      return anonymiseExpired(NOW);
    });
    expect(skipped).toEqual({ ran: false, bookings: 0, walkIns: 0, callbacks: 0, waitlist: 0 });
    expect(await bookingRow(more.old.done.id)).toMatchObject({ name: "张三", anonymisedAt: null });
    expect(await bookingRow(old.done.id)).toMatchObject({ anonymisedAt: NOW });
    expect((await anonymiseExpired(NOW)).bookings).toBe(5);
  });
});

describe("deleteOwnBookingData", () => {
  const soon = (days: number, status: BookingStatus) =>
    createVenueFixture().then(async (f) => {
      const start = new Date(Date.now() + days * 86_400_000);
      return prisma.booking.create({
        data: {
          code: generateBookingCode(),
          venueId: f.venue.id,
          lawyerId: f.lawyers[0].id,
          topicId: f.topic.id,
          startsAt: start,
          endsAt: new Date(start.getTime() + 30 * 60_000),
          status,
          name: "赵六",
          phone: uniquePhone(),
          note: "家里的事",
          consentAt: new Date(),
          cancelReason: status === "CANCELLED" ? "不用了" : null,
        },
      });
    });

  it("removes a cancelled booking's personal data at once, audits it, and the code and phone find it no more", async () => {
    const booking = await soon(3, "CANCELLED");
    expect(await deleteOwnBookingData({ code: booking.code, phone: booking.phone })).toEqual({ ok: true });
    expect(await bookingRow(booking.id)).toMatchObject({
      name: REMOVED_NAME,
      phone: "",
      note: null,
      cancelReason: null,
      status: "CANCELLED",
    });
    expect(await findBooking({ code: booking.code, phone: booking.phone })).toBeNull();
    const [entry] = await prisma.auditLog.findMany({ where: { subjectId: booking.id, kind: "privacy" } });
    expect(entry).toMatchObject({ action: "delete", actorId: null, actorName: "预约人本人" });
    expect(entry.summary).toContain(booking.code);
    expect(entry.summary).not.toContain(booking.phone);
    expect(entry.summary).not.toContain("赵六");
    // A second request finds nothing to delete.
    expect(await deleteOwnBookingData({ code: booking.code, phone: booking.phone })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("removes the comment of the booking's evaluation too, and keeps its ratings", async () => {
    const booking = await soon(-2, "DONE");
    const evaluation = await prisma.evaluation.create({
      data: {
        bookingId: booking.id,
        satisfaction: "SATISFIED",
        resolution: "SOLVED",
        comment: "赵六很满意",
        source: "BOOKING_PAGE",
      },
    });
    expect(await deleteOwnBookingData({ code: booking.code, phone: booking.phone })).toEqual({ ok: true });
    expect(await prisma.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } })).toMatchObject({
      comment: null,
      satisfaction: "SATISFIED",
      resolution: "SOLVED",
    });
  });

  it("removes a booking that has ended, even if nobody marked it", async () => {
    const booking = await soon(-2, "CONFIRMED");
    expect(await deleteOwnBookingData({ code: booking.code, phone: booking.phone })).toEqual({ ok: true });
    expect(await bookingRow(booking.id)).toMatchObject({ name: REMOVED_NAME });
  });

  it("refuses a booking still to come, saying to cancel it first, and changes nothing", async () => {
    const booking = await soon(3, "CONFIRMED");
    const result = await deleteOwnBookingData({ code: booking.code, phone: booking.phone });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(!result.ok && result.message).toContain("请先取消预约");
    expect(await bookingRow(booking.id)).toMatchObject({ name: "赵六", phone: booking.phone, anonymisedAt: null });
    expect(await prisma.auditLog.count({ where: { subjectId: booking.id, kind: "privacy" } })).toBe(0);
  });

  it("answers not found for a wrong phone", async () => {
    const booking = await soon(-2, "DONE");
    expect(await deleteOwnBookingData({ code: booking.code, phone: uniquePhone() })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await bookingRow(booking.id)).toMatchObject({ name: "赵六" });
  });
});

describe("retention settings", () => {
  it("saves the periods and audits the change; the same values again change nothing", async () => {
    const admin = await townAccount("ADMIN");
    const result = await saveRetentionSettings(admin, { consultationMonths: 24, callbackMonths: 3, waitlistMonths: 6 });
    expect(result).toEqual({ ok: true, changed: ["预约和现场咨询", "回电请求"] });
    expect(await getRetentionSettings()).toEqual({ consultationMonths: 24, callbackMonths: 3, waitlistMonths: 6 });
    const [entry] = await prisma.auditLog.findMany({
      where: { actorId: admin.actor.id, kind: "privacy" },
      orderBy: { at: "desc" },
      take: 1,
    });
    expect(entry.summary).toBe("修改个人信息保存期限：预约和现场咨询 36 → 24 个月；回电请求 6 → 3 个月");
    expect(await saveRetentionSettings(admin, { consultationMonths: 24, callbackMonths: 3, waitlistMonths: 6 })).toEqual({
      ok: true,
      changed: [],
    });
  });

  it("is for an administrator or the district only: one setting for every town", async () => {
    const staff = await townAccount("STAFF");
    await expect(saveRetentionSettings(staff, { consultationMonths: 24, callbackMonths: 3, waitlistMonths: 6 })).rejects.toThrow(
      Forbidden,
    );
    expect(await getRetentionSettings()).toEqual(DEFAULT_RETENTION);
    const district = districtScope({ id: "privacy-test-district", role: "DISTRICT", displayName: "区司法局", lawyerId: null });
    expect(await saveRetentionSettings(district as DistrictScope, { ...DEFAULT_RETENTION, callbackMonths: 3 })).toEqual({
      ok: true,
      changed: ["回电请求"],
    });
  });

  it("refuses periods out of bounds with a sentence saying what to change", () => {
    const errors = (input: Record<string, unknown>) => {
      const parsed = retentionInput.safeParse({ consultationMonths: "36", callbackMonths: "6", waitlistMonths: "6", ...input });
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors({})).toEqual({});
    expect(errors({ consultationMonths: "6" })).toEqual({
      consultationMonths: "预约和现场咨询记录至少保存 12 个月（1 年），请改大一些。",
    });
    expect(errors({ consultationMonths: "121" })).toEqual({
      consultationMonths: "预约和现场咨询记录最多保存 120 个月（10 年），请改小一些。",
    });
    expect(errors({ callbackMonths: "0" })).toEqual({ callbackMonths: "回电请求至少保存 1 个月，请改大一些。" });
    expect(errors({ waitlistMonths: "2.5" })).toEqual({ waitlistMonths: "请填写过期的候补登记保存多少个月，只能是整数。" });
    expect(errors({ callbackMonths: "" })).toEqual({ callbackMonths: "请填写回电请求保存多少个月（整数），例如 6。" });
  });

  it("is bounded in the database too", async () => {
    await expect(
      prisma.retentionSetting.upsert({
        where: { id: 1 },
        update: { consultationMonths: 6 },
        create: { id: 1, consultationMonths: 6 },
      }),
    ).rejects.toThrow(/retention_setting_bounds/);
    await expect(prisma.retentionSetting.create({ data: { id: 2 } })).rejects.toThrow();
  });
});
