import "server-only";
import { type AttendanceView, hoursByVenue, listAttendances, loadAttendedHours } from "@/lib/attendance/queries";
import { roundHours } from "@/lib/attendance/rules";
import { recordView } from "@/lib/audit/mutations";
import { lawyersIn } from "@/lib/auth/scope";
import { loadAvailabilityInputs } from "@/lib/availability/queries";
import { db } from "@/lib/db";
import { type OwnEvaluations, summariseOwnEvaluations } from "@/lib/evaluations/queries";
import type { Outcome as OutcomeName, VenueKind } from "@/lib/generated/prisma/enums";
import { OUTCOME_NAMES, OUTCOMES } from "@/lib/labels";
import { MONTHLY_TARGET_HOURS, monthOf, monthRange, scheduledHours } from "@/lib/schedule/hours";
import { judgeMonth, judgementSentence, type MonthJudgement } from "@/lib/schedule/judgement";
import { auditActorOfCaller, type DutyCaller, dutyReach, loadServiceSince } from "@/lib/schedule/queries";
import { COUNTED } from "@/lib/test-mode";
import { addDays, type DateString, formatTime, toDateString, todayInShanghai, zonedInstant } from "@/lib/time";

/** One line of the work log: a done booking, a walk-in, or a booking the villager did not come to. */
export type LogEntry = {
  source: "booking" | "walk_in";
  /** Booked and not come (NO_SHOW): listed, as inspectors read them, but no service in the totals. */
  noShow: boolean;
  id: string;
  at: Date;
  date: DateString;
  time: string;
  venue: string;
  village: string;
  name: string;
  phone: string;
  topic: string;
  outcomes: OutcomeName[];
  minutesSpent: number | null;
  /** When the villager was there: a booking's check-in (null when never checked in), a walk-in's time. */
  attendedAt: Date | null;
  /**
   * A service recorded with no 签到 of the lawyer at that venue that day (issue 22 item 6): flagged
   * for the inspector on the log and in its exports. False for a no-show, which is no service.
   */
  withoutLawyerAttendance: boolean;
};

export type VenueHoursLine = {
  venueId: string;
  venue: string;
  village: string | null;
  kind: VenueKind;
  hours: number;
  /** The 8-hour rule applies to village workrooms; null for the town station. */
  target: number | null;
  /** Hours still missing, judged on hours served (lib/schedule/judgement.ts). */
  shortfall: number;
  summary: string;
  /** Hours signed in on site (签到 to 签退) there this month: what the month is judged on. */
  attended: number;
  judgement: MonthJudgement;
};

export type WorkLog = {
  month: string;
  lawyer: { id: string; name: string };
  entries: LogEntry[];
  totals: {
    services: number;
    minutes: number;
    byOutcome: { outcome: OutcomeName; label: string; count: number }[];
    byVillage: { village: string; services: number; minutes: number }[];
  };
  hours: VenueHoursLine[];
  /** The lawyer's own arrivals and departures (签到 / 签退) in the month, oldest first. */
  attendances: AttendanceView[];
  /** The month's evaluations of these services: counts, and comments without who wrote them. */
  evaluations: OwnEvaluations;
};

const NO_VILLAGE = "未填写";

/**
 * A lawyer's services in a month ("YYYY-MM", Asia/Shanghai): done bookings and walk-ins, with
 * totals per outcome and per village, and the on-site hours scheduled at each venue they serve.
 * For staff, of a lawyer in their scope and at their town's venues only; for a lawyer, their own
 * everywhere. Null when the caller may not read this lawyer's log.
 */
