import type { SlotView } from "@/lib/availability/queries";
import { slotValue } from "@/lib/booking/schema";
import { formatTimeRange, toDateString } from "@/lib/time";

/** Free slots grouped by Shanghai date. */
export function slotsByDate(slots: SlotView[]) {
  const dates = new Map<string, SlotView[]>();
  for (const slot of slots) {
    const date = toDateString(slot.start);
    dates.set(date, [...(dates.get(date) ?? []), slot]);
  }
  return dates;
}

/** One choice per time and lawyer, as the radio buttons of a staff form. */
export function slotChoices(slots: SlotView[]) {
  return slots.map((s) => ({
    value: slotValue({ start: s.start, lawyerId: s.lawyer.id }),
    label: `${formatTimeRange(s.start, s.end)} ${s.lawyer.name}`,
  }));
}
