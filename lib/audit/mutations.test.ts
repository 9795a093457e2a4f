import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/testing/fixtures";
import { recordAudit } from "./mutations";

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
