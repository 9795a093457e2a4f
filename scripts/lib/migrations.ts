// Prisma migrations without the native schema engine (which the Prisma CLI downloads).
// Layout and bookkeeping are Prisma's own (prisma/migrations/<ts>_<name>/migration.sql,
// migration_lock.toml, the _prisma_migrations table), so `prisma migrate deploy` agrees.
// Applying is a small transactional runner; writing a new migration asks Prisma's schema
// engine, compiled to WebAssembly, for the diff. See docs/migrations.md.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
export const SCHEMA_FILE = path.join(ROOT, "prisma/schema.prisma");

let loaded: Promise<typeof bindings> | null = null;

// Instantiate the .wasm by hand: importing it as an ES module needs --experimental-wasm-modules.
function loadWasm(): Promise<typeof bindings> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const bytes = await readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings as never });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return loaded;
}

type Engine = { engine: SchemaEngine; close: () => Promise<void> };

async function openEngine(url: string, log: (line: string) => void): Promise<Engine> {
  const { SchemaEngine } = await loadWasm();
  const schema = await readFile(SCHEMA_FILE, "utf8");
  // One connection: the engine takes PostgreSQL's advisory migration lock and must release it
  // on the same session, or the next run in this process waits out the lock's 10 s timeout.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const engine = await SchemaEngine.new(
    { datamodels: [[path.relative(ROOT, SCHEMA_FILE), schema]] },
    (message: string) => {
      try {
        const parsed = JSON.parse(message) as { fields?: { message?: string } };
        if (parsed.fields?.message) log(parsed.fields.message);
      } catch {
        log(message);
      }
    },
    adapter,
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await pool.end();
    },
  };
}

export async function readMigrationsList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockPath = path.join(dir, "migration_lock.toml");
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const content = existsSync(file)
        ? { tag: "ok" as const, value: await readFile(file, "utf8") }
        : { tag: "error" as const, value: `${file} is missing` };
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

const noFilter = { externalTables: [], externalEnums: [] };

// Prisma's own bookkeeping table and advisory lock id, so that `prisma migrate deploy` and this
// runner agree on what has been applied and never run at the same time.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
const PRISMA_MIGRATE_LOCK = 72707369;
const quietLogger = new Logger(() => () => {});

/** Prisma's checksum of a migration: sha256 of its SQL, in hex. */
const checksum = (sql: string) => createHash("sha256").update(sql).digest("hex");

/**
 * Applies pending migrations in name order; returns their names. Unlike Prisma's engine, each
 * migration runs in one transaction together with its bookkeeping row, so a failing migration
 * leaves the database exactly as it was and the error names the SQL problem.
 */
export async function applyMigrations(url: string, { dir = MIGRATIONS_DIR }: { dir?: string } = {}): Promise<string[]> {
  const { migrationDirectories } = await readMigrationsList(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(BOOKKEEPING);
    const rows = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"');
    const unfinished = rows.rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (unfinished) {
      throw new Error(
        `Migration ${unfinished.migration_name} failed earlier (recorded by another tool); resolve it before applying more.`,
      );
    }
    const done = new Set(rows.rows.filter((r) => r.finished_at !== null).map((r) => r.migration_name));
    // A migration edited after it was applied means this database and a new one made from the same
    // files would differ: refuse before anything runs, and say which file and what to do.
    const checksums = new Map(rows.rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
    for (const migration of migrationDirectories) {
      const recorded = checksums.get(migration.path);
      if (recorded === undefined || migration.migrationFile.content.tag === "error") continue;
      if (recorded !== checksum(migration.migrationFile.content.value)) {
        throw new Error(
          `Migration ${migration.path} was changed after it was applied to this database (its checksum differs). ` +
            "Put the file back as it was (git checkout -- prisma/migrations) and write the change as a new migration " +
            "with npm run db:migration -- <name>.",
        );
      }
    }
    const applied: string[] = [];
    for (const migration of migrationDirectories) {
      if (done.has(migration.path)) continue;
      if (migration.migrationFile.content.tag === "error") throw new Error(migration.migrationFile.content.value);
      const sql = migration.migrationFile.content.value;
      try {
        await client.query("BEGIN");
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), checksum(sql), migration.path],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.path} failed and was rolled back: ${(error as Error).message}`);
      }
      applied.push(migration.path);
    }
    // The job queue's own tables (schema graphile_worker), which bookings add jobs to in their own
    // transactions: installed and upgraded by graphile-worker itself, under the same lock.
    await runMigrations({ connectionString: url, logger: quietLogger });
    return applied;
  } finally {
    await client.end();
  }
}

/**
 * The schema that the committed migrations produce. Kept beside them so that a new
 * migration is a schema-to-schema diff, which needs no database: the WebAssembly engine
 * cannot introspect PostgreSQL 18 through the driver adapter (it fails on the `"char"` type).
 */
export const MIGRATED_SCHEMA_FILE = path.join(MIGRATIONS_DIR, "schema.migrated.prisma");

/** The SQL that takes the migrated schema to the current schema.prisma ("" when nothing changed). */
export async function diffSchema(url: string): Promise<string> {
  const schema = await readFile(SCHEMA_FILE, "utf8");
  const previous = existsSync(MIGRATED_SCHEMA_FILE) ? await readFile(MIGRATED_SCHEMA_FILE, "utf8") : null;
  const name = path.relative(ROOT, SCHEMA_FILE);
  // The engine wants a connection even for a diff between two schema files; it does not read the database.
  const { engine, close } = await openEngine(url, () => {});
  try {
    const result = await engine.diff({
      from: previous === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: name, content: previous }] },
      to: { tag: "schemaDatamodel", files: [{ path: name, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    const sql = result.stdout ?? "";
    return sql.includes("-- This is an empty migration.") ? "" : sql;
  } finally {
    await close();
  }
}
