// The year of demo data, in a database of its own (it moves every duty session's start back a year).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../lib/db-client";
import { createTestDatabase, type TestDatabase } from "../../scripts/lib/test-database";
import { seedDemoYear } from "./demo-year";
import { seedDatabase } from "./index";

let database: TestDatabase;
let prisma: ReturnType<typeof createPrismaClient>;
const now = new Date("2026-12-02T06:00:00Z"); // 14:00 in Shanghai, a Wednesday

beforeAll(async () => {
  database = await createTestDatabase("demo-year");
  prisma = createPrismaClient(database.url);
  await seedDatabase(prisma, { demo: true, now });
}, 60_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

describe("seedDemoYear", () => {
  it("signs the lawyers in and out of their past sessions, misses a few, and never misses one with a consultation", async () => {
    const counts = await seedDemoYear(prisma, { now });
    expect(counts.skipped).toBe(false);
    expect(counts.attendances).toBeGreaterThan(500);
    const stored = await prisma.attendance.count();
    // Only touching sessions of one lawyer could make two records overlap (skipped by the constraint).
    expect(stored).toBeGreaterThan(counts.attendances * 0.95);
    expect(await prisma.attendance.count({ where: { arrivedAt: { gte: now } } })).toBe(0);
    expect(await prisma.attendance.count({ where: { leftAt: null } })).toBe(0);
    const autoClosed = await prisma.attendance.count({ where: { autoClosed: true } });
    expect(autoClosed).toBeGreaterThan(0);
    expect(autoClosed).toBeLessThan(stored * 0.1);

    // Every done consultation has its lawyer signed in at that venue for that session.
    const unattended = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM booking b
      WHERE b.status = 'DONE' AND NOT EXISTS (
        SELECT 1 FROM attendance a
        WHERE a.lawyer_id = b.lawyer_id AND a.venue_id = b.venue_id
          AND a.arrived_at < b.ends_at AND a.session_ends_at >= b.ends_at AND a.arrived_at > b.starts_at - interval '1 day')`;
    expect(unattended[0].n).toBe(0);
  }, 120_000);
});
