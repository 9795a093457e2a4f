// Runs npm start's launcher (start), the web server (serve) or the worker (worker) as compiled JavaScript under plain Node, with
// no TypeScript loader in the process (a production server needs none: issue 21 item 4). The
// bundle (our own code in one file; packages stay in node_modules) is made by esbuild into
// .next/muzhou/ when it is missing or older than its sources, then imported here.
//   node scripts/run.mjs start [--dev]
//   node scripts/run.mjs serve
//   node --conditions=react-server scripts/run.mjs worker
//   node scripts/run.mjs build      (both bundles, after `next build`: npm run build)
// Plain JavaScript so that it runs before anything is compiled.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = path.resolve(import.meta.dirname, "..");
/** Two levels below the root, as scripts/lib/ is: the bundled ROOT (scripts/lib/migrations.ts) stays right. */
export const BUNDLE_DIR = path.join(ROOT, ".next/muzhou");
export const ENTRIES = {
  start: "scripts/start.ts",
  prepare: "scripts/prepare.ts",
  serve: "scripts/serve.ts",
  worker: "scripts/worker.ts",
};
const SOURCES = ["scripts", "lib", "prisma", "tsconfig.json", "package-lock.json"];

function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newest(path.join(target, name))), stat.mtimeMs);
}

export function bundleFile(name) {
  return path.join(BUNDLE_DIR, `${name}.mjs`);
}

/** Compiles the entry `name` (serve or worker) when its bundle is missing or older than the sources. */
export async function ensureBundle(name) {
  const out = bundleFile(name);
  if (existsSync(out) && statSync(out).mtimeMs >= Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))))) return out;
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    write: false,
    absWorkingDir: ROOT,
    entryPoints: [ENTRIES[name]],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    packages: "external",
    tsconfig: "tsconfig.json",
    conditions: name === "worker" ? ["react-server"] : [],
    sourcemap: "linked",
    logLevel: "warning",
  });
  await esbuild.stop();
  // Written beside and renamed into place: a process starting meanwhile reads the old bundle or the new, never half of one.
  mkdirSync(BUNDLE_DIR, { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return out;
}

const name = process.argv[2];
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (name === "build") {
    for (const entry of Object.keys(ENTRIES)) console.log(`Compiled ${path.relative(ROOT, await ensureBundle(entry))}`);
    process.exit(0);
  }
  if (!(name in ENTRIES)) {
    console.error(`Usage: node scripts/run.mjs ${[...Object.keys(ENTRIES), "build"].join("|")}`);
    process.exit(64);
  }
  // Stack traces in the log name the TypeScript sources.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(await ensureBundle(name)).href);
}
