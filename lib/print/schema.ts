// What the print-outs show, as the pages hand it to components/print/. Types only: safe anywhere.
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
