// A throwaway database for one test run: a new database on DATABASE_URL's server when that is
// set, else a new embedded cluster in a temporary folder. Never the .data/ demo data.
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { withDatabaseName } from "./database.ts";
import { startEmbeddedDatabase } from "./embedded-db.ts";
import { applyMigrations } from "./migrations.ts";

export type TestDatabase = { url: string; drop: () => Promise<void> };

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `muzhou_test_${label}_${randomBytes(4).toString("hex")}`;
  const external = process.env.DATABASE_URL;
  let serverUrl: string;
  let stopServer = async () => {};
  if (external) {
    serverUrl = external;
  } else {
    const server = await startEmbeddedDatabase({ dir: path.join(os.tmpdir(), name), throwaway: true });
    serverUrl = server.adminUrl;
    stopServer = server.stop;
  }
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabaseName(serverUrl, name);
  await applyMigrations(url);
  return {
    url,
    drop: async () => {
      if (external) await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await stopServer();
    },
  };
}
