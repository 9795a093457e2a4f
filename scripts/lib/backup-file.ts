// The backup file: gzip'd JSON lines, readable with `zcat file | less` in an emergency.
//
//   {"format":"muzhou-backup","version":1,"createdAt":…,"migrations":[…],…}   the header
//   {"table":"venue","columns":["id",…],"rows":12}                             then per table
//   {"id":"…","slug":"…",…}                                                   exactly `rows` lines of row_to_json
//   {"sequences":[{"name":…,"lastValue":"…","isCalled":true}]}
//   {"end":true,"tables":17,"rows":1234}                                       a file cut short has no end line
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";
import type { MigrationRecord } from "./backup-catalog.ts";

export const FORMAT = "muzhou-backup";
export const FORMAT_VERSION = 1;

export type BackupHeader = {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  createdAt: string;
  app: string;
  database: string;
  postgres: string;
  migrations: MigrationRecord[];
};
export type TableEntry = { table: string; columns: string[]; rows: number };
export type SequenceEntry = { name: string; lastValue: string; isCalled: boolean };
export type BackupContents = { header: BackupHeader; tables: TableEntry[]; sequences: SequenceEntry[]; rows: number };

/** The file cannot be read as a backup: not one of ours, damaged, or cut short. */
export class BackupFileError extends Error {}

/** Writes the lines to `file` through a `.partial` file, so a failed backup never looks like a finished one. */
export async function writeBackupFile(file: string, lines: AsyncIterable<string>): Promise<void> {
  const partial = `${file}.partial`;
  try {
    // Personal data: readable by the owner only.
    await pipeline(Readable.from(lines), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

async function* readLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  // A read or decompression error destroys `gunzip`, and so reaches the loop below.
  pipeline(createReadStream(file), gunzip).catch(() => {});
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of gunzip) {
    const lines = (rest + decoder.write(chunk)).split("\n");
    rest = lines.pop() ?? "";
    yield* lines;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

const BATCH_ROWS = 500;
const BATCH_CHARS = 4_000_000;

function parse<T>(line: string | undefined, what: string, file: string): T {
  if (line === undefined) throw new BackupFileError(`${file} is incomplete: it ends before ${what}. Use another backup.`);
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new BackupFileError(`${file} is damaged: ${what} is not readable. Use another backup.`);
  }
}

/**
 * Reads the whole file and checks its structure; `onRows` gets each table's rows (row_to_json
 * text, not parsed, so that no value passes through JavaScript numbers) in batches.
 */
export async function readBackup(
  file: string,
  onRows?: (table: TableEntry, rows: string[]) => Promise<void>,
): Promise<BackupContents> {
  const lines = readLines(file)[Symbol.asyncIterator]();
  const next = async () => {
    try {
      const { value, done } = await lines.next();
      return done ? undefined : value;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new BackupFileError(`There is no file ${file}.`);
      if (code === "Z_BUF_ERROR") throw new BackupFileError(`${file} is incomplete (cut short). Use another backup.`);
      throw new BackupFileError(
        `${file} is not a backup made by npm run db:backup, or it is damaged (${(error as Error).message}).`,
      );
    }
  };

  const header = parse<BackupHeader>(await next(), "the header", file);
  if (header?.format !== FORMAT) throw new BackupFileError(`${file} is not a backup made by npm run db:backup.`);
  if (header.version !== FORMAT_VERSION) {
    throw new BackupFileError(
      `${file} has backup format ${header.version}; this version of the app reads format ${FORMAT_VERSION}.`,
    );
  }
  const tables: TableEntry[] = [];
  let total = 0;
  for (;;) {
    const line = await next();
    const record = parse<Partial<TableEntry & { sequences: SequenceEntry[] }>>(line, "the list of sequences", file);
    if (record.sequences) {
      const end = parse<{ end?: boolean; tables?: number; rows?: number }>(await next(), "its end mark", file);
      if (end.end !== true || end.tables !== tables.length || end.rows !== total) {
        throw new BackupFileError(`${file} is damaged: its end mark does not match its contents. Use another backup.`);
      }
      return { header, tables, sequences: record.sequences, rows: total };
    }
    if (typeof record.table !== "string" || !Array.isArray(record.columns) || !Number.isInteger(record.rows)) {
      throw new BackupFileError(`${file} is damaged after table ${tables.at(-1)?.table ?? "(none)"}. Use another backup.`);
    }
    const entry = record as TableEntry;
    let batch: string[] = [];
    let chars = 0;
    for (let i = 0; i < entry.rows; i++) {
      const row = await next();
      if (row === undefined)
        throw new BackupFileError(`${file} is incomplete: table ${entry.table} is cut short. Use another backup.`);
      if (!row.startsWith("{")) throw new BackupFileError(`${file} is damaged in table ${entry.table}. Use another backup.`);
      batch.push(row);
      chars += row.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
        await onRows?.(entry, batch);
        batch = [];
        chars = 0;
      }
    }
    if (batch.length) await onRows?.(entry, batch);
    tables.push(entry);
    total += entry.rows;
  }
}
