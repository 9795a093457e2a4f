import "server-only";
// Reading evaluations: one consultation's (the villager's page, the staff's), a walk-in link's
// state, and the counts and comments staff, the year's figures and a lawyer's log show. Only
// evaluations of a done booking or of a walk-in that was not voided count anywhere.
import { type Scope, venuesIn } from "@/lib/auth/scope";
import { type Recorder, recordsOf } from "@/lib/consultations/access";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EvaluationSource, Resolution, Satisfaction } from "@/lib/generated/prisma/enums";
import { maskPhone } from "@/lib/phone";
import { countedSql } from "@/lib/test-mode";
import { addDays, type DateString, todayInShanghai, zonedInstant } from "@/lib/time";
import { changeableUntil, type EvaluationCounts, NO_EVALUATIONS } from "./rules";

export type EvaluationView = {
  satisfaction: Satisfaction;
  resolution: Resolution;
  comment: string | null;
  source: EvaluationSource;
  createdAt: Date;
  /** Until when it may be changed (by the villager online, by staff for a paper form). */
  changeableUntil: Date;
};

const viewSelect = { satisfaction: true, resolution: true, comment: true, source: true, createdAt: true } as const;

/** One consultation's evaluation, if it has one. */
export async function findEvaluation(
  of: { bookingCode: string } | { bookingId: string } | { walkInId: string },
): Promise<EvaluationView | null> {
  const where = "bookingCode" in of ? { booking: { code: of.bookingCode } } : of;
  const row = await db.evaluation.findFirst({ where, select: viewSelect });
  return row ? { ...row, changeableUntil: changeableUntil(row.createdAt) } : null;
}

export type LinkState = {
  state: "open" | "used" | "expired";
  expiresAt: Date;
  at: Date;
  venue: string;
  lawyer: string;
};

/** What /evaluate/<token> shows: the walk-in it is for, and whether it can still be used. Null for no such link. */
export async function findEvaluationLink(token: string, now: Date = new Date()): Promise<LinkState | null> {
  const link = await db.evaluationLink.findUnique({
    where: { token },
    select: {
      usedAt: true,
      expiresAt: true,
      walkIn: { select: { at: true, voidedAt: true, venue: { select: { name: true } }, lawyer: { select: { name: true } } } },
    },
  });
  if (!link || link.walkIn.voidedAt) return null;
  const state = link.usedAt ? "used" : link.expiresAt > now ? "open" : "expired";
  return { state, expiresAt: link.expiresAt, at: link.walkIn.at, venue: link.walkIn.venue.name, lawyer: link.walkIn.lawyer.name };
}

export type WalkInEvaluation = {
  walkIn: { id: string; at: Date; venue: string; lawyer: string; name: string; phone: string | null };
  evaluation: EvaluationView | null;
  /** A link that can still be used, for the lawyer's QR code. */
  link: { token: string; expiresAt: Date } | null;
};

/**
 * A walk-in and where its evaluation stands, for its lawyer's QR page (their own walk-ins only)
 * and for staff entering a paper form (their town's). Null when it is not the recorder's, or was voided.
 */
export async function findWalkInEvaluation(
  by: Recorder,
  walkInId: string,
  now: Date = new Date(),
): Promise<WalkInEvaluation | null> {
  const scope = recordsOf(by);
  if (!scope) return null;
  const row = await db.walkIn.findFirst({
    where: { id: walkInId, ...scope, voidedAt: null },
    select: {
      id: true,
      at: true,
      name: true,
      phone: true,
      venue: { select: { name: true } },
      lawyer: { select: { name: true } },
      evaluation: { select: viewSelect },
      evaluationLink: { select: { token: true, usedAt: true, expiresAt: true } },
    },
  });
  if (!row) return null;
  const link = row.evaluationLink;
  return {
    walkIn: { id: row.id, at: row.at, venue: row.venue.name, lawyer: row.lawyer.name, name: row.name, phone: row.phone },
    evaluation: row.evaluation ? { ...row.evaluation, changeableUntil: changeableUntil(row.evaluation.createdAt) } : null,
    link: link && !link.usedAt && link.expiresAt > now ? { token: link.token, expiresAt: link.expiresAt } : null,
  };
}

