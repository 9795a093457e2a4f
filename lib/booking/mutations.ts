import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import { atVenuesIn, auditActorOf, type TownScope, venuesIn } from "@/lib/auth/scope";
import { loadAvailabilityInputs, loadLawyerDutyInTransaction, slotsOf } from "@/lib/availability/queries";
import { db, lockLawyers, type Tx } from "@/lib/db";
import { violatedConstraint, waitedTooLong } from "@/lib/db-errors";
import { type Failure, failure, Rejected } from "@/lib/errors";
import type { Channel } from "@/lib/generated/prisma/client";
import type { HolidayCalendar } from "@/lib/holidays/calendar";
import { bookingFacts, tellNewBooking, tellVillager } from "@/lib/messages/mutations";
import { metrics } from "@/lib/metrics";
import { storedSpellings } from "@/lib/phone";
import { handOver } from "@/lib/schedule/change/mutations";
import { toDateString } from "@/lib/time";
import { BOOKABLE_VENUE } from "@/lib/venues/rules";
import { emitEvent } from "@/lib/webhooks/mutations";
import { generateBookingCode } from "./code";
import { type BookingView, bookingViewSelect, toBookingView } from "./queries";
import { MAX_HOLDS_PER_PHONE, MAX_UPCOMING_PER_PHONE } from "./rules";
import type { CancelBookingInput, CreateBookingInput, RescheduleBookingInput } from "./schema";

export type BookingResult = { ok: true; booking: BookingView } | Failure;

/** How many upcoming bookings one phone number may hold. */
export { MAX_UPCOMING_PER_PHONE };
/** Bookings that count against a phone's limit (a HELD slot for the waitlist does not, until accepted). */
export const ACTIVE = ["CONFIRMED", "CHECKED_IN"] as const;

const NOT_MOVABLE = "这个预约已取消、已开始或已结束，不能改期。请重新预约。";
const PHONE_CLASH = "您在这个时间已有一个预约，同一手机号码不能同时预约两个时间段。请选择其他时间。";

/** A free slot to try, with the holiday calendar it was found with (for the check in the transaction). */
export type Candidate = { lawyerId: string; start: Date; end: Date; calendar: HolidayCalendar };

/**
 * The free slots of a venue at exactly `start` (optionally for one lawyer), or why there are
 * none: `slot_taken` when the time is on the venue's grid but booked, else `slot_unavailable`.
 */
export async function candidatesAt(
  venue: { id: string; slotMinutes: number; minNoticeMinutes: number; horizonDays: number },
  start: Date,
  lawyerId: string | undefined,
  now: Date,
  excludeBookingId?: string,
): Promise<Candidate[] | Failure> {
  const date = toDateString(start);
  // Booking needs no lawyer names: one query fewer on the busiest write.
  const inputs = await loadAvailabilityInputs([venue.id], date, date, { excludeBookingId, withNames: false });
  const matches = (s: { start: Date; lawyerId: string }) =>
    s.start.getTime() === start.getTime() && (!lawyerId || s.lawyerId === lawyerId);
  const free = slotsOf(venue, inputs, { now, from: date, to: date }).filter(matches);
  if (free.length > 0) {
    // Spread "any lawyer" bookings: the least busy lawyer that day first.
    const load = (id: string) => inputs.busy.filter((b) => b.lawyerId === id).length;
    return free.sort((a, b) => load(a.lawyerId) - load(b.lawyerId)).map((s) => ({ ...s, calendar: inputs.calendar }));
  }
  const offered = slotsOf(venue, inputs, { now, from: date, to: date, ignoreBookings: true }).some(matches);
  if (!offered && lawyerId) {
    // A lawyer id that names nobody serving here is a wrong input, not a time without duty (issue 25 item 4).
    const serves = await db.lawyerVenue.findFirst({
      where: { lawyerId, venueId: venue.id, lawyer: { active: true } },
      select: { lawyerId: true },
    });
    if (!serves)
      return failure("invalid_input", undefined, {
        lawyerId: "没有这位律师，或这位律师不在这个地点服务。请从可预约时间里列出的律师中选择，或不指定律师。",
      });
  }
  return failure(offered ? "slot_taken" : "slot_unavailable");
}

