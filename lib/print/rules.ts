// What the print-outs say about duty, in the shape paper needs. Pure: the queries load the rows.
import type { DutyInterval } from "@/lib/availability/slots";
import type { VenueKind } from "@/lib/generated/prisma/enums";
import { type DateString, isoWeekday } from "@/lib/time";

/**
 * One line of a poster's duty table: a weekday and hours, who sits then, and on which days of each
 * month. A lawyer whose dates differ (leave, a holiday) gets a line of their own.
 */
export type DutyRow = { weekday: number; startMinute: number; endMinute: number; lawyers: string[]; days: number[][] };

/**
 * The duty intervals of one venue as a table a notice board can hold: grouped by weekday and hours
 * rather than listed date by date, with the real dates (holidays and leave already cut out) per month.
 * `names` gives each lawyer's name, in the order lawyers should be listed.
 */
export function dutyTable(intervals: DutyInterval[], months: string[], names: Map<string, string>): DutyRow[] {
  const order = [...names.keys()];
  const byLawyer = new Map<
    string,
    { weekday: number; startMinute: number; endMinute: number; lawyerId: string; dates: DateString[] }
  >();
  for (const i of intervals) {
    const weekday = isoWeekday(i.date);
    const key = `${weekday}|${i.startMinute}|${i.endMinute}|${i.lawyerId}`;
    const group = byLawyer.get(key) ?? {
      weekday,
      startMinute: i.startMinute,
      endMinute: i.endMinute,
      lawyerId: i.lawyerId,
      dates: [],
    };
    group.dates.push(i.date);
    byLawyer.set(key, group);
  }
  const rank = (lawyerId: string) => (order.includes(lawyerId) ? order.indexOf(lawyerId) : order.length);
  const groups = [...byLawyer.values()].sort(
    (a, b) =>
      a.weekday - b.weekday || a.startMinute - b.startMinute || a.endMinute - b.endMinute || rank(a.lawyerId) - rank(b.lawyerId),
  );
  // Two lawyers sitting together on the same dates share a line.
  const rows = new Map<string, DutyRow>();
  for (const g of groups) {
    const dates = [...g.dates].sort();
    const key = `${g.weekday}|${g.startMinute}|${g.endMinute}|${dates.join(",")}`;
    const name = names.get(g.lawyerId) ?? "";
    const row = rows.get(key);
    if (row) row.lawyers.push(name);
    else
      rows.set(key, {
        weekday: g.weekday,
        startMinute: g.startMinute,
        endMinute: g.endMinute,
        lawyers: [name],
        days: months.map((month) => dates.filter((d) => d.startsWith(`${month}-`)).map((d) => Number(d.slice(8)))),
      });
  }
  return [...rows.values()];
}

/**
 * The row's date when it has just one (an extra session, or the one day a session is not on
 * leave): the poster writes it first and in full, not as a weekday with "8日" in a month column.
 */
export function onlyDate(row: DutyRow, months: string[]): DateString | null {
  const dates = row.days.flatMap((days, i) => days.map((day) => `${months[i]}-${String(day).padStart(2, "0")}`));
  return dates.length === 1 ? dates[0] : null;
}

/** A weekly session as a contact card prints it: dates only where it starts later or ends. */
export type WeeklyDuty = {
  weekday: number;
  startMinute: number;
  endMinute: number;
  place: string;
  from: DateString | null;
  until: DateString | null;
};

/** A lawyer's weekly sessions from `today` on, in weekday order, each once. */
export function weeklyDuty(
  sessions: {
    weekday: number;
    startMinute: number;
    endMinute: number;
    place: string;
    validFrom: DateString;
    validUntil: DateString | null;
  }[],
  today: DateString,
): WeeklyDuty[] {
  const seen = new Map<string, WeeklyDuty>();
  for (const s of sessions) {
    if (s.validUntil !== null && s.validUntil < today) continue;
    const line = {
      weekday: s.weekday,
      startMinute: s.startMinute,
      endMinute: s.endMinute,
      place: s.place,
      from: s.validFrom > today ? s.validFrom : null,
      until: s.validUntil,
    };
    seen.set(JSON.stringify(line), line);
  }
  return [...seen.values()].sort(
    (a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute || (a.from ?? "").localeCompare(b.from ?? "", "en"),
  );
}

/** The short name of a venue on a card: the village, or the town station. */
export function placeName(venue: { kind: VenueKind; name: string; village: string | null }): string {
  return venue.kind === "STATION" ? "镇工作站" : (venue.village ?? venue.name);
}

export const CARDS_PER_SHEET = 10;

/** A card on a sheet: its face and that face's place in the list, a key, and whether an earlier card had the same face. */
export type SheetCard<T> = { key: string; face: T; faceIndex: number; repeat: boolean };

/**
 * A sheet of cards shared out among a lawyer's faces (one per village they advise, each with that
 * village's QR code), the same face side by side: five and five for two villages, 4, 3, 3 for three.
 */
export function fillSheet<T>(faces: T[], count = CARDS_PER_SHEET): SheetCard<T>[] {
  const used = faces.slice(0, count);
  return used.flatMap((face, f) =>
    Array.from({ length: Math.floor(count / used.length) + (f < count % used.length ? 1 : 0) }, (_, copy) => ({
      key: `${f}-${copy}`,
      face,
      faceIndex: f,
      repeat: copy > 0,
    })),
  );
}

/** "6月1日" for "2026-06-01": the year goes without saying on a sheet that covers two months. */
export function shortDate(date: DateString): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** "6月" for "2026-06". */
export function monthLabel(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}
