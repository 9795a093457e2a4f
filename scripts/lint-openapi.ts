// The OpenAPI document as outside tools read it (issue 25 item 5): Redocly's linter with its
// recommended rules, offline, on the document the server answers at /api/v1/openapi.json.
// Part of npm test's static step; fails on any error or warning.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openApiDocument } from "../lib/api/openapi.ts";
import { ROOT } from "./lib/migrations.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "openapi-"));
const file = path.join(dir, "openapi.json");
writeFileSync(file, JSON.stringify(openApiDocument, null, 2));
const result = spawnSync(
  process.execPath,
  [path.join(ROOT, "node_modules/@redocly/cli/bin/cli.js"), "lint", file, "--extends", "recommended", "--max-problems", "100"],
  { encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
);
rmSync(dir, { recursive: true, force: true });
const output = `${result.stdout}\n${result.stderr}`;
process.stdout.write(output);
const clean = result.status === 0 && !/warning/i.test(output.replace(/0 warnings?/gi, ""));
process.exit(clean ? 0 : 1);
