import { randomBytes } from "node:crypto";
import type { JobHelpers } from "graphile-worker";
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/testing/fixtures";
import { dequeue, enqueue, JOBS, jobTask } from "./jobs";

type Row = { task: string; key: string; queue: string | null; runAt: Date; maxAttempts: number };
const jobByKey = async (key: string) =>
  (
    await prisma.$queryRaw<Row[]>`SELECT task_identifier AS task, key, queue_name AS queue, run_at AS "runAt",
      max_attempts AS "maxAttempts" FROM graphile_worker.jobs WHERE key = ${key}`
  )[0];

describe("enqueue and dequeue", () => {
  it("queue a job with the registry's name, key, queue and attempts, in the caller's transaction", async () => {
    const bookingId = `b-${randomBytes(4).toString("hex")}`;
    const runAt = new Date(Date.now() + 3_600_000);
    await prisma.$transaction(async (tx) => enqueue(tx, "expireHold", { bookingId }, { runAt }));
    expect(await jobByKey(`hold:${bookingId}`)).toMatchObject({
      task: "expire_hold",
      queue: "waitlist",
      runAt,
      maxAttempts: 25,
    });
    await prisma.$transaction(async (tx) => dequeue(tx, "expireHold", { bookingId }));
    expect(await jobByKey(`hold:${bookingId}`)).toBeUndefined();
  });

  it("leave nothing queued when the change's transaction rolls back", async () => {
    const key = `m-${randomBytes(4).toString("hex")}`;
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueue(tx, "sendMessage", { key });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await jobByKey(key)).toBeUndefined();
  });

  it("refuse a payload the registry does not describe, queueing nothing", async () => {
    await expect(prisma.$transaction(async (tx) => enqueue(tx, "closeAttendance", { attendanceId: "" }))).rejects.toThrow();
    expect(await jobByKey("attendance:")).toBeUndefined();
  });
});

describe("jobTask", () => {
  const helpers = () =>
    ({ addJob: vi.fn(), logger: { error: vi.fn() } }) as unknown as JobHelpers & { addJob: ReturnType<typeof vi.fn> };

  it("runs the work with the checked payload, and queues the same job again when it answers later", async () => {
    const later = new Date(Date.now() + 60_000);
    const work = vi.fn(async () => ({ later }));
    const h = helpers();
    await jobTask("closeAttendance", work)({ attendanceId: "a1" }, h);
    expect(work).toHaveBeenCalledWith({ attendanceId: "a1" }, h);
    expect(h.addJob).toHaveBeenCalledWith(
      JOBS.closeAttendance.name,
      { attendanceId: "a1" },
      {
        runAt: later,
        jobKey: "attendance:a1",
        queueName: undefined,
        maxAttempts: undefined,
      },
    );
  });

  it("drops a job whose payload does not parse, without running the work or trying again", async () => {
    const work = vi.fn(async () => undefined);
    const h = helpers();
    await jobTask("sendMessage", work)({ nope: true }, h);
    expect(work).not.toHaveBeenCalled();
    expect(h.addJob).not.toHaveBeenCalled();
    expect(h.logger.error).toHaveBeenCalled();
  });
});
