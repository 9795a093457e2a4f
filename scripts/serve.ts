// The production web server: Next.js's own request handler behind a plain Node HTTP server that
// does the two things `next start` cannot:
// - it decides the client's address (for the sign-in and look-up limits) from the socket, or from
//   the X-Forwarded-For entries added by TRUSTED_PROXY_HOPS reverse proxies, and hands Next.js that
//   one address; `next start` keeps whatever X-Forwarded-For the client itself sent;
// - it answers TRACE with the site's 405 (Next.js turns it into a 500 in English; Node itself
//   answers a method it does not know, such as TRACK, with a 400), a request target that is no
//   path ("GET * HTTP/1.1") with the site's 400, and drops empty X-Forwarded-Host/-Proto headers.
// Started by scripts/start.ts, the e2e server and the benchmark; PORT and HOSTNAME as for `next start`.
import "./lib/load-settings.ts";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { settings } from "../lib/env.ts";
import { captureConsoleOutput, log } from "../lib/log.ts";
import { metrics, routeOf } from "../lib/metrics.ts";
import {
  clientAddressFrom,
  dropEmptyForwardedHeaders,
  earlyRefusal,
  frameworkFailureIsMalformedInput,
  isUnder,
  malformedRequestAnswer,
  malformedTargetAnswer,
  methodNotAllowedAnswer,
  SECURITY_HEADERS,
} from "../lib/security.ts";
import { ROOT } from "./lib/migrations.ts";

const { PORT: port, HOSTNAME: hostname, TRUSTED_PROXY_HOPS: trustedHops } = settings();
const REFUSED = new Set(["TRACE"]);

// Next.js's own lines (start-up, its error reports) go to the log as JSON events like ours.
captureConsoleOutput();
const app = next({ dev: false, dir: ROOT, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

async function send(res: ServerResponse, answer: Response) {
  for (const { key, value } of SECURITY_HEADERS) answer.headers.set(key, value);
  answer.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  res.writeHead(answer.status, Object.fromEntries(answer.headers));
  res.end(await answer.text());
}

/**
 * For requests where a framework 500 means the sender's malformed input (lib/security.ts
 * frameworkFailureIsMalformedInput), the 500 Next.js is about to send is replaced, before any of it
 * leaves, by the site's 400 in Chinese. A 500 whose headers have already gone out stays as it is.
 */
function answerMalformedInputFailures(req: IncomingMessage, res: ServerResponse, pathname: string) {
  if (!frameworkFailureIsMalformedInput(req.method, pathname, req.headers)) return;
  const { writeHead, write, end } = res;
  let swallowing = false;
  const failing = (status = res.statusCode) => !res.headersSent && status >= 500;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    if (failing(status)) {
      swallowing = true;
      return this;
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as typeof res.writeHead;
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    if (swallowing || failing()) {
      swallowing = true;
      const done = args.find((a) => typeof a === "function") as (() => void) | undefined;
      done?.();
      return true;
    }
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof res.write;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!(swallowing || failing())) return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    res.writeHead = writeHead;
    res.write = write;
    res.end = end;
    for (const name of res.getHeaderNames()) if (name !== "x-request-id") res.removeHeader(name);
    log.warn({ requestId: req.headers["x-request-id"], method: req.method, path: pathname }, "malformed request answered 400");
    void send(res, malformedRequestAnswer(pathname));
    return this;
  } as typeof res.end;
}

/** A request id a proxy sent (X-Request-Id), when it looks like one; else a new one. */
function requestIdOf(sent: string | string[] | undefined): string {
  return typeof sent === "string" && /^[\w.:-]{1,64}$/.test(sent) ? sent : randomUUID();
}

const server = createServer(async (req, res) => {
  const started = performance.now();
  // Parsed once: the request target may be anything ("*", an absolute URL that does not parse);
  // the path is what is logged and checked, and a target that is no path is refused below.
  const url = URL.parse(req.url ?? "/", "http://site") ?? new URL("http://site/");
  const id = requestIdOf(req.headers["x-request-id"]);
  req.headers["x-request-id"] = id;
  res.setHeader("X-Request-Id", id);
  // One access line per request: the path without its query's values (a phone number may be one).
  res.once("finish", () => {
    const seconds = (performance.now() - started) / 1000;
    metrics.requests.observe({ method: req.method ?? "", route: routeOf(url.pathname), status: String(res.statusCode) }, seconds);
    log.info(
      {
        requestId: id,
        method: req.method,
        path: url.pathname,
        query: url.search ? [...new Set(url.searchParams.keys())] : undefined,
        status: res.statusCode,
        ms: Math.round(seconds * 1000),
      },
      "request",
    );
  });
  const malformed = malformedTargetAnswer(req.url);
  if (malformed) return send(res, malformed);
  if (REFUSED.has(req.method ?? "")) return send(res, methodNotAllowedAnswer(url.pathname));
  // proxy.ts skips the public API (to keep it fast): its malformed paths and unused methods are refused here.
  const refused = isUnder(url.pathname, "/api/v1") ? earlyRefusal(req.method ?? "", url.pathname) : null;
  if (refused) return send(res, refused);
  dropEmptyForwardedHeaders(req.headers);
  answerMalformedInputFailures(req, res, url.pathname);
  req.headers["x-forwarded-for"] = clientAddressFrom(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustedHops);
  await handle(req, res);
});
server.listen(port, hostname, () => {
  log.info({ port, hostname: hostname ?? null }, `Serving on http://${hostname ?? "localhost"}:${port}`);
});

/** How long requests in flight may take to finish after a stop signal; a service manager waits 10 s. */
const DRAIN_MS = 8_000;

// A stop signal: take no new connections, let requests in flight finish (idle keep-alive
// connections are closed at once, busy ones as soon as their answer is sent), then exit.
function stop() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  idle.unref();
  setTimeout(() => process.exit(0), DRAIN_MS).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
