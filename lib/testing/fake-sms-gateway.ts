// A fake SMS gateway on 127.0.0.1 for the adapters' tests (lib/sms/aliyun.test.ts,
// lib/sms/tencent.test.ts): each test file says how to read a request (checking its signature as
// the real gateway would) and what the real gateway answers a wrong one; the fake records every
// request and answers what the test sets, or never answers ("hang"). The behaviours every adapter
// must share are tested once here, against each adapter.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { MessageKind, SmsGateway } from "@/lib/sms/gateway";

export type FakeReply = { status: number; contentType?: string; body: string };
export type FakeAnswer = FakeReply | "hang";

export interface FakeGateway<R> {
  /** http://127.0.0.1:<port>, once the file's tests have started. */
  readonly endpoint: string;
  /** What the fake answers a well-signed request. */
  answer: FakeAnswer;
  /** The requests since the test began. */
  readonly received: R[];
}

/**
 * Starts the fake before the file's tests and stops it after them. `inspect` reads one request:
 * what the test gets back of it and, when the real gateway would refuse it, the refusal.
 */
export function fakeGatewayForTests<R>(
  inspect: (req: IncomingMessage, body: Buffer) => { record: R; refusal?: FakeReply },
): FakeGateway<R> {
  let server: Server;
  let port = 0;
  const fake = {
    get endpoint() {
      return `http://127.0.0.1:${port}`;
    },
    answer: "hang" as FakeAnswer,
    received: [] as R[],
  };
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        res.setHeader("connection", "close"); // no kept-alive sockets left between tests
        const { record, refusal } = inspect(req, Buffer.concat(chunks));
        fake.received.push(record);
        if (fake.answer === "hang") return; // never answers; the adapter must give up on its own
        const reply = refusal ?? fake.answer;
        res.writeHead(reply.status, { "content-type": reply.contentType ?? "application/json;charset=utf-8" });
        res.end(reply.body);
      });
    });
    port = await listen(server);
  });
  afterEach(() => {
    server.closeAllConnections(); // the hanging ones
    fake.received.length = 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return fake;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

/** A port on which nothing listens (it was open a moment ago). */
async function closedPort(): Promise<number> {
  const closed = createServer();
  const port = await listen(closed);
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  return port;
}

/** The tests every adapter must pass: time-outs, refused connections, what it must not send, and its secret. */
export function sharedGatewayTests<R>(options: {
  fake: FakeGateway<R>;
  gateway: (overrides?: { endpoint?: string }) => SmsGateway;
  /** As the adapter names its gateway in a time-out: "Aliyun SMS". */
  provider: string;
  secret: string;
  kind: MessageKind;
  values: Record<string, string>;
  /** A success and a permanent refusal, as this gateway answers them. */
  ok: FakeReply;
  refusal: FakeReply;
}) {
  const { fake, gateway, kind, values } = options;

  it("gives up on a gateway that never answers, quickly and retryably", async () => {
    fake.answer = "hang";
    const started = Date.now();
    const result = await gateway().send("13812345678", kind, values);
    expect(result).toEqual({
      ok: false,
      retryable: true,
      reason: `time-out: no answer from ${options.provider} within 300 ms (the message may still arrive)`,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.received).toHaveLength(1);
  });

  it("retries when nothing listens on the endpoint", async () => {
    const result = await gateway({ endpoint: `http://127.0.0.1:${await closedPort()}` }).send("13812345678", kind, values);
    expect(result).toMatchObject({ ok: false, retryable: true, reason: expect.stringContaining("ECONNREFUSED") });
  });

  it("sends nothing for a landline or a missing variable", async () => {
    fake.answer = options.ok;
    for (const landline of ["0750-6123456", "07506123456"]) {
      expect(await gateway().send(landline, kind, values)).toEqual({
        ok: false,
        retryable: false,
        reason: "not a mobile number",
      });
    }
    const { place: _, ...withoutPlace } = values;
    expect(await gateway().send("13812345678", kind, withoutPlace)).toEqual({
      ok: false,
      retryable: false,
      reason: "missing template parameter: place",
    });
    expect(fake.received).toEqual([]);
  });

  it("keeps the secret out of what it answers", async () => {
    fake.answer = options.refusal;
    const g = gateway();
    const result = await g.send("13812345678", kind, values);
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(JSON.stringify(result)).not.toContain(options.secret);
    expect(JSON.stringify(g)).not.toContain(options.secret);
  });
}
