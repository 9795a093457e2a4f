// The server Playwright tests against: the production build (`next start`) on its own
// throwaway database with the demo seed, removed again when Playwright stops it.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { e2eDatabaseUrlFile } from "../e2e/support/database.ts";
import { createPrismaClient } from "../lib/db-client.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
import { runServer, runWorker } from "./lib/next-server.ts";
import { createTestDatabase } from "./lib/test-database.ts";

const port = process.argv[2] ?? "3001";
const database = await createTestDatabase("e2e");
const prisma = createPrismaClient(database.url);
await seedDatabase(prisma, { demo: true });
await prisma.$disconnect();
// Specs that need a state the demo seed lacks (a venue with no duty hours) create it themselves
// in this database, and remove it again, so other specs keep seeing the seed alone.
writeFileSync(e2eDatabaseUrlFile(port), database.url, { mode: 0o600 });

const env = {
  DATABASE_URL: database.url,
  NODE_ENV: "production",
  NEXTAUTH_SECRET: randomBytes(24).toString("base64url"),
  AUTH_TRUST_HOST: "true",
  // Specs stand for clients at other addresses by sending X-Forwarded-For, as one reverse proxy
  // would; a request without it is the socket's, 127.0.0.1.
  TRUSTED_PROXY_HOPS: "1",
  // The public address that posters and text messages print: localhost, not the 127.0.0.1 the
  // specs browse, so a spec can tell the configured address from the request's own.
  PUBLIC_BASE_URL: `http://localhost:${port}`,
  // e2e/metrics.spec.ts reads /api/metrics from "another machine" with it.
  METRICS_TOKEN: "e2e-metrics-token",
};
const server = runServer({ port, hostname: "127.0.0.1" }, env);
// The worker, as npm start runs it: text messages go to the outbox, freed slots to the waitlist.
const worker = runWorker({ ...env, SMS_GATEWAY: "outbox" }, "ignore");
/** SIGTERM, then SIGKILL if the child has not exited after 5 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  // The worker holds database connections: the database stops only once it has gone.
  await stopChild(worker);
  rmSync(e2eDatabaseUrlFile(port), { force: true });
  await database.drop();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", stop);