/**
 * Inside the write's transaction, with the lawyer locked against duty changes (lockLawyers, shared
 * with other bookings): is the lawyer still on duty at that time? A change to their duty hours that
 * committed after the first look is seen here, and one that starts now waits for this booking and
 * then finds it.
 */
export async function stillOnDuty(tx: Tx, venue: Parameters<typeof candidatesAt>[0], slot: Candidate, now: Date) {
  // A change to the lawyer's duty (a leave, a hand-over) holds the lock while it writes: rather than
  // queue behind it until the transaction expires, give up soon and tell the villager (firstThatFits).
  await lockLawyers(tx, [slot.lawyerId], { shared: true, lockTimeout: "2s" });
  const date = toDateString(slot.start);
  const inputs = await loadLawyerDutyInTransaction(tx, slot.lawyerId, [venue.id], date, slot.calendar);
  const onDuty = slotsOf(venue, inputs, { now, from: date, to: date, ignoreBookings: true }).some(
    (s) => s.lawyerId === slot.lawyerId && s.start.getTime() === slot.start.getTime(),
  );
  if (!onDuty) throw new Rejected(failure("slot_unavailable"));
}

/**
 * Claims a slot for a phone number, in the write's own transaction, before its row is written: the
 * one rule that booking, the waitlist's hold and the hold's acceptance share (issue 23 item 7).
 * Under the phone's lock, so the counts cannot race: a booking (or an accepted hold) within the
 * phone's limit of upcoming bookings; a hold within its one held slot, and only for a phone that
 * could still book. Then the lawyer still on duty (stillOnDuty). Throws Rejected with the answer.
 */
export async function claimSlot(
  tx: Tx,
  claim: { phone: string; venue: Parameters<typeof candidatesAt>[0]; slot: Candidate; now: Date; hold?: boolean },
): Promise<void> {
  const { phone, venue, slot, now, hold = false } = claim;
  const spellings = storedSpellings(phone);
  // A hold shares the lock of the phone's waitlist entries (lib/waitlist joinWaitlist); a booking the phone's own.
  if (hold) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('waitlist:' || ${phone}))`;
  else await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${phone}))`;
  const upcoming = await tx.booking.count({
    where: { phone: { in: spellings }, status: { in: [...ACTIVE] }, endsAt: { gt: now } },
  });
  if (upcoming >= MAX_UPCOMING_PER_PHONE) throw new Rejected(failure("too_many_bookings"));
  if (hold) {
    const holds = await tx.booking.count({ where: { phone: { in: spellings }, status: "HELD" } });
    if (holds >= MAX_HOLDS_PER_PHONE) throw new Rejected(failure("conflict"));
  }
  await stillOnDuty(tx, venue, slot, now);
}

const DUTY_CHANGING = "这位律师的值班安排正在调整，这个时间暂时不能预约。请选择其他时间，或过一会儿再试。";

/** Runs `write` for each candidate until one is not refused by the lawyer's exclusion constraint. */
export async function firstThatFits(
  candidates: Candidate[],
  write: (c: Candidate) => Promise<BookingResult>,
): Promise<BookingResult> {
  for (const candidate of candidates) {
    // A new booking code clashing with an existing one (1 in ~148 million) rolls the write back: draw again.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await write(candidate);
      } catch (error) {
        if (error instanceof Rejected) return error.result;
        const constraint = violatedConstraint(error);
        if (constraint === "booking_code_key") continue;
        // Someone else took this lawyer at this time between our read and our write: try the next lawyer.
        if (constraint === "booking_lawyer_no_overlap") break;
        // The same form was sent twice at once: createBooking answers with the booking it made.
        if (constraint === "booking_form_key_key") return failure("slot_taken");
        if (constraint === "booking_phone_no_overlap") return failure("too_many_bookings", PHONE_CLASH);
        if (waitedTooLong(error)) return failure("slot_unavailable", DUTY_CHANGING);
        throw error;
      }
    }
  }
  return failure("slot_taken");
}

/**
 * `ifVersion`: change only the booking as the caller last read it (the API's If-Match); a booking
 * changed since answers booking_changed, and nothing is changed. Part of the conditional update.
 * `scope`: staff's change, in their town only (part of the conditional update too), audited.
 */
type ChangeOptions = { now?: Date; scope?: TownScope; ifVersion?: number };

