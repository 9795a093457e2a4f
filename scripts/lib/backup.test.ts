// npm run db:backup / db:restore: a database with rows in every table comes back row for row,
// and a restore that should not happen changes nothing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../lib/db-client.ts";
import { seedDatabase } from "../../prisma/seed/index.ts";
import { type BackupResult, createBackup } from "./backup.ts";
import { MIGRATIONS_TABLE } from "./backup-catalog.ts";
import { ROOT } from "./migrations.ts";
import { runWorker } from "./next-server.ts";
import { restoreBackup } from "./restore.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

const databases: TestDatabase[] = [];
let dir: string;

async function database(label: string): Promise<TestDatabase> {
  const db = await createTestDatabase(label);
  databases.push(db);
  return db;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Every row of every table, as PostgreSQL writes it with row_to_json, in a fixed order; the
 * migrations bookkeeping by name and checksum (its ids and times are the restore's own).
 */
function snapshot(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (client) => {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const result: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const row =
        name === MIGRATIONS_TABLE
          ? "json_build_object('name', migration_name, 'checksum', checksum)::text"
          : "row_to_json(t)::text";
      const { rows } = await client.query<{ row: string }>(
        `SELECT ${row} AS row FROM ${client.escapeIdentifier(name)} t ORDER BY 1`,
      );
      result[name] = rows.map((r) => r.row);
    }
    return result;
  });
}

