// CSV files that staff and inspectors open in Excel: the one place that writes them.

export type CsvCell = string | number;

/** A spreadsheet would run a cell starting with = + - @ as a formula; a leading apostrophe keeps it text. */
export function csvCell(value: CsvCell): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark, CRLF line ends: Excel on Windows then shows the Chinese correctly. */
export function toCsv(header: readonly CsvCell[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
