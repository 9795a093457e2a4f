// A year of demo activity for the dashboard and the year's figures: bookings, walk-ins, outcomes,
// looks at venue pages and call-back requests over the past 12 months (and the next two weeks),
// on the demo lawyers' real duty hours. Deterministic: the same seed and day give the same data.
// Only for demo and benchmark databases; run after the demo seed (it needs lawyers on duty).

import { dutyIntervals, WEEKLY_SESSION_FIELDS, type WeeklySession } from "../../lib/availability/slots";
import { CODE_ALPHABET, CODE_LENGTH } from "../../lib/booking/code";
import type { PrismaClient } from "../../lib/db-client";
import type { Channel, Outcome, Prisma } from "../../lib/generated/prisma/client";
import { createHolidayCalendar } from "../../lib/holidays/calendar";
import { addDays, fromDbDate, toDbDate, todayInShanghai, zonedInstant } from "../../lib/time";

export const DEMO_YEAR_NAME = "示例村民（年度数据）";

export type DemoYearOptions = { now?: Date; seed?: number /** Share of offered slots that get a booking. */; fill?: number };
export type DemoYearCounts = {
  bookings: number;
  walkIns: number;
  attendances: number;
  lookups: number;
  callbacks: number;
  skipped: boolean;
};

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

export const CHANNELS: [Channel, number][] = [
  ["ONLINE", 50],
  ["PHONE", 25],
  ["WALK_IN", 5],
  ["SOCIAL_WORKER", 10],
  ["VILLAGE_CADRE", 10],
];
export const GROUPS: [string | null, number][] = [
  [null, 60],
  ["elderly", 20],
  ["migrant", 8],
  ["disability", 4],
  ["low-income", 5],
  ["other", 3],
];
// Lead time in days: most book a few days ahead, some on the day, a few weeks ahead.
export const LEADS: [[number, number], number][] = [
  [[0, 0], 15],
  [[1, 2], 30],
  [[3, 7], 35],
  [[8, 14], 15],
  [[15, 27], 5],
];
export const TOPIC_WEIGHTS: Record<string, number> = {
  marriage: 14,
  inheritance: 9,
  support: 6,
  "land-contract": 9,
  homestead: 8,
  collective: 6,
  labour: 10,
  "work-injury": 4,
  debt: 7,
  contract: 6,
  neighbours: 5,
  traffic: 4,
};

function outcomesOf(rnd: () => number): Outcome[] {
  const list: Outcome[] = [];
  if (rnd() < 0.9) list.push("CONSULTATION");
  if (rnd() < 0.05) list.push("DOCUMENT");
  if (rnd() < 0.05) list.push("CONTRACT");
  if (rnd() < 0.04) list.push("MEDIATION");
  if (rnd() < 0.03) list.push("LEGAL_AID_REFERRAL");
  if (rnd() < 0.03) list.push("MEDIATION_REFERRAL");
  if (list.length === 0) list.push("OTHER");
  return list;
}

