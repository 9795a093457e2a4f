// The presence connection is shared by the claim and the minute's sweep: both at once must queue on
// it, not send a query while another runs (pg's DeprecationWarning, an error in pg 9).
import { describe, expect, it } from "vitest";
import { workerPresence } from "./worker-presence.ts";

describe("workerPresence", () => {
  it("claims and sweeps at the same moment without two queries at once on its connection", async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", listen);
    const presence = await workerPresence(process.env.DATABASE_URL as string, (error) => {
      throw error;
    });
    try {
      const ids = Array.from({ length: 5 }, (_, i) => `presence-test-${process.pid}-${i}`);
      await Promise.all([...ids.map((id) => presence.claim(id)), presence.releaseDead(), presence.releaseDead()]);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.startsWith("DeprecationWarning"))).toEqual([]);
    } finally {
      process.off("warning", listen);
      await presence.close();
    }
  });
});
