import "server-only";
import { randomBytes } from "node:crypto";
import { loadAvailabilityInputs, slotsOf } from "@/lib/availability/queries";
import {
  type BookingResult,
  type Candidate,
  candidatesAt,
  claimSlot,
  createWithFreshCode,
  firstThatFits,
  leaveWaitlist,
} from "@/lib/booking/mutations";
import { bookingViewSelect, toBookingView } from "@/lib/booking/queries";
import { db, type Tx } from "@/lib/db";
import { type Failure, failure, Rejected } from "@/lib/errors";
import { dequeue, enqueue } from "@/lib/jobs";
import { OVERTAKEN, overtakeMessages, tellVillager } from "@/lib/messages/mutations";
import { sendTime } from "@/lib/messages/rules";
import { storedSpellings } from "@/lib/phone";
import { addDays, fromDbDate, toDateString, toDbDate, todayInShanghai } from "@/lib/time";
import { BOOKABLE_VENUE } from "@/lib/venues/rules";
import { emitEvent } from "@/lib/webhooks/mutations";
import { entrySelect, findWaitlistEntry, toEntryView, type WaitlistEntryView } from "./queries";
import { HOLD_MINUTES, type JoinWaitlistInput, type WaitlistEntryInput } from "./schema";

// The waitlist (issue 8). Someone who found no free time joins a venue's list with the dates they
// can come. When a slot frees there (the database queues the offer job: see the waitlist
// migration's trigger), the first person waiting, in order of joining, is offered it by text
// message and the slot is held for them for 30 minutes as a HELD booking, which the exclusion
// constraints count like any other: nobody else can book it. Accepted, it becomes their booking
// under the normal rules; declined or run out, the next person is offered. The worker runs the
// jobs (scripts/worker.ts): offerWaitlist and expireHold (lib/jobs.ts), one at a time in the "waitlist" queue.

const MINUTE = 60_000;
/** Offers left unanswered before someone leaves the list: they may have changed their phone or plans. */
export const UNANSWERED_LIMIT = 2;
const UNANSWERED = "候补保留时间已过，没有确认";

export type JoinResult = { ok: true; entry: WaitlistEntryView } | Failure;

/** Open entries one phone may have across the site. */
export const MAX_WAITING_PER_PHONE = 3;
/** Slots held at once for one phone across the site: a hold keeps a slot from everyone else. */
export { MAX_HOLDS_PER_PHONE } from "@/lib/booking/rules";

const OPEN = ["WAITING", "OFFERED"] as const;

/**
 * Puts someone on a venue's waitlist for the dates they can come, within the venue's booking
 * horizon. A venue with free times on those dates is no reason to wait: the answer says to book.
 *
 * A join never reveals or changes another entry. A phone that already waits at this venue is
 * answered as a fresh join would be (waiting, no offer) with an id that opens nothing, and the
 * entry is left as it was: whoever knows a villager's number cannot read their held offer or
 * overwrite their name and dates. The entry itself changes only through its own link and phone.
 */
