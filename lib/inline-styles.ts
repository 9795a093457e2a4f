// The stylesheets Next.js writes into each page as <style> (next.config.ts: experimental.inlineCss,
// issue 24 item 6) come without the page's nonce: React writes a hoisted stylesheet's nonce only
// when it is given one for styles apart from scripts, and Next.js gives it one for scripts. The
// policy lets them through by their hash instead, which allows that exact text and nothing else.
// The build's stylesheets do not change while the server runs: read and hashed once per process.
// React writes all of a page's stylesheets as one <style>, so the site keeps to one (app/globals.css,
// which imports the print components' rules): two would make a text whose hash is not listed here.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The build's own static files, where its stylesheets are (`.next/static/chunks/*.css` with Turbopack). */
const BUILT_STATIC = path.join(process.cwd(), ".next", "static");

let hashes: string[] | undefined;

/** `'sha256-…'` of every stylesheet in the build; none without a build (development). */
export function inlineStyleHashes(dir = BUILT_STATIC): string[] {
  if (dir !== BUILT_STATIC) return hashesOf(dir);
  hashes ??= hashesOf(dir);
  return hashes;
}

function hashesOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".css"))
    .sort()
    .map(
      (file) =>
        `'sha256-${createHash("sha256")
          .update(readFileSync(path.join(dir, file)))
          .digest("base64")}'`,
    );
}
