import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateBookingCode } from "@/lib/booking/code";
import { createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { recordAudit, recordView } from "./mutations";

describe("recordAudit", () => {
  it("writes entries that can be neither changed nor deleted", async () => {
    const subjectId = randomBytes(6).toString("hex");
    const actor = { id: "u1", displayName: "测试员", role: "STAFF" };
    await recordAudit(prisma, actor, { kind: "venue", action: "update", subjectId, summary: "修改了地址" });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { subjectId } });
    expect(entry).toMatchObject({ actorName: "测试员", kind: "venue", action: "update", summary: "修改了地址" });
    await expect(prisma.auditLog.update({ where: { id: entry.id }, data: { summary: "改写" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    expect(await prisma.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ summary: "修改了地址" });
  });

  it("cannot be emptied with TRUNCATE either", async () => {
    // In a transaction that is always rolled back, so the shared test database keeps its log even
    // if the trigger were missing (the error would then be "rolled back", and the test would fail).
    const attempt = prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('TRUNCATE "audit_log"');
      throw new Error("rolled back");
    });
    await expect(attempt).rejects.toThrow(/append-only/);
  });

  it("is rolled back with the change it records", async () => {
    const subjectId = randomBytes(6).toString("hex");
    const actor = { id: "u1", displayName: "测试员", role: "STAFF" };
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAudit(tx, actor, { kind: "venue", action: "update", subjectId, summary: "不会留下" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.auditLog.count({ where: { subjectId } })).toBe(0);
  });
});

const MINUTE = 60_000;

describe("recordView", () => {
  // A new person each run: the database outlives the run, and the last run's openings are recent.
  const viewer = () => ({ id: `viewer-${randomBytes(4).toString("hex")}`, displayName: "查看员", role: "STAFF" });
  const viewsOf = (actorId: string) =>
    prisma.auditLog.findMany({
      where: { actorId },
      orderBy: { at: "asc" },
      select: { kind: true, action: true, subjectId: true, summary: true },
    });

  it("writes one entry per opening: re-renders within ten minutes add none, a later opening does", async () => {
    const actor = viewer();
    const subjectId = randomBytes(6).toString("hex");
    const view = { subjectId, summary: "查看预约 ABC123 的个人信息" };
    const opened = new Date();
    expect(await recordView(actor, view, opened)).toBe(true);
    expect(await recordView(actor, view, new Date(opened.getTime() + MINUTE))).toBe(false);
    expect(await recordView(actor, view, new Date(opened.getTime() + 9 * MINUTE))).toBe(false);
    expect(await viewsOf(actor.id)).toEqual([{ kind: "personal_data", action: "view", subjectId, summary: view.summary }]);
    // Someone else, or another subject, is another opening.
    const colleague = viewer();
    expect(await recordView(colleague, view, opened)).toBe(true);
    expect(await recordView(actor, { subjectId: `${subjectId}-2`, summary: "查看预约 XYZ789 的个人信息" }, opened)).toBe(true);
    expect(await recordView(actor, view, new Date(opened.getTime() + 11 * MINUTE))).toBe(true);
    expect((await viewsOf(actor.id)).map((e) => e.subjectId).sort()).toEqual([subjectId, subjectId, `${subjectId}-2`]);
    expect(await viewsOf(colleague.id)).toHaveLength(1);
  });

  it("writes one entry for renders at the same moment", async () => {
    const actor = viewer();
    const view = { subjectId: randomBytes(6).toString("hex"), summary: "查看预约 ABC123 的个人信息" };
    const written = await Promise.all(Array.from({ length: 10 }, () => recordView(actor, view)));
    expect(written.filter(Boolean)).toHaveLength(1);
    expect(await viewsOf(actor.id)).toHaveLength(1);
  });
});

describe("retention", () => {
  // Nothing in the code prunes the log, and the append-only trigger refuses it anyway: entries are
  // kept at least the six months of 网络安全法 art. 21, though the booking they name is purged.
  it("keeps an entry older than six months after the personal data it names is deleted", async () => {
    const f = await createVenueFixture();
    const booking = await prisma.booking.create({
      data: {
        code: generateBookingCode(),
        venueId: f.venue.id,
        lawyerId: f.lawyers[0].id,
        topicId: f.topic.id,
        startsAt: f.slotOn(1),
        endsAt: new Date(f.slotOn(1).getTime() + 30 * MINUTE),
        name: "测试村民",
        phone: uniquePhone(),
        consentAt: new Date(),
      },
    });
    const sixMonthsAgo = new Date(Date.now() - 183 * 24 * 60 * MINUTE);
    const entry = await prisma.auditLog.create({
      data: {
        actorId: "retention-test",
        actorName: "测试员",
        actorRole: "STAFF",
        kind: "personal_data",
        action: "view",
        subjectId: booking.id,
        summary: `查看预约 ${booking.code} 的个人信息`,
        at: new Date(sixMonthsAgo.getTime() - 30 * 24 * 60 * MINUTE),
      },
    });
    await prisma.booking.delete({ where: { id: booking.id } });
    await expect(prisma.auditLog.deleteMany({ where: { subjectId: booking.id, at: { lt: sixMonthsAgo } } })).rejects.toThrow(
      /append-only/,
    );
    expect(await prisma.auditLog.findUnique({ where: { id: entry.id } })).toMatchObject({ subjectId: booking.id });
  });
});
