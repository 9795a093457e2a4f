import "server-only";
import { recordView } from "@/lib/audit/mutations";
import { can } from "@/lib/auth/can";
import { atVenuesIn, type Scope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { bookingPersonSelect } from "@/lib/booking/queries";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Channel as ChannelName } from "@/lib/generated/prisma/enums";
import { CHANNELS, PRIORITY_GROUPS, type PriorityGroup } from "@/lib/labels";
import { maskPhone } from "@/lib/phone";
import { addDays, type DateString, toDateString, todayInShanghai, zonedInstant } from "@/lib/time";
import { type Recorder, recorderInAudit, recordsOf } from "./access";
import type { ConsultationView, WalkInView } from "./schema";

const consultationSelect = {
  ...bookingPersonSelect,
  note: true,
  channel: true,
  outcomes: true,
  minutesSpent: true,
  lawyerNote: true,
  checkedInAt: true,
  completedAt: true,
  test: true,
  venue: { select: { id: true, name: true } },
  lawyer: { select: { id: true, name: true } },
  topic: { select: { name: true } },
} as const;

type Row = Prisma.BookingGetPayload<{ select: typeof consultationSelect }>;

function toView(row: Row): ConsultationView {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    start: row.startsAt,
    end: row.endsAt,
    venue: row.venue,
    lawyer: row.lawyer,
    name: row.name,
    phone: row.phone,
    village: row.village,
    topic: row.topic.name,
    note: row.note,
    onBehalfOf:
      row.onBehalfOfName && row.onBehalfOfRelation ? { name: row.onBehalfOfName, relation: row.onBehalfOfRelation } : null,
    priorityGroup: row.priorityGroup ? (PRIORITY_GROUPS[row.priorityGroup as PriorityGroup] ?? row.priorityGroup) : null,
    channel: CHANNELS[row.channel as ChannelName] ?? row.channel,
    outcomes: row.outcomes,
    minutesSpent: row.minutesSpent,
    lawyerNote: row.lawyerNote,
    checkedInAt: row.checkedInAt,
    completedAt: row.completedAt,
    test: row.test,
  };
}

/** One booking with everything its lawyer records, or null when it is not the recorder's to see. */
export async function getConsultation(by: Recorder, bookingId: string): Promise<ConsultationView | null> {
  const records = recordsOf(by);
  if (!records) return null;
  const row = await db.booking.findFirst({ where: { id: bookingId, ...records }, select: consultationSelect });
  return row ? toView(row) : null;
}

/** The same, for the page that shows it: the opening of the villager's personal data is audited. */
export async function openConsultation(by: Recorder, bookingId: string): Promise<ConsultationView | null> {
  const booking = await getConsultation(by, bookingId);
  if (booking) await recordView(recorderInAudit(by), { subjectId: booking.id, summary: `查看预约 ${booking.code} 的个人信息` });
  return booking;
}

export type Agenda = {
  /** Earlier bookings (last 30 days) nobody has recorded yet: the lawyer still owes their outcome. */
  unrecorded: ConsultationView[];
  /** Today first, then the coming days that have bookings, in date order (Asia/Shanghai dates). */
  days: { date: DateString; bookings: ConsultationView[] }[];
};

/** A lawyer's bookings from today for `days` days, grouped by date, and the ones still to record. */
export async function listAgenda(
  actor: CurrentUser,
  lawyerId: string,
  { now = new Date(), days = 28 }: { now?: Date; days?: number } = {},
): Promise<Agenda> {
  if (!can.actForLawyer(actor, lawyerId)) return { unrecorded: [], days: [] };
  const today = todayInShanghai(now);
  const todayStart = zonedInstant(today);
  const [past, coming] = await Promise.all([
    db.booking.findMany({
      where: {
        lawyerId,
        status: { in: ["CONFIRMED", "CHECKED_IN"] },
        startsAt: { gte: zonedInstant(addDays(today, -30)), lt: todayStart },
      },
      orderBy: { startsAt: "asc" },
      select: consultationSelect,
    }),
    db.booking.findMany({
      where: {
        lawyerId,
        status: { notIn: ["CANCELLED", "HELD"] },
        startsAt: { gte: todayStart, lt: zonedInstant(addDays(today, days)) },
      },
      orderBy: [{ startsAt: "asc" }, { code: "asc" }],
      select: consultationSelect,
    }),
  ]);
  const byDate = new Map<DateString, ConsultationView[]>([[today, []]]);
  for (const row of coming) {
    const date = toDateString(row.startsAt);
    byDate.set(date, [...(byDate.get(date) ?? []), toView(row)]);
  }
  return { unrecorded: past.map(toView), days: [...byDate].map(([date, bookings]) => ({ date, bookings })) };
}