/** Rows for the tables the demo seed leaves empty, with values that are easy to get wrong. */
async function fillEveryTable(prisma: PrismaClient) {
  const venue = await prisma.venue.findFirstOrThrow({ orderBy: { slug: "asc" } });
  const topic = await prisma.topic.findFirstOrThrow({ orderBy: { code: "asc" } });
  const user = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const lawyer = await prisma.lawyer.create({
    data: {
      name: "测试律师 'O\"Brien'",
      firm: "back\\slash\ttab\nnew line 😀",
      publicPhone: "13800000000",
      specialties: ["婚姻家庭", "a,b", '"quoted"', "", "back\\slash", "{brace}", "NULL", "line\nbreak"],
      calendarToken: "token-with-ünïcode",
      venues: { create: { venueId: venue.id, isAdviser: true } },
    },
  });
  await prisma.dutyException.create({
    data: { lawyerId: lawyer.id, kind: "LEAVE", date: new Date("2026-12-24T00:00:00Z"), note: "" },
  });
  // The booking was first offered from this waitlist entry (a foreign key to restore in order).
  const entry = await prisma.waitlistEntry.create({
    data: {
      venueId: venue.id,
      name: "候补村民",
      phone: "13900000000",
      topicId: topic.id,
      fromDate: new Date("2026-12-01T00:00:00Z"),
      toDate: new Date("2026-12-05T00:00:00Z"),
      status: "BOOKED",
      consentAt: new Date("2026-12-01T00:00:00.003Z"),
      endedAt: new Date("2026-12-01T00:10:00Z"),
    },
  });
  const booking = await prisma.booking.create({
    data: {
      waitlistEntryId: entry.id,
      code: "BKTEST01",
      formKey: "form-key-1",
      venueId: venue.id,
      lawyerId: lawyer.id,
      startsAt: new Date("2026-12-03T01:30:00.123Z"),
      endsAt: new Date("2026-12-03T02:00:00.456Z"),
      status: "DONE",
      name: "测试村民",
      phone: "13900000000",
      topicId: topic.id,
      note: "含敏感信息的备注",
      channel: "VILLAGE_CADRE",
      consentAt: new Date("2026-12-01T00:00:00.001Z"),
      noteConsentAt: new Date("2026-12-01T00:00:00.002Z"),
      outcomes: ["CONSULTATION", "MEDIATION_REFERRAL"],
      minutesSpent: 45,
      lawyerNote: null,
      completedAt: new Date("2026-12-03T02:00:00Z"),
    },
  });
  const walkIn = await prisma.walkIn.create({
    data: {
      venueId: venue.id,
      lawyerId: lawyer.id,
      at: new Date("1999-12-31T16:00:00Z"),
      name: "来访者",
      topicId: topic.id,
      outcomes: [],
      createdById: user.id,
    },
  });
  await prisma.evaluation.create({
    data: {
      bookingId: booking.id,
      satisfaction: "BASICALLY_SATISFIED",
      resolution: "PARTLY_SOLVED",
      comment: "律师很耐心",
      source: "BOOKING_PAGE",
    },
  });
  await prisma.evaluationLink.create({
    data: { token: "eval-token-1", walkInId: walkIn.id, expiresAt: new Date("2026-12-03T04:00:00Z") },
  });
  await prisma.attendance.create({
    data: {
      lawyerId: lawyer.id,
      venueId: venue.id,
      arrivedAt: new Date("2026-12-03T00:55:00.789Z"),
      leftAt: new Date("2026-12-03T04:00:00Z"),
      sessionEndsAt: new Date("2026-12-03T04:00:00Z"),
      autoClosed: true,
    },
  });
  await prisma.notification.create({
    data: {
      key: "backup-test:cancellation",
      bookingId: booking.id,
      kind: "CANCELLATION",
      phone: booking.phone,
      message: "您的预约已取消。",
    },
  });
  await prisma.userSession.create({ data: { id: "session-1", userId: user.id } });
  await prisma.retentionSetting.create({ data: { id: 1, consultationMonths: 48, callbackMonths: 12, waitlistMonths: 3 } });
  await prisma.siteSetting.create({ data: { key: "public_base_url", value: "https://fw.example.gov.cn", updatedBy: user.id } });
  await prisma.idempotencyRecord.create({
    data: {
      scope: "anonymous",
      key: "6f1c2f7e-retry",
      fingerprint: "ab".repeat(32),
      status: 201,
      body: '{"code":"K7MPXA"}',
      etag: '"1"',
    },
  });
  // Past 2^53: a value that a trip through a JavaScript number would change.
  await prisma.rateLimit.create({ data: { key: "sign-in:admin", points: 3, expire: 9_007_199_254_740_993n } });
  await prisma.auditLog.create({
    data: { actorId: user.id, actorName: user.displayName, actorRole: "ADMIN", kind: "booking", action: "view", summary: "查看" },
  });
  await prisma.calendarOverride.create({ data: { date: new Date("2027-02-06T00:00:00Z"), kind: "WORKDAY", note: "调休" } });
  await prisma.callbackRequest.create({
    data: { name: "回电", phone: "13700000000", consentAt: new Date(), venueId: venue.id, topicCode: topic.code },
  });
  await prisma.venueLookup.create({ data: { venueId: venue.id, hadFreeSlot: false } });
  const client = await prisma.apiClient.create({
    data: {
      name: "省12348平台",
      contact: "陈工",
      origins: ["https://wx.example.org"],
      webhookUrl: "https://example.org/hooks",
      townId: venue.townId,
      keyHash: "cd".repeat(32),
      keyHint: "mz_live_AbC1…",
      webhookSecret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    },
  });
  await prisma.webhookEvent.create({
    data: {
      id: "evt_backup",
      clientId: client.id,
      type: "booking.created",
      bookingId: booking.id,
      payload: '{"type":"booking.created"}',
      deliveredAt: new Date(),
    },
  });
}

let source: TestDatabase;
let sourceRows: Record<string, string[]>;
let file: string;
let backup: BackupResult;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "backup-test-"));
  source = await database("backup_src");
  const prisma = createPrismaClient(source.url);
  try {
    await seedDatabase(prisma, { demo: true });
    await fillEveryTable(prisma);
  } finally {
    await prisma.$disconnect();
  }
  file = path.join(dir, "source.backup");
  backup = await createBackup(source.url, file);
  sourceRows = await snapshot(source.url);
});

afterAll(async () => {
  for (const db of databases) await db.drop();
  await rm(dir, { recursive: true, force: true });
});

