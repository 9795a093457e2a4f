// QR codes for print (posters, contact cards): the symbol as one SVG path, drawn by the page as
// inline SVG. Pure: no I/O, so it renders on the server and is tested beside it.
import QRCode from "qrcode";

/**
 * Q (a quarter of the symbol may be lost) for posters, which weather on village notice boards; M
 * (15 %) is the least we print, for the small contact cards where bigger modules matter more.
 */
export type QrLevel = "M" | "Q" | "H";

/** The light border around the symbol, in modules: the standard's minimum, which scanners need. */
export const QUIET_ZONE = 4;

export type QrSymbol = {
  /** Width and height of the viewBox in modules, quiet zone included. */
  size: number;
  /**
   * The dark modules as one path to stroke 1 unit wide: per row `M x y.5 h w`, then `m gap 0 h w`
   * for each further run (the form qrcode's own SVG uses; half the bytes of filled squares).
   */
  path: string;
  version: number;
  level: QrLevel;
};

export function createQrSymbol(text: string, { level = "Q" }: { level?: QrLevel } = {}): QrSymbol {
  const { modules, version } = QRCode.create(text, { errorCorrectionLevel: level });
  const n = modules.size;
  let path = "";
  for (let row = 0; row < n; row++) {
    let end: number | null = null; // where the pen stands after the row's last run
    for (let col = 0; col < n; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      path += end === null ? `M${start + QUIET_ZONE} ${row + QUIET_ZONE + 0.5}` : `m${start - end} 0`;
      path += `h${col - start}`;
      end = col;
    }
  }
  return { size: n + 2 * QUIET_ZONE, path, version, level };
}
