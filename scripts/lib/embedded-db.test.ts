// The embedded PostgreSQL keeps its data across restarts, recovers from a stale pid file, and
// two copies run side by side on different ports.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningDatabase, startEmbeddedDatabase } from "./embedded-db.ts";

const running: RunningDatabase[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const db of running.splice(0)) await db.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(dir: string) {
  const db = await startEmbeddedDatabase({ dir });
  running.push(db);
  return db;
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "embedded-"));
  dirs.push(dir);
  return dir;
}

describe("startEmbeddedDatabase", () => {
  it("keeps data across a stop and a start, reusing the data directory", async () => {
    const dir = tempDir();
    const first = await start(dir);
    await sql(first.adminUrl, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    const second = await start(dir);
    expect(await sql(second.adminUrl, "SELECT value FROM kept")).toEqual([{ value: "still here" }]);
  });

  it("listens on the same port after a restart, so other app servers pointed at it keep working", async () => {
    const dir = tempDir();
    const first = await start(dir);
    await first.stop();
    const second = await start(dir);
    expect(second.port).toBe(first.port);
    await second.stop();
    // Taken by another program meanwhile: a new port, remembered from then on.
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(first.port, "127.0.0.1", resolve));
    try {
      const third = await start(dir);
      expect(third.port).not.toBe(first.port);
      expect(readFileSync(path.join(dir, "port"), "utf8").trim()).toBe(String(third.port));
    } finally {
      squatter.close();
    }
  });

  it("listens on loopback only", async () => {
    const db = await start(tempDir());
    expect(await sql(db.adminUrl, "SHOW listen_addresses")).toEqual([{ listen_addresses: "127.0.0.1" }]);
  });

  it("starts after a crash left a stale postmaster.pid behind", async () => {
    const dir = tempDir();
    const first = await start(dir);
    await first.stop();
    // What a killed server leaves: a pid file naming a process that no longer exists.
    const pidFile = path.join(dir, "pg", "postmaster.pid");
    writeFileSync(pidFile, `999999\n${path.join(dir, "pg")}\n0\n${first.port}\n`);
    const second = await start(dir);
    expect(await sql(second.adminUrl, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    expect(readFileSync(pidFile, "utf8").split("\n")[3]).toBe(String(second.port));
  });

  it("runs two copies side by side on different ports", async () => {
    const [a, b] = await Promise.all([start(tempDir()), start(tempDir())]);
    expect(a.port).not.toBe(b.port);
    expect(await sql(a.adminUrl, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    expect(await sql(b.adminUrl, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
  });

  it("joins a server already running on the same data directory instead of starting another", async () => {
    const dir = tempDir();
    const first = await start(dir);
    const second = await start(dir);
    expect(second.port).toBe(first.port);
  });
});