export async function joinWaitlist(
  input: JoinWaitlistInput,
  now = new Date(),
  { test = false }: { test?: boolean } = {},
): Promise<JoinResult> {
  const [venue, topic] = await Promise.all([
    db.venue.findFirst({
      where: { slug: input.venue, ...BOOKABLE_VENUE },
      select: {
        id: true,
        slug: true,
        name: true,
        horizonDays: true,
        slotMinutes: true,
        minNoticeMinutes: true,
        offHoursBooking: true,
      },
    }),
    db.topic.findFirst({ where: { code: input.topic, active: true }, select: { id: true } }),
  ]);
  const fields: Record<string, string> = {};
  if (!venue) fields.venue = "没有这个服务地点，请从列表中选择。";
  if (!topic) fields.topic = "请从列表中选择咨询事项。";
  if (!venue || !topic) return failure("invalid_input", undefined, fields);
  const today = todayInShanghai(now);
  const last = addDays(today, venue.horizonDays - 1);
  const from = input.from ?? today;
  const to = input.to ?? last;
  if (from < today) fields.from = "最早日期不能早于今天，请重新选择。";
  if (to > last) fields.to = `只能候补 ${venue.horizonDays} 天以内的时间，最晚到 ${last}。请重新选择。`;
  if (to < from && !fields.from) fields.to = "最晚日期不能早于最早日期，请重新选择。";
  if (Object.keys(fields).length) return failure("invalid_input", undefined, fields);

  // Free times on the asked dates: book one instead of holding it through the waitlist.
  const inputs = await loadAvailabilityInputs([venue.id], from, to, { withNames: false });
  if (slotsOf(venue, inputs, { now, from, to }).length > 0) {
    return failure("conflict", "这几天还有可以预约的时间，不用候补。请回到服务地点页面，直接选择时间预约。");
  }

  const joined = await db
    .$transaction(async (tx) => {
      // The phone's entries are counted and changed one join at a time.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('waitlist:' || ${input.phone}))`;
      const open = await tx.waitlistEntry.findMany({
        where: { phone: { in: storedSpellings(input.phone) }, status: { in: [...OPEN] } },
        select: { venueId: true },
      });
      if (open.some((e) => e.venueId === venue.id)) return null;
      if (open.length >= MAX_WAITING_PER_PHONE) {
        throw new Rejected(
          failure(
            "conflict",
            `这个手机号码已经在 ${MAX_WAITING_PER_PHONE} 个地点候补，不能再多。请先取消不需要的候补登记，或拨打 12348。`,
          ),
        );
      }
      const entry = await tx.waitlistEntry.create({
        data: {
          venueId: venue.id,
          phone: input.phone,
          name: input.name,
          topicId: topic.id,
          fromDate: toDbDate(from),
          toDate: toDbDate(to),
          consentAt: now,
          test,
        },
        select: { id: true },
      });
      // A slot may free between the look above and now (someone just cancelled): look at once.
      await queueOffers(tx, venue.id);
      return tx.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id }, select: entrySelect });
    })
    .catch(rejectedAsFailure);
  if (joined && "ok" in joined) return joined;
  if (joined) return { ok: true, entry: toEntryView(joined) };
  // Already waiting here: what a fresh join would answer, about nobody's entry.
  return {
    ok: true,
    entry: {
      id: unusedEntryId(),
      status: "waiting",
      venue: { slug: venue.slug, name: venue.name },
      from,
      to,
      name: input.name,
      phone: input.phone,
      createdAt: now,
      offer: null,
    },
  };
}

function rejectedAsFailure(error: unknown): Failure {
  if (error instanceof Rejected) return error.result;
  throw error;
}

/** An id of an entry's shape (as Prisma's cuid) that no entry has: a look-up with it finds nothing. */
function unusedEntryId(): string {
  return `c${BigInt(`0x${randomBytes(16).toString("hex")}`)
    .toString(36)
    .padStart(24, "0")
    .slice(0, 24)}`;
}

/** Leaves the waitlist; an open offer is given up with it, so the next person is offered the slot. */
export async function cancelWaitlistEntry(input: WaitlistEntryInput, now = new Date()): Promise<JoinResult> {
  const entry = await findWaitlistEntry(input);
  if (!entry) return failure("not_found", "没有找到这条候补登记。请核对链接和登记时留的手机号码。");
  return db.$transaction(async (tx) => {
    const { count } = await tx.waitlistEntry.updateMany({
      where: { id: entry.id, status: { in: ["WAITING", "OFFERED"] } },
      data: { status: "CANCELLED", endedAt: now },
    });
    if (count === 0) return failure("conflict", "这条候补登记已经结束（已取消、已预约或已过期），不用再取消。");
    await releaseHolds(tx, { waitlistEntryId: entry.id }, "候补的村民不再需要", now);
    const row = await tx.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id }, select: entrySelect });
    return { ok: true as const, entry: toEntryView(row) };
  });
}

/** Queues the venue's offer round in this transaction (the triggers do the same for changes of slots). */
async function queueOffers(tx: Tx, venueId: string): Promise<void> {
  await enqueue(tx, "offerWaitlist", { venueId });
}

export type OfferRun = { offered: number };

/**
 * When a hold made at `now` ends: 30 minutes after its text message can go. In the quiet hours
 * (21:00–08:00) the text waits for 08:00, so the slot is kept for the first person waiting until
 * 08:30: they hear of it first thing, and nobody else takes it in the night.
 */
export function holdEnd(now: Date): Date {
  const sendAt = sendTime("waitlist_offer", now, new Date(now.getTime() + 86_400_000));
  return new Date(sendAt.getTime() + HOLD_MINUTES * MINUTE);
}

/**
 * The offer job: at the venue (or at each venue, without one) with people waiting, the free slots
 * within their dates go to them in order of joining, one each, earliest first, never one they were
 * offered before.
 */
