// npm run db:migrate — apply pending migrations from prisma/migrations, offline.
// `--dir <folder>` applies another migrations folder (used by the tests).
import "./lib/load-settings.ts";
import path from "node:path";
import { runWithDatabase } from "./lib/database.ts";
import { applyMigrations, MIGRATIONS_DIR } from "./lib/migrations.ts";

const dirFlag = process.argv.indexOf("--dir");
const dir = dirFlag > 0 ? path.resolve(process.argv[dirFlag + 1] ?? "") : MIGRATIONS_DIR;

await runWithDatabase(async ({ url }) => {
  const applied = await applyMigrations(url, { dir });
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
});