type CreateOptions = {
  now?: Date;
  channel?: Channel;
  noteConsent?: boolean;
  /** Staff booking for someone: only at a venue of their town, audited (staffCreateBooking). */
  scope?: TownScope;
  formKey?: string;
  /**
   * The villager's own form: when the phone already holds an upcoming booking at this venue, say
   * so (already_booked) instead of booking again, unless they ticked that they want another.
   */
  warnIfBookedHere?: boolean;
  /** Made with a test client's key (lib/test-mode.ts): marked so, counted nowhere. */
  test?: boolean;
};

/** Staff book for someone: only at a venue in their scope; a venue elsewhere is no venue. Audited. */
export function staffCreateBooking(
  scope: TownScope,
  input: CreateBookingInput,
  options: Omit<CreateOptions, "scope" | "warnIfBookedHere"> = {},
): Promise<BookingResult> {
  assertCan(can.workAsStaff(scope.actor));
  return createBooking(input, { ...options, scope });
}

/**
 * Books a slot. `formKey` is the booking form's one-time key: the same form sent again (a double
 * tap, Back and send) answers with the booking it made, for the same phone, instead of a second
 * booking or "taken". The unique index on the key decides; the look-ups only find the answer.
 */
export async function createBooking(input: CreateBookingInput, options: CreateOptions = {}): Promise<BookingResult> {
  const { formKey } = options;
  const earlier = formKey ? await bookingMadeWith(formKey, input.phone) : null;
  if (earlier) return earlier;
  // Advice, not a rule (the limit of upcoming bookings is enforced in the transaction): a booking
  // made meanwhile from another page simply books, as the villager asked twice.
  if (options.warnIfBookedHere && (await hasUpcomingAt(input.phone, input.venue, options.now ?? new Date()))) {
    return failure("already_booked");
  }
  const result = await bookOnce(input, options);
  if (result.ok || !formKey) return result;
  return (await bookingMadeWith(formKey, input.phone)) ?? result;
}

function hasUpcomingAt(phone: string, venueSlug: string, now: Date): Promise<boolean> {
  return db.booking
    .count({ where: { phone, status: "CONFIRMED", startsAt: { gt: now }, venue: { slug: venueSlug } } })
    .then((n) => n > 0);
}

async function bookingMadeWith(formKey: string, phone: string): Promise<BookingResult | null> {
  const row = await db.booking.findFirst({ where: { formKey, phone }, select: bookingViewSelect });
  return row ? { ok: true, booking: toBookingView(row) } : null;
}

async function bookOnce(
  input: CreateBookingInput,
  { now = new Date(), channel = "ONLINE", noteConsent = false, scope, formKey, test = false }: CreateOptions,
): Promise<BookingResult> {
  const [venue, topic] = await Promise.all([
    db.venue.findFirst({
      where: { slug: input.venue, ...BOOKABLE_VENUE, ...(scope ? venuesIn(scope) : {}) },
      select: { id: true, slotMinutes: true, minNoticeMinutes: true, horizonDays: true, offHoursBooking: true },
    }),
    db.topic.findFirst({ where: { code: input.topic, active: true }, select: { id: true } }),
  ]);
  if (!venue || !topic) {
    const fields: Record<string, string> = {};
    if (!venue) fields.venue = "没有这个服务地点，请从列表中选择。";
    if (!topic) fields.topic = "请从列表中选择咨询事项。";
    return failure("invalid_input", undefined, fields);
  }
  const candidates = await candidatesAt(venue, input.start, input.lawyerId, now);
  if (!Array.isArray(candidates)) {
    // Taken by this very phone (a second tap, a retry): say so, not that someone else took it.
    if (candidates.code === "slot_taken" && (await sameTimeBooked(input.phone, venue.id, input.start)))
      return failure("duplicate_booking");
    return candidates;
  }

  const made = await firstThatFits(candidates, (slot) =>
    db.$transaction(async (tx) => {
      await claimSlot(tx, { phone: input.phone, venue, slot, now });
      const row = await createWithFreshCode(tx, {
        venueId: venue.id,
        lawyerId: slot.lawyerId,
        startsAt: slot.start,
        endsAt: slot.end,
        name: input.name,
        phone: input.phone,
        village: input.village ?? null,
        topicId: topic.id,
        note: input.description ?? null,
        onBehalfOfName: input.onBehalfOf?.name ?? null,
        onBehalfOfRelation: input.onBehalfOf?.relation ?? null,
        priorityGroup: input.priorityGroup ?? null,
        channel,
        formKey: formKey ?? null,
        consentAt: now,
        noteConsentAt: input.description && (noteConsent || channel === "ONLINE") ? now : null,
        test,
      });
      if (scope)
        await recordAudit(tx, auditActorOf(scope), {
          kind: "booking",
          action: "create",
          subjectId: row.id,
          summary: `代为预约 ${row.code}`,
        });
      await tellNewBooking(tx, row, now);
      await emitEvent(tx, "booking.created", row.id, now);
      // Booked some other way: whoever waited for a time here with this phone waits no longer.
      await leaveWaitlist(tx, input.phone, venue.id, now);
      return { ok: true as const, booking: toBookingView(row) };
    }),
  );
  if (made.ok) metrics.bookings.inc({ change: "created", channel: channel.toLowerCase() });
  return made;
}

