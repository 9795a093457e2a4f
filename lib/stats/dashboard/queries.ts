import "server-only";
// The demand dashboard: services counted by week, venue, topic, lead time, priority group and hour,
// the slots offered against those booked, the villages' hours against the monthly target (scheduled
// and attended), the sessions nobody signed in to (未签到), and (from ../unmet) the demand that found no time.
import { hoursByVenue, listMissedSessions, loadAttendedHours, type MissedSession } from "@/lib/attendance/queries";
import { roundHours } from "@/lib/attendance/rules";
import { recordView } from "@/lib/audit/mutations";
import { auditActorOf, type Scope, type TownScope } from "@/lib/auth/scope";
import { loadDutyInputs } from "@/lib/availability/queries";
import { dutyIntervals } from "@/lib/availability/slots";
import { db } from "@/lib/db";
import { PRIORITY_GROUPS } from "@/lib/labels";
import { MONTHLY_TARGET_HOURS, monthRange, scheduledHours } from "@/lib/schedule/hours";
import { judgeMonth, type MonthJudgement } from "@/lib/schedule/judgement";
import { loadServiceSince } from "@/lib/schedule/queries";
import { todayInShanghai } from "@/lib/time";
import {
  bucketLeadTimes,
  type HeatGrid,
  heatGrid,
  offeredSlots,
  previousMonth,
  rate,
  type Share,
  type WeekRow,
  weeklySeries,
  withShares,
} from "../aggregate";
import {
  bookingWhere,
  listFilterOptions,
  resolveFilters,
  SHANGHAI,
  type TopicOption,
  type VenueOption,
  type Window,
  walkInWhere,
  windowOf,
} from "../queries";
import { countDoneWithoutLawyerAttendance } from "../rows/queries";
import type { DashboardFilters, Period } from "../schema";
import { loadUnmetDemand, type UnmetDemand } from "../unmet/queries";

export type { CallbackLine, LookupLine } from "../unmet/queries";

export type VenueLine = {
  venueId: string;
  name: string;
  bookings: number;
  walkIns: number;
  done: number;
  noShow: number;
  cancelled: number;
  offered: number;
  utilisation: number | null;
  noShowRate: number | null;
};

/**
 * Each month judged on hours signed in on site (签到 to 签退), with the scheduled hours beside
 * (lib/schedule/judgement.ts); `attended` repeats the served hours for the figures that read them.
 */
export type HoursLine = {
  venueId: string;
  name: string;
  village: string | null;
  thisMonth: MonthJudgement;
  lastMonth: MonthJudgement;
  attended: { thisMonth: number; lastMonth: number };
};
type Totals = { bookings: number; walkIns: number; done: number; noShow: number; offered: number };

export type Dashboard = UnmetDemand & {
  filters: DashboardFilters;
  weekly: WeekRow[];
  venues: VenueLine[];
  topics: Share[];
  leadTimes: Share[];
  priorityGroups: Share[];
  heat: HeatGrid;
  totals: Totals;
  noShowRate: number | null;
  utilisation: number | null;
  hours: { month: string; lastMonth: string; target: number; lines: HoursLine[] };
  /** Sessions of last month and this one that ended with no attendance, newest first (at most MISSED_SHOWN), and how many in all. */
  missed: { sessions: MissedSession[]; count: number };
  /** Services in the period recorded done with no 签到 of their lawyer at the venue that day. */
  doneWithoutAttendance: number;
};

export const MISSED_SHOWN = 30;

export type DashboardResult = { ok: true; dashboard: Dashboard } | { ok: false; errors: Record<string, string> };