/**
 * Which evaluations to read: by the consultation's time, and optionally its town (a Scope's
 * `townId`: null or absent for every town), venue, topic or lawyer.
 */
export type EvaluationScope = {
  start: Date;
  end: Date;
  townId?: string | null;
  venueSlug?: string;
  topicCode?: string;
  lawyerId?: string;
};

/**
 * Every counted evaluation in scope with its consultation: a done booking's or a walk-in's that
 * was not voided. Columns: id, satisfaction, resolution, comment, source, created_at, venue_id,
 * lawyer_id, at, name, phone.
 */
function evaluatedSql(s: EvaluationScope): Prisma.Sql {
  const filters = (c: "b" | "w") => {
    const alias = Prisma.raw(c);
    return Prisma.sql`
      ${s.townId ? Prisma.sql`AND ${alias}.venue_id IN (SELECT id FROM venue WHERE town_id = ${s.townId})` : Prisma.empty}
      ${s.venueSlug ? Prisma.sql`AND ${alias}.venue_id = (SELECT id FROM venue WHERE slug = ${s.venueSlug})` : Prisma.empty}
      ${s.topicCode ? Prisma.sql`AND ${alias}.topic_id = (SELECT id FROM topic WHERE code = ${s.topicCode})` : Prisma.empty}
      ${s.lawyerId ? Prisma.sql`AND ${alias}.lawyer_id = ${s.lawyerId}` : Prisma.empty}`;
  };
  return Prisma.sql`
    SELECT e.id, e.satisfaction::text AS satisfaction, e.resolution::text AS resolution, e.comment, e.source::text AS source,
           e.created_at, b.venue_id, b.lawyer_id, b.starts_at AS at, b.name, b.phone
    FROM evaluation e JOIN booking b ON b.id = e.booking_id
    WHERE b.status = 'DONE' AND ${countedSql("b")} AND b.starts_at >= ${s.start} AND b.starts_at < ${s.end} ${filters("b")}
    UNION ALL
    SELECT e.id, e.satisfaction::text, e.resolution::text, e.comment, e.source::text,
           e.created_at, w.venue_id, w.lawyer_id, w.at, w.name, w.phone
    FROM evaluation e JOIN walk_in w ON w.id = e.walk_in_id
    WHERE w.voided_at IS NULL AND w.at >= ${s.start} AND w.at < ${s.end} ${filters("w")}`;
}

const COUNT_COLUMNS = Prisma.sql`count(*)::int AS total,
  count(*) FILTER (WHERE s.satisfaction = 'SATISFIED')::int AS "SATISFIED",
  count(*) FILTER (WHERE s.satisfaction = 'BASICALLY_SATISFIED')::int AS "BASICALLY_SATISFIED",
  count(*) FILTER (WHERE s.satisfaction = 'DISSATISFIED')::int AS "DISSATISFIED",
  count(*) FILTER (WHERE s.resolution = 'SOLVED')::int AS "SOLVED",
  count(*) FILTER (WHERE s.resolution = 'PARTLY_SOLVED')::int AS "PARTLY_SOLVED",
  count(*) FILTER (WHERE s.resolution = 'UNSOLVED')::int AS "UNSOLVED"`;

type GroupRow = EvaluationCounts & { venueId: string | null; lawyerId: string | null; grouping: number };

const countsOf = ({ venueId: _v, lawyerId: _l, grouping: _g, ...counts }: GroupRow): EvaluationCounts => counts;

export type EvaluationGroups = {
  totals: EvaluationCounts;
  byVenue: Map<string, EvaluationCounts>;
  byLawyer: Map<string, EvaluationCounts>;
};

