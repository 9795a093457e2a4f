// The streamed workbook waits for its reader: a slow download reads the rows slowly, an abandoned
// one stops reading them, and neither keeps the rows written so far in memory.
import { describe, expect, it } from "vitest";
import { streamWorkbook } from "./xlsx";

const ROWS = 300_000;

/** A workbook of ROWS rows in batches of 1,000, and how many rows it has written so far. */
function bigBook() {
  const progress = { rows: 0, finished: false };
  const stream = streamWorkbook("测试", async (book, roomFor) => {
    const sheet = book.addWorksheet("明细");
    for (let i = 0; i < ROWS; i++) {
      sheet.addRow([String(i), "一些中文文字", i, "0750-6123456"]).commit();
      progress.rows++;
      if (i % 1000 === 999) await roomFor(sheet);
    }
    sheet.commit();
    progress.finished = true;
  });
  return { stream, progress };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("streamWorkbook", () => {
  it("writes rows only as fast as they are read", { timeout: 60_000 }, async () => {
    const { stream, progress } = bigBook();
    const reader = stream.getReader();
    let bytes = 0;
    // Read the first 100 KB, then stop reading for a while: once the buffers between the sheet and
    // the answer are full (about a megabyte each, of XML and of zip), the writing stops too.
    while (bytes < 100_000) {
      const r = await reader.read();
      if (r.done) throw new Error("ended early");
      bytes += r.value.byteLength;
    }
    let seen = -1;
    for (let i = 0; i < 30 && progress.rows !== seen; i++) {
      seen = progress.rows;
      await pause(500);
    }
    expect(progress.rows).toBe(seen);
    expect(progress.finished).toBe(false);
    // Reading on, it ends with every row written.
    for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
    expect(progress.finished).toBe(true);
    expect(progress.rows).toBe(ROWS);
  });

  it("stops writing when the download is abandoned", async () => {
    const { stream, progress } = bigBook();
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    await pause(300);
    const after = progress.rows;
    await pause(200);
    expect(progress.rows).toBe(after);
    expect(progress.finished).toBe(false);
  });
});
