// The server Playwright tests against: the production build (`next start`) on its own
// throwaway database with the demo seed, removed again when Playwright stops it.
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { e2eDatabaseUrlFile } from "../e2e/support/database.ts";
import { createPrismaClient } from "../lib/db-client.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
import { runServer } from "./lib/next-server.ts";
import { createTestDatabase } from "./lib/test-database.ts";

const port = process.argv[2] ?? "3001";
const database = await createTestDatabase("e2e");
const prisma = createPrismaClient(database.url);
await seedDatabase(prisma, { demo: true });
await prisma.$disconnect();
// Specs that need a state the demo seed lacks (a venue with no duty hours) create it themselves
// in this database, and remove it again, so other specs keep seeing the seed alone.
writeFileSync(e2eDatabaseUrlFile(port), database.url, { mode: 0o600 });

const server = runServer(
  { port, hostname: "127.0.0.1" },
  {
    DATABASE_URL: database.url,
    NODE_ENV: "production",
    NEXTAUTH_SECRET: randomBytes(24).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    // Specs stand for clients at other addresses by sending X-Forwarded-For, as one reverse proxy
    // would; a request without it is the socket's, 127.0.0.1.
    TRUSTED_PROXY_HOPS: "1",
  },
);
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  rmSync(e2eDatabaseUrlFile(port), { force: true });
  await database.drop();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", stop);
