// The service units and the nginx example that docs/operations.md tells a district's IT team to copy:
// the units pass systemd's own check, run scripts that exist, and stop within the 10 seconds the
// web server needs; the proxy sends http to https and passes on the headers the app reads.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./lib/migrations.ts";

const UNITS = ["muzhou-web.service", "muzhou-worker.service"];
const read = (file: string) => readFileSync(path.join(ROOT, "deploy", file), "utf8");
const scripts = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;

describe("deploy/systemd", () => {
  it("passes systemd-analyze verify", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "muzhou-units-"));
    try {
      for (const unit of UNITS) copyFileSync(path.join(ROOT, "deploy/systemd", unit), path.join(dir, unit));
      // Debian ships systemd-analyze with systemd; where it is missing, the checks below still hold.
      if (existsSync("/usr/bin/systemd-analyze")) {
        const result = spawnSync("/usr/bin/systemd-analyze", ["verify", ...UNITS.map((u) => path.join(dir, u))], {
          encoding: "utf8",
        });
        expect(result.stderr + result.stdout).toBe("");
        expect(result.status).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("run npm scripts that exist and exec their process, and stop within 10 seconds", () => {
    for (const unit of UNITS) {
      const text = read(`systemd/${unit}`);
      for (const [, script] of text.matchAll(/^Exec\w*=\/usr\/bin\/npm run (?:--silent )?(\S+)/gm)) {
        expect(scripts[script], `${unit}: npm run ${script}`).toBeDefined();
      }
      const start = /^ExecStart=\/usr\/bin\/npm run --silent (\S+)$/m.exec(text)?.[1] ?? "";
      // The signal must reach the app itself, not a shell that would leave it running; and the app
      // runs as compiled JavaScript, without a TypeScript loader (issue 21 item 4).
      expect(scripts[start]).toMatch(/\bexec node (--conditions=react-server )?scripts\/run\.mjs (serve|worker)$/);
      expect(text).toMatch(/^TimeoutStopSec=10$/m);
      expect(text).toMatch(/^EnvironmentFile=\/etc\/muzhou\/env$/m);
    }
  });
});

describe("deploy/nginx/muzhou.conf", () => {
  it("sends http to https, holds the certificate lines, and passes on the headers the app reads", () => {
    const conf = read("nginx/muzhou.conf");
    expect(conf).toMatch(/listen 80;[\s\S]*return 301 https:\/\/\$host\$request_uri;/);
    expect(conf).toMatch(/listen 443 ssl;/);
    expect(conf).toMatch(/ssl_certificate\s+\S+;/);
    expect(conf).toMatch(/ssl_certificate_key\s+\S+;/);
    for (const header of [
      "Host $host",
      "X-Forwarded-Host $host",
      "X-Forwarded-Proto https",
      "X-Forwarded-For $proxy_add_x_forwarded_for",
    ]) {
      expect(conf).toContain(`proxy_set_header ${header};`);
    }
    // Braces balance: a copy that nginx -t would refuse for a missing one fails here first.
    expect((conf.match(/{/g) ?? []).length).toBe((conf.match(/}/g) ?? []).length);
  });
});
