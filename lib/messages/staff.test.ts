// The staff side of the text messages against the real PostgreSQL: the list (filters, numbers
// masked), the call list (numbers in full, its opening audited once), marking a call (atomic,
// audited, a second time refused) and sending a failed message again (its job queued with it).
// Runs with TZ=America/Los_Angeles.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type TownScope, townScope } from "@/lib/auth/scope";
import { createBooking } from "@/lib/booking/mutations";
import { bookingInput, createVenueFixture, prisma, testTownId, uniquePhone } from "@/lib/testing/fixtures";
import { addDays, todayInShanghai, zonedInstant } from "@/lib/time";
import { markCalled, resendMessage } from "./mutations";
import { countToCall, listMessages, messagesForBooking, openCallList } from "./queries";
import { messageSearchInput } from "./schema";

/** The test town, where the fixtures' venues are. */
let townId: string;
beforeAll(async () => {
  townId = await testTownId();
});

/** A staff member of the test town. */
const staff = (name = "测试工作人员") =>
  townScope({
    id: `messages-test-${randomBytes(4).toString("hex")}`,
    role: "STAFF",
    displayName: name,
    lawyerId: null,
    townId,
  }) as TownScope;

async function booked(phone = uniquePhone(), days = 5) {
  const f = await createVenueFixture();
  const result = await createBooking(bookingInput(f.venue.slug, f.slotOn(days), { phone, name: "陈伯" }));
  if (!result.ok) throw new Error(result.message);
  const row = await prisma.booking.findUniqueOrThrow({ where: { code: result.booking.code } });
  const confirmation = await prisma.notification.findFirstOrThrow({ where: { bookingId: row.id, kind: "CONFIRMATION" } });
  return { f, row, confirmation };
}

const landline = () => `0750-6${String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0")}`;
const filters = (input: Record<string, string>) => messageSearchInput.parse(input);
const auditOf = (subjectId: string, action: string) => prisma.auditLog.findMany({ where: { subjectId, action } });

