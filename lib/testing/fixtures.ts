// Test data that no other test touches: each call makes its own venue, topic and lawyers.
import { randomBytes, randomInt } from "node:crypto";
import { type DistrictScope, districtScope, type TownScope, townScope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { generateBookingCode } from "@/lib/booking/code";
import type { WalkInInput } from "@/lib/consultations/schema";
import { createPrismaClient } from "@/lib/db-client";
import type { Lawyer, Prisma } from "@/lib/generated/prisma/client";
import { createHolidayCalendar } from "@/lib/holidays/calendar";
import { addDays, toDbDate, todayInShanghai, zonedInstant } from "@/lib/time";

export const prisma = createPrismaClient(process.env.DATABASE_URL as string);

export function uniquePhone(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

/** A town of its own for a test: its venues and staff see nothing of other tests' towns. */
export async function createTownFixture(name = "测试镇") {
  const tag = randomBytes(4).toString("hex");
  return prisma.town.create({
    data: {
      slug: `town-${tag}`,
      name: `${name}${tag}`,
      shortName: `${name.replace(/镇$/, "")}${tag}`,
      government: `${name}${tag}人民政府`,
      officeName: `${name}${tag}司法所`,
      officeAddress: "测试地址",
    },
  });
}

let sharedTown: Promise<{ id: string }> | null = null;

/** The one town that test venues belong to when a test does not ask for its own. */
export function testTownId(): Promise<string> {
  sharedTown ??= prisma.town.upsert({
    where: { slug: "test-town" },
    update: {},
    create: {
      slug: "test-town",
      name: "测试镇",
      shortName: "测试",
      government: "测试镇人民政府",
      officeName: "测试司法所",
      officeAddress: "测试地址",
    },
    select: { id: true },
  });
  return sharedTown.then((t) => t.id);
}

/**
 * A venue whose `lawyers` lawyers are all on duty 09:00–12:00 (Shanghai) every day of the week,
 * 30-minute slots, 2 h notice, 28-day horizon. `slotOn(n, minute)` is a slot start on the n-th
 * non-holiday day after today (n ≥ 1; today or earlier days for n ≤ 0), and `dateOn(n)` its date:
 * leave, extras and expected dates must use it too, or they miss the booking when a holiday is near.
 */
export async function createVenueFixture({
  lawyers = 1,
  now = new Date(),
  townId,
}: {
  lawyers?: number;
  now?: Date;
  townId?: string;
} = {}) {
  const tag = randomBytes(4).toString("hex");
  const venue = await prisma.venue.create({
    data: {
      slug: `test-${tag}`,
      kind: "WORKROOM",
      name: `测试工作室 ${tag}`,
      village: "测试村",
      address: "测试地址",
      townId: townId ?? (await testTownId()),
    },
  });
  const topic = await prisma.topic.upsert({
    where: { code: "marriage" },
    update: {},
    create: { code: "marriage", name: "婚姻家庭" },
  });
  const today = todayInShanghai(now);
  const created: Lawyer[] = [];
  for (let i = 0; i < lawyers; i++) {
    const lawyer = await prisma.lawyer.create({
      data: {
        name: `测试律师${i + 1}-${tag}`,
        firm: "测试律师事务所",
        publicPhone: "13800000000",
        venues: { create: { venueId: venue.id } },
        sessions: {
          create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
            venueId: venue.id,
            weekday,
            startMinute: 9 * 60,
            endMinute: 12 * 60,
            validFrom: toDbDate(today),
          })),
        },
      },
    });
    created.push(lawyer);
  }
  // The n-th day from today that is not a statutory holiday (holidays close weekly sessions),
  // so these tests pass in Spring Festival week too.
  const calendar = createHolidayCalendar();
  const openDays: string[] = [];
  for (let d = addDays(today, 1); openDays.length < 60; d = addDays(d, 1))
    if (calendar.dayKind(d) !== "holiday") openDays.push(d);
  const dateOn = (days: number) => (days >= 1 ? openDays[days - 1] : addDays(today, days));
  const slotOn = (days: number, minute = 9 * 60) => zonedInstant(dateOn(days), minute);
  /** A 30-minute booking row written straight to the table, in any status or channel, with the first lawyer. */
  const writeBooking = (date: string, minute: number, data: Partial<Prisma.BookingUncheckedCreateInput> = {}) =>
    prisma.booking.create({
      data: {
        code: generateBookingCode(),
        venueId: venue.id,
        lawyerId: created[0]?.id,
        topicId: topic.id,
        startsAt: zonedInstant(date, minute),
        endsAt: zonedInstant(date, minute + 30),
        name: "测试村民",
        phone: uniquePhone(),
        consentAt: new Date(),
        ...data,
      },
    });
  return { venue, topic, lawyers: created, today, dateOn, slotOn, writeBooking };
}

/**
 * A venue's day of services (tomorrow's, or the next open day's): a booking in every status and
 * channel, with check-ins, priority groups and outcomes; a walk-in; the villager's evaluation of a
 * booking and a paper one of the walk-in. For the figures and the exports.
 */
