// The layering the code keeps (README "Layout"), checked by `npm test`:
// - app/ is routing: it never imports the database client;
// - components/ know no database: no lib/db, no lib/*/queries or lib/*/mutations;
// - lib/ never imports app/;
// - no two lib/ domains depend on each other, directly or round a longer cycle;
// - a domain folder lib/<domain>/ holds only the agreed file names (below), tests beside them,
//   and sub-concern folders that keep the same vocabulary. Any other name is pure logic (slot
//   generation, the holiday calendar, a code generator): it must have its test beside it and may
//   not import `server-only` or the database client;
// - code that runs in the browser (a "use client" module and what it imports, up to a
//   "use server" module, whose functions reach the browser only as references) never loads zod:
//   the server checks every input, and zod with its messages would be most of a public page's
//   JavaScript. A form takes its limits (NOTE_MAX) from a zod-free rules.ts instead.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The vocabulary of a domain folder; anything else goes in a file of one of these names or out of the domain. */
export const DOMAIN_FILES = [
  "schema.ts", // zod schemas and inferred types; the server's (the browser takes only types from it)
  "queries.ts", // reads (server-only)
  "mutations.ts", // writes and transactions (server-only)
  "actions.ts", // "use server" form actions, thin
  "rules.ts", // pure logic: no database, no I/O; tested beside it
  "export.ts", // files for download (CSV, XLSX, iCalendar)
  "cache.ts", // a process-local cache and what clears it
  "access.ts", // what this device may see (cookies)
] as const;

/** Folders under lib/ that are infrastructure, not domains: their own names. */
export const INFRASTRUCTURE = new Set(["auth", "api", "testing", "generated"]);

const SOURCE = /\.(ts|tsx|mjs)$/;
const TEST = /\.test\.tsx?$/;
const IMPORT = /(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(".") || entry === "node_modules") continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (SOURCE.test(entry)) out.push(full);
  }
  return out;
}

/** The repository-relative path an import names, or null for a package. */
function resolve(root: string, from: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.relative(root, path.resolve(path.dirname(path.join(root, from)), specifier));
  return null;
}

const domainOf = (file: string): string | null => {
  const [top, domain, ...rest] = file.split("/");
  return top === "lib" && rest.length > 0 && !INFRASTRUCTURE.has(domain) ? domain : null;
};

export function checkStructure(root: string): string[] {
  const problems: string[] = [];
  const files = ["app", "components", "lib"]
    .flatMap((dir) => walk(path.join(root, dir)))
    .map((f) => path.relative(root, f).split(path.sep).join("/"));
  const edges = new Map<string, Set<string>>();

  for (const file of files) {
    if (file.startsWith("lib/generated/")) continue;
    const text = readFileSync(path.join(root, file), "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const target = resolve(root, file, match[1] ?? match[2] ?? match[3]);
      if (!target) continue;
      const bare = target.replace(/\.(ts|tsx|mjs)$/, "");
      if (file.startsWith("app/") && /^lib\/db(-client)?$/.test(bare))
        problems.push(`${file}: app/ imports the database client (${bare}); load through a lib/ query instead`);
      if (
        file.startsWith("components/") &&
        (/^lib\/db(-client)?$/.test(bare) || /^lib\/[^/]+\/(.+\/)?(queries|mutations)$/.test(bare))
      )
        problems.push(`${file}: components/ import ${bare}; pass the data in as props from the page`);
      if (file.startsWith("lib/") && bare.startsWith("app/")) problems.push(`${file}: lib/ imports ${bare} from app/`);
      const from = domainOf(file);
      const to = domainOf(bare);
      if (from && to && from !== to && !TEST.test(file)) {
        if (!edges.has(from)) edges.set(from, new Set());
        edges.get(from)?.add(to);
      }
    }
    const domain = domainOf(file);
    const name = path.basename(file);
    if (domain && !TEST.test(name) && !(DOMAIN_FILES as readonly string[]).includes(name)) {
      const test = path.join(root, file.replace(/\.tsx?$/, ".test.ts"));
      const impure = /["']server-only["']|["']@\/lib\/db["']/.test(text);
      if (!existsSync(test) || impure)
        problems.push(
          `${file}: not a domain file name (${DOMAIN_FILES.join(", ")}); other names are for pure logic with a test beside it`,
        );
    }
  }

  for (const cycle of cyclesOf(edges)) problems.push(`lib/ domains depend on each other: ${cycle.join(" → ")}`);
  problems.push(...browserProblems(root, files));
  problems.push(...scopeProblems(root, files));
  return problems;
}

/**
 * Pages whose data is not one town's: the deployment's own settings (its public address). Every
 * other staff page reads in a town's scope.
 */
export const DEPLOYMENT_PAGES = new Set(["app/(staff)/staff/settings/page.tsx"]);

/**
 * Staff data is read in a scope minted from the session (issue 23 item 2, lib/auth/scope.ts): each
 * staff page gets it from requireTownScope, each district page from requireDistrictScope, and so
 * has the value its queries require. A page that checked only a role would have none to pass.
 */
function scopeProblems(root: string, files: string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const rule = file.startsWith("app/(staff)/")
      ? "requireTownScope"
      : file.startsWith("app/(district)/")
        ? "requireDistrictScope"
        : null;
    if (!rule || !file.endsWith("/page.tsx") || DEPLOYMENT_PAGES.has(file)) continue;
    if (!readFileSync(path.join(root, file), "utf8").includes(`${rule}(`))
      problems.push(`${file}: a ${rule === "requireTownScope" ? "staff" : "district"} page gets its scope from ${rule}`);
  }
  return problems;
}

