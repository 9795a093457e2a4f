// The text-message outbox against the real PostgreSQL and graphile-worker's own tables: every event
// queues its message and job in the change's transaction, reminders follow the booking, quiet hours
// hold messages, and delivery sends a message at most once. Runs with TZ=America/Los_Angeles.
import { describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import { cancelBooking, createBooking, rescheduleBooking } from "@/lib/booking/mutations";
import { completeBooking } from "@/lib/consultations/mutations";
import { db } from "@/lib/db";
import { giveBookingEvaluation } from "@/lib/evaluations/mutations";
import { MAX_SEND_ATTEMPTS } from "@/lib/jobs";
import { outboxGateway } from "@/lib/sms/outbox";
import { bookingInput, createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { addDays, todayInShanghai, zonedInstant } from "@/lib/time";
import { deliver, type Gateway, OVERTAKEN, tellVillager } from "./mutations";
import { listMessages, type MessageRow } from "./queries";
import { staffStatus } from "./status";

/** Half an hour into a booking: an outcome is only recorded once it has begun (lib/consultations/rules.ts). */
const afterStart = (row: { startsAt: Date }) => ({ now: new Date(row.startsAt.getTime() + 30 * 60_000) });

type Job = { key: string; run_at: Date };
const jobsOf = (bookingId: string) =>
  prisma.$queryRaw<Job[]>`SELECT key, run_at FROM graphile_worker.jobs
    WHERE task_identifier = 'send_message' AND key IN (SELECT key FROM notification WHERE booking_id = ${bookingId})
    ORDER BY key`;
const messagesOf = (bookingId: string) =>
  prisma.notification.findMany({
    where: { bookingId },
    orderBy: { key: "asc" },
    select: { key: true, kind: true, status: true, sendAfter: true, message: true },
  });

async function booked(days = 5, extra: Record<string, unknown> = {}, now = new Date()) {
  const f = await createVenueFixture();
  const input = bookingInput(f.venue.slug, f.slotOn(days), { phone: uniquePhone(), ...extra });
  const result = await createBooking(input, { now });
  if (!result.ok) throw new Error(result.message);
  const row = await prisma.booking.findUniqueOrThrow({ where: { code: result.booking.code } });
  return { f, input, row };
}

// The real outbox adapter (it checks the number and every template variable), counted.
const sent: { phone: string; kind: string; params: Record<string, string> }[] = [];
const stored = outboxGateway();
const outbox: Gateway = {
  async send(phone, kind, params) {
    sent.push({ phone, kind, params });
    return stored.send(phone, kind, params);
  },
};

describe("queueing with the change", () => {
  it("a booking queues its confirmation and two reminders, each with a job at its time, carrying no topic or note", async () => {
    const { row } = await booked(5, { description: "关于离婚的情况" });
    const messages = await messagesOf(row.id);
    expect(messages.map((m) => [m.kind, m.status])).toEqual([
      ["CONFIRMATION", "QUEUED"],
      ["REMINDER", "QUEUED"],
      ["REMINDER", "QUEUED"],
    ]);
    const day = todayInShanghai(row.startsAt);
    expect(messages[1].sendAfter).toEqual(zonedInstant(addDays(day, -1), 18 * 60));
    expect(messages[2].sendAfter).toEqual(zonedInstant(day, 8 * 60)); // 09:00 − 2 h is 07:00, quiet: 08:00
    const jobs = await jobsOf(row.id);
    expect(jobs.map((j) => j.key)).toEqual(messages.map((m) => m.key));
    expect(jobs[1].run_at).toEqual(messages[1].sendAfter);
    for (const m of messages) {
      expect(m.message).toContain(row.code);
      expect(m.message).not.toContain("离婚");
      expect(m.message).not.toContain("婚姻");
    }
  });

  it("a move queues a change and moves the reminders and their jobs; a cancel drops them and removes the jobs", async () => {
    const { f, input, row } = await booked(5);
    // The confirmation went out (the worker's part): a move is then a change the villager must hear of.
    await prisma.notification.updateMany({ where: { bookingId: row.id, kind: "CONFIRMATION" }, data: { status: "SENT" } });
    const moved = await rescheduleBooking({ code: row.code, phone: input.phone, start: f.slotOn(7) });
    if (!moved.ok) throw new Error(moved.message);
    let messages = await messagesOf(row.id);
    expect(messages.filter((m) => m.kind === "CHANGE")).toHaveLength(1);
    // It says the new time (issue 22 item 2).
    const moving = messages.find((m) => m.kind === "CHANGE");
    expect(moving?.message).toContain(`预约${row.code}改为：${f.dateOn(7).slice(5, 7).replace(/^0/, "")}月`);
    const reminders = messages.filter((m) => m.kind === "REMINDER");
    expect(reminders.map((m) => m.sendAfter)).toEqual([
      zonedInstant(addDays(f.dateOn(7), -1), 18 * 60),
      zonedInstant(f.dateOn(7), 8 * 60),
    ]);
    expect((await jobsOf(row.id)).filter((j) => j.key.startsWith("reminder")).map((j) => j.run_at)).toEqual(
      reminders.map((m) => m.sendAfter),
    );

    expect((await cancelBooking({ code: row.code, phone: input.phone })).ok).toBe(true);
    messages = await messagesOf(row.id);
    expect(messages.filter((m) => m.kind === "CANCELLATION")).toHaveLength(1);
    // The villager cancelled: the text says so.
    expect(messages.find((m) => m.kind === "CANCELLATION")?.message).toContain("因您的要求已取消");
    expect(messages.filter((m) => m.kind === "REMINDER").map((m) => m.status)).toEqual(["DROPPED", "DROPPED"]);
    expect((await jobsOf(row.id)).map((j) => j.key).filter((k) => k.startsWith("reminder"))).toEqual([]);
    // Replaying the cancellation queues nothing more.
    await db.$transaction((tx) => tellVillager(tx, row.id, "cancelled"));
    expect((await messagesOf(row.id)).filter((m) => m.kind === "CANCELLATION")).toHaveLength(1);
  });

  it("a change that rolls back leaves no message and no job", async () => {
    const { row } = await booked(5);
    const before = await messagesOf(row.id);
    await expect(
      db.$transaction(async (tx) => {
        await tx.booking.update({ where: { id: row.id }, data: { notice: "测试" } });
        await tellVillager(tx, row.id, "reassigned");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await messagesOf(row.id)).toEqual(before);
    expect((await jobsOf(row.id)).length).toBe(before.length);
  });

  it("a consultation marked done queues the invitation to give an evaluation and drops what reminders remain", async () => {
    const { f, row } = await booked(5);
    const lawyer = { id: `user-${f.lawyers[0].id}`, role: "LAWYER" as const, displayName: "律师", lawyerId: f.lawyers[0].id };
    expect(await completeBooking(lawyer, row.id, { outcomes: ["CONSULTATION"], minutesSpent: 20 }, afterStart(row))).toEqual({
      ok: true,
    });
    const messages = await messagesOf(row.id);
    expect(messages.filter((m) => m.kind === "EVALUATION").map((m) => m.status)).toEqual(["QUEUED"]);
    expect(messages.filter((m) => m.kind === "REMINDER").map((m) => m.status)).toEqual(["DROPPED", "DROPPED"]);
  });

  it("a landline gets no text and no reminder, but a line on the call list", async () => {
    const { row } = await booked(5, { phone: "0750-6612345" });
    expect((await messagesOf(row.id)).map((m) => [m.kind, m.status])).toEqual([["CONFIRMATION", "CALL"]]);
    expect(await jobsOf(row.id)).toEqual([]);
  });

  it("a booking made at 22:00 Shanghai time is confirmed at 08:00 the next morning", async () => {
    const f = await createVenueFixture();
    const now = zonedInstant(f.today, 22 * 60);
    const result = await createBooking(bookingInput(f.venue.slug, f.slotOn(5), { phone: uniquePhone() }), { now });
    if (!result.ok) throw new Error(result.message);
    const row = await prisma.booking.findUniqueOrThrow({ where: { code: result.booking.code } });
    const [confirmation] = await messagesOf(row.id);
    expect(confirmation.sendAfter).toEqual(zonedInstant(addDays(f.today, 1), 8 * 60));
  });
});

describe("messages overtaken before they go", () => {
  const night = (date: string) => zonedInstant(date, 22 * 60);
  const idOf = async (code: string) => (await prisma.booking.findUniqueOrThrow({ where: { code } })).id;
  const waiting = async (bookingId: string) =>
    (
      await prisma.notification.findMany({
        where: { bookingId },
        orderBy: { key: "asc" },
        select: { kind: true, status: true, reason: true, message: true },
      })
    ).filter((m) => m.kind !== "REMINDER");

  it("booked and moved in the quiet hours: one confirmation, of the new time, and no change", async () => {
    const f = await createVenueFixture();
    const input = bookingInput(f.venue.slug, f.slotOn(5), { phone: uniquePhone() });
    const made = await createBooking(input, { now: night(f.today) });
    if (!made.ok) throw new Error(made.message);
    const id = await idOf(made.booking.code);
    const moved = await rescheduleBooking(
      { code: made.booking.code, phone: input.phone, start: f.slotOn(6) },
      { now: night(f.today) },
    );
    if (!moved.ok) throw new Error(moved.message);
    const messages = await waiting(id);
    expect(messages.map((m) => [m.kind, m.status])).toEqual([["CONFIRMATION", "QUEUED"]]);
    expect(messages[0].message).toContain(`${Number(f.dateOn(6).slice(5, 7))}月${Number(f.dateOn(6).slice(8))}日`);
    const jobs = await jobsOf(id);
    expect(jobs.filter((j) => j.key.startsWith("change"))).toEqual([]);
  });

  it("booked and cancelled in the quiet hours: the confirmation is dropped with its reason, only the cancellation goes", async () => {
    const f = await createVenueFixture();
    const input = bookingInput(f.venue.slug, f.slotOn(5), { phone: uniquePhone() });
    const made = await createBooking(input, { now: night(f.today) });
    if (!made.ok) throw new Error(made.message);
    const id = await idOf(made.booking.code);
    expect((await cancelBooking({ code: made.booking.code, phone: input.phone }, { now: night(f.today) })).ok).toBe(true);
    const messages = await waiting(id);
    expect(messages.map((m) => [m.kind, m.status])).toEqual([
      ["CANCELLATION", "QUEUED"],
      ["CONFIRMATION", "DROPPED"],
    ]);
    expect(messages[1].reason).toBe(OVERTAKEN.cancelled);
    const jobs = (await jobsOf(id)).map((j) => j.key);
    expect(jobs).toEqual([`cancellation:${id}`]);
  });

  it("two changes before the first went: only the latest change is sent", async () => {
    const { f, input, row } = await booked(5);
    await prisma.notification.updateMany({ where: { bookingId: row.id, kind: "CONFIRMATION" }, data: { status: "SENT" } });
    const night1 = night(f.today);
    expect((await rescheduleBooking({ code: row.code, phone: input.phone, start: f.slotOn(6) }, { now: night1 })).ok).toBe(true);
    expect((await rescheduleBooking({ code: row.code, phone: input.phone, start: f.slotOn(7) }, { now: night1 })).ok).toBe(true);
    const changes = (await waiting(row.id)).filter((m) => m.kind === "CHANGE");
    expect(changes.map((m) => m.status).sort()).toEqual(["DROPPED", "QUEUED"]);
    expect(changes.find((m) => m.status === "DROPPED")?.reason).toBe(OVERTAKEN.changedAgain);
    expect(changes.find((m) => m.status === "QUEUED")?.message).toContain(`${Number(f.dateOn(7).slice(8))}日`);
  });

  it("an evaluation given drops the invitation still waiting to go", async () => {
    const { f, row } = await booked(5);
    const lawyer = { id: `user-${f.lawyers[0].id}`, role: "LAWYER" as const, displayName: "律师", lawyerId: f.lawyers[0].id };
    expect(await completeBooking(lawyer, row.id, { outcomes: ["CONSULTATION"], minutesSpent: 20 }, afterStart(row))).toEqual({
      ok: true,
    });
    const given = await giveBookingEvaluation(
      { code: row.code, phone: row.phone },
      { satisfaction: "SATISFIED", resolution: "SOLVED" },
    );
    expect(given).toMatchObject({ ok: true });
    const invitation = (await waiting(row.id)).find((m) => m.kind === "EVALUATION");
    expect(invitation).toMatchObject({ status: "DROPPED", reason: OVERTAKEN.evaluated });
  });
});

describe("deliver", () => {
  const keyOf = async (bookingId: string, kind: "CONFIRMATION" | "REMINDER" = "CONFIRMATION") =>
    (await prisma.notification.findFirstOrThrow({ where: { bookingId, kind }, orderBy: { key: "asc" } })).key;
  const noon = (date: string) => zonedInstant(date, 12 * 60);

  it("sends once: a second delivery of the same message sends nothing", async () => {
    const { f, row } = await booked(5);
    const key = await keyOf(row.id);
    sent.length = 0;
    expect(await deliver(key, outbox, noon(f.today))).toEqual({ outcome: "sent" });
    expect(await deliver(key, outbox, noon(f.today))).toMatchObject({ outcome: "skipped" });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ phone: row.phone, kind: "confirmation", params: { code: row.code } });
    expect(await prisma.notification.findUniqueOrThrow({ where: { key } })).toMatchObject({
      status: "SENT",
      gatewayId: expect.stringMatching(/^outbox-/),
    });
  });

  it("never hands a test booking's text to the gateway: it stays in the outbox, shown to staff as a test", async () => {
    const f = await createVenueFixture();
    const made = await createBooking(bookingInput(f.venue.slug, f.slotOn(5), { phone: uniquePhone() }), { test: true });
    if (!made.ok) throw new Error(made.message);
    const row = await prisma.booking.findUniqueOrThrow({ where: { code: made.booking.code } });
    const key = await keyOf(row.id);
    sent.length = 0;
    expect(await deliver(key, outbox, noon(f.today))).toEqual({ outcome: "sent" });
    expect(sent).toEqual([]);
    expect(await prisma.notification.findUniqueOrThrow({ where: { key } })).toMatchObject({
      status: "SENT",
      gatewayId: expect.stringMatching(/^outbox-/),
    });
    const scope = townScope({
      id: "messages-test-mode",
      role: "STAFF",
      displayName: "测试工作人员",
      lawyerId: null,
      townId: f.venue.townId,
    }) as TownScope;
    const listed = await listMessages(scope, { page: 1, code: row.code });
    expect(listed.rows.find((m) => m.key === key)).toMatchObject({ test: true });
    expect(staffStatus(listed.rows.find((m) => m.key === key) as MessageRow, noon(f.today))).toBe(
      "留在发件箱，没有发出（测试预约）",
    );
  });

  it("never sends again a message a killed worker had handed to the gateway: staff are asked to check", async () => {
    const { f, row } = await booked(5);
    const key = await keyOf(row.id);
    await prisma.notification.update({ where: { key }, data: { status: "SENDING", attempts: 1 } });
    sent.length = 0;
    expect(await deliver(key, outbox, noon(f.today))).toMatchObject({ outcome: "skipped" });
    expect(sent).toHaveLength(0);
    expect(await prisma.notification.findUniqueOrThrow({ where: { key } })).toMatchObject({
      status: "FAILED",
      reason: expect.stringContaining("为免重复没有再发"),
    });
  });

  it("keeps a message queued after a failure that may pass, gives up after the last try, and at once on a refusal", async () => {
    const { f, row } = await booked(5);
    const key = await keyOf(row.id);
    const busy: Gateway = { send: async () => ({ ok: false, retryable: true, reason: "isv.BUSINESS_LIMIT_CONTROL: 触发流控" }) };
    expect(await deliver(key, busy, noon(f.today))).toEqual({ outcome: "retry", reason: "isv.BUSINESS_LIMIT_CONTROL: 触发流控" });
    expect(await prisma.notification.findUniqueOrThrow({ where: { key } })).toMatchObject({ status: "QUEUED", attempts: 1 });
    await prisma.notification.update({ where: { key }, data: { attempts: MAX_SEND_ATTEMPTS - 1 } });
    expect(await deliver(key, busy, noon(f.today))).toMatchObject({ outcome: "failed" });
    expect(await prisma.notification.findUniqueOrThrow({ where: { key } })).toMatchObject({
      status: "FAILED",
      reason: expect.stringContaining("流控"),
    });

    const other = await booked(5);
    const refused: Gateway = { send: async () => ({ ok: false, retryable: false, reason: "isv.MOBILE_NUMBER_ILLEGAL" }) };
    expect(await deliver(await keyOf(other.row.id), refused, noon(other.f.today))).toEqual({
      outcome: "failed",
      reason: "isv.MOBILE_NUMBER_ILLEGAL",
    });
  });

  it("waits for 08:00 when the moment to send falls in the quiet hours", async () => {
    const { f, row } = await booked(5);
    const key = await keyOf(row.id);
    const late = zonedInstant(f.today, 23 * 60);
    expect(await deliver(key, outbox, late)).toEqual({ outcome: "later", at: zonedInstant(addDays(f.today, 1), 8 * 60) });
    expect(await prisma.notification.findUniqueOrThrow({ where: { key } })).toMatchObject({ status: "QUEUED" });
  });

  it("drops a reminder of a booking cancelled since", async () => {
    const { f, input, row } = await booked(5);
    const key = await keyOf(row.id, "REMINDER");
    // Cancelled behind the queue's back (the cancel itself already drops reminders): the worker checks again.
    await prisma.notification.update({ where: { key }, data: { status: "QUEUED" } });
    await cancelBooking({ code: row.code, phone: input.phone });
    await prisma.notification.update({ where: { key }, data: { status: "QUEUED" } });
    sent.length = 0;
    expect(await deliver(key, outbox, noon(f.today))).toMatchObject({ outcome: "skipped" });
    expect(sent).toHaveLength(0);
    expect(await prisma.notification.findUniqueOrThrow({ where: { key } })).toMatchObject({ status: "DROPPED" });
  });
});