/** The counts in scope: in all, per venue and per lawyer, in one pass. */
export async function countEvaluations(scope: EvaluationScope): Promise<EvaluationGroups> {
  const rows = await db.$queryRaw<GroupRow[]>`
    SELECT s.venue_id AS "venueId", s.lawyer_id AS "lawyerId", GROUPING(s.venue_id, s.lawyer_id)::int AS grouping, ${COUNT_COLUMNS}
    FROM (${evaluatedSql(scope)}) s GROUP BY GROUPING SETS ((), (s.venue_id), (s.lawyer_id))`;
  // GROUPING() is a bit mask: 1 = lawyer rolled up (a venue row), 2 = venue rolled up (a lawyer row), 3 = the total.
  const total = rows.find((r) => r.grouping === 3);
  return {
    totals: total ? countsOf(total) : { ...NO_EVALUATIONS },
    byVenue: new Map(rows.filter((r) => r.grouping === 1).map((r) => [r.venueId as string, countsOf(r)])),
    byLawyer: new Map(rows.filter((r) => r.grouping === 2).map((r) => [r.lawyerId as string, countsOf(r)])),
  };
}

export type EvaluationComment = {
  id: string;
  createdAt: Date;
  at: Date;
  venue: string;
  lawyer: string;
  satisfaction: Satisfaction;
  resolution: Resolution;
  comment: string;
  source: EvaluationSource;
  name: string;
  /** Masked: "138****1234"; empty once the person's data was removed. */
  phone: string;
};

/** A comment as the SQL reads it: its column names, and the phone unmasked (null once removed). */
type CommentRow = Omit<EvaluationComment, "createdAt" | "phone"> & { created_at: Date; phone: string | null };

/** A row of the evaluations query, for the page and the exports (the phone masked). */
function toRow<C extends string | null>(r: Omit<CommentRow, "comment"> & { comment: C }) {
  return {
    id: r.id,
    createdAt: r.created_at,
    at: r.at,
    venue: r.venue,
    lawyer: r.lawyer,
    satisfaction: r.satisfaction,
    resolution: r.resolution,
    comment: r.comment,
    source: r.source,
    name: r.name,
    phone: r.phone ? maskPhone(r.phone) : "",
  };
}

/** The comments in scope, newest first, at most `limit`, with how many there are in all. */
async function listComments(scope: EvaluationScope, limit: number): Promise<{ rows: EvaluationComment[]; total: number }> {
  const [rows, counted] = await Promise.all([
    db.$queryRaw<CommentRow[]>`
      SELECT s.id, s.created_at, s.at, v.name AS venue, l.name AS lawyer, s.satisfaction, s.resolution, s.comment, s.source,
             s.name, s.phone
      FROM (${evaluatedSql(scope)}) s JOIN venue v ON v.id = s.venue_id JOIN lawyer l ON l.id = s.lawyer_id
      WHERE s.comment IS NOT NULL ORDER BY s.created_at DESC, s.id LIMIT ${limit}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM (${evaluatedSql(scope)}) s WHERE s.comment IS NOT NULL`,
  ]);
  return {
    total: counted[0]?.total ?? 0,
    rows: rows.map(toRow),
  };
}

export type NamedCounts = EvaluationCounts & { id: string; name: string };

export type EvaluationSummary = {
  totals: EvaluationCounts;
  byLawyer: NamedCounts[];
  byVenue: NamedCounts[];
  comments: EvaluationComment[];
  commentCount: number;
};

export const DASHBOARD_COMMENTS = 30;

/** The consultations from `from` to `to` (Asia/Shanghai dates, both included). */
export function periodScope({ from, to }: { from: DateString; to: DateString }): { start: Date; end: Date } {
  return { start: zonedInstant(from), end: zonedInstant(addDays(to, 1)) };
}

/**
 * Staff's view (the dashboard, with its filters: a venue by slug, a topic by code): counts per
 * lawyer and per village's venue in the scope, and the newest comments.
 */