async function sameTimeBooked(phone: string, venueId: string, start: Date): Promise<boolean> {
  const found = await db.booking.findFirst({
    where: { phone: { in: storedSpellings(phone) }, venueId, startsAt: start, status: { in: [...ACTIVE] } },
    select: { id: true },
  });
  return found !== null;
}

/**
 * Someone who booked at a venue leaves its waitlist (lib/waitlist), in the booking's transaction.
 * An entry with an offer open is ended too: its hold simply runs out.
 */
export async function leaveWaitlist(tx: Tx, phone: string, venueId: string, now: Date): Promise<void> {
  await tx.waitlistEntry.updateMany({
    where: { phone, venueId, status: { in: ["WAITING", "OFFERED"] } },
    data: { status: "BOOKED", endedAt: now },
  });
}

type NewBooking = Omit<Parameters<Tx["booking"]["create"]>[0]["data"], "code">;

/** What the insert gives back: the booking's view, and what its messages say (tellNewBooking). */
const createdSelect = {
  ...bookingViewSelect,
  updatedAt: true,
  venue: { select: { ...bookingViewSelect.venue.select, ...bookingFacts.venue.select } },
  lawyer: { select: { ...bookingViewSelect.lawyer.select, ...bookingFacts.lawyer.select } },
} as const;

/** The unique index on the code decides a clash (see firstThatFits), so no look-up first. */
export function createWithFreshCode(tx: Tx, data: NewBooking) {
  return tx.booking.create({ data: { ...data, code: generateBookingCode() } as never, select: createdSelect });
}

const movableSelect = {
  id: true,
  code: true,
  version: true,
  status: true,
  channel: true,
  startsAt: true,
  venue: { select: { id: true, slotMinutes: true, minNoticeMinutes: true, horizonDays: true, offHoursBooking: true } },
} as const;

type Movable = {
  id: string;
  code: string;
  version: number;
  status: string;
  channel: string;
  startsAt: Date;
  venue: Parameters<typeof candidatesAt>[0];
};

/** The villager's way in: the code and phone must both match. */
function findOwn(code: string, phone: string) {
  return db.booking.findFirst({ where: { code, phone: { in: storedSpellings(phone) } }, select: movableSelect });
}

/** Staff's way in: the code alone, in their town (a booking elsewhere is not found). */
function findByCode(scope: TownScope, code: string) {
  return db.booking.findFirst({ where: { code, ...atVenuesIn(scope) }, select: movableSelect });
}

/** The rows a change may touch: staff's only in their town. */
const inScope = (scope: TownScope | undefined) => (scope ? atVenuesIn(scope) : {});

/**
 * The condition a change of a booking writes under, in its own transaction: still confirmed and to
 * come, in the caller's scope, and (with If-Match) still the version the caller read.
 */
function stillChangeable(booking: { id: string }, { now, scope, ifVersion }: ChangeOptions & { now: Date }) {
  return {
    id: booking.id,
    ...inScope(scope),
    status: "CONFIRMED" as const,
    startsAt: { gt: now },
    ...(ifVersion === undefined ? {} : { version: ifVersion }),
  };
}

