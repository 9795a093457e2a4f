import "server-only";
// Each village's on-site hours month by month over a period, as inspectors read them against the
// Guangdong rule (8 hours a month): scheduled (lib/schedule/hours) beside attended, signed in and
// out on site (lib/attendance). Whole months, in Asia/Shanghai; lawyers since gone included.
import { loadAttendedHours } from "@/lib/attendance/queries";
import { roundHours } from "@/lib/attendance/rules";
import { type Scope, venuesIn } from "@/lib/auth/scope";
import { loadDutyInputs } from "@/lib/availability/queries";
import { db } from "@/lib/db";
import { MONTHLY_TARGET_HOURS, monthOf, monthRange, nextMonth, scheduledHours } from "@/lib/schedule/hours";
import { judgeMonth, type MonthJudgement } from "@/lib/schedule/judgement";
import { loadServiceSince } from "@/lib/schedule/queries";
import { todayInShanghai } from "@/lib/time";
import type { Period } from "../schema";

export type VillageMonth = { month: string; scheduled: number; attended: number; met: boolean; judgement: MonthJudgement };
export type VillageHoursRow = {
  venueId: string;
  townId: string;
  name: string;
  village: string | null;
  months: VillageMonth[];
  scheduled: number;
  attended: number;
  /** Months whose attended hours reached the target. */
  monthsMet: number;
  /** Months judged: from the workroom's first service, up to this month (lib/schedule/judgement.ts). */
  monthsCounted: number;
};
export type VillageHours = { months: string[]; target: number; rows: VillageHoursRow[] };

/** The months a period touches, "YYYY-MM", in order. */
export function monthsOf({ from, to }: Period): string[] {
  const months: string[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = nextMonth(m)) months.push(m);
  return months;
}

/**
 * The scope's active workrooms' scheduled and attended hours in every month the period touches.
 * The district's is every town's in one go: each read below takes all the venues at once.
 */
export async function loadVillageHours(scope: Scope, period: Period, now: Date = new Date()): Promise<VillageHours> {
  const months = monthsOf(period);
  const venues = await db.venue.findMany({
    where: { active: true, kind: "WORKROOM", ...venuesIn(scope) },
    orderBy: { sortOrder: "asc" },
    select: { id: true, townId: true, name: true, village: true },
  });
  const venueIds = venues.map((v) => v.id);
  const first = monthRange(months[0]).from;
  const last = monthRange(months[months.length - 1]).to;
  const [duty, attended, serviceSince] = await Promise.all([
    loadDutyInputs(venueIds, first, last, { activeLawyersOnly: false }),
    loadAttendedHours({ periods: months.map((m) => ({ key: m, ...monthRange(m) })), venueIds, now }),
    loadServiceSince(venueIds),
  ]);
  const currentMonth = monthOf(todayInShanghai(now));
  const scheduled = new Map<string, number>(
    months.flatMap((month) => scheduledHours({ venueIds, ...duty, month }).map((h) => [`${month}|${h.venueId}`, h.hours])),
  );
  const present = new Map<string, number>();
  for (const a of attended) present.set(`${a.key}|${a.venueId}`, (present.get(`${a.key}|${a.venueId}`) ?? 0) + a.hours);
  const rows = venues.map((v) => {
    const byMonth = months.map((month) => {
      const key = `${month}|${v.id}`;
      const judgement = judgeMonth({
        month,
        currentMonth,
        scheduled: roundHours(scheduled.get(key) ?? 0),
        attended: roundHours(present.get(key) ?? 0),
        workroom: true,
        serviceSince: serviceSince.get(v.id) ?? null,
      });
      return { month, scheduled: judgement.scheduled, attended: judgement.attended, met: judgement.met, judgement };
    });
    return {
      venueId: v.id,
      townId: v.townId,
      name: v.name,
      village: v.village,
      months: byMonth,
      scheduled: roundHours(byMonth.reduce((s, m) => s + m.scheduled, 0)),
      attended: roundHours(byMonth.reduce((s, m) => s + m.attended, 0)),
      monthsMet: byMonth.filter((m) => m.met).length,
      monthsCounted: byMonth.filter((m) => m.judgement.counted).length,
    };
  });
  return { months, target: MONTHLY_TARGET_HOURS, rows };
}
