// npm start's preparation of the database: the pending migrations, then the seed (demo lawyers and
// accounts only with --demo, on the embedded database), on DATABASE_URL. A process of its own, so
// that the launcher, which stays up for the app's lifetime, does not keep the migration engine and
// the Prisma client in memory.
import "./lib/load-settings.ts";
import { createPrismaClient } from "../lib/db-client.ts";
import { env } from "../lib/env.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
import { applyMigrations } from "./lib/migrations.ts";

const url = env().DATABASE_URL;
try {
  const applied = await applyMigrations(url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const prisma = createPrismaClient(url);
  await seedDatabase(prisma, { demo: process.argv.includes("--demo") });
  await prisma.$disconnect();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
process.exit(0);
