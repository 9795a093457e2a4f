// CSV files that staff and inspectors open in Excel: the one place that writes them.

export type CsvCell = string | number;

/** A spreadsheet would run a cell starting with = + - @ as a formula; a leading apostrophe keeps it text. */
export function csvCell(value: CsvCell): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of a file, with its CRLF. */
export function csvLine(row: readonly CsvCell[]): string {
  return `${row.map(csvCell).join(",")}\r\n`;
}

/** UTF-8 with a byte-order mark, CRLF line ends: Excel on Windows then shows the Chinese correctly. */
export function toCsv(header: readonly CsvCell[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${[header, ...rows].map(csvLine).join("")}`;
}

/**
 * The same file sent as its rows are read: the byte-order mark and header first, then one batch
 * of lines each time the reader asks for more, so a slow download reads the database slowly too.
 */
export function streamCsv(
  header: readonly CsvCell[],
  batches: AsyncIterable<readonly (readonly CsvCell[])[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