/** The dashboard of a scope: a town's venues, or every town's for the district. */
export async function loadDashboard(scope: Scope, filters: DashboardFilters, now: Date = new Date()): Promise<DashboardResult> {
  const options = await listFilterOptions(scope);
  const resolved = resolveFilters(filters, options);
  if (!resolved.ok) return resolved;
  const window = windowOf(scope, filters, { venueId: resolved.venueId, topicId: resolved.topicId });
  const venues = window.venueId ? options.venues.filter((v) => v.id === window.venueId) : options.venues;
  const month = todayInShanghai(now).slice(0, 7);
  const months = { month, lastMonth: previousMonth(month) };
  const [demand, duty, unmet, attendance, serviceSince, doneWithoutAttendance] = await Promise.all([
    countDemand(window),
    loadDuty(venues, filters, months),
    loadUnmetDemand(window, venues, options.topics),
    loadAttendance(venues, months, now),
    loadServiceSince(venues.map((v) => v.id)),
    countDoneWithoutLawyerAttendance(window),
  ]);
  const lines = venueLines(venues, demand, duty, filters);
  const totals = totalsOf(lines);
  return {
    ok: true,
    dashboard: {
      filters,
      weekly: weeklySeries(demand.weekly, filters.from, filters.to),
      venues: lines,
      topics: topicShares(options.topics, demand.topics),
      leadTimes: bucketLeadTimes(demand.leads),
      priorityGroups: priorityShares(demand.priorities),
      heat: heatGrid(demand.heat),
      totals,
      noShowRate: rate(totals.noShow, totals.noShow + totals.done),
      utilisation: rate(totals.bookings, totals.offered),
      ...unmet,
      hours: villageHours(venues, duty, months, attendance.attended, serviceSince),
      missed: { sessions: attendance.missed.slice(0, MISSED_SHOWN), count: attendance.missed.length },
      doneWithoutAttendance,
    },
  };
}

/**
 * The dashboard for the staff page that shows it: its call-back list carries full phone numbers
 * (staff ring them from there), so opening the list is audited, once per opening and per venue
 * filter, with how many numbers were on it.
 */
export async function openDashboard(scope: TownScope, filters: DashboardFilters, now?: Date): Promise<DashboardResult> {
  const result = await loadDashboard(scope, filters, now);
  const shown = result.ok ? result.dashboard.callbacks.open.length : 0;
  if (result.ok && shown > 0) {
    // Filtered to a venue, the dashboard has that venue's line alone.
    const venue = filters.venue ? result.dashboard.venues[0] : undefined;
    await recordView(auditActorOf(scope), {
      // The town's whole list names the town, so the town's audit page finds the entry (lib/audit/queries.ts).
      subjectId: `callback_list:${venue ? venue.venueId : `town:${scope.townId}`}`,
      summary: `查看回电名单${venue ? `：${venue.name}` : ""}（${shown} 个完整电话号码）`,
    });
  }
  return result;
}

type Demand = Awaited<ReturnType<typeof countDemand>>;

