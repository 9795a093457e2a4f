// Direct access to the e2e server's throwaway database, for states the demo seed does not have.
// scripts/e2e-server.ts writes the database's URL to this file and removes it when it stops.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export function e2eDatabaseUrlFile(port: string | number): string {
  return path.join(os.tmpdir(), `muzhou-e2e-${port}.url`);
}

export async function withE2eDatabase<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const port = process.env.E2E_PORT;
  if (!port) throw new Error("E2E_PORT is not set: run the specs through playwright.config.ts");
  const client = new pg.Client({ connectionString: readFileSync(e2eDatabaseUrlFile(port), "utf8").trim() });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
