// `npm start`'s embedded PostgreSQL comes back by itself after its postmaster is killed (issue 20 item 6):
// kill -9, then the same data answers again within seconds, the row written before the crash still there.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { readOrCreateSecret, startEmbeddedDatabase } from "./lib/embedded-db.ts";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("readOrCreateSecret", () => {
  it("makes the secret's folder when there is none (an install on an existing PostgreSQL has no .data/)", async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "muzhou-secret-")), ".data");
    const secret = await readOrCreateSecret(path.join(dir, "auth-secret"));
    expect(secret).toMatch(/^[\w-]{24}$/);
    expect(await readOrCreateSecret(path.join(dir, "auth-secret"))).toBe(secret);
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });
});

describe("the embedded database under npm start", () => {
  it("is started again after kill -9 of its postmaster, with its data", { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "muzhou-watch-"));
    const db = await startEmbeddedDatabase({ dir, restartOnCrash: true });
    try {
      await query(db.adminUrl, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
      const pid = Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
      const started = Date.now();
      let rows: { id: number }[] = [];
      while (Date.now() - started < 60_000) {
        rows = await query<{ id: number }>(db.adminUrl, "SELECT id FROM kept").catch(() => []);
        if (rows.length) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(rows).toEqual([{ id: 42 }]);
      expect(Date.now() - started).toBeLessThan(30_000);
      const newPid = Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
      expect(newPid).not.toBe(pid);
    } finally {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