/** The counts behind the charts, each a small GROUP BY; cancelled bookings are not demand. */
async function countDemand(window: Window) {
  const bookings = bookingWhere(window);
  const walkIns = walkInWhere(window);
  const [weekly, statuses, topics, leads, priorities, heat] = await Promise.all([
    db.$queryRaw<{ week: string; venueId: string; kind: "booking" | "walk_in"; count: number }[]>`
        SELECT to_char(date_trunc('week', b.starts_at AT TIME ZONE ${SHANGHAI}), 'YYYY-MM-DD') AS week,
               b.venue_id AS "venueId", 'booking' AS kind, count(*)::int AS count
        FROM booking b WHERE ${bookings} AND b.status <> 'CANCELLED' GROUP BY 1, 2
        UNION ALL
        SELECT to_char(date_trunc('week', w.at AT TIME ZONE ${SHANGHAI}), 'YYYY-MM-DD'), w.venue_id, 'walk_in', count(*)::int
        FROM walk_in w WHERE ${walkIns} GROUP BY 1, 2`,
    db.$queryRaw<{ venueId: string; done: number; noShow: number; cancelled: number }[]>`
        SELECT b.venue_id AS "venueId",
               count(*) FILTER (WHERE b.status = 'DONE')::int AS done,
               count(*) FILTER (WHERE b.status = 'NO_SHOW')::int AS "noShow",
               count(*) FILTER (WHERE b.status = 'CANCELLED')::int AS cancelled
        FROM booking b WHERE ${bookings} GROUP BY 1`,
    db.$queryRaw<{ topicId: string; count: number }[]>`
        SELECT s.topic_id AS "topicId", sum(s.n)::int AS count FROM (
          SELECT b.topic_id, count(*) AS n FROM booking b WHERE ${bookings} AND b.status <> 'CANCELLED' GROUP BY 1
          UNION ALL
          SELECT w.topic_id, count(*) FROM walk_in w WHERE ${walkIns} GROUP BY 1
        ) s GROUP BY 1`,
    db.$queryRaw<{ days: number; count: number }[]>`
        SELECT ((b.starts_at AT TIME ZONE ${SHANGHAI})::date - (b.created_at AT TIME ZONE ${SHANGHAI})::date) AS days,
               count(*)::int AS count
        FROM booking b WHERE ${bookings} AND b.status <> 'CANCELLED' GROUP BY 1`,
    db.$queryRaw<{ group: string | null; count: number }[]>`
        SELECT s.g AS "group", sum(s.n)::int AS count FROM (
          SELECT b.priority_group AS g, count(*) AS n FROM booking b WHERE ${bookings} AND b.status <> 'CANCELLED' GROUP BY 1
          UNION ALL
          SELECT w.priority_group, count(*) FROM walk_in w WHERE ${walkIns} GROUP BY 1
        ) s GROUP BY 1`,
    db.$queryRaw<{ weekday: number; hour: number; count: number }[]>`
        SELECT extract(isodow FROM b.starts_at AT TIME ZONE ${SHANGHAI})::int AS weekday,
               extract(hour FROM b.starts_at AT TIME ZONE ${SHANGHAI})::int AS hour,
               count(*)::int AS count
        FROM booking b WHERE ${bookings} AND b.status <> 'CANCELLED' GROUP BY 1, 2`,
  ]);
  return { weekly, statuses, topics, leads, priorities, heat };
}

type Months = { month: string; lastMonth: string };
type Duty = Awaited<ReturnType<typeof loadDuty>>;

/**
 * Duty (lawyers since gone included: their sessions were offered) over the period and over this
 * and last month at once, for the slots offered and for the villages' hours, with each venue's slot length.
 */
async function loadDuty(venues: VenueOption[], period: Period, { month, lastMonth }: Months) {
  const venueIds = venues.map((v) => v.id);
  const from = [period.from, monthRange(lastMonth).from].sort()[0];
  const to = [period.to, monthRange(month).to].sort()[1];
  const [inputs, slotLengths] = await Promise.all([
    loadDutyInputs(venueIds, from, to, { activeLawyersOnly: false }),
    db.venue.findMany({ where: { id: { in: venueIds } }, select: { id: true, slotMinutes: true } }),
  ]);
  return { ...inputs, slotMinutes: new Map(slotLengths.map((v) => [v.id, v.slotMinutes])) };
}

const dutyOf = ({ sessions, exceptions, calendar }: Duty) => ({ sessions, exceptions, calendar });

/** Hours attended at the venues this month and last, and the sessions of those months nobody signed in to. */
async function loadAttendance(venues: VenueOption[], { month, lastMonth }: Months, now: Date) {
  const periods = [month, lastMonth].map((m) => ({ key: m, ...monthRange(m) }));
  const [attended, missed] = await Promise.all([
    loadAttendedHours({ periods, venueIds: venues.map((v) => v.id), now }),
    listMissedSessions({ venues, from: monthRange(lastMonth).from, to: todayInShanghai(now), now }),
  ]);
  return { attended, missed };
}

