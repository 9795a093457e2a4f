import "server-only";
import { db } from "@/lib/db";
import { addDays, todayInShanghai, zonedInstant } from "@/lib/time";

/** What staff want to know first thing: today's and this week's bookings, and who is waiting for a call. */
export async function loadStaffOverview(now = new Date()) {
  const today = todayInShanghai(now);
  const start = zonedInstant(today);
  const active = { status: { in: ["CONFIRMED" as const, "CHECKED_IN" as const, "DONE" as const] } };
  const [todayCount, weekCount, callbacks] = await Promise.all([
    db.booking.count({ where: { ...active, startsAt: { gte: start, lt: zonedInstant(addDays(today, 1)) } } }),
    db.booking.count({ where: { ...active, startsAt: { gte: start, lt: zonedInstant(addDays(today, 7)) } } }),
    db.callbackRequest.count({ where: { handledAt: null } }),
  ]);
  return { todayCount, weekCount, callbacks };
}
