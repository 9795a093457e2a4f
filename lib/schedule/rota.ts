import "server-only";
import { loadAvailabilityInputs } from "@/lib/availability/queries";
import { dutyIntervals } from "@/lib/availability/slots";
import { db } from "@/lib/db";
import { addDays, type DateString, formatMinute } from "@/lib/time";
import { MONTHLY_TARGET_HOURS, monthRange, scheduledHours } from "./hours";

export type RotaCell = { lawyer: string; from: string; to: string };
export type RotaRow = {
  venue: { id: string; slug: string; name: string; village: string | null; kind: "STATION" | "WORKROOM" };
  days: Map<DateString, RotaCell[]>;
  hours: number;
  /** Workrooms only: the Guangdong 8-hour rule is per village. */
  shortfall: number | null;
};

/** Who is on duty where, day by day, for a month; and each village's on-site hours against the target. */
export async function loadRota(month: string): Promise<{ dates: DateString[]; rows: RotaRow[] }> {
  const { from, to } = monthRange(month);
  const venues = await db.venue.findMany({
    where: { active: true },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: { id: true, slug: true, name: true, village: true, kind: true },
  });
  const inputs = await loadAvailabilityInputs(
    venues.map((v) => v.id),
    from,
    to,
  );
  const dates: DateString[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  const hours = new Map(
    scheduledHours({
      venueIds: venues.map((v) => v.id),
      sessions: inputs.sessions,
      exceptions: inputs.exceptions,
      month,
      calendar: inputs.calendar,
    }).map((h) => [h.venueId, h.hours]),
  );
  const rows = venues.map((venue) => {
    const days = new Map<DateString, RotaCell[]>();
    const rules = { id: venue.id, slotMinutes: 30, minNoticeMinutes: 0, horizonDays: 1 };
    for (const i of dutyIntervals({
      venue: rules,
      sessions: inputs.sessions,
      exceptions: inputs.exceptions,
      from,
      to,
      calendar: inputs.calendar,
    })) {
      const cell = {
        lawyer: inputs.lawyerNames.get(i.lawyerId) ?? "",
        from: formatMinute(i.startMinute),
        to: formatMinute(i.endMinute),
      };
      days.set(i.date, [...(days.get(i.date) ?? []), cell]);
    }
    const total = hours.get(venue.id) ?? 0;
    return {
      venue,
      days,
      hours: total,
      shortfall: venue.kind === "WORKROOM" ? Math.max(0, MONTHLY_TARGET_HOURS - total) : null,
    };
  });
  return { dates, rows };
}
