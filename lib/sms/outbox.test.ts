import { describe, expect, it } from "vitest";
import { outboxGateway } from "./outbox";

const evaluation = { name: "陈伯", code: "MZ7K3Q" };

describe("outboxGateway", () => {
  it("stores instead of sending, with an id of its own each time", async () => {
    const outbox = outboxGateway();
    expect(outbox.name).toBe("outbox");
    const first = await outbox.send("13812345678", "evaluation", evaluation);
    const second = await outbox.send("13812345678", "evaluation", evaluation);
    expect(first).toEqual({
      ok: true,
      id: expect.stringMatching(/^outbox-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      status: "stored",
    });
    expect(second).toMatchObject({ ok: true, status: "stored" });
    expect(first.ok && second.ok && first.id !== second.id).toBe(true);
  });

  it("refuses what a real gateway would refuse: a landline, a missing variable", async () => {
    const outbox = outboxGateway();
    expect(await outbox.send("0750-6123456", "evaluation", evaluation)).toEqual({
      ok: false,
      retryable: false,
      reason: "not a mobile number",
    });
    expect(await outbox.send("13812345678", "evaluation", { name: "陈伯" })).toEqual({
      ok: false,
      retryable: false,
      reason: "missing template parameter: code",
    });
  });
});
