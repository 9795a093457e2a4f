// The project brings its own Node (the `node` package from the registry) and every npm script runs
// under it, whatever Node the machine has (issue 12 item 12).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./lib/migrations.ts";

describe("the runtime", () => {
  it("is Node 24 LTS, the one package.json depends on and its engines name", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(Number(process.versions.node.split(".")[0])).toBe(24);
    expect(pkg.dependencies.node).toMatch(/^\^24\./);
    expect(pkg.engines.node).toBe(">=24.11");
  });
});
