// npm run db:migration -- <name> — write a new migration from the change in schema.prisma, offline.
// With --check, write nothing and fail when schema.prisma has changes no migration covers.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { runWithDatabase } from "./lib/database.ts";
import { diffSchema, MIGRATED_SCHEMA_FILE, MIGRATIONS_DIR, SCHEMA_FILE } from "./lib/migrations.ts";

const args = process.argv.slice(2);
const check = args.includes("--check");
const name = args.find((a) => !a.startsWith("--"));

if (!check && !(name && /^[a-z0-9_]+$/.test(name))) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

await runWithDatabase(async ({ url }) => {
  const sql = await diffSchema(url);
  if (check) {
    if (sql) throw new Error(`schema.prisma has changes that no migration covers:\n${sql}`);
    console.log("Migrations cover schema.prisma.");
    return;
  }
  if (!sql) {
    console.log("schema.prisma has no changes since the last migration; nothing written.");
    return;
  }
  const folder = path.join(MIGRATIONS_DIR, `${timestamp()}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "migration.sql"), sql);
  await copyFile(SCHEMA_FILE, MIGRATED_SCHEMA_FILE);
  console.log(
    `Wrote ${path.relative(process.cwd(), folder)}/migration.sql — review it, add any raw SQL, then npm run db:migrate.`,
  );
});
