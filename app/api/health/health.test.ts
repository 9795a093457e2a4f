// Liveness never needs the database; readiness does (issue 12 item 8). This file's server points
// at a port where no database listens, as in an outage.
import { describe, expect, it } from "vitest";

describe("the health checks during a database outage", () => {
  it("answers liveness 200 without the database, and readiness 503 in plain Chinese", async () => {
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:9/none";
    const { GET: live } = await import("./live/route");
    const { GET: ready } = await import("./ready/route");
    const alive = live();
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ status: "ok" });
    const notReady = await ready();
    expect(notReady.status).toBe(503);
    expect((await notReady.json()).error.message).toBe("数据库暂时无法连接，请稍后再试。");
  });
});
