// Restores a file of createBackup() into a database: the schema comes from this code's
// migrations (up to the ones the backup was made with), then every row is loaded in one
// transaction and counted, then any newer migrations run. See docs/operations.md.
import { createHash } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { REBUILD_QUEUE_SQL } from "../../lib/jobs.ts";
import { BACKUP_DIR, createBackup, defaultBackupFile } from "./backup.ts";
import { countRows, emptySchema, listSequences, listTables, type TableInfo } from "./backup-catalog.ts";
import { type BackupContents, BackupFileError, readBackup } from "./backup-file.ts";
import { applyMigrations, MIGRATIONS_DIR, readMigrationsList } from "./migrations.ts";

export type RestoreOptions = {
  /** Replace a database that holds data (after saving it to `backupDir`). */
  replace?: boolean;
  backupDir?: string;
};

export type RestoreFailure = "unreadable" | "unknown_migrations" | "not_empty" | "in_use";

export type RestoreResult =
  | {
      ok: true;
      tables: number;
      rows: number;
      contents: BackupContents;
      /** Where the database's previous contents were saved (with `replace`), else null. */
      savedTo: string | null;
      /** Migrations newer than the backup, applied after loading. */
      newerMigrations: string[];
      /** Jobs enqueued again from the restored rows, by kind (lib/jobs.ts). */
      queued: Record<string, number>;
      warnings: string[];
      ms: number;
    }
  | { ok: false; code: RestoreFailure; message: string };

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