async function inBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedDemoYear(
  prisma: PrismaClient,
  { now = new Date(), seed = 20_201_231, fill = 0.45 }: DemoYearOptions = {},
): Promise<DemoYearCounts> {
  const existing = await prisma.booking.count({ where: { name: DEMO_YEAR_NAME } });
  if (existing > 0) return { bookings: 0, walkIns: 0, attendances: 0, lookups: 0, callbacks: 0, skipped: true };

  const rnd = random(seed);
  const today = todayInShanghai(now);
  const first = addDays(today, -364);
  const last = addDays(today, 14);

  // The demo rota starts on the day it was seeded; a year of history needs it to have run all year.
  const sessions = await prisma.dutySession.findMany({
    select: { id: true, ...WEEKLY_SESSION_FIELDS },
  });
  for (const s of sessions) {
    if (fromDbDate(s.validFrom) <= first) continue;
    try {
      await prisma.dutySession.update({ where: { id: s.id }, data: { validFrom: toDbDate(first) } });
      s.validFrom = toDbDate(first);
    } catch {
      // An earlier session of the same lawyer overlaps (a changed rota): keep this one as it is.
    }
  }
  const weekly: WeeklySession[] = sessions.map((s) => ({
    ...s,
    validFrom: fromDbDate(s.validFrom),
    validUntil: s.validUntil ? fromDbDate(s.validUntil) : null,
  }));
  const [venues, topics] = await Promise.all([
    prisma.venue.findMany({ select: { id: true, village: true, slotMinutes: true } }),
    prisma.topic.findMany({ select: { id: true, code: true } }),
  ]);
  const topicWeights: [string, number][] = topics.map((t) => [t.id, TOPIC_WEIGHTS[t.code] ?? 1]);
  const calendar = createHolidayCalendar();

  const codes = new Set<string>();
  const code = () => {
    for (;;) {
      let c = "";
      for (let i = 0; i < CODE_LENGTH; i++) c += CODE_ALPHABET[Math.floor(rnd() * CODE_ALPHABET.length)];
      if (!codes.has(c)) {
        codes.add(c);
        return c;
      }
    }
  };
  let phones = 0;
  // 135 and a counter: no two demo bookings share a number, so the per-phone rule never bites.
  const phone = () => `135${String(++phones).padStart(8, "0")}`;

  const bookings: Prisma.BookingCreateManyInput[] = [];
  const walkIns: Prisma.WalkInCreateManyInput[] = [];
  const attendances: Prisma.AttendanceCreateManyInput[] = [];
  for (const venue of venues) {
    const rules = { id: venue.id, slotMinutes: venue.slotMinutes, minNoticeMinutes: 0, horizonDays: 1 };
    for (const duty of dutyIntervals({ venue: rules, sessions: weekly, exceptions: [], from: first, to: last, calendar })) {
      let consulted = false;
      for (let m = duty.startMinute; m + venue.slotMinutes <= duty.endMinute; m += venue.slotMinutes) {
        if (rnd() >= fill) continue;
        const startsAt = zonedInstant(duty.date, m);
        const past = startsAt < now;
        const status = past
          ? pick(rnd, [
              ["DONE", 78],
              ["NO_SHOW", 8],
              ["CANCELLED", 14],
            ] as const)
          : pick(rnd, [
              ["CONFIRMED", 88],
              ["CANCELLED", 12],
            ] as const);
        const [lo, hi] = pick(rnd, LEADS);
        const lead = lo + Math.floor(rnd() * (hi - lo + 1));
        let createdAt = zonedInstant(addDays(duty.date, -lead), 7 * 60 + Math.floor(rnd() * 14 * 60));
        if (createdAt >= startsAt) createdAt = new Date(startsAt.getTime() - (30 + Math.floor(rnd() * 120)) * 60_000);
        if (createdAt > now) createdAt = new Date(now.getTime() - Math.floor(rnd() * 3_600_000));
        const done = status === "DONE";
        consulted ||= done;
        bookings.push({
          code: code(),
          venueId: venue.id,
          lawyerId: duty.lawyerId,
          startsAt,
          endsAt: zonedInstant(duty.date, m + venue.slotMinutes),
          status,
          name: DEMO_YEAR_NAME,
          phone: phone(),
          village: venue.village,
          topicId: pick(rnd, topicWeights),
          priorityGroup: pick(rnd, GROUPS),
          channel: pick(rnd, CHANNELS),
          consentAt: createdAt,
          createdAt,
          updatedAt: createdAt,
          cancelledAt: status === "CANCELLED" ? createdAt : null,
          checkedInAt: done ? startsAt : null,
          completedAt: done ? new Date(startsAt.getTime() + venue.slotMinutes * 60_000) : null,
          outcomes: done ? outcomesOf(rnd) : [],
          minutesSpent: done ? 10 + Math.floor(rnd() * 50) : null,
        });
      }
      // 签到 and 签退 of every past session: a few minutes either side of the hours; now and then a
      // departure not recorded (closed at the session's end), and a few sessions with no one
      // signed in (never one with a consultation done), as the rota and dashboard then flag.
      const sessionEndsAt = zonedInstant(duty.date, duty.endMinute);
      if (sessionEndsAt < now && (consulted || rnd() >= 0.1)) {
        const forgot = rnd() < 0.03;
        attendances.push({
          lawyerId: duty.lawyerId,
          venueId: venue.id,
          arrivedAt: zonedInstant(duty.date, duty.startMinute - 10 + Math.floor(rnd() * 20)),
          leftAt: forgot ? sessionEndsAt : zonedInstant(duty.date, duty.endMinute - 10 + Math.floor(rnd() * 20)),
          sessionEndsAt,
          autoClosed: forgot,
        });
      }
      // People who just turn up, on days the lawyer was there.
      if (zonedInstant(duty.date, duty.endMinute) < now) {
        const count = rnd() < 0.15 ? 2 : rnd() < 0.45 ? 1 : 0;
        for (let i = 0; i < count; i++) {
          walkIns.push({
            venueId: venue.id,
            lawyerId: duty.lawyerId,
            at: zonedInstant(duty.date, duty.startMinute + Math.floor(rnd() * (duty.endMinute - duty.startMinute))),
            name: "示例来访（年度数据）",
            phone: rnd() < 0.7 ? phone() : null,
            village: venue.village,
            topicId: pick(rnd, topicWeights),
            priorityGroup: pick(rnd, GROUPS),
            outcomes: outcomesOf(rnd),
            minutesSpent: 10 + Math.floor(rnd() * 40),
          });
        }
      }
    }
  }

  const lookups: { venueId: string; hadFreeSlot: boolean; at: Date }[] = [];
  for (let date = first; date <= today; date = addDays(date, 1)) {
    for (const venue of venues) {
      const looks = Math.floor(rnd() * 5);
      for (let i = 0; i < looks; i++) {
        const at = zonedInstant(date, 7 * 60 + Math.floor(rnd() * 15 * 60));
        if (at < now) lookups.push({ venueId: venue.id, hadFreeSlot: rnd() > 0.18, at });
      }
    }
  }

  const callbacks: Prisma.CallbackRequestCreateManyInput[] = [];
  for (let i = 0; i < 60; i++) {
    const createdAt = new Date(now.getTime() - Math.floor(rnd() * 364 * 86_400_000));
    const recent = now.getTime() - createdAt.getTime() < 10 * 86_400_000;
    const handled = !recent && rnd() < 0.9;
    callbacks.push({
      venueId: venues[Math.floor(rnd() * venues.length)].id,
      name: "示例回电（年度数据）",
      phone: phone(),
      consentAt: createdAt,
      createdAt,
      handledAt: handled ? new Date(createdAt.getTime() + 86_400_000) : null,
      handledNote: handled ? "已回电，帮其约好时间（示例）" : null,
    });
  }

  // skipDuplicates is ON CONFLICT DO NOTHING: besides a taken code, it also skips a row the
  // exclusion constraints refuse (a real booking already in that lawyer's slot).
  await inBatches(bookings, 1000, (data) => prisma.booking.createMany({ data, skipDuplicates: true }));
  await inBatches(walkIns, 1000, (data) => prisma.walkIn.createMany({ data }));
  // ON CONFLICT DO NOTHING again: a lawyer's sessions that touch could make two records overlap.
  await inBatches(attendances, 1000, (data) => prisma.attendance.createMany({ data, skipDuplicates: true }));
  await inBatches(lookups, 2000, (data) => prisma.venueLookup.createMany({ data }));
  await prisma.callbackRequest.createMany({ data: callbacks });
  return {
    bookings: bookings.length,
    walkIns: walkIns.length,
    attendances: attendances.length,
    lookups: lookups.length,
    callbacks: callbacks.length,
    skipped: false,
  };
}
