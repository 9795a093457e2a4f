// docs/operations.md is the guide from an empty server to a running deployment: every command in
// its shell blocks is run here as written, in order, on a database of its own (an existing
// PostgreSQL, as the guide assumes), with only the guide's placeholders filled in, or is named
// below with the test that covers it or why it cannot run on a test machine. A command added to
// the guide without either fails this test.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./lib/migrations.ts";
import { checkSettings } from "./lib/settings.ts";
import { createTestDatabase, type TestDatabase } from "./lib/test-database.ts";

/** The guide's commands that are not run here, and where they are covered instead. */
const COVERED_ELSEWHERE: Record<string, string> = {
  "npm start": "e2e/shutdown.spec.ts starts npm start on an existing PostgreSQL and stops it",
  "useradd --system --home /srv/muzhou muzhou": "creates a system account: not on a test machine",
  "git clone … /srv/muzhou && cd /srv/muzhou && npm ci && npm run build": "what .ci/run does on a clean clone",
  "install -d /etc/muzhou && cp .env.example /etc/muzhou/env":
    "scripts/settings.test.ts checks .env.example against the settings",
  "cp deploy/systemd/*.service /etc/systemd/system/": "scripts/deploy.test.ts verifies the units",
  "systemctl daemon-reload && systemctl enable --now muzhou-web muzhou-worker": "scripts/deploy.test.ts verifies the units",
  'pg_dump --format=custom --file=muzhou.dump "$DATABASE_URL"':
    "needs pg_dump of the server's major version; the test server is the embedded PostgreSQL 18, Debian 12 has 15's only",
  'pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" muzhou.dump': "as pg_dump",
  "f=$(ls -t backups/muzhou-*.backup | head -1)": "run below, before the gpg line",
  'gpg --encrypt --recipient backup@example.org --output "/mnt/offsite/$(basename "$f").gpg" "$f"':
    "needs the office's own key: the line's form is checked below",
};

/** The guide's shell lines, comments and continuation stripped. */
function guideCommands(): string[] {
  const text = readFileSync(path.join(ROOT, "docs/operations.md"), "utf8");
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1].split("\n"))
    .map((line) => line.replace(/\s+#\s.*$/, "").trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

function npm(command: string, env: Record<string, string>, cwd: string) {
  const args = command.split(/\s+/).slice(1);
  return spawnSync("npm", ["--prefix", ROOT, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 180_000,
  });
}

async function count(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

describe("docs/operations.md", () => {
  const databases: TestDatabase[] = [];
  const work = mkdtempSync(path.join(tmpdir(), "operations-guide-"));
  afterAll(async () => {
    for (const db of databases) await db.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it("every command is run here or named with what covers it", () => {
    const commands = guideCommands();
    const runHere = commands.filter((c) => c.startsWith("export ") || c.startsWith("npm run "));
    const rest = commands.filter((c) => !runHere.includes(c));
    expect(rest.filter((c) => !(c in COVERED_ELSEWHERE))).toEqual([]);
    expect(runHere.filter((c) => c.startsWith("npm run ")).map((c) => c.split(" ").slice(0, 3).join(" "))).toEqual([
      "npm run db:migrate",
      "npm run db:backup",
      "npm run db:backup",
      "npm run db:restore",
      "npm run db:restore",
    ]);
  });

  it("its settings are ones the app accepts", () => {
    const exported = Object.fromEntries(
      guideCommands()
        .filter((c) => c.startsWith("export "))
        .map((c) => /^export ([A-Z_]+)=(\S*)/.exec(c) ?? [])
        .map(([, name, value]) => [name, value.includes("…") ? undefined : value]),
    );
    expect(Object.keys(exported)).toEqual(["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "TRUSTED_PROXY_HOPS"]);
    expect(checkSettings(exported)).toEqual([]);
  });

  it("its npm commands, in order, on an existing PostgreSQL: migrate, back up twice, restore into an empty database and over a full one", async () => {
    const first = await createTestDatabase("guide");
    databases.push(first);
    const second = await createTestDatabase("guide_empty");
    databases.push(second);
    // The second stands for a new server's empty database: no tables at all.
    const client = new pg.Client({ connectionString: second.url });
    await client.connect();
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    await client.end();

    let newestBackup = "";
    const fill = (command: string) =>
      command
        .replace("backups/muzhou-20261201-023000.backup", newestBackup)
        .replace("/somewhere/else.backup", path.join(work, "else.backup"));
    for (const command of guideCommands().filter((c) => c.startsWith("npm run "))) {
      const restoringEmpty = /db:restore -- \S+$/.test(command);
      const url = restoringEmpty ? second.url : first.url;
      const run = npm(fill(command), { DATABASE_URL: url }, work);
      expect(run.status, `${command}\n${run.stdout}\n${run.stderr}`).toBe(0);
      if (command.startsWith("npm run db:migrate")) {
        expect(await count(url, "SELECT count(*) AS n FROM venue")).toBeGreaterThanOrEqual(0);
        const seeded = npm("npm run db:seed", { DATABASE_URL: url }, work);
        expect(seeded.status, seeded.stderr).toBe(0);
      }
      if (command === "npm run db:backup") {
        // "writes backups/muzhou-YYYYMMDD-HHMMSS.backup", under the project's root.
        newestBackup = execFileSync("sh", ["-c", "ls -t backups/muzhou-*.backup | head -1"], {
          cwd: ROOT,
          encoding: "utf8",
        }).trim();
        expect(newestBackup).toMatch(/^backups\/muzhou-\d{8}-\d{6}\.backup$/);
        newestBackup = path.join(ROOT, newestBackup);
      }
      if (command.includes("--out")) expect(existsSync(path.join(work, "else.backup"))).toBe(true);
      if (restoringEmpty) expect(await count(url, "SELECT count(*) AS n FROM venue")).toBe(16);
    }
    expect(newestBackup).not.toBe("");
    rmSync(newestBackup, { force: true });
    expect(await count(first.url, "SELECT count(*) AS n FROM venue")).toBe(16);
  }, 600_000);
});
