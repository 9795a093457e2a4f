import "server-only";
import { db } from "@/lib/db";
import type { FindBookingInput } from "./schema";

export type BookingStatusName = "confirmed" | "checked_in" | "done" | "no_show" | "cancelled";

export type BookingView = {
  code: string;
  status: BookingStatusName;
  start: Date;
  end: Date;
  venue: { slug: string; name: string; address: string };
  lawyer: { id: string; name: string; firm: string; publicPhone: string };
  topic: { code: string; name: string };
  name: string;
  phone: string;
  village: string | null;
  description: string | null;
  onBehalfOf: { name: string; relation: string } | null;
  priorityGroup: string | null;
  cancelReason: string | null;
};

export const bookingViewSelect = {
  id: true,
  code: true,
  status: true,
  startsAt: true,
  endsAt: true,
  name: true,
  phone: true,
  village: true,
  note: true,
  onBehalfOfName: true,
  onBehalfOfRelation: true,
  priorityGroup: true,
  cancelReason: true,
  venue: { select: { slug: true, name: true, address: true } },
  lawyer: { select: { id: true, name: true, firm: true, publicPhone: true } },
  topic: { select: { code: true, name: true } },
} as const;

type Row = {
  code: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  name: string;
  phone: string;
  village: string | null;
  note: string | null;
  onBehalfOfName: string | null;
  onBehalfOfRelation: string | null;
  priorityGroup: string | null;
  cancelReason: string | null;
  venue: BookingView["venue"];
  lawyer: BookingView["lawyer"];
  topic: BookingView["topic"];
};

export function toBookingView(row: Row): BookingView {
  return {
    code: row.code,
    status: row.status.toLowerCase() as BookingStatusName,
    start: row.startsAt,
    end: row.endsAt,
    venue: row.venue,
    lawyer: row.lawyer,
    topic: row.topic,
    name: row.name,
    phone: row.phone,
    village: row.village,
    description: row.note,
    onBehalfOf:
      row.onBehalfOfName && row.onBehalfOfRelation ? { name: row.onBehalfOfName, relation: row.onBehalfOfRelation } : null,
    priorityGroup: row.priorityGroup,
    cancelReason: row.cancelReason,
  };
}

/** A booking by its code and phone together: a wrong code and a wrong phone both give null. */
export async function findBooking({ code, phone }: FindBookingInput): Promise<BookingView | null> {
  const row = await db.booking.findFirst({ where: { code, phone }, select: bookingViewSelect });
  return row ? toBookingView(row) : null;
}