export async function offerFreedSlots(now = new Date(), { venueId }: { venueId?: string } = {}): Promise<OfferRun> {
  const today = todayInShanghai(now);
  const at = venueId ? { venueId } : {};
  await db.waitlistEntry.updateMany({
    where: { status: "WAITING", toDate: { lt: toDbDate(today) }, ...at },
    data: { status: "LAPSED", endedAt: now },
  });
  const waiting = await db.waitlistEntry.findMany({
    where: { status: "WAITING", venue: BOOKABLE_VENUE, ...at },
    // Real people first: a test client's entry (lib/test-mode.ts) never takes a slot from one.
    orderBy: [{ test: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      test: true,
      name: true,
      phone: true,
      topicId: true,
      fromDate: true,
      toDate: true,
      venue: { select: { id: true, slotMinutes: true, minNoticeMinutes: true, horizonDays: true, offHoursBooking: true } },
      offers: { select: { lawyerId: true, startsAt: true } },
    },
  });
  let offered = 0;
  const byVenue = new Map<string, typeof waiting>();
  for (const entry of waiting) byVenue.set(entry.venue.id, [...(byVenue.get(entry.venue.id) ?? []), entry]);
  for (const entries of byVenue.values()) {
    const venue = entries[0].venue;
    // From the earliest date anyone can come (not before today) to the latest (ISO dates sort as strings).
    const from = [today, entries.map((e) => fromDbDate(e.fromDate)).sort()[0]].sort()[1];
    const to = entries.map((e) => fromDbDate(e.toDate)).sort()[entries.length - 1];
    const inputs = await loadAvailabilityInputs([venue.id], from, to, { withNames: false });
    // Slots still bookable when the hold ends: the venue's notice counts from then.
    const heldUntil = holdEnd(now);
    const free = slotsOf(venue, inputs, { now: heldUntil, from, to });
    const taken = new Set<string>();
    const slotKey = (s: { lawyerId: string; start: Date }) => `${s.lawyerId}|${s.start.getTime()}`;
    for (const entry of entries) {
      const before = new Set(entry.offers.map((o) => slotKey({ lawyerId: o.lawyerId, start: o.startsAt })));
      const [first, last] = [fromDbDate(entry.fromDate), fromDbDate(entry.toDate)];
      for (const slot of free) {
        const date = toDateString(slot.start);
        if (date < first || date > last || taken.has(slotKey(slot)) || before.has(slotKey(slot))) continue;
        const held = await holdFor(entry, venue, { ...slot, calendar: inputs.calendar }, now, heldUntil);
        if (held.ok) {
          taken.add(slotKey(slot));
          offered++;
          break;
        }
        // Taken meanwhile: the next slot, for this person and the others.
        if (held.code === "slot_taken" || held.code === "slot_unavailable") {
          taken.add(slotKey(slot));
          continue;
        }
        // Not for this phone (at its limit of bookings, or booked at this time): the slot stays free for the next person.
        if (held.code === "too_many_bookings") continue;
        break;
      }
    }
  }
  return { offered };
}

type Waiting = { id: string; name: string; phone: string; topicId: string; test: boolean };
type VenueRules = Parameters<typeof candidatesAt>[0] & { id: string };

/** Holds one slot for one entry: the HELD booking, the entry offered, the text and the expiry job, in one transaction. */
function holdFor(entry: Waiting, venue: VenueRules, slot: Candidate, now: Date, heldUntil: Date): Promise<BookingResult> {
  return firstThatFits([slot], (candidate) =>
    db.$transaction(async (tx) => {
      // Only an entry still waiting: one cancelled or booked meanwhile is offered nothing.
      const { count } = await tx.waitlistEntry.updateMany({
        where: { id: entry.id, status: "WAITING" },
        data: { status: "OFFERED" },
      });
      if (count === 0) throw new Rejected(failure("conflict"));
      // One slot held per phone across the site: a second waits until the first is answered.
      await claimSlot(tx, { phone: entry.phone, venue, slot: candidate, now, hold: true });
      const row = await createWithFreshCode(tx, {
        venueId: venue.id,
        lawyerId: candidate.lawyerId,
        startsAt: candidate.start,
        endsAt: candidate.end,
        status: "HELD",
        heldUntil,
        waitlistEntryId: entry.id,
        name: entry.name,
        phone: entry.phone,
        topicId: entry.topicId,
        channel: "ONLINE",
        consentAt: now,
        test: entry.test,
      });
      await tellVillager(tx, row.id, "offered", now);
      await emitEvent(tx, "waitlist.offered", row.id, now);
      await enqueue(tx, "expireHold", { bookingId: row.id }, { runAt: heldUntil });
      return { ok: true as const, booking: toBookingView(row) };
    }),
  );
}

/**
 * Ends the holds matching `where` that are still HELD: the booking is cancelled (which frees the
 * slot, and the database queues the next offer). Call after the entry's own change, so that the
 * trigger sees who is waiting now.
 */
async function releaseHolds(tx: Tx, where: { id?: string; waitlistEntryId?: string }, reason: string, now: Date) {
  const held = await tx.booking.findMany({ where: { ...where, status: "HELD" }, select: { id: true } });
  for (const { id } of held) {
    await tx.booking.update({ where: { id }, data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason } });
    await dequeue(tx, "expireHold", { bookingId: id });
  }
  return held.length;
}

