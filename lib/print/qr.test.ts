import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { createQrSymbol, type QrSymbol, QUIET_ZONE } from "./qr";

/** The symbol as the browser paints it: the path's runs, stroked one module high, filled into a grid. */
function rasterise({ size, path }: QrSymbol): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  let read = 0;
  for (const [command, op, a, b] of path.matchAll(/([Mmh])(\d+(?:\.5)?)(?: (\d+(?:\.5)?))?/g)) {
    const [da, db] = [Number(a), Number(b ?? 0)];
    if (op === "M") [x, y] = [da, db];
    else if (op === "m") [x, y] = [x + da, y + db];
    else {
      for (let i = 0; i < da; i++) grid[Math.floor(y)][x + i] = true;
      x += da;
    }
    read += command.length;
  }
  expect(read).toBe(path.length); // nothing in the path that the commands above do not account for
  return grid;
}

/** RGBA pixels, `scale` pixels a module, black on white, for jsQR. */
function pixels(grid: boolean[][], scale = 4): { data: Uint8ClampedArray; width: number } {
  const width = grid.length * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      if (!grid[Math.floor(y / scale)][Math.floor(x / scale)]) continue;
      const at = (y * width + x) * 4;
      data[at] = data[at + 1] = data[at + 2] = 0;
    }
  }
  return { data, width };
}

// The error-correction level as a scanner reads it: the format information beside the top-left
// finder (column 8), unmasked, its top two bits (ISO/IEC 18004 table 12: L 01, M 00, Q 11, H 10).
function levelOf(grid: boolean[][]): string {
  const symbol = grid.slice(QUIET_ZONE, -QUIET_ZONE).map((row) => row.slice(QUIET_ZONE, -QUIET_ZONE));
  const n = symbol.length;
  let bits = 0;
  for (let i = 0; i < 15; i++) {
    const row = i < 6 ? i : i < 8 ? i + 1 : n - 15 + i;
    if (symbol[row][8]) bits |= 1 << i;
  }
  return ["M", "L", "H", "Q"][((bits ^ 0x5412) >> 13) & 0b11];
}

describe("createQrSymbol", () => {
  const url = "https://fw.example.gov.cn/venues/muzhou-shequ";

  it("draws a symbol that a scanner reads back as the address", () => {
    const { data, width } = pixels(rasterise(createQrSymbol(url)));
    expect(jsQR(data, width, width)?.data).toBe(url);
  });

  it("uses error correction Q by default and M when asked, never less", () => {
    expect(levelOf(rasterise(createQrSymbol(url)))).toBe("Q");
    const card = createQrSymbol(url, { level: "M" });
    expect(card.level).toBe("M");
    expect(levelOf(rasterise(card))).toBe("M");
    const { data, width } = pixels(rasterise(card));
    expect(jsQR(data, width, width)?.data).toBe(url);
  });

  it("keeps a quiet zone of four light modules on every side", () => {
    const grid = rasterise(createQrSymbol(url));
    const edge = (i: number) => i < QUIET_ZONE || i >= grid.length - QUIET_ZONE;
    const darkInBorder = grid.some((row, y) => row.some((dark, x) => dark && (edge(x) || edge(y))));
    expect(darkInBorder).toBe(false);
    expect(grid[QUIET_ZONE][QUIET_ZONE]).toBe(true); // the finder pattern starts right after it
  });

  it("stays small enough for 4 cm on a poster: a station address fits in version 4 (33 modules)", () => {
    const symbol = createQrSymbol("http://localhost:3000/venues/village-15");
    expect(symbol.version).toBeLessThanOrEqual(4);
    expect(symbol.size).toBe(17 + 4 * symbol.version + 2 * QUIET_ZONE);
  });
});
