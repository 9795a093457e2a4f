// npm start (and npm run dev): database up, migrations applied, seed, build when needed, then serve.
// Without DATABASE_URL the embedded PostgreSQL runs alongside and stops with the app.

import "./lib/load-settings.ts";
import path from "node:path";
import { publicAddressIsReal, publicUrl, settings } from "../lib/env.ts";
import { buildIsStale } from "./lib/build.ts";
import { DATA_DIR, openDatabase } from "./lib/database.ts";
import { readOrCreateSecret } from "./lib/embedded-db.ts";
import { nextBuild, prepareDatabase, runNext, runServer, runWorker } from "./lib/next-server.ts";

const dev = process.argv.includes("--dev");
const { PORT: port, HOSTNAME: hostname, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: authUrl } = settings();

// The embedded database is watched and started again should it die (issue 20 item 6).
const db = await openDatabase(undefined, { restartOnCrash: true });
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await db.stop();
  process.exit(code);
}

try {
  console.log(db.embedded ? "Using the embedded PostgreSQL (data in .data/)." : "Using the PostgreSQL at DATABASE_URL.");
  await prepareDatabase({ DATABASE_URL: db.url }, db.embedded);
  if (!dev && buildIsStale()) {
    console.log("Building the app (first start or sources changed)…");
    await nextBuild();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

// Sessions are signed with NEXTAUTH_SECRET; without one, a random secret is kept in .data/.
if (!secret) {
  if (!db.embedded) {
    console.warn(
      "NEXTAUTH_SECRET is not set: using a generated one kept in .data/auth-secret. Several web servers must share one: set NEXTAUTH_SECRET on each (docs/operations.md).",
    );
  }
  process.env.NEXTAUTH_SECRET = await readOrCreateSecret(path.join(DATA_DIR, "auth-secret"));
}
// What every text message, QR code and poster will carry: say it, and say when nobody else can open it.
let address = "";
try {
  address = publicUrl("/");
} catch {
  console.error("PUBLIC_BASE_URL must be the site's public address, such as https://fw.example.gov.cn (docs/operations.md).");
  await shutdown(1);
}
console.log(
  publicAddressIsReal()
    ? `Text messages, QR codes and posters carry ${address}.`
    : `Text messages, QR codes and posters carry ${address}, which villagers cannot open: set PUBLIC_BASE_URL to the site's public address (docs/operations.md) before printing posters or sending texts.`,
);
const env = {
  DATABASE_URL: db.url,
  // Behind no proxy: next-auth may take the host from the request.
  ...(authUrl ? {} : { AUTH_TRUST_HOST: "true" }),
};
const server = dev ? runNext(["dev", "-p", String(port)], env) : runServer({ port: String(port), hostname }, env);
// The text messages go out from a worker beside the web server (npm run worker runs one alone).
const worker = runWorker({ DATABASE_URL: db.url });
worker.on("exit", (code, signal) => {
  if (!stopping && signal === null && code !== 0)
    console.error("The text-message worker stopped; messages wait in the queue until it runs again.");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    worker.kill(signal);
    server.kill(signal);
  });
}
server.on("exit", (code) => shutdown(code ?? 0));
