// Every audit entry the code writes reads in Chinese on /staff/audit (issue 13 item 13): each
// action and kind named in the sources has its label.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_KINDS } from "./schema";

const LIB = path.resolve(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "generated" ? [] : sources(full);
    return /\.ts$/.test(entry) && !/\.test\.ts$/.test(entry) ? [full] : [];
  });
}

const found = (pattern: RegExp) =>
  new Set(sources(LIB).flatMap((file) => [...readFileSync(file, "utf8").matchAll(pattern)].map((m) => m[1])));

describe("the audit log's labels", () => {
  it("name every action the code records", () => {
    const actions = found(/\baction: "([a-z_]+)"/g);
    expect(actions.size).toBeGreaterThan(10);
    expect([...actions].filter((a) => !(a in AUDIT_ACTIONS))).toEqual([]);
  });

  it("name every kind the code records", () => {
    const kinds = new Set(
      sources(LIB).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/\bkind: "([a-z_]+)", action:/g)].map((m) => m[1])),
    );
    expect(kinds.size).toBeGreaterThan(3);
    expect([...kinds].filter((k) => !(k in AUDIT_KINDS))).toEqual([]);
  });
});