/**
 * The expiry job: a hold that ran out is released and the entry waits again, or, after
 * UNANSWERED_LIMIT unanswered offers, leaves the list. Nothing for a hold already answered.
 */
export async function expireHold(bookingId: string, now = new Date()): Promise<{ expired: boolean; later?: Date }> {
  return db.$transaction(async (tx) => {
    const [hold] = await tx.$queryRaw<{ entry: string | null; until: Date }[]>`
      SELECT waitlist_entry_id AS entry, held_until AS until FROM booking
      WHERE id = ${bookingId} AND status = 'HELD' FOR UPDATE`;
    if (!hold) return { expired: false };
    // Run early (another machine's clock): again at the hold's end.
    if (hold.until > now) return { expired: false, later: hold.until };
    if (hold.entry) {
      const before = await tx.booking.count({ where: { waitlistEntryId: hold.entry, cancelReason: UNANSWERED } });
      const lapsed = before + 1 >= UNANSWERED_LIMIT;
      await tx.waitlistEntry.updateMany({
        where: { id: hold.entry, status: "OFFERED" },
        data: lapsed ? { status: "LAPSED", endedAt: now } : { status: "WAITING" },
      });
    }
    await releaseHolds(tx, { id: bookingId }, UNANSWERED, now);
    return { expired: true };
  });
}

const GONE = "这个保留的时间已经过期或已处理，不能再确认了。如果还在候补，有新的空位时我们会再发短信给您。";

/**
 * The person offered a slot takes it: the hold becomes their booking under the normal rules (at
 * most 3 upcoming per phone, the lawyer still on duty), with its confirmation and reminders.
 */
export async function acceptOffer(code: string, phone: string, now = new Date()): Promise<BookingResult> {
  const hold = await db.booking.findFirst({
    where: { code, phone: { in: storedSpellings(phone) } },
    select: {
      id: true,
      status: true,
      heldUntil: true,
      startsAt: true,
      lawyerId: true,
      phone: true,
      waitlistEntryId: true,
      venue: { select: { id: true, slotMinutes: true, minNoticeMinutes: true, horizonDays: true, offHoursBooking: true } },
    },
  });
  if (!hold) return failure("not_found");
  if (hold.status !== "HELD" || !hold.heldUntil || hold.heldUntil <= now) return failure("conflict", GONE);
  const candidates = await candidatesAt(hold.venue, hold.startsAt, hold.lawyerId, now, hold.id);
  if (!Array.isArray(candidates))
    return failure("slot_unavailable", "律师这个时间不能来了，保留的时间已经失效。请选择其他时间。");
  return firstThatFits(candidates, (slot) =>
    db.$transaction(async (tx) => {
      await claimSlot(tx, { phone: hold.phone, venue: hold.venue, slot, now });
      const { count } = await tx.booking.updateMany({
        where: { id: hold.id, status: "HELD", heldUntil: { gt: now } },
        data: { status: "CONFIRMED", heldUntil: null, consentAt: now },
      });
      if (count === 0) throw new Rejected(failure("conflict", GONE));
      await dequeue(tx, "expireHold", { bookingId: hold.id });
      await leaveWaitlist(tx, hold.phone, hold.venue.id, now);
      // The offer's text, if still waiting to go, is no longer true: the confirmation replaces it.
      await overtakeMessages(tx, hold.id, ["WAITLIST_OFFER"], OVERTAKEN.accepted);
      await tellVillager(tx, hold.id, "created", now);
      await emitEvent(tx, "booking.created", hold.id, now);
      const row = await tx.booking.findUniqueOrThrow({ where: { id: hold.id }, select: bookingViewSelect });
      return { ok: true as const, booking: toBookingView(row) };
    }),
  );
}

/** The person offered a slot does not want it: they keep their place for another time, and the next person is offered it. */
export async function declineOffer(code: string, phone: string, now = new Date()): Promise<BookingResult> {
  const hold = await db.booking.findFirst({
    where: { code, phone: { in: storedSpellings(phone) } },
    select: { id: true, waitlistEntryId: true },
  });
  if (!hold) return failure("not_found");
  const released = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM booking WHERE id = ${hold.id} AND status = 'HELD' FOR UPDATE`;
    if (!row) return 0;
    if (hold.waitlistEntryId) {
      await tx.waitlistEntry.updateMany({ where: { id: hold.waitlistEntryId, status: "OFFERED" }, data: { status: "WAITING" } });
    }
    return releaseHolds(tx, { id: hold.id }, "候补的村民不需要这个时间", now);
  });
  if (released === 0) return failure("conflict", GONE);
  const row = await db.booking.findUniqueOrThrow({ where: { id: hold.id }, select: bookingViewSelect });
  return { ok: true, booking: toBookingView(row) };
}
