// npm run db:seed — venues and topics always; demo lawyers and accounts only on the embedded demo database.
import { createPrismaClient } from "../lib/db-client.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
import { runWithDatabase } from "./lib/database.ts";

await runWithDatabase(async ({ url, embedded }) => {
  const prisma = createPrismaClient(url);
  try {
    await seedDatabase(prisma, { demo: embedded });
    const [venues, topics, lawyers] = await Promise.all([prisma.venue.count(), prisma.topic.count(), prisma.lawyer.count()]);
    console.log(`Seeded: ${venues} venues, ${topics} topics, ${lawyers} lawyers${embedded ? " (demo data)" : ""}.`);
  } finally {
    await prisma.$disconnect();
  }
});
