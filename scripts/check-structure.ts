// npm test's layering check: prints each problem and exits non-zero when there is one.

import { ROOT } from "./lib/migrations.ts";
import { checkStructure } from "./lib/structure.ts";

const problems = checkStructure(ROOT);
for (const problem of problems) console.error(`✗ ${problem}`);
console.log(problems.length ? `${problems.length} layering problem(s).` : "Layering OK.");
process.exit(problems.length ? 1 : 0);
