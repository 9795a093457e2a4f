// The production web server: Next.js's own request handler behind a plain Node HTTP server that
// does the two things `next start` cannot:
// - it decides the client's address (for the sign-in and look-up limits) from the socket, or from
//   the X-Forwarded-For entries added by TRUSTED_PROXY_HOPS reverse proxies, and hands Next.js that
//   one address; `next start` keeps whatever X-Forwarded-For the client itself sent;
// - it answers TRACE with the site's 405 (Next.js turns it into a 500 in English; Node itself
//   answers a method it does not know, such as TRACK, with a 400).
// Started by scripts/start.ts, the e2e server and the benchmark; PORT and HOSTNAME as for `next start`.
import { createServer } from "node:http";
import next from "next";
import { clientAddressFrom, methodNotAllowedAnswer, SECURITY_HEADERS } from "../lib/security.ts";
import { ROOT } from "./lib/migrations.ts";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const trustedHops = Math.max(0, Number.parseInt(process.env.TRUSTED_PROXY_HOPS ?? "0", 10) || 0);
const REFUSED = new Set(["TRACE"]);

const app = next({ dev: false, dir: ROOT, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer(async (req, res) => {
  if (REFUSED.has(req.method ?? "")) {
    const answer = methodNotAllowedAnswer(new URL(req.url ?? "/", "http://site").pathname);
    for (const { key, value } of SECURITY_HEADERS) answer.headers.set(key, value);
    answer.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(await answer.text());
    return;
  }
  req.headers["x-forwarded-for"] = clientAddressFrom(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustedHops);
  await handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`Serving on http://${hostname ?? "localhost"}:${port}`);
});

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 1500).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
