// XLSX files sent as they are written (issue 24 item 3): ExcelJS's streaming writer, its zip piped
// into the HTTP answer, so a year of a district's services costs the memory of one batch of rows,
// not of the whole workbook. The one place that streams workbooks; lib/csv.ts is its CSV twin.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { log } from "./log";

export type StreamedBook = ExcelJS.stream.xlsx.WorkbookWriter;
export type StreamedSheet = ExcelJS.Worksheet;

/** The download went away (the person closed the page): stop reading the database. */
export class DownloadClosed extends Error {
  constructor() {
    super("download closed");
  }
}

/**
 * The workbook `fill` writes, as a web stream of the zip's bytes. `fill` adds sheets in order,
 * commits each before the next (a sheet's zip entry begins when the one before it ends), commits
 * rows as it goes and awaits `roomFor` between batches. An error after the first bytes cannot be a
 * JSON problem any more: it is logged and the download ends broken, as a dropped connection would.
 */
export function streamWorkbook(
  creator: string,
  fill: (book: StreamedBook, roomFor: (sheet: StreamedSheet) => Promise<void>) => Promise<void>,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  book.creator = creator;
  const roomFor = (sheet: StreamedSheet) => waitForRoom(book, sheet, out);
  (async () => {
    await fill(book, roomFor);
    await book.commit();
  })().catch((error: unknown) => {
    if (!(error instanceof DownloadClosed)) log.error({ err: error }, "streamed workbook failed");
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return webStreamOf(out);
}

/**
 * The zip's bytes as the web stream a Response sends, read only as fast as it is sent. (Node's
 * Readable.toWeb enqueued data after a cancel and threw outside any handler: a download
 * abandoned halfway would end the server.)
 */
function webStreamOf(out: PassThrough): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        out.on("data", (chunk: Buffer) => {
          if (done) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) out.pause();
        });
        out.once("end", () => {
          if (!done) controller.close();
          done = true;
        });
        out.once("error", (error) => {
          if (!done) controller.error(error);
          done = true;
        });
        out.pause();
      },
      pull() {
        out.resume();
      },
      cancel() {
        done = true;
        out.destroy();
      },
    },
    { highWaterMark: 1 << 16, size: (chunk) => chunk.byteLength },
  );
}

/** The internals of ExcelJS and archiver that hold bytes not yet sent (none has a public measure). */
type Held = { _readableState?: { length: number }; _writableState?: { length: number } };
type SheetStream = { pipes: Held[]; buffers: unknown[] };

/** Bytes allowed to wait at each step between the rows and the answer before the next batch is read. */
const BACKLOG = 1 << 20;

/**
 * Waits until the rows written so far have moved on towards the answer. Two steps of the zip do
 * not wait for the step after them: ExcelJS hands a sheet's XML to its zip entry without waiting
 * (utils/stream-buf.js: a sheet's own buffers until the entry starts, then the entry's writable
 * side), and archiver keeps what it zipped in its readable side however full. So when the person
 * downloads more slowly than the database reads, the bytes would pile up there; here the reading
 * waits instead, looking every 10 ms (only while the download lags). Throws DownloadClosed when
 * the answer is gone.
 */
async function waitForRoom(book: StreamedBook, sheet: StreamedSheet, out: PassThrough): Promise<void> {
  const stream = (sheet as unknown as { stream: SheetStream }).stream;
  const zip = (book as unknown as { zip: Held }).zip;
  for (;;) {
    if (out.destroyed) throw new DownloadClosed();
    const entry = stream.pipes[0];
    const unzipped = entry ? (entry._writableState?.length ?? 0) : stream.buffers.length * 65_536;
    const zipped = zip._readableState?.length ?? 0;
    if (unzipped <= BACKLOG && zipped <= BACKLOG) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
