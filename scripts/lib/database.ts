// Where the scripts find PostgreSQL: DATABASE_URL when set (start nothing), else the
// embedded server with its data under .data/ (kept across restarts, git-ignored).
import path from "node:path";
import pg from "pg";
import { settings } from "../../lib/env.ts";
import { type RunningDatabase, startEmbeddedDatabase } from "./embedded-db.ts";
import { ROOT } from "./migrations.ts";

export const DATA_DIR = path.join(ROOT, ".data");
const APP_DATABASE = "muzhou";

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export async function openDatabase(
  log?: (line: string) => void,
  { restartOnCrash = false }: { restartOnCrash?: boolean } = {},
): Promise<Database> {
  const external = settings().DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => {} };
  const server: RunningDatabase = await startEmbeddedDatabase({ dir: DATA_DIR, log, restartOnCrash });
  await ensureDatabase(server.adminUrl, APP_DATABASE);
  return { url: withDatabaseName(server.adminUrl, APP_DATABASE), embedded: true, stop: server.stop };
}

/** Runs `main` with a database, stopping an embedded server we started, and exits non-zero on failure. */
export async function runWithDatabase(main: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase();
  let failed = false;
  try {
    await main(db);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    failed = true;
  } finally {
    await db.stop();
  }
  // Exit explicitly: an idle pool or the engine's handles must not keep the process alive or mask the code.
  process.exit(failed ? 1 : 0);
}