export async function summariseEvaluations(
  within: Scope,
  filters: { from: DateString; to: DateString; venue?: string; topic?: string },
  limit = DASHBOARD_COMMENTS,
): Promise<EvaluationSummary> {
  const scope: EvaluationScope = {
    ...periodScope(filters),
    townId: within.townId,
    venueSlug: filters.venue,
    topicCode: filters.topic,
  };
  const [groups, comments] = await Promise.all([countEvaluations(scope), listComments(scope, limit)]);
  const [venues, lawyers] = await Promise.all([
    db.venue.findMany({
      where: { id: { in: [...groups.byVenue.keys()] }, ...venuesIn(within) },
      orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
      select: { id: true, name: true },
    }),
    db.lawyer.findMany({
      where: { id: { in: [...groups.byLawyer.keys()] } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const named = (rows: { id: string; name: string }[], counts: Map<string, EvaluationCounts>) =>
    rows.map((r) => ({ ...r, ...(counts.get(r.id) ?? NO_EVALUATIONS) }));
  return {
    totals: groups.totals,
    byVenue: named(venues, groups.byVenue),
    byLawyer: named(lawyers, groups.byLawyer),
    comments: comments.rows,
    commentCount: comments.total,
  };
}

/** A lawyer's own results: the counts, and the comments without who wrote them, where or when. */
export type OwnEvaluations = {
  counts: EvaluationCounts;
  comments: { id: string; satisfaction: Satisfaction; resolution: Resolution; comment: string }[];
};

/** For a lawyer's work log (lib/worklog decides who may read it): the consultations in [start, end). */
export async function summariseOwnEvaluations(
  lawyerId: string,
  start: Date,
  end: Date,
  { townId }: { townId?: string | null } = {},
): Promise<OwnEvaluations> {
  // A town's staff reading a lawyer's log see the evaluations of their town's venues only.
  const scope = { start, end, lawyerId, townId };
  const [groups, comments] = await Promise.all([countEvaluations(scope), listComments(scope, 200)]);
  return {
    counts: groups.totals,
    comments: comments.rows.map(({ id, satisfaction, resolution, comment }) => ({ id, satisfaction, resolution, comment })),
  };
}

export type PaperCandidate = {
  kind: "booking" | "walk_in";
  id: string;
  code: string | null;
  at: Date;
  venue: string;
  lawyer: string;
  name: string;
  /** Masked. */
  phone: string;
  evaluated: EvaluationSource | null;
};

/**
 * The last `days` days' consultations in the scope (done bookings, walk-ins not voided), newest
 * first: for staff with a pile of paper forms.
 */
export async function listPaperCandidates(scope: Scope, { now = new Date(), days = 31 } = {}): Promise<PaperCandidate[]> {
  const inTown = scope.townId ? Prisma.sql`AND v.town_id = ${scope.townId}` : Prisma.empty;
  const today = todayInShanghai(now);
  const start = zonedInstant(addDays(today, -days));
  const end = zonedInstant(addDays(today, 1));
  const rows = await db.$queryRaw<(Omit<PaperCandidate, "phone"> & { phone: string | null })[]>`
    SELECT * FROM (
      SELECT 'booking' AS kind, b.id, b.code, b.starts_at AS at, v.name AS venue, l.name AS lawyer, b.name, b.phone,
             e.source::text AS evaluated
      FROM booking b JOIN venue v ON v.id = b.venue_id JOIN lawyer l ON l.id = b.lawyer_id
      LEFT JOIN evaluation e ON e.booking_id = b.id
      WHERE b.status = 'DONE' AND ${countedSql("b")} AND b.starts_at >= ${start} AND b.starts_at < ${end} ${inTown}
      UNION ALL
      SELECT 'walk_in', w.id, NULL, w.at, v.name, l.name, w.name, w.phone, e.source::text
      FROM walk_in w JOIN venue v ON v.id = w.venue_id JOIN lawyer l ON l.id = w.lawyer_id
      LEFT JOIN evaluation e ON e.walk_in_id = w.id
      WHERE w.voided_at IS NULL AND w.at >= ${start} AND w.at < ${end} ${inTown}
    ) s ORDER BY s.at DESC, s.id LIMIT 300`;
  return rows.map((r) => ({ ...r, phone: r.phone ? maskPhone(r.phone) : "" }));
}
