// npm start (and npm run dev): database up, migrations applied, seed, build when needed, then serve.
// Without DATABASE_URL the embedded PostgreSQL runs alongside and stops with the app.

import "./lib/load-settings.ts";
import path from "node:path";
import { settings } from "../lib/env.ts";
import { buildIsStale } from "./lib/build.ts";
import { DATA_DIR, openDatabase } from "./lib/database.ts";
import { readOrCreateSecret } from "./lib/embedded-db.ts";
import { nextBuild, prepareDatabase, runNext, runServer, runWorker } from "./lib/next-server.ts";
import { startupPublicAddress } from "./lib/public-address.ts";

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
const address = await startupPublicAddress(db.url);
console.log(
  address.real
    ? `Text messages, QR codes and posters carry ${address.base}/ (${address.source === "environment" ? "PUBLIC_BASE_URL" : "set in the staff console, 网站设置"}).`
    : `Text messages, QR codes and posters carry ${address.base}/, which villagers cannot open: an administrator sets the site's public address in the staff console (网站设置, /staff/settings), or set PUBLIC_BASE_URL (docs/operations.md), before printing posters or sending texts.`,
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
