// A logical backup through a plain connection (no pg_dump: see docs/operations.md): every row
// of every table as row_to_json, read in one REPEATABLE READ snapshot, so the file is the
// database as of one instant while the app keeps running.
import { existsSync } from "node:fs";
import { mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { toIsoOffset } from "../../lib/time.ts";
import { listAppliedMigrations, listSequences, listTables, MIGRATIONS_TABLE } from "./backup-catalog.ts";
import { type BackupHeader, FORMAT, FORMAT_VERSION, type SequenceEntry, writeBackupFile } from "./backup-file.ts";
import { ROOT } from "./migrations.ts";

export const BACKUP_DIR = path.join(ROOT, "backups");

/** backups/muzhou-20261201-143005.backup, the time in Asia/Shanghai; -2, -3 … when that second is taken. */
export function defaultBackupFile({ now = new Date(), suffix = "", dir = BACKUP_DIR } = {}): string {
  const stamp = toIsoOffset(now).slice(0, 19).replaceAll("-", "").replaceAll(":", "").replace("T", "-");
  const name = (n: number) => path.join(dir, `muzhou-${stamp}${suffix}${n > 1 ? `-${n}` : ""}.backup`);
  let n = 1;
  while (existsSync(name(n))) n += 1;
  return name(n);
}

export type BackupResult = { file: string; bytes: number; tables: number; rows: number; ms: number };

const FETCH_ROWS = 1000;

async function appVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

export async function createBackup(url: string, file: string): Promise<BackupResult> {
  const started = Date.now();
  if (existsSync(file)) throw new Error(`${file} already exists; choose another name with --out.`);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let tables = 0;
  let rows = 0;
  try {
    // One snapshot for every table; READ ONLY also promises the backup never writes.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Values written the same way whatever the server's settings: instants in UTC, floats with
    // every digit they need (a server set to fewer would round them), intervals and bytes in the
    // default forms.
    await client.query(
      "SET LOCAL TimeZone = 'UTC'; SET LOCAL extra_float_digits = 3; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL bytea_output = 'hex'",
    );
    const migrations = await listAppliedMigrations(client);
    if (!migrations) {
      throw new Error(`The database has no ${MIGRATIONS_TABLE} table: it was not set up by this app (npm run db:migrate).`);
    }
    const info = await client.query<{ database: string; postgres: string }>(
      "SELECT current_database() AS database, current_setting('server_version') AS postgres",
    );
    const header: BackupHeader = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      app: await appVersion(),
      database: info.rows[0].database,
      postgres: info.rows[0].postgres,
      migrations,
    };
    const list = await listTables(client);
    const sequences: SequenceEntry[] = [];
    for (const name of await listSequences(client)) {
      const { rows: value } = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${client.escapeIdentifier(name)}`,
      );
      sequences.push({ name, lastValue: value[0].last_value, isCalled: value[0].is_called });
    }

    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      for (const table of list) {
        const name = client.escapeIdentifier(table.name);
        const { rows: count } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ONLY ${name}`);
        const expected = Number(count[0].n);
        yield `${JSON.stringify({ table: table.name, columns: table.columns, rows: expected })}\n`;
        await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ONLY ${name} t`);
        let written = 0;
        for (;;) {
          const batch = await client.query<{ row: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
          if (!batch.rows.length) break;
          written += batch.rows.length;
          yield `${batch.rows.map((r) => r.row).join("\n")}\n`;
        }
        await client.query("CLOSE backup_rows");
        // The same snapshot counted and read, so these agree unless something is badly wrong.
        if (written !== expected) throw new Error(`Table ${table.name}: counted ${expected} rows but read ${written}.`);
        tables += 1;
        rows += written;
      }
      yield `${JSON.stringify({ sequences })}\n`;
      yield `${JSON.stringify({ end: true, tables, rows })}\n`;
    }

    await writeBackupFile(file, lines());
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  const { size } = await stat(file);
  return { file, bytes: size, tables, rows, ms: Date.now() - started };
}
