// npm run bench:scale (the third part of `npm run bench`) — issue 24 items 2 and 7, on the production
// build on loopback, in throwaway databases:
//   1. the town seed (睦洲's demo and a year of its activity) and the district seed (every town's
//      demo and three years of the district's, about 200,000 bookings) side by side, each behind a
//      production server of its own: p50 and p95 of the public pages, the slots API, a booking, the
//      staff dashboards, the year's report and a year's exports, and the p95's growth (≤ 1.5×);
//   2. on the district seed, bookings through the API (20 concurrent) beside the bare route that runs the
//      booking's own SQL through pg (scripts/fixtures/bench-bare/app/booking), and one client's
//      booking latency.
// The district seed takes one and a half to two and a half minutes; the whole run about ten.
// `--hold` then keeps both servers and databases up, prints their addresses and waits for SIGTERM
// (for EXPLAIN by hand).
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../lib/db-client.ts";
import { seedDemoYear } from "../prisma/seed/demo-year.ts";
import { seedDistrictYears } from "../prisma/seed/district-years.ts";
import { seedDatabase, seedDistrict } from "../prisma/seed/index.ts";
import { BARE_DIR, buildBare, tail, waitFor } from "./lib/bench-load.ts";
import { bookingFloor, type Server, scaleTable } from "./lib/bench-scale.ts";
import { buildIsStale } from "./lib/build.ts";
import { freePort } from "./lib/embedded-db.ts";
import { nextBuild, runNext, runServer } from "./lib/next-server.ts";
import { createTestDatabase } from "./lib/test-database.ts";

const FLOOR_SECONDS = 20;

async function main() {
  if (buildIsStale()) await nextBuild();
  await buildBare();
  const town = await createTestDatabase("scale-town");
  const district = await createTestDatabase("scale-district");
  const townPrisma = createPrismaClient(town.url);
  const districtPrisma = createPrismaClient(district.url);
  const children: ReturnType<typeof runServer>[] = [];
  try {
    let t = performance.now();
    await seedDatabase(townPrisma, { demo: true });
    const year = await seedDemoYear(townPrisma);
    console.log(`Town seed: ${year.bookings} bookings in a year of 睦洲, ${((performance.now() - t) / 1000).toFixed(1)} s.`);
    t = performance.now();
    await seedDatabase(districtPrisma, { demo: true });
    await seedDistrict(districtPrisma, { demo: true });
    const years = await seedDistrictYears(district.url, { years: 3 });
    console.log(
      `District seed: ${years.bookings} bookings in three years of every town, ${((performance.now() - t) / 1000).toFixed(1)} s.`,
    );
    for (const db of [townPrisma, districtPrisma]) await db.$executeRawUnsafe("ANALYZE");

    const start = async (name: string, url: string, prisma: typeof townPrisma): Promise<Server> => {
      const port = await freePort();
      const secret = randomBytes(24).toString("base64url");
      const child = runServer(
        { port: String(port), hostname: "127.0.0.1" },
        {
          DATABASE_URL: url,
          RATE_LIMIT_FACTOR: "100000",
          SMS_QUIET_HOURS: "00:00-00:00",
          NEXTAUTH_SECRET: secret,
          AUTH_TRUST_HOST: "true",
        },
        "pipe",
      );
      children.push(child);
      const output = tail(child);
      const base = `http://127.0.0.1:${port}`;
      await waitFor(`${base}/api/health`, `the ${name} server (${output()})`);
      return { name, base, prisma, secret, databaseUrl: url };
    };
    const townServer = await start("town", town.url, townPrisma);
    const districtServer = await start("district", district.url, districtPrisma);
    console.log("\nThe same requests on the town seed and on the district seed, in turns (town, district, district, town):");
    const scale = await scaleTable(townServer, districtServer);

    const barePort = await freePort();
    const bare = runNext(
      ["start", BARE_DIR, "-p", String(barePort), "-H", "127.0.0.1"],
      { NODE_ENV: "production", BENCH_BARE_DATABASE_URL: district.url },
      "pipe",
    );
    children.push(bare);
    const bareOutput = tail(bare);
    const bareBase = `http://127.0.0.1:${barePort}`;
    await waitFor(`${bareBase}/body`, `the bare fixture (${bareOutput()})`);
    const floor = await bookingFloor(districtServer, bareBase, FLOOR_SECONDS);

    console.log(`\n${scale.join("\n")}\n\n${floor.join("\n")}`);
    if (process.argv.includes("--hold")) {
      console.log(`\nHolding: town ${townServer.base} ${town.url}\ndistrict ${districtServer.base} ${district.url}`);
      await new Promise((resolve) => process.once("SIGTERM", resolve));
    }
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await townPrisma.$disconnect();
    await districtPrisma.$disconnect();
    await town.drop();
    await district.drop();
  }
}

await main();
process.exit(0);
