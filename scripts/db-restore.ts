// npm run db:restore -- <file> [--replace] — restores a backup of npm run db:backup into the
// current database (the embedded one, or DATABASE_URL's). Refuses a database that holds data
// unless --replace, which first saves the current contents to backups/.
import "./lib/load-settings.ts";
import path from "node:path";
import { toIsoOffset } from "../lib/time.ts";
import { runWithDatabase } from "./lib/database.ts";
import { restoreBackup } from "./lib/restore.ts";

const args = process.argv.slice(2);
const replace = args.includes("--replace");
const files = args.filter((a) => a !== "--replace");
if (files.length !== 1 || files[0].startsWith("--")) {
  console.error("Usage: npm run db:restore -- <file> [--replace]");
  process.exit(2);
}
const file = path.resolve(files[0]);

/** The path as typed relative to here, or in full when it is elsewhere. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

await runWithDatabase(async ({ url }) => {
  const result = await restoreBackup(url, file, { replace });
  if (!result.ok) throw new Error(result.message);
  for (const warning of result.warnings) console.warn(warning);
  if (result.savedTo) console.log(`Saved the previous contents to ${shown(result.savedTo)}.`);
  const made = toIsoOffset(new Date(result.contents.header.createdAt)).replace("T", " ");
  console.log(
    `Restored ${result.rows.toLocaleString("en")} rows into ${result.tables} tables from ${shown(file)} (made ${made}) in ${(result.ms / 1000).toFixed(1)} s.`,
  );
  const queued = Object.entries(result.queued).map(([what, n]) => `${n} ${what}`);
  console.log(`Queued again from the restored rows: ${queued.join(", ")}.`);
  if (result.newerMigrations.length) console.log(`Then applied newer migrations: ${result.newerMigrations.join(", ")}.`);
});
