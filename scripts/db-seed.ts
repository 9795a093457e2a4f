// npm run db:seed — venues and topics always; demo lawyers and accounts only on the embedded demo database.
// npm run db:seed -- --year adds a year of demo activity for the dashboard and the year's figures.
// npm run db:seed -- --district adds Xinhui's other ten towns (README lists their demo accounts).
import "./lib/load-settings.ts";
import { createPrismaClient } from "../lib/db-client.ts";
import { seedDatabase, seedDistrict } from "../prisma/seed/index.ts";
import { runWithDatabase } from "./lib/database.ts";

if (process.argv.includes("--year")) {
  await import("./db-seed-year.ts");
} else {
  await runWithDatabase(async ({ url, embedded }) => {
    const prisma = createPrismaClient(url);
    try {
      await seedDatabase(prisma, { demo: embedded });
      if (process.argv.includes("--district")) await seedDistrict(prisma, { demo: embedded });
      const [towns, venues, topics, lawyers] = await Promise.all([
        prisma.town.count(),
        prisma.venue.count(),
        prisma.topic.count(),
        prisma.lawyer.count(),
      ]);
      console.log(
        `Seeded: ${towns} towns, ${venues} venues, ${topics} topics, ${lawyers} lawyers${embedded ? " (demo data)" : ""}.`,
      );
    } finally {
      await prisma.$disconnect();
    }
  });
}