/** The agenda for the lawyer's page: every booking on it shows a full phone number, so the opening is audited. */
export async function openAgenda(actor: CurrentUser, lawyerId: string, options?: { now?: Date; days?: number }) {
  const agenda = await listAgenda(actor, lawyerId, options);
  const shown = agenda.unrecorded.length + agenda.days.reduce((n, d) => n + d.bookings.length, 0);
  if (shown > 0) {
    await recordView(actor, { subjectId: `agenda:${lawyerId}`, summary: `查看预约列表（${shown} 个预约的个人信息）` });
  }
  return agenda;
}

export type TodaysWalkIn = { id: string; at: Date; name: string; topic: string };

/** The walk-ins a lawyer recorded for today (voided ones left out), in time order: today's list shows them beside the bookings. */
export async function listTodaysWalkIns(
  actor: CurrentUser,
  lawyerId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<TodaysWalkIn[]> {
  if (!can.actForLawyer(actor, lawyerId)) return [];
  const today = todayInShanghai(now);
  const rows = await db.walkIn.findMany({
    where: { lawyerId, voidedAt: null, at: { gte: zonedInstant(today), lt: zonedInstant(addDays(today, 1)) } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, at: true, name: true, topic: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, at: r.at, name: r.name, topic: r.topic.name }));
}

/** One walk-in, or null when it is not the recorder's to see (another lawyer's, another town's). */
export async function getWalkIn(by: Recorder, walkInId: string): Promise<WalkInView | null> {
  const records = recordsOf(by);
  if (!records) return null;
  const row = await db.walkIn.findFirst({
    where: { id: walkInId, ...records },
    select: {
      id: true,
      at: true,
      lawyerId: true,
      name: true,
      phone: true,
      village: true,
      priorityGroup: true,
      outcomes: true,
      minutesSpent: true,
      lawyerNote: true,
      voidedAt: true,
      voidReason: true,
      anonymisedAt: true,
      venue: { select: { id: true, name: true } },
      lawyer: { select: { name: true } },
      topic: { select: { name: true, code: true } },
    },
  });
  return row ? { ...row, lawyer: row.lawyer.name, topic: row.topic.name, topicCode: row.topic.code } : null;
}

/** The same, for the page that shows it: the opening of the person's details is audited. */
export async function openWalkIn(by: Recorder, walkInId: string): Promise<WalkInView | null> {
  const walkIn = await getWalkIn(by, walkInId);
  if (walkIn) await recordView(recorderInAudit(by), { subjectId: walkIn.id, summary: "查看现场咨询记录的个人信息" });
  return walkIn;
}

export type WalkInListRow = {
  id: string;
  at: Date;
  venue: string;
  lawyer: string;
  name: string;
  /** Masked: lists never show a full number. */
  phone: string;
  topic: string;
  voided: boolean;
};

/** Staff's list of walk-ins in the scope recorded in the last `days` days, newest first, voided ones marked. */
export async function listRecentWalkIns(
  scope: Scope,
  { now = new Date(), days = 62 }: { now?: Date; days?: number } = {},
): Promise<WalkInListRow[]> {
  const rows = await db.walkIn.findMany({
    where: { ...atVenuesIn(scope), at: { gte: zonedInstant(addDays(todayInShanghai(now), -days)) } },
    orderBy: [{ at: "desc" }, { id: "asc" }],
    take: 300,
    select: {
      id: true,
      at: true,
      name: true,
      phone: true,
      voidedAt: true,
      venue: { select: { name: true } },
      lawyer: { select: { name: true } },
      topic: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    venue: r.venue.name,
    lawyer: r.lawyer.name,
    name: r.name,
    phone: r.phone ? maskPhone(r.phone) : "",
    topic: r.topic.name,
    voided: r.voidedAt !== null,
  }));
}

/** The venues a lawyer serves, for the walk-in form: the station first. */
export async function listServedVenues(lawyerId: string): Promise<{ id: string; name: string; village: string | null }[]> {
  const rows = await db.lawyerVenue.findMany({
    where: { lawyerId, venue: { active: true } },
    orderBy: [{ venue: { kind: "asc" } }, { venue: { sortOrder: "asc" } }],
    select: { venue: { select: { id: true, name: true, village: true } } },
  });
  return rows.map((r) => r.venue);
}

export type { ConsultationView, WalkInView };
