// npm run db:seed — venues and topics always; demo lawyers and accounts only on the embedded demo database.
// npm run db:seed -- --year adds a year of demo activity for the dashboard and the year's figures.
// npm run db:seed -- --district adds Xinhui's other ten towns (README lists their demo accounts).
// npm run db:seed -- --district --years 3 adds three years of the district's demo activity
// (about 200,000 bookings; prisma/seed/district-years.ts); --years without --district, 睦洲's only.
import "./lib/load-settings.ts";
import { createPrismaClient } from "../lib/db-client.ts";
import { settings } from "../lib/env.ts";
import { seedDistrictYears } from "../prisma/seed/district-years.ts";
import { seedDatabase, seedDistrict } from "../prisma/seed/index.ts";
import { runWithDatabase } from "./lib/database.ts";

const args = process.argv.slice(2);
const district = args.includes("--district");
const yearsAt = args.indexOf("--years");
const years = yearsAt < 0 ? null : Number(args[yearsAt + 1] ?? 3);
if (years !== null && !(Number.isInteger(years) && years >= 1 && years <= 10)) {
  console.error("--years takes a whole number of years from 1 to 10, e.g. --years 3.");
  process.exit(1);
}

if (args.includes("--year")) {
  await import("./db-seed-year.ts");
} else {
  await runWithDatabase(async ({ url, embedded }) => {
    if (years !== null && !embedded && !settings().ALLOW_DEMO_YEAR) {
      throw new Error(
        "Years of demo data go only into the embedded demo database (or set ALLOW_DEMO_YEAR=1 for a demo DATABASE_URL).",
      );
    }
    const demo = embedded || years !== null;
    const prisma = createPrismaClient(url);
    try {
      await seedDatabase(prisma, { demo });
      if (district) await seedDistrict(prisma, { demo });
      const [towns, venues, topics, lawyers] = await Promise.all([
        prisma.town.count(),
        prisma.venue.count(),
        prisma.topic.count(),
        prisma.lawyer.count(),
      ]);
      console.log(`Seeded: ${towns} towns, ${venues} venues, ${topics} topics, ${lawyers} lawyers${demo ? " (demo data)" : ""}.`);
    } finally {
      await prisma.$disconnect();
    }
    if (years === null) return;
    const started = Date.now();
    const c = await seedDistrictYears(url, { years, towns: district ? undefined : ["muzhou"] });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      c.skipped
        ? `Years of demo activity are already there; nothing added (${seconds} s).`
        : `Seeded ${years} years of demo activity in ${seconds} s: ${c.bookings} bookings, ${c.walkIns} walk-ins, ${c.attendances} attendances, ${c.evaluations} evaluations, ${c.notifications} text messages, ${c.waitlist} waitlist entries, ${c.audit} audit entries, ${c.lookups} venue looks, ${c.callbacks} call-back requests, ${c.lawyers} village advisers.`,
    );
  });
}