/** Per venue: bookings and walk-ins, how bookings ended, and the slots duty offered in the period. */
function venueLines(venues: VenueOption[], demand: Demand, duty: Duty, period: Period): VenueLine[] {
  return venues.map((v) => {
    const weekly = demand.weekly.filter((r) => r.venueId === v.id);
    const count = (kind: "booking" | "walk_in") => weekly.filter((r) => r.kind === kind).reduce((s, r) => s + r.count, 0);
    const status = demand.statuses.find((r) => r.venueId === v.id) ?? { done: 0, noShow: 0, cancelled: 0 };
    const venue = { id: v.id, slotMinutes: duty.slotMinutes.get(v.id) ?? 30, minNoticeMinutes: 0, horizonDays: 1 };
    const intervals = dutyIntervals({ venue, ...dutyOf(duty), from: period.from, to: period.to });
    const offered = offeredSlots(intervals, venue.slotMinutes);
    const bookings = count("booking");
    return {
      venueId: v.id,
      name: v.name,
      bookings,
      walkIns: count("walk_in"),
      done: status.done,
      noShow: status.noShow,
      cancelled: status.cancelled,
      offered,
      utilisation: rate(bookings, offered),
      noShowRate: rate(status.noShow, status.noShow + status.done),
    };
  });
}

function totalsOf(lines: VenueLine[]): Totals {
  const sum = (key: keyof Totals) => lines.reduce((s, l) => s + l[key], 0);
  return {
    bookings: sum("bookings"),
    walkIns: sum("walkIns"),
    done: sum("done"),
    noShow: sum("noShow"),
    offered: sum("offered"),
  };
}

/** Topics that had demand, the most asked first. */
function topicShares(topics: TopicOption[], counts: Demand["topics"]): Share[] {
  return withShares(
    topics
      .map((t) => ({ key: t.code, label: t.name, count: counts.find((r) => r.topicId === t.id)?.count ?? 0 }))
      .filter((t) => t.count > 0)
      .sort((a, b) => b.count - a.count),
  );
}

/** Every priority group in the form's order, then "未注明" for none (or one no longer on the list). */
function priorityShares(counts: Demand["priorities"]): Share[] {
  const known = (group: string | null): group is keyof typeof PRIORITY_GROUPS => group !== null && group in PRIORITY_GROUPS;
  const total = (match: (group: string | null) => boolean) =>
    counts.filter((r) => match(r.group)).reduce((s, r) => s + r.count, 0);
  return withShares([
    ...Object.entries(PRIORITY_GROUPS).map(([key, label]) => ({ key, label, count: total((g) => g === key) })),
    { key: "none", label: "未注明", count: total((g) => !known(g)) },
  ]);
}

/** The villages' workrooms: this month and last, judged on hours served against the monthly target. */
function villageHours(
  venues: VenueOption[],
  duty: Duty,
  { month, lastMonth }: Months,
  attended: Awaited<ReturnType<typeof loadAttendedHours>>,
  serviceSince: Map<string, string>,
): Dashboard["hours"] {
  const workrooms = venues.filter((v) => v.kind === "WORKROOM");
  const hoursIn = (m: string) =>
    new Map(scheduledHours({ venueIds: workrooms.map((v) => v.id), ...dutyOf(duty), month: m }).map((h) => [h.venueId, h.hours]));
  const thisHours = hoursIn(month);
  const lastHours = hoursIn(lastMonth);
  return {
    month,
    lastMonth,
    target: MONTHLY_TARGET_HOURS,
    lines: workrooms.map((v) => {
      const served = {
        thisMonth: roundHours(hoursByVenue(attended, month).get(v.id) ?? 0),
        lastMonth: roundHours(hoursByVenue(attended, lastMonth).get(v.id) ?? 0),
      };
      const judge = (m: string, scheduled: number, hours: number) =>
        judgeMonth({
          month: m,
          currentMonth: month,
          scheduled,
          attended: hours,
          workroom: true,
          serviceSince: serviceSince.get(v.id) ?? null,
        });
      return {
        venueId: v.id,
        name: v.name,
        village: v.village,
        thisMonth: judge(month, thisHours.get(v.id) ?? 0, served.thisMonth),
        lastMonth: judge(lastMonth, lastHours.get(v.id) ?? 0, served.lastMonth),
        attended: served,
      };
    }),
  };
}
