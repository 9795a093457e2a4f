import "server-only";
import { db } from "@/lib/db";

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

/**
 * Minutes the account name must wait before another try, or 0. Counted per name whether or not
 * an account has it, so the answer reveals nothing about which accounts exist.
 */
export async function minutesToWait(username: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const failures = await db.loginAttempt.findMany({
    where: { username, succeeded: false, at: { gt: since } },
    orderBy: { at: "desc" },
    take: MAX_FAILURES,
    select: { at: true },
  });
  if (failures.length < MAX_FAILURES) return 0;
  const oldest = failures[MAX_FAILURES - 1].at.getTime();
  return Math.max(1, Math.ceil((oldest + WINDOW_MINUTES * 60_000 - now.getTime()) / 60_000));
}

export async function recordAttempt(username: string, succeeded: boolean, now = new Date()): Promise<void> {
  await db.loginAttempt.create({ data: { username, succeeded, at: now } });
  // A success clears the slate for that name.
  if (succeeded) await db.loginAttempt.deleteMany({ where: { username, succeeded: false } });
}
