// npm run db:backup [-- --out <file>] — a backup of the current database (the embedded one, or
// DATABASE_URL's) to backups/muzhou-YYYYMMDD-HHMMSS.backup; safe while the app runs.
import "./lib/load-settings.ts";
import path from "node:path";
import { createBackup, defaultBackupFile } from "./lib/backup.ts";
import { runWithDatabase } from "./lib/database.ts";

const outFlag = process.argv.indexOf("--out");
const out = outFlag > 0 ? process.argv[outFlag + 1] : undefined;
if (outFlag > 0 && !out) {
  console.error("Usage: npm run db:backup [-- --out <file>]");
  process.exit(2);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The path as typed relative to here, or in full when it is elsewhere. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

await runWithDatabase(async ({ url }) => {
  const result = await createBackup(url, out ? path.resolve(out) : defaultBackupFile());
  console.log(
    `Backed up ${result.rows.toLocaleString("en")} rows of ${result.tables} tables to ${shown(result.file)} (${formatBytes(result.bytes)}, ${(result.ms / 1000).toFixed(1)} s).`,
  );
});