export async function restoreBackup(url: string, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const started = Date.now();
  // Read the whole file before touching the database: a damaged backup must not empty it.
  let contents: BackupContents;
  try {
    contents = await readBackup(file);
  } catch (error) {
    if (error instanceof BackupFileError) return { ok: false, code: "unreadable", message: error.message };
    throw error;
  }

  const known = new Map(
    (await readMigrationsList()).migrationDirectories.map((m) => [
      m.path,
      m.migrationFile.content.tag === "ok" ? createHash("sha256").update(m.migrationFile.content.value).digest("hex") : null,
    ]),
  );
  const unknown = contents.header.migrations.filter((m) => !known.has(m.name)).map((m) => m.name);
  if (unknown.length) {
    return {
      ok: false,
      code: "unknown_migrations",
      message: `This backup was made by a newer version of the app (${contents.header.app}): this copy does not have its migrations ${unknown.join(", ")}. Restore it with the version of the app that made it, or a newer one.`,
    };
  }
  const warnings = contents.header.migrations
    .filter((m) => known.get(m.name) !== m.checksum)
    .map((m) => `Migration ${m.name} has changed since the backup was made; the restore uses this copy's version.`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts = await countRows(client, await listTables(client));
    const filled = [...counts].filter(([, n]) => n > 0);
    if (filled.length && !options.replace) {
      const what = filled
        .slice(0, 4)
        .map(([table, n]) => `${table}: ${n}`)
        .join(", ");
      return {
        ok: false,
        code: "not_empty",
        message: `The database already holds data (${what}${filled.length > 4 ? ", …" : ""}). A restore replaces everything in it. If that is what you want, run the restore again with --replace: the current contents are saved to a backup file first.`,
      };
    }
    const others = await client.query<{ n: number; who: string | null }>(
      `SELECT count(*)::int AS n, string_agg(DISTINCT coalesce(nullif(application_name, ''), client_addr::text, 'local'), ', ') AS who
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    if (others.rows[0].n > 0) {
      return {
        ok: false,
        code: "in_use",
        message: `${plural(others.rows[0].n, "other connection")} to this database (${others.rows[0].who}). Stop the app and anything else using the database, then run the restore again.`,
      };
    }

    const savedTo = filled.length
      ? (await createBackup(url, defaultBackupFile({ suffix: "-before-restore", dir: options.backupDir ?? BACKUP_DIR }))).file
      : null;
    try {
      await emptySchema(client);
    } catch (error) {
      throw new Error(
        `Could not empty the database (${(error as Error).message}); nothing was changed. Restore as the role that owns its tables (the one that runs the migrations).`,
      );
    }
    try {
      await applyMigrationsUpTo(
        url,
        contents.header.migrations.map((m) => m.name),
      );
      await loadRows(client, file, contents);
    } catch (error) {
      const previous = savedTo ? ` Its previous contents are in ${savedTo} (restore that with --replace to go back).` : "";
      throw new Error(
        `Restore failed (${(error as Error).message.replace(/\.$/, "")}). The database now holds no data.${previous}`,
      );
    }
    const newerMigrations = await applyMigrations(url);
    const queued = await rebuildQueue(client);
    return {
      ok: true,
      queued,
      tables: contents.tables.length,
      rows: contents.rows,
      contents,
      savedTo,
      newerMigrations,
      warnings,
      ms: Date.now() - started,
    };
  } finally {
    await client.end();
  }
}

/**
 * The queue's own tables (graphile_worker) are not in a backup: the jobs the restored rows call for
 * are enqueued again (lib/jobs.ts). Returns how many of each.
 */
async function rebuildQueue(client: pg.Client): Promise<Record<string, number>> {
  const queued: Record<string, number> = {};
  for (const { what, sql } of REBUILD_QUEUE_SQL) queued[what] = (await client.query<{ n: number }>(sql)).rows[0].n;
  return queued;
}

/** The schema as it was when the backup was made: only the backup's migrations, from this copy. */
async function applyMigrationsUpTo(url: string, names: string[]): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "restore-migrations-"));
  try {
    await cp(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(dir, "migration_lock.toml")).catch(() => {});
    for (const name of names) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    await applyMigrations(url, { dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
}

async function loadRows(client: pg.Client, file: string, contents: BackupContents): Promise<void> {
  const tables = new Map((await listTables(client)).map((t) => [t.name, t]));
  const differences = [
    ...contents.tables.filter((e) => !tables.has(e.table)).map((e) => `table ${e.table} is not in the schema`),
    ...[...tables.keys()]
      .filter((name) => !contents.tables.some((e) => e.table === name))
      .map((n) => `table ${n} is not in the backup`),
    ...contents.tables
      .filter((e) => tables.has(e.table) && !sameColumns(e.columns, (tables.get(e.table) as TableInfo).columns))
      .map((e) => `the columns of ${e.table} differ`),
  ];
  const sequences = new Set(await listSequences(client));
  differences.push(
    ...contents.sequences.filter((s) => !sequences.has(s.name)).map((s) => `sequence ${s.name} is not in the schema`),
  );
  if (differences.length) {
    throw new Error(
      `The backup does not match the schema its migrations build (${differences.join("; ")}): the database it came from was changed outside the migrations.`,
    );
  }

  const id = (name: string) => client.escapeIdentifier(name);
  const all = [...tables.values()];
  await client.query("BEGIN");
  try {
    // A backup holds rows as they were: the tables' own triggers (the audit log's guard, the
    // slot-change notices) must not act on them. Foreign keys stay checked.
    for (const table of all) await client.query(`ALTER TABLE ${id(table.name)} DISABLE TRIGGER USER`);
    if (all.length) await client.query(`TRUNCATE ${all.map((t) => id(t.name)).join(", ")}`);
    await readBackup(file, async (entry, rows) => {
      const table = tables.get(entry.table) as TableInfo;
      const columns = table.insertable.map(id).join(", ");
      await client.query(
        `INSERT INTO ${id(table.name)} (${columns}) OVERRIDING SYSTEM VALUE
         SELECT ${columns} FROM json_populate_recordset(NULL::${id(table.name)}, $1::json)`,
        [`[${rows.join(",")}]`],
      );
    });
    for (const s of contents.sequences) {
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [id(s.name), s.lastValue, s.isCalled]);
    }
    const counts = await countRows(client, all);
    const wrong = contents.tables.filter((e) => counts.get(e.table) !== e.rows);
    if (wrong.length) {
      throw new Error(
        `Row counts differ after loading (${wrong.map((e) => `${e.table}: ${counts.get(e.table)} of ${e.rows}`).join(", ")}).`,
      );
    }
    for (const table of all) await client.query(`ALTER TABLE ${id(table.name)} ENABLE TRIGGER USER`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