async function cancel(
  booking: Movable,
  reason: string | null,
  { now = new Date(), scope, ifVersion }: ChangeOptions,
): Promise<BookingResult> {
  let cancelledNow = false;
  const row = await db.$transaction(async (tx) => {
    // Conditional update: only a confirmed booking that has not started changes; a second cancel changes nothing.
    const { count } = await tx.booking.updateMany({
      where: stillChangeable(booking, { now, scope, ifVersion }),
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason },
    });
    cancelledNow = count > 0;
    // The text says why: the villager's own request, or staff's arrangement.
    if (count > 0) await tellVillager(tx, booking.id, "cancelled", now, { cause: scope ? "staff" : "villager" });
    if (count > 0) await emitEvent(tx, "booking.cancelled", booking.id, now);
    if (count > 0 && scope) {
      await recordAudit(tx, auditActorOf(scope), {
        kind: "booking",
        action: "cancel",
        subjectId: booking.id,
        summary: `取消预约 ${booking.code}：${reason ?? ""}`,
      });
    }
    return tx.booking.findUniqueOrThrow({ where: { id: booking.id }, select: bookingViewSelect });
  });
  if (!cancelledNow && ifVersion !== undefined && row.version !== ifVersion) return failure("booking_changed");
  if (row.status !== "CANCELLED") {
    return failure("conflict", "这个预约已经开始或已经结束，不能在网上取消。如有需要，请联系工作站或拨打 12348。");
  }
  if (cancelledNow) metrics.bookings.inc({ change: "cancelled", channel: booking.channel.toLowerCase() });
  return { ok: true, booking: toBookingView(row) };
}

async function reschedule(
  booking: Movable,
  target: { start: Date; lawyerId?: string; reason?: string },
  { now = new Date(), scope, ifVersion }: ChangeOptions,
): Promise<BookingResult> {
  if (ifVersion !== undefined && booking.version !== ifVersion) return failure("booking_changed");
  if (booking.status !== "CONFIRMED" || booking.startsAt <= now) {
    return failure("conflict", NOT_MOVABLE);
  }
  const candidates = await candidatesAt(booking.venue, target.start, target.lawyerId, now, booking.id);
  if (!Array.isArray(candidates)) return candidates;
  const moved = await firstThatFits(candidates, (slot) =>
    db.$transaction(async (tx) => {
      await stillOnDuty(tx, booking.venue, slot, now);
      // Either the booking moves, or the constraint refuses and it stays exactly as it was. Only a
      // confirmed booking that has not started moves: one cancelled or started meanwhile stays.
      const { count } = await tx.booking.updateMany({
        where: stillChangeable(booking, { now, scope, ifVersion }),
        data: { lawyerId: slot.lawyerId, startsAt: slot.start, endsAt: slot.end },
      });
      if (count === 0) {
        const current = await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { version: true } });
        throw new Rejected(
          ifVersion !== undefined && current.version !== ifVersion
            ? failure("booking_changed")
            : failure("conflict", NOT_MOVABLE),
        );
      }
      await tellVillager(tx, booking.id, "moved", now);
      await emitEvent(tx, "booking.rescheduled", booking.id, now);
      const row = await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, select: bookingViewSelect });
      if (scope) {
        await recordAudit(tx, auditActorOf(scope), {
          kind: "booking",
          action: "reschedule",
          subjectId: booking.id,
          summary: `改期预约 ${booking.code}${target.reason ? `：${target.reason}` : ""}`,
        });
      }
      return { ok: true as const, booking: toBookingView(row) };
    }),
  );
  if (moved.ok) metrics.bookings.inc({ change: "moved", channel: booking.channel.toLowerCase() });
  return moved;
}

export async function cancelBooking(
  input: CancelBookingInput,
  { now = new Date(), ifVersion }: { now?: Date; ifVersion?: number } = {},
): Promise<BookingResult> {
  const booking = await findOwn(input.code, input.phone);
  if (!booking) return failure("not_found");
  return cancel(booking, input.reason ?? null, { now, ifVersion });
}

export async function rescheduleBooking(
  input: RescheduleBookingInput,
  { now = new Date(), ifVersion }: { now?: Date; ifVersion?: number } = {},
): Promise<BookingResult> {
  const booking = await findOwn(input.code, input.phone);
  if (!booking) return failure("not_found");
  return reschedule(booking, { start: input.start, lawyerId: input.lawyerId }, { now, ifVersion });
}