export async function createServiceDayFixture({ townId }: { townId?: string } = {}) {
  const base = await createVenueFixture({ townId });
  const lawyer = base.lawyers[0];
  const date = base.dateOn(1);
  const at = (minute: number) => zonedInstant(date, minute);
  const book = (minute: number, data: Partial<Prisma.BookingUncheckedCreateInput>) => base.writeBooking(date, minute, data);
  await book(9 * 60, { status: "CONFIRMED", channel: "ONLINE", name: "预约村民" });
  await book(9 * 60 + 30, { status: "CHECKED_IN", channel: "PHONE", checkedInAt: at(9 * 60 + 28), name: "签到村民" });
  const evaluated = await book(10 * 60, {
    status: "DONE",
    channel: "WALK_IN",
    name: "完成村民",
    checkedInAt: at(9 * 60 + 55),
    outcomes: ["CONSULTATION", "DOCUMENT", "OTHER"],
    minutesSpent: 30,
    priorityGroup: "elderly",
  });
  await book(10 * 60 + 30, {
    status: "DONE",
    channel: "SOCIAL_WORKER",
    name: "转介村民",
    outcomes: ["CONTRACT", "MEDIATION", "LEGAL_AID_REFERRAL", "MEDIATION_REFERRAL"],
    minutesSpent: 45,
    priorityGroup: "low-income",
  });
  await book(11 * 60, { status: "NO_SHOW", channel: "VILLAGE_CADRE", name: "未到村民" });
  await book(11 * 60 + 30, { status: "CANCELLED", channel: "ONLINE", name: "取消村民", cancelledAt: new Date() });
  const walkIn = await prisma.walkIn.create({
    data: {
      venueId: base.venue.id,
      lawyerId: lawyer.id,
      topicId: base.topic.id,
      at: at(11 * 60 + 45),
      name: "现场村民",
      phone: uniquePhone(),
      priorityGroup: "migrant",
      outcomes: ["CONSULTATION"],
      minutesSpent: 20,
    },
  });
  // Evaluations (评价表): the villager's own of a booking, and a paper form of the walk-in.
  await prisma.evaluation.create({
    data: {
      bookingId: evaluated.id,
      satisfaction: "SATISFIED",
      resolution: "SOLVED",
      comment: "讲得清楚",
      source: "BOOKING_PAGE",
    },
  });
  await prisma.evaluation.create({
    data: { walkInId: walkIn.id, satisfaction: "BASICALLY_SATISFIED", resolution: "PARTLY_SOLVED", source: "PAPER" },
  });
  return { ...base, lawyer, date, at };
}

/** A lawyer's weekly duty at another venue, which from then on is among the venues they serve. */
export async function serveAlsoAt(
  lawyerId: string,
  venueId: string,
  duty: { weekday: number; startMinute: number; endMinute: number; validFrom: string },
) {
  await prisma.lawyerVenue.create({ data: { lawyerId, venueId } });
  await prisma.dutySession.create({ data: { lawyerId, venueId, ...duty, validFrom: toDbDate(duty.validFrom) } });
}

/**
 * Towns 甲镇 (A) and 乙镇 (B) with a venue each, and a lawyer of A's venue (which has a second
 * lawyer) who also serves B's venue on Mondays 14:00–17:00; with each town's staff scope.
 */
export async function createLawyerOfTwoTownsFixture() {
  const [townA, townB] = [await createTownFixture("甲镇"), await createTownFixture("乙镇")];
  const fa = await createVenueFixture({ townId: townA.id, lawyers: 2 });
  const fb = await createVenueFixture({ townId: townB.id, lawyers: 0 });
  const lawyer = fa.lawyers[0];
  await serveAlsoAt(lawyer.id, fb.venue.id, { weekday: 1, startMinute: 14 * 60, endMinute: 17 * 60, validFrom: fb.today });
  return { townA, townB, a: staffScopeOf(townA.id), b: staffScopeOf(townB.id), fa, fb, lawyer };
}

/** A walk-in as the form sends it: today, 10:15, at the fixture's venue. */
export function walkInInput(f: { venue: { id: string }; today: string }, extra: Partial<WalkInInput> = {}): WalkInInput {
  return {
    venueId: f.venue.id,
    date: f.today,
    time: "10:15",
    name: "现场村民",
    phone: "13900000000",
    village: "测试村",
    topic: "marriage",
    outcomes: ["CONSULTATION"],
    minutesSpent: 20,
    ...extra,
  };
}

export function bookingInput(venueSlug: string, start: Date, extra: Record<string, unknown> = {}) {
  return {
    venue: venueSlug,
    start,
    name: "测试村民",
    phone: uniquePhone(),
    topic: "marriage",
    consent: true as const,
    ...extra,
  };
}

/** A lawyer's own account, as the session gives it (no database row needed: nothing refers to it). */
export const lawyerActor = (lawyerId: string): CurrentUser => ({
  id: `user-${lawyerId}`,
  role: "LAWYER",
  displayName: "律师",
  lawyerId,
});

/** The district's scope: reads across every town (tests that read their own venue's lines). */
export const everyTown = districtScope({
  id: "test-district",
  role: "DISTRICT",
  displayName: "区司法局",
  lawyerId: null,
}) as DistrictScope;

/** A town's staff scope without an account row (for calls that write no audit entry naming it). */
export const staffScopeOf = (townId: string, role: "STAFF" | "ADMIN" = "STAFF") =>
  townScope({ id: `staff-${townId}`, role, displayName: "镇工作人员", lawyerId: null, townId }) as TownScope;

/** A staff account of the town (a real row: audit entries and foreign keys may name it), and its scope. */
export async function createStaffScope(townId: string, role: "STAFF" | "ADMIN" = "STAFF"): Promise<TownScope> {
  const tag = randomBytes(4).toString("hex");
  const user = await prisma.user.create({
    data: { username: `scope-${tag}`, displayName: `工作人员${tag}`, passwordHash: "-", role, townId },
  });
  return townScope({ id: user.id, role, displayName: user.displayName, lawyerId: null, townId }) as TownScope;
}