describe("db:backup and db:restore", () => {
  it("back up every row of every table and restore them exactly into an empty database", async () => {
    const empty = Object.entries(sourceRows)
      .filter(([, rows]) => rows.length === 0)
      .map(([name]) => name);
    expect(empty, "every table needs a row before the backup: add one in fillEveryTable()").toEqual([]);
    const dataTables = Object.keys(sourceRows).filter((name) => name !== MIGRATIONS_TABLE);
    expect(backup.tables).toBe(dataTables.length);
    expect(backup.rows).toBe(dataTables.reduce((sum, name) => sum + sourceRows[name].length, 0));

    const target = await database("backup_dst");
    const result = await restoreBackup(target.url, file, { backupDir: dir });
    expect(result).toMatchObject({ ok: true, savedTo: null, rows: backup.rows, newerMigrations: [] });
    expect(await snapshot(target.url)).toEqual(sourceRows);
  });

  it("refuse a database that holds data, changing nothing; --replace saves it first, then restores", async () => {
    const target = await database("backup_full");
    const prisma = createPrismaClient(target.url);
    await seedDatabase(prisma, { demo: false });
    await prisma.$disconnect();
    const before = await snapshot(target.url);
    const backupDir = path.join(dir, "saved");

    const refused = await restoreBackup(target.url, file, { backupDir });
    expect(refused).toMatchObject({ ok: false, code: "not_empty" });
    expect(refused.ok || refused.message).toContain("--replace");
    expect(await snapshot(target.url)).toEqual(before);
    expect(existsSync(backupDir)).toBe(false);

    const replaced = await restoreBackup(target.url, file, { backupDir, replace: true });
    expect(replaced.ok).toBe(true);
    expect(await snapshot(target.url)).toEqual(sourceRows);
    const savedTo = replaced.ok ? replaced.savedTo : null;
    expect(savedTo && path.dirname(savedTo)).toBe(backupDir);
    expect(path.basename(savedTo ?? "")).toMatch(/^muzhou-\d{8}-\d{6}-before-restore(-\d+)?\.backup$/);

    // The saved copy is a backup like any other: restoring it brings back what was there.
    expect(await restoreBackup(target.url, savedTo as string, { backupDir, replace: true })).toMatchObject({ ok: true });
    expect(await snapshot(target.url)).toEqual(before);
  });

  it("refuse a file cut short, a file that is not a backup and one from a newer app, changing nothing", async () => {
    const target = await database("backup_bad");
    const before = await snapshot(target.url);
    const bytes = await readFile(file);

    const cut = path.join(dir, "cut.backup");
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    expect(await restoreBackup(target.url, cut, { backupDir: dir })).toMatchObject({ ok: false, code: "unreadable" });
    expect(await restoreBackup(target.url, path.join(ROOT, "package.json"))).toMatchObject({ ok: false, code: "unreadable" });

    // Rows cut off at a line boundary leave a valid gzip stream: the counts catch it.
    const lines = gunzipSync(bytes).toString("utf8").split("\n");
    const shortened = path.join(dir, "short.backup");
    await writeFile(shortened, gzipSync(lines.slice(0, -4).join("\n")));
    expect(await restoreBackup(target.url, shortened, { backupDir: dir })).toMatchObject({ ok: false, code: "unreadable" });

    const header = JSON.parse(lines[0]);
    header.migrations.push({ name: "29991231000000_from_the_future", checksum: "0".repeat(64) });
    const newer = path.join(dir, "newer.backup");
    await writeFile(newer, gzipSync([JSON.stringify(header), ...lines.slice(1)].join("\n")));
    const refused = await restoreBackup(target.url, newer, { backupDir: dir });
    expect(refused).toMatchObject({ ok: false, code: "unknown_migrations" });
    expect(refused.ok || refused.message).toContain("29991231000000_from_the_future");

    expect(await snapshot(target.url)).toEqual(before);
  });

  it("say what happened in one plain sentence from the command line", async () => {
    const run = (script: string, args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: source.url },
      });
    const out = path.join(dir, "cli.backup");
    const made = run("scripts/db-backup.ts", ["--out", out]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(
      new RegExp(`^Backed up ${backup.rows.toLocaleString("en")} rows of ${backup.tables} tables to .*cli\\.backup \\(`),
    );

    const refused = run("scripts/db-restore.ts", [out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain("--replace");
    expect(await readdir(dir)).not.toContain("cli.backup.partial");
  });
});

describe("the job queue across a backup and restore", () => {
  it("is rebuilt from the tables: a queued message is sent, a held slot ends and an open attendance closes", async () => {
    const from = await database("queue_src");
    const prisma = createPrismaClient(from.url);
    let ids: { notification: string; booking: string; entry: string; attendance: string };
    try {
      await seedDatabase(prisma, { demo: true });
      const venue = await prisma.venue.findFirstOrThrow({ where: { slug: "nanzhen" } });
      const topic = await prisma.topic.findFirstOrThrow({ orderBy: { code: "asc" } });
      const lawyer = await prisma.lawyer.findFirstOrThrow({ orderBy: { name: "asc" } });
      const past = (minutes: number) => new Date(Date.now() - minutes * 60_000);
      // All three are due already, so the worker handles them at once after the restore.
      const entry = await prisma.waitlistEntry.create({
        data: {
          venueId: venue.id,
          name: "候补村民",
          phone: "13900000009",
          topicId: topic.id,
          fromDate: new Date("2026-12-01T00:00:00Z"),
          toDate: new Date("2099-12-05T00:00:00Z"),
          status: "OFFERED",
          consentAt: past(60),
        },
      });
      const held = await prisma.booking.create({
        data: {
          code: "HELD0001",
          venueId: venue.id,
          lawyerId: lawyer.id,
          startsAt: new Date("2099-12-03T01:30:00Z"),
          endsAt: new Date("2099-12-03T02:00:00Z"),
          status: "HELD",
          heldUntil: past(1),
          waitlistEntryId: entry.id,
          name: "候补村民",
          phone: "13900000009",
          topicId: topic.id,
          channel: "ONLINE",
          consentAt: past(60),
        },
      });
      const notification = await prisma.notification.create({
        data: {
          key: `queue-test:${held.id}`,
          bookingId: held.id,
          kind: "WAITLIST_OFFER",
          phone: held.phone,
          message: "有空位。",
          sendAfter: past(5),
        },
      });
      const attendance = await prisma.attendance.create({
        data: { lawyerId: lawyer.id, venueId: venue.id, arrivedAt: past(120), sessionEndsAt: past(2) },
      });
      ids = { notification: notification.id, booking: held.id, entry: entry.id, attendance: attendance.id };
    } finally {
      await prisma.$disconnect();
    }
    const saved = path.join(dir, "queue.backup");
    await createBackup(from.url, saved);

    const to = await database("queue_dst");
    const restored = await restoreBackup(to.url, saved, { backupDir: dir });
    expect(restored).toMatchObject({
      ok: true,
      queued: { "text messages": 1, "held waitlist slots": 1, "open attendances": 1 },
    });
    const jobs = await withClient(
      to.url,
      async (client) =>
        (
          await client.query<{ task: string; key: string }>(
            "SELECT task_identifier AS task, key FROM graphile_worker.jobs ORDER BY 1",
          )
        ).rows,
    );
    expect(jobs).toEqual(
      expect.arrayContaining([
        { task: "close_attendance", key: `attendance:${ids.attendance}` },
        { task: "expire_hold", key: `hold:${ids.booking}` },
        { task: "send_message", key: `queue-test:${ids.booking}` },
      ]),
    );

    // A worker on the restored database does each of them.
    const worker = runWorker({ DATABASE_URL: to.url, SMS_GATEWAY: "outbox", SMS_QUIET_HOURS: "00:00-00:00" }, "ignore");
    const after = createPrismaClient(to.url);
    try {
      const deadline = Date.now() + 30_000;
      let state = { message: "", booking: "", closed: false };
      while (Date.now() < deadline) {
        const [message, booking, attendance] = await Promise.all([
          after.notification.findUniqueOrThrow({ where: { id: ids.notification } }),
          after.booking.findUniqueOrThrow({ where: { id: ids.booking } }),
          after.attendance.findUniqueOrThrow({ where: { id: ids.attendance } }),
        ]);
        state = { message: message.status, booking: booking.status, closed: attendance.autoClosed };
        if (["SENT", "DROPPED"].includes(state.message) && state.booking === "CANCELLED" && state.closed) break;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      // The offer's text goes, or is dropped as overtaken when the hold ended first: handled either way.
      expect(state).toEqual({ message: expect.stringMatching(/^(SENT|DROPPED)$/), booking: "CANCELLED", closed: true });
    } finally {
      worker.kill("SIGTERM");
      await new Promise((resolve) => worker.once("exit", resolve));
      await after.$disconnect();
    }
  }, 120_000);
});
