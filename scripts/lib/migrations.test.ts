// Integration tests of the offline migration tooling against the run's real PostgreSQL.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { withDatabaseName } from "./database.ts";
import { applyMigrations, diffSchema, MIGRATIONS_DIR, ROOT } from "./migrations.ts";

const serverUrl = process.env.DATABASE_URL as string;
const created: string[] = [];

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `mig_${randomBytes(4).toString("hex")}`;
  await query(serverUrl, `CREATE DATABASE "${name}"`);
  created.push(name);
  return withDatabaseName(serverUrl, name);
}

/** A copy of the project's migrations folder, to which a test may add migrations. */
function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string) {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

const tables = (url: string) =>
  query<{ table_name: string }>(
    url,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  ).then((rows) => rows.map((r) => r.table_name));

afterAll(async () => {
  for (const name of created) await query(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("applyMigrations", () => {
  let url: string;
  beforeEach(async () => {
    url = await freshDatabase();
  });

  it("creates the schema and records Prisma's bookkeeping with sha256 checksums", async () => {
    const applied = await applyMigrations(url);
    expect(applied.length).toBeGreaterThan(0);
    expect(await tables(url)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "booking", "duty_exception", "duty_session", "lawyer", "venue"]),
    );
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    for (const row of rows) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("is a no-op the second time", async () => {
    await applyMigrations(url);
    const before = await query(url, "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY 1");
    expect(await applyMigrations(url)).toEqual([]);
    expect(await query(url, "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY 1")).toEqual(before);
  });

  it("applies a second migration on top of the first", async () => {
    const dir = copyOfMigrations();
    await applyMigrations(url, { dir });
    addMigration(dir, "29990101000000_add_note", 'CREATE TABLE "later_table" ("id" TEXT PRIMARY KEY);');
    expect(await applyMigrations(url, { dir })).toEqual(["29990101000000_add_note"]);
    expect(await tables(url)).toContain("later_table");
  });

  it("refuses to run, naming the file, when an applied migration was changed afterwards, and applies nothing", async () => {
    const dir = copyOfMigrations();
    await applyMigrations(url, { dir });
    const [first] = (
      await query<{ migration_name: string }>(url, "SELECT migration_name FROM _prisma_migrations ORDER BY 1 LIMIT 1")
    ).map((r) => r.migration_name);
    const file = path.join(dir, first, "migration.sql");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n-- edited later\n`);
    addMigration(dir, "29990101000000_after_edit", 'CREATE TABLE "after_edit" ("id" TEXT PRIMARY KEY);');
    await expect(applyMigrations(url, { dir })).rejects.toThrow(`Migration ${first} was changed after it was applied`);
    expect(await tables(url)).not.toContain("after_edit");
  });

  it("leaves the database unchanged when a migration fails, and the command exits non-zero with the SQL error", async () => {
    const dir = copyOfMigrations();
    await applyMigrations(url, { dir });
    const before = await tables(url);
    addMigration(
      dir,
      "29990101000000_broken",
      'CREATE TABLE "half_done" ("id" TEXT PRIMARY KEY);\nALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;',
    );
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts", "--dir", dir], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('relation "no_such_table" does not exist');
    expect(await tables(url)).toEqual(before);
    const failed = await query(url, "SELECT 1 FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'");
    expect(failed).toHaveLength(0);
  });
});

describe("diffSchema", () => {
  it("finds no change in schema.prisma that the committed migrations do not cover", async () => {
    expect(await diffSchema(serverUrl)).toBe("");
  });
});
