// Stopping `npm start` as a service manager does (issue 21 item 5): SIGTERM or SIGINT to its main
// process stops the whole tree (web server, worker) within 10 seconds, and a request in flight when
// the signal came is still answered. Run against the e2e server's database as an existing
// PostgreSQL, so nothing is started but the app itself (the build is the one the specs use).
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { startApp } from "./support/app-process";

/** Processes whose environment carries `mark`: the app's whole tree, whatever it was reparented to. */
function processesMarked(mark: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, "latin1").includes(`E2E_SHUTDOWN_MARK=${mark}`)) found.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found.filter((pid) => pid !== process.pid);
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} to npm start answers the request in flight and stops the whole tree within 10 s`, async () => {
    test.setTimeout(120_000);
    const mark = randomBytes(6).toString("hex");
    const { app, port } = await startApp(["start"], { env: { SMS_GATEWAY: "outbox", E2E_SHUTDOWN_MARK: mark } });
    expect(processesMarked(mark).length).toBeGreaterThanOrEqual(3); // npm's child, the server, the worker
    // Each runs compiled JavaScript under plain Node (issue 21 item 4): no TypeScript loader.
    const commands = processesMarked(mark).map((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" "));
    for (const role of ["start", "serve", "worker"])
      expect(
        commands.some((c) => c.includes(`scripts/run.mjs ${role}`)),
        role,
      ).toBe(true);
    expect(commands.filter((c) => /\btsx\b|\.ts\b/.test(c))).toEqual([]);

    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ name: "停机测试", phone: "13800000000", topic: "other", consent: true });
    const socket = net.connect({ host: "127.0.0.1", port });
    await new Promise((resolve) => socket.once("connect", resolve));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("utf8");
    });
    const ended = new Promise((resolve) => socket.once("close", resolve));
    socket.write(
      `POST /api/v1/bookings HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = Date.now();
    app.kill(signal);
    await new Promise((resolve) => setTimeout(resolve, 500));
    socket.end(body.slice(10));
    await ended;
    // Answered in the site's words (the booking itself is refused: it names no venue or time).
    expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
    expect(answer).toContain("invalid_input");

    await expect.poll(() => processesMarked(mark), { timeout: 10_000, intervals: [250] }).toEqual([]);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    // Nothing listens on the port any more.
    const refused = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
  });
}
