import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inlineStyleHashes } from "./inline-styles";

describe("inlineStyleHashes", () => {
  it("gives the CSP hash of every stylesheet under the build's static files, and none without a build", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "inline-styles-"));
    try {
      mkdirSync(path.join(dir, "chunks"));
      const css = "body{font-size:18px}";
      writeFileSync(path.join(dir, "chunks", "a.css"), css);
      writeFileSync(path.join(dir, "chunks", "a.js"), "console.log(1)");
      const expected = `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
      expect(inlineStyleHashes(dir)).toEqual([expected]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(inlineStyleHashes(path.join(os.tmpdir(), "no-such-build"))).toEqual([]);
  });
});
