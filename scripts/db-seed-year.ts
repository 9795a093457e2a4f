// npm run db:seed -- --year (or: tsx scripts/db-seed-year.ts) — the demo seed plus a year of demo
// activity for the dashboard and the year's figures. Only on the embedded demo database: it invents
// bookings, so it refuses a DATABASE_URL unless ALLOW_DEMO_YEAR=1 says that database is a demo too.
import "./lib/load-settings.ts";
import { createPrismaClient } from "../lib/db-client.ts";
import { settings } from "../lib/env.ts";
import { seedDemoYear } from "../prisma/seed/demo-year.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
import { runWithDatabase } from "./lib/database.ts";

await runWithDatabase(async ({ url, embedded }) => {
  if (!embedded && !settings().ALLOW_DEMO_YEAR) {
    throw new Error(
      "A year of demo data goes only into the embedded demo database (or set ALLOW_DEMO_YEAR=1 for a demo DATABASE_URL).",
    );
  }
  const prisma = createPrismaClient(url);
  try {
    await seedDatabase(prisma, { demo: true });
    const started = Date.now();
    const counts = await seedDemoYear(prisma);
    console.log(
      counts.skipped
        ? "A year of demo data is already there; nothing added."
        : `Seeded a year of demo data: ${counts.bookings} bookings, ${counts.walkIns} walk-ins, ${counts.attendances} attendances, ${counts.lookups} venue looks, ${counts.callbacks} call-back requests (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
  } finally {
    await prisma.$disconnect();
  }
});