/** Packages no module the browser loads may import. */
const SERVER_PACKAGES = /^(zod)(\/|$)/;
const DIRECTIVE = (name: string) => new RegExp(`^(?:\\s*(?://[^\\n]*|/\\*[\\s\\S]*?\\*/))*\\s*["']use ${name}["']`);
const USE_CLIENT = DIRECTIVE("client");
const USE_SERVER = DIRECTIVE("server");
/** Statements that bring values, not types alone (`import type`, `import { type A }` are erased). */
const VALUE_IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(?!type\s)([^;]*?)\s+from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']/g;
const typesOnly = (clause: string) =>
  /^\{[^}]*\}$/.test(clause.trim()) &&
  clause
    .replace(/[{}\s]/g, "")
    .split(",")
    .filter(Boolean)
    .every((n) => n.startsWith("type"));

/** Each "use client" module that reaches a server package, with the path it takes. */
function browserProblems(root: string, files: string[]): string[] {
  const known = new Set(files);
  const sourceOf = (bare: string): string | null =>
    ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => bare + ext).find((f) => known.has(f)) ?? null;
  const text = new Map<string, string>();
  const read = (file: string) => text.get(file) ?? text.set(file, readFileSync(path.join(root, file), "utf8")).get(file) ?? "";
  const problems: string[] = [];
  for (const entry of files) {
    if (TEST.test(entry) || !USE_CLIENT.test(read(entry))) continue;
    const seen = new Set<string>();
    const visit = (file: string, trail: string[]): string | null => {
      if (seen.has(file)) return null;
      seen.add(file);
      const source = read(file);
      if (file !== entry && USE_SERVER.test(source)) return null;
      for (const match of source.matchAll(VALUE_IMPORT)) {
        const [clause, specifier] = match[3] ? ["", match[3]] : [match[1], match[2]];
        if (clause && typesOnly(clause)) continue;
        if (SERVER_PACKAGES.test(specifier)) return [...trail, file, specifier].join(" → ");
        const target = resolve(root, file, specifier);
        const next = target && sourceOf(target.replace(/\.(ts|tsx|mjs)$/, ""));
        const found = next ? visit(next, [...trail, file]) : null;
        if (found) return found;
      }
      return null;
    };
    const found = visit(entry, []);
    if (found)
      problems.push(`${entry}: the browser would load ${found}; take the constants a form needs from a zod-free rules.ts`);
  }
  return problems;
}

/** Each dependency cycle once, as the domains round it. */
function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (node: string, trail: string[]) => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      const cycle = trail.slice(at);
      const key = [...cycle].sort().join(",");
      if (!seen.has(key)) {
        seen.add(key);
        cycles.push([...cycle, node]);
      }
      return;
    }
    if (trail.length > edges.size) return;
    for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
  };
  for (const node of edges.keys()) visit(node, []);
  return cycles;
}
