// The JSON API v1 against the real PostgreSQL: exact shapes, errors, and the concurrency guarantees.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { toIsoOffset } from "@/lib/time";
import { POST as cancel } from "./bookings/[code]/cancel/route";
import { POST as reschedule } from "./bookings/[code]/reschedule/route";
import { GET as getBooking } from "./bookings/[code]/route";
import { POST as book } from "./bookings/route";
import { GET as topics } from "./topics/route";
import { GET as slots } from "./venues/[slug]/slots/route";
import { GET as venues } from "./venues/route";

const post = (body: unknown) =>
  new Request("http://test/api", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

function body(f: Awaited<ReturnType<typeof createVenueFixture>>, start: Date, extra: Record<string, unknown> = {}) {
  return {
    venue: f.venue.slug,
    start: toIsoOffset(start),
    name: "村民甲",
    phone: uniquePhone(),
    topic: "marriage",
    consent: true,
    ...extra,
  };
}

describe("GET /api/v1/venues, /topics, /venues/{slug}/slots", () => {
  it("lists venues and topics in the documented shape", async () => {
    const f = await createVenueFixture();
    const list = (await (await venues()).json()) as { venues: Record<string, unknown>[] };
    expect(list.venues).toContainEqual({
      slug: f.venue.slug,
      name: f.venue.name,
      kind: "workroom",
      village: "测试村",
      address: "测试地址",
    });
    const t = (await (await topics()).json()) as { topics: { code: string; name: string }[] };
    expect(t.topics).toContainEqual({ code: "marriage", name: expect.any(String) });
  });

  it("gives free slots with +08:00 offsets, sorted, narrowed by from/to", async () => {
    const f = await createVenueFixture({ lawyers: 2 });
    const date = toIsoOffset(f.slotOn(3)).slice(0, 10);
    const response = await slots(new Request(`http://test/x?from=${date}&to=${date}`), params({ slug: f.venue.slug }));
    expect(response.status).toBe(200);
    const data = (await response.json()) as {
      timeZone: string;
      slots: { start: string; end: string; lawyer: { id: string; name: string } }[];
    };
    expect(data.timeZone).toBe("Asia/Shanghai");
    expect(data.slots).toHaveLength(12); // 2 lawyers × 09:00–12:00 in 30-minute slots
    expect(data.slots[0]).toEqual({
      start: `${date}T09:00:00+08:00`,
      end: `${date}T09:30:00+08:00`,
      lawyer: { id: expect.any(String), name: expect.any(String) },
    });
    const starts = data.slots.map((s) => s.start);
    expect([...starts].sort()).toEqual(starts);
  });

  it("answers 400 for malformed or impossible dates and ranges over 31 days, 404 for an unknown venue", async () => {
    const f = await createVenueFixture();
    for (const query of [
      "from=2026-13-01",
      "from=2026-02-30",
      "from=tomorrow",
      "from=2026-12-01&to=2027-01-15",
      "from=2026-12-10&to=2026-12-01",
    ]) {
      const response = await slots(new Request(`http://test/x?${query}`), params({ slug: f.venue.slug }));
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
    }
    const missing = await slots(new Request("http://test/x"), params({ slug: "no-such-venue" }));
    expect(missing.status).toBe(404);
  });
});

describe("bookings", () => {
  it("books, reads, moves and cancels in the documented shapes", async () => {
    const f = await createVenueFixture();
    const input = body(f, f.slotOn(1));
    const created = await book(post(input));
    expect(created.status).toBe(201);
    const booking = (await created.json()) as { code: string };
    expect(booking).toEqual({
      code: expect.stringMatching(/^[A-Z0-9]{6}$/),
      status: "confirmed",
      start: toIsoOffset(f.slotOn(1)),
      end: toIsoOffset(new Date(f.slotOn(1).getTime() + 30 * 60_000)),
      venue: { slug: f.venue.slug, name: f.venue.name, address: "测试地址" },
      lawyer: { id: f.lawyers[0].id, name: f.lawyers[0].name },
    });
    const read = await getBooking(new Request(`http://test/x?phone=${input.phone}`), params({ code: booking.code }));
    expect(await read.json()).toEqual(booking);

    const moved = await reschedule(post({ phone: input.phone, start: toIsoOffset(f.slotOn(2)) }), params({ code: booking.code }));
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { start: string }).start).toBe(toIsoOffset(f.slotOn(2)));

    const cancelled = await cancel(post({ phone: input.phone, reason: "不需要了" }), params({ code: booking.code }));
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as { status: string }).status).toBe("cancelled");
  });

  it("answers a wrong code and a wrong phone with the same 404", async () => {
    const f = await createVenueFixture();
    const input = body(f, f.slotOn(1));
    const { code } = (await (await book(post(input))).json()) as { code: string };
    const wrongPhone = await getBooking(new Request(`http://test/x?phone=${uniquePhone()}`), params({ code }));
    const wrongCode = await getBooking(new Request(`http://test/x?phone=${input.phone}`), params({ code: "AAAAAA" }));
    const badCode = await getBooking(new Request(`http://test/x?phone=${input.phone}`), params({ code: "no!" }));
    expect(wrongPhone.status).toBe(404);
    expect(await wrongPhone.json()).toEqual(await wrongCode.json());
    expect(badCode.status).toBe(404);
    expect((await cancel(post({ phone: uniquePhone() }), params({ code }))).status).toBe(404);
  });

  it("answers bad input with 400 invalid_input, fields keyed by name, and writes nothing", async () => {
    const f = await createVenueFixture();
    const before = await prisma.booking.count({ where: { venueId: f.venue.id } });
    const notJson = await book(post("{not json"));
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "invalid_input",
    });
    expect((await book(post("[1,2]"))).status).toBe(400);
    const bad = await book(post({ ...body(f, f.slotOn(1)), phone: "12345", consent: false, start: "tomorrow" }));
    expect(bad.status).toBe(400);
    const error = ((await bad.json()) as { error: { fields: Record<string, string> } }).error;
    expect(Object.keys(error.fields).sort()).toEqual(["consent", "phone", "start"]);
    expect(error.fields.phone).toMatch(/手机号码/);
    expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(before);
  });

  it("answers 409 slot_taken, slot_unavailable and too_many_bookings", async () => {
    const f = await createVenueFixture({ lawyers: 1 });
    const first = body(f, f.slotOn(1));
    expect((await book(post(first))).status).toBe(201);
    const taken = await book(post(body(f, f.slotOn(1))));
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe("slot_taken");
    const offGrid = await book(post(body(f, f.slotOn(1, 9 * 60 + 5))));
    expect(((await offGrid.json()) as { error: { code: string } }).error.code).toBe("slot_unavailable");
    const phone = uniquePhone();
    for (const day of [2, 3, 4]) expect((await book(post(body(f, f.slotOn(day), { phone })))).status).toBe(201);
    const fourth = await book(post(body(f, f.slotOn(5), { phone })));
    expect(fourth.status).toBe(409);
    expect(((await fourth.json()) as { error: { code: string } }).error.code).toBe("too_many_bookings");
  });

  it("keeps a booking exactly as it was when a move is refused with 409", async () => {
    const f = await createVenueFixture();
    const mine = body(f, f.slotOn(1));
    const { code } = (await (await book(post(mine))).json()) as { code: string };
    expect((await book(post(body(f, f.slotOn(2))))).status).toBe(201);
    const before = await (await getBooking(new Request(`http://test/x?phone=${mine.phone}`), params({ code }))).json();
    const refused = await reschedule(post({ phone: mine.phone, start: toIsoOffset(f.slotOn(2)) }), params({ code }));
    expect(refused.status).toBe(409);
    expect(await (await getBooking(new Request(`http://test/x?phone=${mine.phone}`), params({ code }))).json()).toEqual(before);
  });

  it("gives one 201 and nineteen 409 slot_taken to 20 concurrent requests for one slot", async () => {
    const f = await createVenueFixture();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => book(post(body(f, f.slotOn(6), { lawyerId: f.lawyers[0].id })))),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = responses.filter((r) => r.status === 409);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(((await r.json()) as { error: { code: string } }).error.code).toBe("slot_taken");
  });

  it("gives exactly k bookings to k+n concurrent any-lawyer requests when k lawyers are free", async () => {
    const k = 4;
    const f = await createVenueFixture({ lawyers: k });
    const responses = await Promise.all(Array.from({ length: k + 6 }, () => book(post(body(f, f.slotOn(7))))));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(k);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(6);
    expect(await prisma.booking.count({ where: { venueId: f.venue.id } })).toBe(k);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("describes every route under app/api/v1", () => {
    const routes: string[] = [];
    const walk = (dir: string, prefix: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full, `${prefix}/${entry.replace(/^\[(.+)\]$/, "{$1}")}`);
        else if (entry === "route.ts" && prefix !== "/openapi.json") routes.push(prefix);
      }
    };
    walk(path.join(import.meta.dirname), "");
    expect(Object.keys(openApiDocument.paths).sort()).toEqual(routes.sort());
  });
});