/** Staff cancel a booking of their town by its code, with a reason, audited; elsewhere it is not found. */
export async function staffCancelBooking(scope: TownScope, code: string, reason: string, { now }: { now?: Date } = {}) {
  assertCan(can.workAsStaff(scope.actor));
  const booking = await findByCode(scope, code);
  if (!booking) return failure("not_found");
  return cancel(booking, reason, { now, scope });
}

/** Staff move a booking of their town by its code, with a reason, audited; elsewhere it is not found. */
export async function staffRescheduleBooking(
  scope: TownScope,
  code: string,
  target: { start: Date; lawyerId?: string; reason: string },
  { now }: { now?: Date } = {},
) {
  assertCan(can.workAsStaff(scope.actor));
  const booking = await findByCode(scope, code);
  if (!booking) return failure("not_found");
  return reschedule(booking, target, { now, scope });
}

const BUSY = "这位律师这个时间已有预约，请选择其他律师。";
const NOT_ON_DUTY = "这位律师这个时间不在这里值班，请从列出的律师中选择。";
const NOT_REASSIGNABLE = "这个预约已取消、已开始或已结束，不能改由其他律师接待。";
const SAME_LAWYER = "现在就是这位律师接待，请选择另一位律师。";

/**
 * Staff give one confirmed future booking to another lawyer free at the same time and place
 * (the booking's own slot left out), audited, and the villager is told. In one transaction with
 * both lawyers locked; the taker's exclusion constraint (booking_lawyer_no_overlap) decides when
 * two hand-overs to the same lawyer race, and the loser changes nothing.
 */
export async function staffReassignBooking(
  scope: TownScope,
  code: string,
  lawyerId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<BookingResult> {
  assertCan(can.workAsStaff(scope.actor));
  const booking = await db.booking.findFirst({
    where: { code, ...atVenuesIn(scope) },
    select: { id: true, code: true, lawyerId: true, status: true, startsAt: true, endsAt: true, venueId: true },
  });
  if (!booking) return failure("not_found");
  if (booking.status !== "CONFIRMED" || booking.startsAt <= now) return failure("conflict", NOT_REASSIGNABLE);
  const refuse = (code: "invalid_input" | "slot_taken" | "slot_unavailable", message: string) =>
    failure(code, message, { lawyerId: message });
  if (lawyerId === booking.lawyerId) return refuse("invalid_input", SAME_LAWYER);
  const venue = await db.venue.findUniqueOrThrow({ where: { id: booking.venueId }, select: { id: true, slotMinutes: true } });
  // No notice period and no horizon: the booking exists already; only the taker's duty and bookings matter.
  const rules = { ...venue, minNoticeMinutes: 0, horizonDays: 3660 };
  const found = await candidatesAt(rules, booking.startsAt, lawyerId, now, booking.id);
  if (!Array.isArray(found))
    return found.code === "slot_taken" ? refuse("slot_taken", BUSY) : refuse("slot_unavailable", NOT_ON_DUTY);
  const slot = found.find((c) => c.end >= booking.endsAt);
  if (!slot) return refuse("slot_unavailable", NOT_ON_DUTY);
  const taker = await db.lawyer.findUniqueOrThrow({ where: { id: lawyerId }, select: { id: true, name: true } });
  try {
    return await db.$transaction(async (tx) => {
      await lockLawyers(tx, [booking.lawyerId, lawyerId]);
      await stillOnDuty(tx, rules, slot, now);
      // handOver (lib/schedule) changes the row only while it is still the same lawyer's; the
      // booking was found in the scope above, and a booking never changes venue.
      if (!(await handOver(tx, auditActorOf(scope), booking, taker, "因工作安排调整", now))) {
        throw new Rejected(failure("conflict", NOT_REASSIGNABLE));
      }
      const row = await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, select: bookingViewSelect });
      return { ok: true as const, booking: toBookingView(row) };
    });
  } catch (error) {
    if (error instanceof Rejected) {
      return error.result.code === "slot_unavailable" ? refuse("slot_unavailable", NOT_ON_DUTY) : error.result;
    }
    // Someone booked the taker at that time between the look above and the write: nothing changed.
    if (violatedConstraint(error) === "booking_lawyer_no_overlap") return refuse("slot_taken", BUSY);
    throw error;
  }
}