describe("listMessages", () => {
  it("lists a booking's messages newest first, with the number masked and the booking code", async () => {
    const { row } = await booked();
    const { rows, total } = await listMessages(staff(), filters({ code: row.code.toLowerCase() }));
    expect(total).toBe(3);
    expect(rows.map((r) => r.kind).sort()).toEqual(["CONFIRMATION", "REMINDER", "REMINDER"]);
    for (const r of rows) {
      expect(r.bookingCode).toBe(row.code);
      expect(r.phone).toBe(`${row.phone.slice(0, 3)}****${row.phone.slice(-4)}`);
      expect(JSON.stringify(r)).not.toContain(row.phone);
    }
    const times = rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("filters by status and by the Shanghai date the message was queued", async () => {
    const { row, confirmation } = await booked(landline());
    expect((await listMessages(staff(), filters({ code: row.code, status: "CALL" }))).rows.map((r) => r.key)).toEqual([
      confirmation.key,
    ]);
    expect((await listMessages(staff(), filters({ code: row.code, status: "QUEUED" }))).total).toBe(0);
    // 23:30 on 1 March in Shanghai is still the 1st there (and the 1st, 07:30, in Los Angeles: a
    // query in the server's zone would miss the boundary the other way round too).
    await prisma.notification.update({
      where: { key: confirmation.key },
      data: { createdAt: zonedInstant("2025-03-01", 23 * 60 + 30) },
    });
    expect((await listMessages(staff(), filters({ code: row.code, date: "2025-03-01" }))).total).toBe(1);
    expect((await listMessages(staff(), filters({ code: row.code, date: "2025-03-02" }))).total).toBe(0);
    expect((await listMessages(staff(), filters({ code: row.code, date: "2025-02-28" }))).total).toBe(0);
  });

  it("refuses filters it cannot read, in Chinese", () => {
    expect(messageSearchInput.safeParse({ status: "LOST" }).success).toBe(false);
    expect(messageSearchInput.safeParse({ date: "2025-02-30" }).success).toBe(false);
    expect(messageSearchInput.parse({ status: "", date: "", code: "" })).toEqual({ page: 1 });
  });
});

describe("the call list", () => {
  it("shows a landline's message in full with what to say, and audits each opening once", async () => {
    const phone = landline();
    const { row, confirmation } = await booked(phone);
    const viewer = staff();
    const { rows } = await openCallList(viewer);
    const line = rows.find((r) => r.key === confirmation.key);
    expect(line).toMatchObject({ phone, name: "陈伯", bookingCode: row.code, start: row.startsAt, resendable: false });
    // A sentence to say, the code spelled out and 12348 for questions; never the link (issue 22 item 16).
    expect(line?.script).toContain(`陈伯您好，这里是镇司法所。您的法律咨询预约好了`);
    expect(line?.script).toContain(`预约号是 ${[...row.code].join(" ")}。有疑问请拨打 12348。`);
    expect(line?.script).not.toMatch(/https?:|\/b\//);
    await openCallList(viewer);
    const views = await prisma.auditLog.findMany({ where: { actorId: viewer.actor.id } });
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ kind: "personal_data", action: "view", subjectId: "message_call_list" });
    expect(views[0].summary).toMatch(/^查看电话通知名单（\d+ 个完整电话号码）$/);
    expect(await countToCall(staff())).toBeGreaterThanOrEqual(1);
  });

  it("leaves out messages of consultations already over", async () => {
    const { confirmation } = await booked(landline());
    const after = addDays(todayInShanghai(), 30);
    const { rows } = await openCallList(staff(), zonedInstant(after, 12 * 60));
    expect(rows.map((r) => r.key)).not.toContain(confirmation.key);
  });
});

describe("markCalled", () => {
  it("marks once, with who, audited; a second click changes nothing and says who did it", async () => {
    const { row, confirmation } = await booked(landline());
    const first = staff("黄小姐");
    expect(await markCalled(first, { key: confirmation.key })).toMatchObject({ ok: true });
    const again = await markCalled(staff("李先生"), { key: confirmation.key });
    expect(again).toMatchObject({ ok: false, code: "conflict" });
    expect(again.message).toContain("黄小姐");
    const stored = await prisma.notification.findUniqueOrThrow({ where: { key: confirmation.key } });
    expect(stored).toMatchObject({ calledBy: "黄小姐", status: "CALL" });
    expect(stored.calledAt).toBeInstanceOf(Date);
    const audit = await auditOf(row.id, "phone_call");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ kind: "booking", actorName: "黄小姐" });
    expect(audit[0].summary).not.toContain(row.phone);
    // Off the call list, onto today's calls.
    const list = await openCallList(first);
    expect(list.rows.map((r) => r.key)).not.toContain(confirmation.key);
    expect(list.calledToday.map((r) => r.key)).toContain(confirmation.key);
  });

  it("of two clicks at once, exactly one counts", async () => {
    const { row, confirmation } = await booked(landline());
    const results = await Promise.all([staff("甲"), staff("乙")].map((who) => markCalled(who, { key: confirmation.key })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await auditOf(row.id, "phone_call")).toHaveLength(1);
  });

  it("refuses a message that is not on the call list, and one that does not exist", async () => {
    const { confirmation } = await booked();
    expect(await markCalled(staff(), { key: confirmation.key })).toMatchObject({ ok: false, code: "conflict" });
    expect(await markCalled(staff(), { key: "confirmation:nosuchbooking" })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("is not a lawyer's: a lawyer has no town scope to call it with (lib/auth/scope.ts)", () => {
    expect(townScope({ ...staff().actor, role: "LAWYER", lawyerId: "x" }, townId)).toBeNull();
  });
});

describe("resendMessage", () => {
  const jobOf = (key: string) =>
    prisma.$queryRaw<{ key: string; run_at: Date }[]>`SELECT key, run_at FROM graphile_worker.jobs WHERE key = ${key}`;

  async function failed() {
    const b = await booked();
    const { key } = b.confirmation;
    await prisma.notification.update({
      where: { key },
      data: { status: "FAILED", attempts: 8, reason: "isv.MOBILE_NUMBER_ILLEGAL: 号码格式有误" },
    });
    await prisma.$executeRaw`SELECT graphile_worker.remove_job(${key}::text)`;
    return b;
  }

  it("queues a failed message again from its first try, with its job, audited; a second click is refused", async () => {
    const { f, row, confirmation } = await failed();
    const { key } = confirmation;
    expect(await jobOf(key)).toEqual([]);
    expect((await listMessages(staff(), filters({ code: row.code, status: "FAILED" }))).rows[0]).toMatchObject({
      key,
      resendable: true,
      reason: "isv.MOBILE_NUMBER_ILLEGAL: 号码格式有误",
    });
    const noon = zonedInstant(f.today, 12 * 60);
    expect(await resendMessage(staff(), { key }, noon)).toMatchObject({ ok: true });
    expect(await prisma.notification.findUniqueOrThrow({ where: { key } })).toMatchObject({
      status: "QUEUED",
      attempts: 0,
      reason: null,
      sendAfter: noon,
    });
    expect(await jobOf(key)).toEqual([{ key, run_at: noon }]);
    expect(await auditOf(row.id, "resend")).toHaveLength(1);
    expect(await resendMessage(staff(), { key }, noon)).toMatchObject({ ok: false, code: "conflict" });
    expect(await auditOf(row.id, "resend")).toHaveLength(1);
  });

  it("in the quiet hours, queues it for 08:00", async () => {
    const { f, confirmation } = await failed();
    const late = zonedInstant(f.today, 22 * 60);
    const answer = await resendMessage(staff(), { key: confirmation.key }, late);
    expect(answer).toMatchObject({ ok: true });
    expect(answer.message).toContain("08:00");
    const morning = zonedInstant(addDays(f.today, 1), 8 * 60);
    expect((await prisma.notification.findUniqueOrThrow({ where: { key: confirmation.key } })).sendAfter).toEqual(morning);
    expect(await jobOf(confirmation.key)).toEqual([{ key: confirmation.key, run_at: morning }]);
  });

  it("never to a landline, which staff phone instead", async () => {
    const { confirmation } = await booked(landline());
    expect(await resendMessage(staff(), { key: confirmation.key })).toMatchObject({ ok: false, code: "conflict" });
    await prisma.notification.update({ where: { key: confirmation.key }, data: { status: "FAILED" } });
    const answer = await resendMessage(staff(), { key: confirmation.key });
    expect(answer).toMatchObject({ ok: false, code: "conflict" });
    expect(answer.message).toContain("固定电话");
    expect(await jobOf(confirmation.key)).toEqual([]);
  });
});

describe("messagesForBooking", () => {
  it("gives the villager's page what and when, never the number, the text or the gateway's answer", async () => {
    const { row } = await booked();
    const messages = await messagesForBooking(row.code);
    expect(messages.map((m) => m.kind)).toEqual(["CONFIRMATION", "REMINDER", "REMINDER"]);
    expect(Object.keys(messages[0]).sort()).toEqual(["calledAt", "key", "kind", "sendAfter", "sentAt", "status"]);
  });
});
