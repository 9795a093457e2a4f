// Safe retries (issue 25 item 3): the same Idempotency-Key and request within 24 hours answer
// exactly as the first time without booking twice; the same key with another request is refused;
// a key is claimed once even by requests sent at the same moment.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadHolidayCalendar } from "@/lib/holidays/queries";
import { createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { addDays, toIsoOffset } from "@/lib/time";
import { POST as cancel } from "./bookings/[code]/cancel/route";
import { POST as book } from "./bookings/route";

const post = (body: unknown, key?: string) =>
  new Request("http://test/api/v1/bookings", {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
    body: JSON.stringify(body),
  });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

async function bookingBody() {
  const f = await createVenueFixture();
  const calendar = await loadHolidayCalendar();
  const day = Array.from({ length: 20 }, (_, i) => i + 1).find((d) => calendar.dayKind(addDays(f.today, d)) !== "holiday") ?? 1;
  return {
    f,
    body: {
      venue: f.venue.slug,
      start: toIsoOffset(f.slotOn(day)),
      name: "重试村民",
      phone: uniquePhone(),
      topic: "marriage",
      consent: true,
    },
  };
}

describe("Idempotency-Key", () => {
  it("answers a retry exactly as the first time, booking once", async () => {
    const { f, body } = await bookingBody();
    const key = randomUUID();
    const first = await book(post(body, key));
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    const again = await book(post(body, key));
    expect(again.status).toBe(201);
    expect(await again.text()).toBe(firstBody);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(1);

    // A cancel retried answers the same too; a refusal is kept as it was answered.
    const code = (JSON.parse(firstBody) as { code: string }).code;
    const cancelKey = randomUUID();
    const cancelled = await cancel(post({ phone: body.phone }, cancelKey), params({ code }));
    const retried = await cancel(post({ phone: body.phone }, cancelKey), params({ code }));
    expect([cancelled.status, retried.status]).toEqual([200, 200]);
    expect(await retried.text()).toBe(await cancelled.text());
  });

  it("refuses the same key with another request (422) and a malformed key (400), booking nothing", async () => {
    const { f, body } = await bookingBody();
    const key = randomUUID();
    expect((await book(post(body, key))).status).toBe(201);
    const other = await book(post({ ...body, name: "另一个人" }, key));
    expect(other.status).toBe(422);
    expect((await other.json()).error).toMatchObject({
      code: "idempotency_key_reused",
      message: expect.stringMatching(/换一个新的/),
    });
    const malformed = await book(post({ ...body, phone: uniquePhone() }, "a key with spaces"));
    expect(malformed.status).toBe(400);
    expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(1);
  });

  it("runs a key once when the same request arrives ten times at once", async () => {
    const { f, body } = await bookingBody();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => book(post(body, key))));
    const statuses = answers.map((a) => a.status);
    // One ran; the others were told it is being answered, or were replayed its answer.
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const a of answers.filter((x) => x.status === 409)) {
      expect((await a.json()).error.code).toBe("request_in_progress");
      expect(a.headers.get("retry-after")).toBe("1");
    }
    expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(1);
  });
});
