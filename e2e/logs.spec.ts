// The web server's log as an operator reads it (issue 21 item 9): one JSON line per event with time,
// level and message; an access line per request with its id, method, path (no query values),
// status and duration; and no phone number, name or note anywhere, though a villager booked and
// looked up their booking with them. `npm run serve` on the e2e server's database, its output read.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { randomPhone } from "./pages/booking-pages";
import { startApp } from "./support/app-process";

test("every line is JSON with a request id; a booking's phone, name and note never appear", async ({ request }) => {
  test.setTimeout(90_000);
  const { app: server, base } = await startApp(["run", "--silent", "serve"], {
    env: { TRUSTED_PROXY_HOPS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (chunk) => {
    output += chunk.toString("utf8");
  });
  try {
    const phone = randomPhone();
    const name = `日志测试${randomBytes(2).toString("hex")}`;
    const note = `欠薪的细节${randomBytes(2).toString("hex")}`;
    // The first free time at a workroom few other specs book at.
    let venue = "";
    let slot: { start: string; lawyer: { id: string } } | undefined;
    for (const slug of ["longquan", "lianyao", "gutian", "dongcheng", "huangbu", "station"]) {
      const answer = (await (await request.get(`${base}/api/v1/venues/${slug}/slots`)).json()) as {
        slots: { start: string; lawyer: { id: string } }[];
      };
      [slot] = answer.slots;
      venue = slug;
      if (slot) break;
    }
    if (!slot) throw new Error("no venue of the demo seed has a free time");
    const booked = await request.post(`${base}/api/v1/bookings`, {
      headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}`, "x-request-id": "logs-spec-1" },
      data: {
        venue,
        start: slot.start,
        lawyerId: slot.lawyer.id,
        name,
        phone,
        topic: "other",
        description: note,
        consent: true,
      },
    });
    expect(booked.status()).toBe(201);
    expect(booked.headers()["x-request-id"]).toBe("logs-spec-1");
    const { code } = (await booked.json()) as { code: string };
    expect((await request.get(`${base}/api/v1/bookings/${code}?phone=${phone}`)).status()).toBe(200);
    await expect.poll(() => output.includes(`/api/v1/bookings/${code}`)).toBe(true);

    const lines = output.split("\n").filter(Boolean);
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const event of events) {
      expect(typeof event.time).toBe("string");
      expect(typeof event.level).toBe("string");
      expect(typeof event.msg).toBe("string");
    }
    const access = events.find((e) => e.msg === "request" && e.method === "POST" && e.path === "/api/v1/bookings");
    expect(access).toMatchObject({ requestId: "logs-spec-1", status: 201, ms: expect.any(Number) });
    const lookup = events.find((e) => e.msg === "request" && e.path === `/api/v1/bookings/${code}`);
    expect(lookup).toMatchObject({ method: "GET", status: 200, query: ["phone"], requestId: expect.any(String) });
    for (const secret of [phone, name, note]) expect(output).not.toContain(secret);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
});
