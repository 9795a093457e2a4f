// The log: one JSON line per event with time, level and message; an error's stack inside that line;
// and never a phone number, a name or a note, however deep in the event they sit.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { log: createLogger(stream), lines };
}

describe("the log", () => {
  it("writes one JSON line per event with its time, level, request id and message", () => {
    const { log, lines } = capture();
    log.info({ requestId: "r-1", status: 201 }, "request");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: "info", requestId: "r-1", status: 201, msg: "request" });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it("keeps an error's stack inside its one line", () => {
    const { log, lines } = capture();
    log.error({ err: new Error("数据库连接断开") }, "route handler failed");
    expect(lines).toHaveLength(1);
    const { err } = JSON.parse(lines[0]);
    expect(err).toMatchObject({ type: "Error", message: "数据库连接断开" });
    expect(err.stack).toContain("log.test.ts");
  });

  it("writes an error's type, message, stack and code, not the driver's client it carries", () => {
    const { log, lines } = capture();
    const error = Object.assign(new Error("terminating connection"), {
      code: "57P01",
      client: { connectionParameters: { user: "postgres", database: "muzhou", password: "secret" } },
    });
    log.warn({ err: error }, "pool: an idle connection ended");
    const event = JSON.parse(lines[0]);
    expect(Object.keys(event.err).sort()).toEqual(["code", "message", "stack", "type"]);
    expect(lines[0]).not.toContain("connectionParameters");
  });

  it("never writes a phone number, a name or a note, at any depth", () => {
    const { log, lines } = capture();
    const villager = { name: "梁婆婆", phone: "13912345678", note: "儿子欠薪", village: "南镇村" };
    log.info({ ...villager, booking: villager, input: { booking: villager } }, "booking made");
    log.warn({ sms: { text: "您的预约已确认：13912345678" } }, "sms");
    const text = lines.join("\n");
    for (const secret of ["梁婆婆", "13912345678", "儿子欠薪", "南镇村"]) expect(text).not.toContain(secret);
    expect(JSON.parse(lines[0]).booking.phone).toBe("[隐去]");
  });
});
