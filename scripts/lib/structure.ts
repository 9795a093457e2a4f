// The layering the code keeps (README "Layout"), checked by `npm test`:
// - app/ is routing: it never imports the database client;
// - components/ know no database: no lib/db, no lib/*/queries or lib/*/mutations;
// - lib/ never imports app/;
// - no two lib/ domains depend on each other, directly or round a longer cycle;
// - a domain folder lib/<domain>/ holds only the agreed file names (below), tests beside them,
//   and sub-concern folders that keep the same vocabulary. Any other name is pure logic (slot
//   generation, the holiday calendar, a code generator): it must have its test beside it and may
//   not import `server-only` or the database client.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The vocabulary of a domain folder; anything else goes in a file of one of these names or out of the domain. */
export const DOMAIN_FILES = [
  "schema.ts", // zod schemas and inferred types; safe in the browser
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
