// Pure rules of evaluations: how long one may be changed, how long a link lasts, and the counts
// and satisfaction rate (满意度) the town reports. No database, no I/O.
import type { Resolution, Satisfaction } from "@/lib/generated/prisma/enums";

/** The comment's limit, as the database's check has it. */
export const COMMENT_MAX = 300;

/** An evaluation may be changed for this many days after it was first given. */
export const CHANGE_DAYS = 7;

/** A walk-in's link (its QR code) works for this many hours, once. */
export const LINK_HOURS = 24;

const HOUR = 60 * 60 * 1000;

/** Until when an evaluation first given at `createdAt` may be changed. */
export function changeableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + CHANGE_DAYS * 24 * HOUR);
}

/** Whether it may still be changed at `now`. */
export function isChangeable(createdAt: Date, now: Date = new Date()): boolean {
  return changeableUntil(createdAt) > now;
}

/** The earliest first-given time that may still be changed at `now`: the mutations' conditional update. */
export function changeCutoff(now: Date): Date {
  return new Date(now.getTime() - CHANGE_DAYS * 24 * HOUR);
}

/** When a walk-in's link made at `now` stops working. */
export function linkExpiry(now: Date): Date {
  return new Date(now.getTime() + LINK_HOURS * HOUR);
}

/** How many evaluations, and how many gave each answer. */
export type EvaluationCounts = { total: number } & Record<Satisfaction, number> & Record<Resolution, number>;

export const NO_EVALUATIONS: EvaluationCounts = {
  total: 0,
  SATISFIED: 0,
  BASICALLY_SATISFIED: 0,
  DISSATISFIED: 0,
  SOLVED: 0,
  PARTLY_SOLVED: 0,
  UNSOLVED: 0,
};

/** The counts of a list of answers. */
export function countAnswers(rows: readonly { satisfaction: Satisfaction; resolution: Resolution }[]): EvaluationCounts {
  const counts = { ...NO_EVALUATIONS };
  for (const r of rows) {
    counts.total += 1;
    counts[r.satisfaction] += 1;
    counts[r.resolution] += 1;
  }
  return counts;
}

/**
 * 满意度: the share of 满意 and 基本满意 among all evaluations, as Guangdong's 12348 platform
 * publishes it; null when there is none (shown as "—", never as 0 % or 100 %).
 */
export function satisfactionRate(counts: EvaluationCounts): number | null {
  return counts.total > 0 ? (counts.SATISFIED + counts.BASICALLY_SATISFIED) / counts.total : null;
}
