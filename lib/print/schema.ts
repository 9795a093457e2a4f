// What the print-outs show, as the pages hand it to components/print/, and the day sheet's
// address (venue and date). Safe anywhere.
import { z } from "zod";
import { plainText, serviceDate } from "@/lib/form";
import type { VenueKind } from "@/lib/generated/prisma/enums";
import type { DateString } from "@/lib/time";
import type { DutyRow, SheetCard, WeeklyDuty } from "./rules";

export type { DutyRow, SheetCard, WeeklyDuty };

export type PosterLawyer = { id: string; name: string; firm: string; publicPhone: string; isAdviser: boolean };

export type VenuePoster = {
  venue: { slug: string; kind: VenueKind; name: string; address: string; phone: string | null };
  /** The venue's booking page on the public address: what the QR code opens. */
  url: string;
  privacyUrl: string;
  /** The dates the duty table covers: today to the end of next month. */
  from: DateString;
  to: DateString;
  /** "YYYY-MM" of this month and the next, the table's date columns. */
  months: string[];
  duty: DutyRow[];
  lawyers: PosterLawyer[];
};

/** One face of a contact card: the lawyer, and the venue its QR code opens (null: none bookable). */
export type CardFace = {
  lawyer: { id: string; name: string; firm: string; publicPhone: string };
  villages: { name: string; isAdviser: boolean }[];
  servesStation: boolean;
  duty: WeeklyDuty[];
  target: { place: string; url: string } | null;
};

/** A sheet of ten cards for one lawyer. */
export type CardSheet = { lawyer: { id: string; name: string }; cards: SheetCard<CardFace>[] };

/** Which day sheet: a venue (its slug, or its id from a lawyer's list) and a date. */
export const daySheetQuery = z.object({
  venue: z.string({ error: "请选择服务地点。" }).trim().min(1, "请选择服务地点。").max(60, "请选择服务地点。").check(plainText()),
  date: z
    .string({ error: "请填写日期。" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "请填写日期，例如 2026-12-01。")
    .check(serviceDate()),
});
export type DaySheetQuery = z.infer<typeof daySheetQuery>;

/** One booking on the day sheet: everything the desk needs, the phone in full. */
export type SheetBooking = {
  id: string;
  code: string;
  start: Date;
  end: Date;
  name: string;
  phone: string;
  village: string | null;
  topic: string;
  onBehalfOf: string | null;
  priorityGroup: string | null;
  lawyer: string;
  checkedIn: boolean;
  /** A test client's booking (lib/test-mode.ts): nobody will come; printed as such. */
  test: boolean;
};

/** A venue's appointments of one day, in time order, with who is on duty, and rows for walk-ins. */
export type DaySheet = {
  venue: { id: string; slug: string; name: string; address: string };
  date: DateString;
  duty: { lawyer: string; from: string; to: string }[];
  bookings: SheetBooking[];
  /** Staff's sheet of a venue with several lawyers that day names each booking's lawyer. */
  showLawyer: boolean;
};