export async function loadWorkLog(
  caller: DutyCaller,
  lawyerId: string,
  month: string,
  now: Date = new Date(),
): Promise<WorkLog | null> {
  const reach = dutyReach(caller, lawyerId);
  if (!reach) return null;
  const lawyer = await db.lawyer.findFirst({
    where: { id: lawyerId, ...("kind" in caller ? lawyersIn(caller) : {}) },
    select: { id: true, name: true },
  });
  if (!lawyer) return null;
  const { from, to } = monthRange(month);
  const range = { gte: zonedInstant(from), lt: zonedInstant(addDays(to, 1)) };
  const [bookings, walkIns, served, evaluations] = await Promise.all([
    db.booking.findMany({
      where: { lawyerId, venue: reach, status: { in: ["DONE", "NO_SHOW"] }, startsAt: range, ...COUNTED },
      orderBy: { startsAt: "asc" },
      select: {
        id: true,
        status: true,
        startsAt: true,
        name: true,
        phone: true,
        village: true,
        outcomes: true,
        minutesSpent: true,
        checkedInAt: true,
        venue: { select: { id: true, name: true, village: true } },
        topic: { select: { name: true } },
      },
    }),
    db.walkIn.findMany({
      // A voided walk-in (recorded by mistake) is no service: not on the log, not in its totals.
      where: { lawyerId, venue: reach, at: range, voidedAt: null },
      orderBy: { at: "asc" },
      select: {
        id: true,
        at: true,
        name: true,
        phone: true,
        village: true,
        outcomes: true,
        minutesSpent: true,
        venue: { select: { id: true, name: true, village: true } },
        topic: { select: { name: true } },
      },
    }),
    db.lawyerVenue.findMany({
      where: { lawyerId, venue: reach },
      orderBy: [{ venue: { kind: "asc" } }, { venue: { sortOrder: "asc" } }],
      select: { venue: { select: { id: true, name: true, village: true, kind: true } } },
    }),
    summariseOwnEvaluations(lawyerId, range.gte, range.lt, { townId: "kind" in caller ? caller.townId : null }),
  ]);

  const [attendances, attended] = await Promise.all([
    listAttendances("kind" in caller ? caller : { lawyerId }, { from, to, lawyerId }),
    loadAttendedHours({ periods: [{ key: month, from, to }], lawyerId }),
  ]);
  // Where and on which days the lawyer signed in: a service elsewhere is flagged.
  const signedIn = new Set(attendances.map((a) => `${a.venue.id}|${a.date}`));
  const entries: LogEntry[] = [
    ...bookings.map((b) => ({
      source: "booking" as const,
      ...b,
      at: b.startsAt,
      phone: b.phone,
      noShow: b.status === "NO_SHOW",
      attendedAt: b.checkedInAt,
    })),
    ...walkIns.map((w) => ({ source: "walk_in" as const, ...w, phone: w.phone ?? "", noShow: false, attendedAt: w.at })),
  ]
    .map(
      (e): LogEntry => ({
        source: e.source,
        noShow: e.noShow,
        id: e.id,
        at: e.at,
        date: toDateString(e.at),
        time: formatTime(e.at),
        venue: e.venue.name,
        // The villager's own village when given, else the venue's: the log is read per village.
        village: e.village || e.venue.village || NO_VILLAGE,
        name: e.name,
        phone: e.phone,
        topic: e.topic.name,
        outcomes: e.outcomes,
        minutesSpent: e.minutesSpent,
        attendedAt: e.attendedAt,
        withoutLawyerAttendance: !e.noShow && !signedIn.has(`${e.venue.id}|${toDateString(e.at)}`),
      }),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime());

  const attendedAt = hoursByVenue(attended, month);
  const venues = served.map((s) => s.venue);
  const [inputs, serviceSince] = await Promise.all([
    loadAvailabilityInputs(
      venues.map((v) => v.id),
      from,
      to,
    ),
    loadServiceSince(venues.map((v) => v.id)),
  ]);
  const scheduled = scheduledHours({
    venueIds: venues.map((v) => v.id),
    sessions: inputs.sessions.filter((s) => s.lawyerId === lawyerId),
    exceptions: inputs.exceptions.filter((e) => e.lawyerId === lawyerId),
    month,
    perLawyer: true,
  });
  const hours = venues.map((v): VenueHoursLine => {
    const h = scheduled.filter((s) => s.venueId === v.id).reduce((sum, s) => sum + s.hours, 0);
    const attended = roundHours(attendedAt.get(v.id) ?? 0);
    const judgement = judgeMonth({
      month,
      currentMonth: monthOf(todayInShanghai(now)),
      scheduled: h,
      attended,
      workroom: v.kind === "WORKROOM",
      serviceSince: serviceSince.get(v.id) ?? null,
    });
    return {
      venueId: v.id,
      venue: v.name,
      village: v.village,
      kind: v.kind,
      hours: h,
      target: v.kind === "WORKROOM" ? MONTHLY_TARGET_HOURS : null,
      shortfall: judgement.shortfall,
      summary: judgementSentence(judgement),
      attended,
      judgement,
    };
  });

  return { month, lawyer, entries, totals: totalsOf(entries), hours, evaluations, attendances };
}

/**
 * The log for the page that shows it: its entries carry villagers' names and full phone numbers,
 * so the opening is audited. (A download records its own entry, in app/api/lawyer/log.)
 */
export async function openWorkLog(caller: DutyCaller, lawyerId: string, month: string): Promise<WorkLog | null> {
  const log = await loadWorkLog(caller, lawyerId, month);
  if (log && log.entries.length > 0) {
    await recordView(auditActorOfCaller(caller), {
      subjectId: `worklog:${lawyerId}:${month}`,
      summary: `查看工作日志 ${month}（${log.entries.length} 条个人信息）`,
    });
  }
  return log;
}

export function totalsOf(all: LogEntry[]): WorkLog["totals"] {
  // A no-show is on the log but is not a service.
  const entries = all.filter((e) => !e.noShow);
  const byVillage = new Map<string, { village: string; services: number; minutes: number }>();
  for (const e of entries) {
    const row = byVillage.get(e.village) ?? { village: e.village, services: 0, minutes: 0 };
    row.services += 1;
    row.minutes += e.minutesSpent ?? 0;
    byVillage.set(e.village, row);
  }
  return {
    services: entries.length,
    minutes: entries.reduce((sum, e) => sum + (e.minutesSpent ?? 0), 0),
    byOutcome: OUTCOME_NAMES.map((outcome) => ({
      outcome,
      label: OUTCOMES[outcome],
      count: entries.filter((e) => e.outcomes.includes(outcome)).length,
    })),
    // Plain code-unit order keeps the output independent of the server's locale.
    byVillage: [...byVillage.values()].sort((a, b) => b.services - a.services || (a.village < b.village ? -1 : 1)),
  };
}
