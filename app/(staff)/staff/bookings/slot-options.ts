import type { SlotView } from "@/lib/availability/queries";
import { formatTime, toDateString } from "@/lib/time";

/** Free slots grouped by Shanghai date, and one choice per time and lawyer ("start|lawyerId"). */
export function slotsByDate(slots: SlotView[]) {
  const dates = new Map<string, SlotView[]>();
  for (const slot of slots) {
    const date = toDateString(slot.start);
    dates.set(date, [...(dates.get(date) ?? []), slot]);
  }
  return dates;
}

export function slotChoices(slots: SlotView[]) {
  return slots.map((s) => ({
    value: `${s.start.toISOString()}|${s.lawyer.id}`,
    label: `${formatTime(s.start)}–${formatTime(s.end)} ${s.lawyer.name}`,
  }));
}
