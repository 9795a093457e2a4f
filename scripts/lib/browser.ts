// The Chromium the end-to-end tests (and the benchmark's Lighthouse) drive, found without
// downloading anything: CHROMIUM_PATH when set; Debian's /usr/bin/chromium when installed; else the
// Chromium inside the npm package @sparticuz/chromium (the devDependency "chromium-for-tests"),
// unpacked once into .cache/ with the few libraries it needs (NSS, NSPR, expat) and its fonts, so
// that `npm install && npm test` works on a machine with nothing else installed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { settings } from "../../lib/env.ts";
import { ROOT } from "./migrations.ts";

export type FoundChromium = {
  executablePath: string;
  /** Where it came from, for the test run's first lines. */
  source: string;
  /** What the browser's process needs in its environment (the packaged Chromium's libraries and fonts). */
  env: Record<string, string>;
};

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const PACKAGE = path.join(ROOT, "node_modules/chromium-for-tests");

/** The packaged Chromium, unpacked into `cacheDir` (once: later calls find it there). */
export async function packagedChromium(cacheDir: string): Promise<FoundChromium> {
  const { version } = JSON.parse(readFileSync(path.join(PACKAGE, "package.json"), "utf8")) as { version: string };
  const dir = path.join(cacheDir, `chromium-${version}`);
  mkdirSync(dir, { recursive: true });
  // The package unpacks into os.tmpdir(), which follows TMPDIR: point it at our own folder for the
  // time it takes, so that nothing else's /tmp/chromium (such as the old engine's) is taken or overwritten.
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    const { default: chromium, inflate } = await import("chromium-for-tests");
    const executablePath = await chromium.executablePath();
    const libraries = path.join(dir, "al2023", "lib");
    if (!existsSync(libraries)) {
      await inflate(path.join(PACKAGE, "bin", "al2023.tar.br"));
    }
    // The package's fonts.conf names Lambda's folders; ours names where its fonts were unpacked, and
    // the system's fonts (a CJK font, where one is installed, for screenshots people look at).
    const fontconfig = path.join(dir, "fontconfig");
    mkdirSync(fontconfig, { recursive: true });
    writeFileSync(
      path.join(fontconfig, "fonts.conf"),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${path.join(dir, "fonts", "fonts")}</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${path.join(dir, "fonts-cache")}</cachedir>\n</fontconfig>\n`,
    );
    return {
      executablePath,
      source: `Chromium ${version} from the npm package @sparticuz/chromium (no ${SYSTEM_CHROMIUM} here)`,
      env: { LD_LIBRARY_PATH: libraries, FONTCONFIG_PATH: fontconfig },
    };
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
}

export async function findChromium({
  systemPath = SYSTEM_CHROMIUM,
  cacheDir = path.join(ROOT, ".cache"),
}: {
  systemPath?: string;
  cacheDir?: string;
} = {}): Promise<FoundChromium> {
  const configured = settings().CHROMIUM_PATH;
  if (configured) return { executablePath: configured, source: `CHROMIUM_PATH (${configured})`, env: {} };
  if (existsSync(systemPath)) return { executablePath: systemPath, source: `the system's Chromium (${systemPath})`, env: {} };
  return packagedChromium(cacheDir);
}
