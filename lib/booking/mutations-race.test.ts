// Bookings racing changes to duty hours and cancellations, made deterministic by pausing the
// booking at the moment that matters (the hooks below) and running the other side right there.
import { describe, expect, it, vi } from "vitest";
import { bookingInput, createVenueFixture, lawyerActor, prisma } from "@/lib/testing/fixtures";
import { toDbDate } from "@/lib/time";

const race = vi.hoisted(() => ({
  /** Runs once after a booking (or move) has looked at free times, before its transaction. */
  afterLook: null as null | (() => Promise<void>),
  /** Runs once inside the booking's transaction, holding the lawyer's lock, before its row is written. */
  inTransaction: null as null | (() => Promise<void>),
}));

vi.mock("@/lib/availability/queries", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/availability/queries")>();
  return {
    ...actual,
    loadAvailabilityInputs: async (...args: Parameters<typeof actual.loadAvailabilityInputs>) => {
      const result = await actual.loadAvailabilityInputs(...args);
      const step = race.afterLook;
      race.afterLook = null;
      if (step) await step();
      return result;
    },
    loadLawyerDutyInTransaction: async (...args: Parameters<typeof actual.loadLawyerDutyInTransaction>) => {
      const step = race.inTransaction;
      race.inTransaction = null;
      if (step) await step();
      return actual.loadLawyerDutyInTransaction(...args);
    },
  };
});

const { cancelBooking, createBooking, rescheduleBooking } = await import("./mutations");
const { addLeave } = await import("@/lib/schedule/mutations");

const wholeDay = (date: string) => ({ date, venueId: null, startMinute: null, endMinute: null, note: null });

async function bookedOn(lawyerId: string, date: string) {
  const start = toDbDate(date);
  const end = new Date(start.getTime() + 86_400_000);
  return prisma.booking.count({ where: { lawyerId, status: "CONFIRMED", startsAt: { gte: start, lt: end } } });
}

describe("a booking racing the lawyer's leave", () => {
  it("is refused when the leave was saved after the booking looked at free times", async () => {
    const f = await createVenueFixture();
    const lawyer = f.lawyers[0];
    race.afterLook = async () => {
      expect(await addLeave(lawyerActor(lawyer.id), lawyer.id, wholeDay(f.dateOn(2)))).toMatchObject({ ok: true });
    };
    const result = await createBooking(bookingInput(f.venue.slug, f.slotOn(2)));
    expect(race.afterLook).toBeNull();
    expect(result).toMatchObject({ ok: false, code: "slot_unavailable" });
    expect(await bookedOn(lawyer.id, f.dateOn(2))).toBe(0);
  });

  it("is found by a leave saved while the booking's transaction is still open, never left behind it", async () => {
    const f = await createVenueFixture();
    const lawyer = f.lawyers[0];
    let leave: Promise<unknown> = Promise.resolve();
    let leaveDone = false;
    // Inside the booking's transaction: start the leave, and go on once it has either finished
    // (it must not: it would have missed this booking) or is waiting for the lawyer's lock.
    race.inTransaction = async () => {
      leave = addLeave(lawyerActor(lawyer.id), lawyer.id, wholeDay(f.dateOn(2))).finally(() => {
        leaveDone = true;
      });
      for (let i = 0; i < 400 && !leaveDone && !(await waitingOnLawyer(lawyer.id)); i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    const booked = await createBooking(bookingInput(f.venue.slug, f.slotOn(2)));
    const leaveResult = await leave;
    expect(race.inTransaction).toBeNull();
    expect(booked).toMatchObject({ ok: true });
    // The leave waited, saw the booking and asked what to do with it; nothing of it was saved.
    expect(leaveResult).toMatchObject({ ok: false, code: "bookings_affected" });
    expect(await prisma.dutyException.count({ where: { lawyerId: lawyer.id } })).toBe(0);
    expect(await bookedOn(lawyer.id, f.dateOn(2))).toBe(1);
  });
});

describe("two bookings for one lawyer", () => {
  it("are written side by side: one inside its transaction does not hold the other back", async () => {
    const f = await createVenueFixture();
    const lawyer = f.lawyers[0];
    let other: Promise<unknown> = Promise.resolve();
    let otherDone = false;
    let otherWaited = false;
    // Inside the first booking's transaction, holding the lawyer's lock against duty changes: a
    // second villager books the same lawyer at another time. It must not wait for the first.
    race.inTransaction = async () => {
      other = createBooking(bookingInput(f.venue.slug, f.slotOn(3))).finally(() => {
        otherDone = true;
      });
      for (let i = 0; i < 400 && !otherDone; i++) {
        if (await waitingOnLawyer(lawyer.id)) {
          otherWaited = true;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    const first = await createBooking(bookingInput(f.venue.slug, f.slotOn(2)));
    const second = await other;
    expect(race.inTransaction).toBeNull();
    expect(otherWaited).toBe(false);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });
    expect((await bookedOn(lawyer.id, f.dateOn(2))) + (await bookedOn(lawyer.id, f.dateOn(3)))).toBe(2);
  });
});

describe("a move racing a cancellation", () => {
  it("answers that the booking can no longer be moved, and leaves it cancelled", async () => {
    const f = await createVenueFixture();
    const input = bookingInput(f.venue.slug, f.slotOn(1));
    const made = await createBooking(input);
    if (!made.ok) throw new Error(made.message);
    race.afterLook = async () => {
      expect(await cancelBooking({ code: made.booking.code, phone: input.phone })).toMatchObject({ ok: true });
    };
    const moved = await rescheduleBooking({ code: made.booking.code, phone: input.phone, start: f.slotOn(2) });
    expect(moved).toMatchObject({ ok: false, code: "conflict" });
    expect(await prisma.booking.findUniqueOrThrow({ where: { code: made.booking.code } })).toMatchObject({
      status: "CANCELLED",
      startsAt: f.slotOn(1),
    });
  });
});

/** Is a transaction waiting for this lawyer's lock (lib/db.ts lockLawyers)? */
async function waitingOnLawyer(lawyerId: string): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_locks
    WHERE locktype = 'advisory' AND NOT granted AND classid = 1 AND objsubid = 2
      AND objid::bigint = (hashtext(${lawyerId})::bigint + 4294967296) % 4294967296`;
  return rows[0].n > 0;
}
