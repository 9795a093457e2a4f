// Years of district activity (issue 24 item 1), made small: two towns, six weeks around National
// Day, in a database of their own (it moves duty sessions' starts back). The rows keep the
// database's rules and the app's figures agree with counting them in SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DistrictScope, TownScope } from "../../lib/auth/scope";
import { districtScope, townScope } from "../../lib/auth/scope";
import { createPrismaClient } from "../../lib/db-client";
import { createHolidayCalendar } from "../../lib/holidays/calendar";
import { addDays, todayInShanghai, zonedInstant } from "../../lib/time";
import { createTestDatabase, type TestDatabase } from "../../scripts/lib/test-database";
import { DISTRICT_YEARS_NAME, type DistrictYearsCounts, seedDistrictYears } from "./district-years";
import { seedDatabase, seedDistrict } from "./index";

let database: TestDatabase;
let prisma: ReturnType<typeof createPrismaClient>;
let counts: DistrictYearsCounts;
const now = new Date("2026-10-20T06:00:00Z"); // 14:00 in Shanghai, a Tuesday
const DAYS = 42;
const TOWNS = ["muzhou", "daao"];
const today = todayInShanghai(now);
const first = addDays(today, -DAYS);

beforeAll(async () => {
  database = await createTestDatabase("district-years");
  // lib/stats reads through lib/db, which connects on first use: to this database.
  process.env.DATABASE_URL = database.url;
  prisma = createPrismaClient(database.url);
  await seedDatabase(prisma, { demo: true, now });
  await seedDistrict(prisma, { demo: true, now });
  counts = await seedDistrictYears(database.url, { now, days: DAYS, towns: TOWNS });
}, 180_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const one = async (sql: string, ...params: unknown[]) =>
  Number((await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(sql, ...params))[0].n);

describe("seedDistrictYears", () => {
  it("adds bookings at the district's rate, with walk-ins, 签到, evaluations, texts, waitlist and audit rows", async () => {
    expect(counts.skipped).toBe(false);
    const venues = await prisma.venue.count({ where: { town: { slug: { in: TOWNS } } } });
    // About 0.81 bookings a venue a day (200,000 in three years over ~226 venues).
    const expected = (200_000 / (3 * 365 * 226)) * venues * (DAYS + 15);
    expect(counts.bookings).toBeGreaterThan(expected * 0.75);
    expect(counts.bookings).toBeLessThan(expected * 1.15);
    expect(counts.walkIns).toBeGreaterThan(counts.bookings * 0.1);
    expect(counts.attendances).toBeGreaterThan(0);
    expect(counts.evaluations).toBeGreaterThan(counts.bookings * 0.15);
    expect(counts.notifications).toBeGreaterThan(counts.bookings * 2);
    expect(counts.waitlist).toBeGreaterThan(0);
    expect(counts.audit).toBeGreaterThan(counts.bookings * 0.7);
    expect(counts.lookups).toBeGreaterThan(0);
    // Only the two towns.
    expect(
      await one(
        `SELECT count(*) AS n FROM booking b JOIN venue v ON v.id = b.venue_id JOIN town t ON t.id = v.town_id
                 WHERE b.name = $1 AND t.slug <> ALL($2)`,
        DISTRICT_YEARS_NAME,
        TOWNS,
      ),
    ).toBe(0);
  });

  it("ends past bookings as a district's do, and leaves the coming ones confirmed or cancelled", async () => {
    const rows = await prisma.$queryRaw<{ status: string; past: boolean; n: number }[]>`
      SELECT status::text AS status, starts_at < ${now} AS past, count(*)::int AS n FROM booking
      WHERE name = ${DISTRICT_YEARS_NAME} GROUP BY 1, 2`;
    const past = rows.filter((r) => r.past);
    const total = past.reduce((s, r) => s + r.n, 0);
    const share = (status: string) => (past.find((r) => r.status === status)?.n ?? 0) / total;
    expect(share("DONE")).toBeGreaterThan(0.7);
    expect(share("DONE")).toBeLessThan(0.86);
    expect(share("NO_SHOW")).toBeGreaterThan(0.04);
    expect(share("NO_SHOW")).toBeLessThan(0.13);
    expect(share("CANCELLED")).toBeGreaterThan(0.09);
    expect(share("CANCELLED")).toBeLessThan(0.2);
    expect(
      rows
        .filter((r) => !r.past)
        .map((r) => r.status)
        .sort(),
    ).toEqual(["CANCELLED", "CONFIRMED"]);
    // Booked before it happened, and never in the future.
    expect(
      await one(
        `SELECT count(*) AS n FROM booking WHERE name = $1 AND (created_at > starts_at OR created_at > $2)`,
        DISTRICT_YEARS_NAME,
        now,
      ),
    ).toBe(0);
  });

  it("puts every booking in a duty session of its lawyer at its venue, none on a holiday", async () => {
    const outside = await one(
      `SELECT count(*) AS n FROM booking b WHERE b.name = $1 AND NOT EXISTS (
         SELECT 1 FROM duty_session s WHERE s.lawyer_id = b.lawyer_id AND s.venue_id = b.venue_id
           AND s.weekday = extract(isodow FROM b.starts_at AT TIME ZONE 'Asia/Shanghai')
           AND (b.starts_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN s.valid_from AND coalesce(s.valid_until, 'infinity')
           AND extract(hour FROM b.starts_at AT TIME ZONE 'Asia/Shanghai') * 60 + extract(minute FROM b.starts_at AT TIME ZONE 'Asia/Shanghai')
               BETWEEN s.start_minute AND s.end_minute - 1)`,
      DISTRICT_YEARS_NAME,
    );
    expect(outside).toBe(0);
    const calendar = createHolidayCalendar();
    const holidays: string[] = [];
    for (let d = first; d <= addDays(today, 14); d = addDays(d, 1)) if (calendar.dayKind(d) === "holiday") holidays.push(d);
    expect(holidays).toContain("2026-10-01");
    expect(
      await one(
        `SELECT count(*) AS n FROM (SELECT (starts_at AT TIME ZONE 'Asia/Shanghai')::date::text AS d FROM booking WHERE name = $1
           UNION ALL SELECT (at AT TIME ZONE 'Asia/Shanghai')::date::text FROM walk_in WHERE id LIKE 'yw%') x WHERE d = ANY($2)`,
        DISTRICT_YEARS_NAME,
        holidays,
      ),
    ).toBe(0);
  });

  it("keeps the exclusion rules: no lawyer or phone in two active bookings at once, no overlapping 签到", async () => {
    const overlapping = (column: string) =>
      one(`SELECT count(*) AS n FROM booking a JOIN booking b ON a.${column} = b.${column} AND a.id < b.id
             AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
           WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED'`);
    expect(await overlapping("lawyer_id")).toBe(0);
    expect(await overlapping("phone")).toBe(0);
    expect(
      await one(`SELECT count(*) AS n FROM attendance a JOIN attendance b ON a.lawyer_id = b.lawyer_id AND a.id < b.id
                 AND tstzrange(a.arrived_at, a.left_at) && tstzrange(b.arrived_at, b.left_at)`),
    ).toBe(0);
    // Every done consultation has its lawyer's 签到 at that venue that day.
    expect(
      await one(
        `SELECT count(*) AS n FROM booking b WHERE b.name = $1 AND b.status = 'DONE' AND NOT EXISTS (
           SELECT 1 FROM attendance a WHERE a.lawyer_id = b.lawyer_id AND a.venue_id = b.venue_id
             AND a.arrived_at <= b.starts_at + interval '10 minutes' AND a.session_ends_at >= b.ends_at AND a.arrived_at > b.starts_at - interval '1 day')`,
        DISTRICT_YEARS_NAME,
      ),
    ).toBe(0);
    // Each booking was confirmed by text; each cancellation and each done consultation told.
    expect(
      await one(
        `SELECT count(*) AS n FROM booking b WHERE b.name = $1 AND NOT EXISTS (
                   SELECT 1 FROM notification n WHERE n.booking_id = b.id AND n.kind = 'CONFIRMATION')`,
        DISTRICT_YEARS_NAME,
      ),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) AS n FROM booking b WHERE b.name = $1 AND b.status IN ('CANCELLED', 'DONE') AND NOT EXISTS (
                   SELECT 1 FROM notification n WHERE n.booking_id = b.id AND n.kind IN ('CANCELLATION', 'EVALUATION'))`,
        DISTRICT_YEARS_NAME,
      ),
    ).toBe(0);
    // Evaluations only of done consultations.
    expect(
      await one(`SELECT count(*) AS n FROM evaluation e JOIN booking b ON b.id = e.booking_id WHERE b.status <> 'DONE'`),
    ).toBe(0);
  });

  it("gives the report and the district's figures that counting the rows in SQL gives", async () => {
    const { loadReport } = await import("../../lib/stats/report/queries");
    const { loadDistrictFigures } = await import("../../lib/stats/district/queries");
    const muzhou = await prisma.town.findUniqueOrThrow({ where: { slug: "muzhou" }, select: { id: true } });
    const actor = { id: "test", displayName: "测试", lawyerId: null };
    const town = townScope({ ...actor, role: "STAFF", townId: muzhou.id }) as TownScope;
    const district = districtScope({ ...actor, role: "DISTRICT" }) as DistrictScope;
    const period = { from: first, to: today };
    const start = zonedInstant(first);
    const end = zonedInstant(addDays(today, 1));
    const services = (townId: string | null) =>
      one(
        `SELECT (SELECT count(*) FROM booking b JOIN venue v ON v.id = b.venue_id
                 WHERE b.status = 'DONE' AND b.starts_at >= $1 AND b.starts_at < $2 AND ($3::text IS NULL OR v.town_id = $3))
              + (SELECT count(*) FROM walk_in w JOIN venue v ON v.id = w.venue_id
                 WHERE w.voided_at IS NULL AND w.at >= $1 AND w.at < $2 AND ($3::text IS NULL OR v.town_id = $3)) AS n`,
        start,
        end,
        townId,
      );
    const report = await loadReport(town, period);
    expect(report.totals.services).toBe(await services(muzhou.id));
    expect(report.totals.services).toBeGreaterThan(100);
    const figures = await loadDistrictFigures(district, period, now);
    expect(figures.totals.counts.services).toBe(await services(null));
    expect(figures.totals.walkIns).toBe(
      await one(`SELECT count(*) AS n FROM walk_in WHERE voided_at IS NULL AND at >= $1 AND at < $2`, start, end),
    );
    expect(figures.totals.evaluations.total).toBe(
      await one(
        `SELECT count(*) AS n FROM evaluation e LEFT JOIN booking b ON b.id = e.booking_id LEFT JOIN walk_in w ON w.id = e.walk_in_id
         WHERE coalesce(b.starts_at, w.at) >= $1 AND coalesce(b.starts_at, w.at) < $2 AND (b.status = 'DONE' OR w.voided_at IS NULL)`,
        start,
        end,
      ),
    );
  });

  it("adds nothing the second time, and says so", async () => {
    const before = await prisma.booking.count();
    const again = await seedDistrictYears(database.url, { now, days: DAYS, towns: TOWNS });
    expect(again.skipped).toBe(true);
    expect(await prisma.booking.count()).toBe(before);
  });
});
