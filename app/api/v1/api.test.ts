// The JSON API v1 against the real PostgreSQL: exact shapes, errors, and the concurrency guarantees.
// Every test makes its own venue, lawyers and phone numbers; other test files share the database.
import { randomInt } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { guarded } from "@/lib/api/http";
import { changesHeard } from "@/lib/availability/cache";
import { createBooking } from "@/lib/booking/mutations";
import { cancelBookingInput, createBookingInput, rescheduleBookingInput } from "@/lib/booking/schema";
import { loadHolidayCalendar } from "@/lib/holidays/queries";
import { log } from "@/lib/log";
import { spend } from "@/lib/rate-limit";
import { bookingInput, createTownFixture, createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { addDays, toIsoOffset } from "@/lib/time";
import { siteIdentity } from "@/lib/towns/queries";
import { waitlistBody, waitlistEntryInput } from "@/lib/waitlist/schema";
import { POST as cancel } from "./bookings/[code]/cancel/route";
import { POST as reschedule } from "./bookings/[code]/reschedule/route";
import { GET as getBooking } from "./bookings/[code]/route";
import { POST as book } from "./bookings/route";
import { GET as openapi } from "./openapi.json/route";
import { GET as topics } from "./topics/route";
import { GET as towns } from "./towns/route";
import { GET as slots } from "./venues/[slug]/slots/route";
import { GET as venues } from "./venues/route";

type Fixture = Awaited<ReturnType<typeof createVenueFixture>>;
type ApiError = { error: { code: string; message: string; fields?: Record<string, string> } };
type ApiBooking = { code: string; status: string; start: string; end: string };

const post = (body: unknown, contentType = "application/json") =>
  new Request("http://test/api", {
    method: "POST",
    headers: { "content-type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const read = (code: string, phone: string) =>
  getBooking(new Request(`http://test/x?phone=${encodeURIComponent(phone)}`), params({ code }));
const listSlots = (slug: string, query = "") => slots(new Request(`http://test/x?${query}`), params({ slug }));
const errorOf = async (response: Response) => ((await response.json()) as ApiError).error;
const plusMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

/** Days after today that are not public holidays, so the fixture's lawyers are on duty whatever the test date. */
async function openDays(f: Fixture): Promise<number[]> {
  const calendar = await loadHolidayCalendar();
  return Array.from({ length: 27 }, (_, i) => i + 1).filter((d) => calendar.dayKind(addDays(f.today, d)) !== "holiday");
}

async function fixture(options: { lawyers?: number } = {}) {
  const f = await createVenueFixture(options);
  const days = await openDays(f);
  /** The 09:00 (or `minute`) slot on the n-th open day. */
  const slot = (n: number, minute?: number) => f.slotOn(days[n], minute);
  const count = () => prisma.booking.count({ where: { venueId: f.venue.id } });
  return { ...f, slot, count };
}

function body(f: Fixture, start: Date, extra: Record<string, unknown> = {}) {
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

type RouteModule = Record<string, (request: Request, context: { params: Promise<unknown> }) => Response | Promise<Response>>;

/** Every route file under app/api/v1 by its OpenAPI path ("/venues/{slug}/slots"); the catch-all of unknown paths aside. */
async function routeModules(): Promise<Record<string, RouteModule>> {
  const routes: Record<string, RouteModule> = {};
  const walk = async (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (!entry.startsWith("[...")) await walk(full, `${prefix}/${entry.replace(/^\[(.+)\]$/, "{$1}")}`);
      } else if (entry === "route.ts") routes[prefix] = (await import(full)) as RouteModule;
    }
  };
  await walk(import.meta.dirname, "");
  return routes;
}

describe("GET /api/v1/venues, /topics", () => {
  it("lists venues and topics in the documented shape", async () => {
    const f = await fixture();
    const response = await venues(new Request("http://localhost/api/v1/venues"));
    expect(response.status).toBe(200);
    const list = (await response.json()) as { venues: Record<string, unknown>[] };
    expect(list.venues).toContainEqual({
      slug: f.venue.slug,
      name: f.venue.name,
      kind: "workroom",
      village: "测试村",
      address: "测试地址",
      town: { slug: "test-town", name: "测试镇" },
    });
    for (const venue of list.venues)
      expect(Object.keys(venue).sort()).toEqual(["address", "kind", "name", "slug", "town", "village"]);

    const t = (await (await topics(new Request("http://localhost/api/v1/topics"))).json()) as {
      topics: Record<string, unknown>[];
    };
    expect(t.topics).toContainEqual({ code: "marriage", name: expect.any(String) });
    for (const topic of t.topics) expect(Object.keys(topic).sort()).toEqual(["code", "name"]);
  });
});

describe("GET /api/v1/towns, /venues?town=", () => {
  it("lists each town with how many venues villagers can book there, and narrows venues to a town", async () => {
    const town = await createTownFixture("筛选镇");
    const open = await createVenueFixture({ townId: town.id });
    const hidden = await createVenueFixture({ townId: town.id });
    await prisma.venue.update({ where: { id: hidden.venue.id }, data: { confirmed: false } });
    const list = (await (await towns(new Request("http://localhost/api/v1/towns"))).json()) as {
      towns: Record<string, unknown>[];
    };
    expect(list.towns).toContainEqual({ slug: town.slug, name: town.name, venues: 1 });
    for (const t of list.towns) expect(Object.keys(t).sort()).toEqual(["name", "slug", "venues"]);

    const narrowed = await venues(new Request(`http://localhost/api/v1/venues?town=${town.slug}`));
    const body = (await narrowed.json()) as { venues: { slug: string; town: { slug: string } }[] };
    expect(body.venues.map((v) => v.slug)).toEqual([open.venue.slug]);
    expect(body.venues[0].town).toEqual({ slug: town.slug, name: town.name });
  });

  it("answers an unknown town with not_found and a malformed one with invalid_input", async () => {
    const unknown = await venues(new Request("http://localhost/api/v1/venues?town=nowhere"));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { code: "not_found", message: "没有这个镇（街道），请从 /api/v1/towns 中选择。" },
    });
    const malformed = await venues(new Request("http://localhost/api/v1/venues?town=%E7%9D%A6%E6%B4%B2"));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { code: "invalid_input", fields: { town: expect.stringContaining("slug") } },
    });
  });
});

describe("GET /api/v1/venues/{slug}/slots: conditional requests", () => {
  it("gives an ETag, answers 304 without a body to a client that has the same slots, and 200 again once they change", async () => {
    const f = await fixture();
    const date = toIsoOffset(f.slot(2)).slice(0, 10);
    const ask = (headers: Record<string, string> = {}) =>
      slots(new Request(`http://test/x?from=${date}&to=${date}`, { headers }), params({ slug: f.venue.slug }));
    const first = await ask();
    const etag = first.headers.get("etag") as string;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const same = await ask({ "If-None-Match": etag });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe("");
    expect(same.headers.get("etag")).toBe(etag);
    expect((await ask({ "If-None-Match": `W/${etag}, "other"` })).status).toBe(304);
    expect((await ask({ "If-None-Match": '"other"' })).status).toBe(200);
    const booked = await createBooking(bookingInput(f.venue.slug, f.slot(2)));
    expect(booked.ok).toBe(true);
    await changesHeard();
    const changed = await ask({ "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("GET /api/v1/venues/{slug}/slots", () => {
  it("gives free slots with +08:00 offsets, sorted, narrowed by from/to", async () => {
    const f = await fixture({ lawyers: 2 });
    const date = toIsoOffset(f.slot(2)).slice(0, 10);
    const response = await listSlots(f.venue.slug, `from=${date}&to=${date}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const data = (await response.json()) as { timeZone: string; slots: { start: string; end: string; lawyer: object }[] };
    expect(data.timeZone).toBe("Asia/Shanghai");
    expect(data.slots).toHaveLength(12); // 2 lawyers × 09:00–12:00 in 30-minute slots
    expect(data.slots[0]).toEqual({
      start: `${date}T09:00:00+08:00`,
      end: `${date}T09:30:00+08:00`,
      lawyer: { id: expect.any(String), name: expect.any(String) },
    });
    expect(data.slots.at(-1)?.start).toBe(`${date}T11:30:00+08:00`);
    const lawyerIds = new Set(f.lawyers.map((l) => l.id));
    for (const s of data.slots) {
      expect(s.start).toMatch(new RegExp(`^${date}T(09|10|11):[03]0:00\\+08:00$`));
      expect(lawyerIds.has((s.lawyer as { id: string }).id)).toBe(true);
    }
    const starts = data.slots.map((s) => s.start);
    expect([...starts].sort()).toEqual(starts);
  });

  it("defaults to today through the booking horizon and leaves booked slots out", async () => {
    const f = await fixture();
    // Asked once before the booking: the answer kept for a few seconds must not outlive it.
    const before = (await (await listSlots(f.venue.slug)).json()) as { slots: { start: string }[] };
    expect(before.slots.map((s) => s.start)).toContain(toIsoOffset(f.slot(0)));
    expect((await book(post(body(f, f.slot(0))))).status).toBe(201);
    await changesHeard(); // the booking's notice, which forgets that answer
    const data = (await (await listSlots(f.venue.slug)).json()) as { slots: { start: string }[] };
    const dates = [...new Set(data.slots.map((s) => s.start.slice(0, 10)))];
    expect(dates.length).toBeGreaterThan(14);
    expect(dates[0] >= f.today).toBe(true);
    expect((dates.at(-1) as string) <= addDays(f.today, 27)).toBe(true); // the fixture's 28-day horizon
    expect(data.slots.map((s) => s.start)).not.toContain(toIsoOffset(f.slot(0)));
    // A window reaching past the horizon is clamped, not refused.
    const late = await listSlots(f.venue.slug, `from=${addDays(f.today, 20)}&to=${addDays(f.today, 50)}`);
    expect(late.status).toBe(200);
  });

  it("answers 400 with fields for malformed or impossible dates and ranges over 31 days", async () => {
    const f = await fixture();
    const from = addDays(f.today, 1);
    for (const [query, field] of [
      ["from=2026-13-01", "from"],
      ["from=2026-02-30", "from"],
      ["to=2027-02-29", "to"],
      ["from=tomorrow", "from"],
      ["from=2026-1-1", "from"],
      [`from=${from}&to=${addDays(from, 31)}`, "to"],
      [`from=${from}&to=${addDays(from, -1)}`, "to"],
    ]) {
      const response = await listSlots(f.venue.slug, query);
      expect(response.status, query).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe("invalid_input");
      expect(Object.keys(error.fields ?? {}), query).toEqual([field]);
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // 31 days inclusive is the most one request may ask for.
    expect((await listSlots(f.venue.slug, `from=${from}&to=${addDays(from, 30)}`)).status).toBe(200);
  });

  it("answers 404 for an unknown or inactive venue", async () => {
    const missing = await listSlots("no-such-venue");
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe("not_found");
    const f = await fixture();
    await prisma.venue.update({ where: { id: f.venue.id }, data: { active: false } });
    expect((await listSlots(f.venue.slug)).status).toBe(404);
  });
});

describe("bookings", () => {
  it("books, reads, moves and cancels in the documented shapes, never cached", async () => {
    const f = await fixture();
    const input = body(f, f.slot(0), {
      village: "测试村",
      description: "邻居占用宅基地",
      onBehalfOf: { name: "村民乙", relation: "子女" },
      priorityGroup: "elderly",
    });
    const created = await book(post(input));
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const booking = (await created.json()) as ApiBooking;
    expect(booking).toEqual({
      code: expect.stringMatching(/^[A-Z0-9]{6}$/),
      status: "confirmed",
      start: toIsoOffset(f.slot(0)),
      end: toIsoOffset(plusMinutes(f.slot(0), 30)),
      venue: { slug: f.venue.slug, name: f.venue.name, address: "测试地址" },
      lawyer: { id: f.lawyers[0].id, name: f.lawyers[0].name },
      calendar: expect.stringMatching(/^\/bookings\/[A-Z0-9]{6}\/calendar\.ics\?t=[0-9a-f]{32}$/),
    });
    expect(booking.start).toMatch(/T09:00:00\+08:00$/);
    const row = await prisma.booking.findUniqueOrThrow({ where: { code: booking.code } });
    expect(row).toMatchObject({
      channel: "ONLINE",
      onBehalfOfRelation: "子女",
      priorityGroup: "elderly",
      note: "邻居占用宅基地",
    });

    const found = await read(booking.code, input.phone);
    expect(found.status).toBe(200);
    expect(found.headers.get("cache-control")).toBe("no-store");
    expect(await found.json()).toEqual(booking);
    // The same phone written another way, and the code in lower case, find it too.
    const spaced = `+86 ${input.phone.slice(0, 3)} ${input.phone.slice(3, 7)} ${input.phone.slice(7)}`;
    expect((await read(booking.code.toLowerCase(), spaced)).status).toBe(200);

    const moved = await reschedule(
      post({ phone: input.phone, start: toIsoOffset(f.slot(1, 10 * 60)) }),
      params({ code: booking.code }),
    );
    expect(moved.status).toBe(200);
    expect(moved.headers.get("cache-control")).toBe("no-store");
    expect(await moved.json()).toEqual({
      ...booking,
      start: toIsoOffset(f.slot(1, 10 * 60)),
      end: toIsoOffset(f.slot(1, 10 * 60 + 30)),
    });

    const cancelled = await cancel(post({ phone: input.phone, reason: "不需要了" }), params({ code: booking.code }));
    expect(cancelled.status).toBe(200);
    const cancelledBody = await cancelled.json();
    expect(cancelledBody).toEqual({
      ...booking,
      status: "cancelled",
      start: toIsoOffset(f.slot(1, 10 * 60)),
      end: expect.any(String),
    });
    expect(await (await read(booking.code, input.phone)).json()).toEqual(cancelledBody);
    expect((await prisma.booking.findUniqueOrThrow({ where: { code: booking.code } })).cancelReason).toBe("不需要了");
    // Cancelling again answers the same; a cancelled booking cannot be moved.
    const again = await cancel(post({ phone: input.phone }), params({ code: booking.code }));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(cancelledBody);
    const late = await reschedule(post({ phone: input.phone, start: toIsoOffset(f.slot(2)) }), params({ code: booking.code }));
    expect(late.status).toBe(409);
    expect((await errorOf(late)).code).toBe("booking_not_changeable");
    // The freed time can be booked again.
    expect((await book(post(body(f, f.slot(1, 10 * 60))))).status).toBe(201);
  });

  it("answers a wrong code and a wrong phone with the same 404 on every booking endpoint", async () => {
    const f = await fixture();
    const input = body(f, f.slot(0));
    const { code } = (await (await book(post(input))).json()) as ApiBooking;
    const other = uniquePhone();
    const attempts: [string, Promise<Response>][] = [
      ["read, wrong phone", read(code, other)],
      ["read, wrong code", read("AAAAAA", input.phone)],
      ["read, malformed code", read("no!", input.phone)],
      ["cancel, wrong phone", cancel(post({ phone: other }), params({ code }))],
      ["cancel, wrong code", cancel(post({ phone: input.phone }), params({ code: "AAAAAA" }))],
      ["move, wrong phone", reschedule(post({ phone: other, start: toIsoOffset(f.slot(1)) }), params({ code }))],
      ["move, wrong code", reschedule(post({ phone: input.phone, start: toIsoOffset(f.slot(1)) }), params({ code: "AAAAAA" }))],
    ];
    for (const [name, pending] of attempts) {
      const response = await pending;
      expect(response.status, name).toBe(404);
      expect(await response.json(), name).toEqual({ error: { code: "not_found", message: expect.stringMatching(/预约号/) } });
    }
    expect(await (await read(code, input.phone)).json()).toMatchObject({ status: "confirmed", start: input.start });

    const noPhone = await getBooking(new Request("http://test/x"), params({ code }));
    expect(noPhone.status).toBe(400);
    expect(Object.keys((await errorOf(noPhone)).fields ?? {})).toEqual(["phone"]);
  });

  it("finds, moves and cancels a booking staff made for a landline caller by that landline, written any way", async () => {
    const f = await fixture();
    const digits = `0750${randomInt(6_000_000, 7_000_000)}`;
    const landline = `${digits.slice(0, 4)}-${digits.slice(4)}`;
    // As the staff form stores it (lib/phone.ts anyPhone): the area code, a dash, the number.
    const made = await createBooking(
      { venue: f.venue.slug, start: f.slot(0), name: "固话村民", phone: landline, topic: "marriage", consent: true },
      { channel: "PHONE", noteConsent: true },
    );
    if (!made.ok) throw new Error(made.message);
    const { code } = made.booking;
    for (const phone of [landline, digits, `(${digits.slice(0, 4)}) ${digits.slice(4)}`]) {
      const found = await read(code, phone);
      expect(found.status, phone).toBe(200);
      expect(await found.json(), phone).toMatchObject({ code, status: "confirmed" });
    }
    const moved = await reschedule(post({ phone: digits, start: toIsoOffset(f.slot(1)) }), params({ code }));
    expect(moved.status).toBe(200);
    // Another landline gets the very answer a wrong code gets.
    const otherLandline = await read(code, `0750-${randomInt(6_000_000, 7_000_000)}`);
    const wrongCode = await read("AAAAAA", landline);
    expect(otherLandline.status).toBe(404);
    expect(await otherLandline.json()).toEqual(await wrongCode.json());
    const cancelled = await cancel(post({ phone: landline, reason: "电话里说不用了" }), params({ code }));
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ code, status: "cancelled" });
  });

  it("answers bad input with 400 invalid_input, fields keyed by name, and writes nothing", async () => {
    const f = await fixture();
    const before = await f.count();
    const bodyErrors: [string, Request][] = [
      ["not JSON", post("{not json")],
      ["empty", post("")],
      ["an array", post("[1,2]")],
      ["null", post("null")],
      ["a string", post('"预约"')],
      ["a number", post("42")],
      ["a form", post(new URLSearchParams(body(f, f.slot(0)) as never).toString(), "application/x-www-form-urlencoded")],
      ["JSON sent as text", post(body(f, f.slot(0)), "text/plain")],
    ];
    for (const [name, request] of bodyErrors) {
      const response = await book(request);
      expect(response.status, name).toBe(400);
      const error = await errorOf(response);
      expect(error, name).toEqual({
        code: "invalid_input",
        message: expect.stringMatching(/JSON/),
        fields: { _: expect.any(String) },
      });
    }
    expect((await book(post(body(f, f.slot(0)), "application/json; charset=utf-8"))).status).toBe(201);

    const bad = await book(post({ ...body(f, f.slot(1)), phone: "12345", consent: false, start: "tomorrow" }));
    expect(bad.status).toBe(400);
    const error = await errorOf(bad);
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["consent", "phone", "start"]);
    expect(error.fields?.phone).toMatch(/手机号码/);

    const cases: [string, Record<string, unknown>, string[]][] = [
      ["missing consent", { consent: undefined }, ["consent"]],
      ["consent as a string", { consent: "true" }, ["consent"]],
      ["no offset on start", { start: "2026-12-01T09:00:00" }, ["start"]],
      ["blank name, long village", { name: "  ", village: "村".repeat(41) }, ["name", "village"]],
      ["half an onBehalfOf", { onBehalfOf: { name: "村民乙" } }, ["onBehalfOf.relation"]],
      ["unknown priority group", { priorityGroup: "vip" }, ["priorityGroup"]],
      ["empty lawyerId, onBehalfOf as text", { lawyerId: "", onBehalfOf: "子女" }, ["lawyerId", "onBehalfOf"]],
      ["wrong types", { name: 12, phone: 13812345678 }, ["name", "phone"]],
      ["unknown venue and topic", { venue: "no-such-venue", topic: "no-such-topic" }, ["topic", "venue"]],
    ];
    for (const [name, change, fields] of cases) {
      const response = await book(post({ ...body(f, f.slot(1)), ...change }));
      expect(response.status, name).toBe(400);
      const e = await errorOf(response);
      expect(e.code, name).toBe("invalid_input");
      expect(Object.keys(e.fields ?? {}).sort(), name).toEqual(fields);
      for (const message of Object.values(e.fields ?? {})) expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await f.count()).toBe(before + 1); // only the one good request above
  });

  it("answers 409 slot_taken, and slot_unavailable off the grid, past the horizon or inside the minimum notice, writing nothing", async () => {
    const f = await fixture({ lawyers: 1 });
    expect((await book(post(body(f, f.slot(0))))).status).toBe(201);
    const before = await f.count();
    const expectations: [string, Date, string][] = [
      ["taken", f.slot(0), "slot_taken"],
      ["off the grid", f.slot(0, 9 * 60 + 5), "slot_unavailable"],
      ["outside duty hours", f.slot(0, 14 * 60), "slot_unavailable"],
      ["past the horizon", f.slotOn(40), "slot_unavailable"],
      ["in the past", f.slotOn(-1), "slot_unavailable"],
    ];
    for (const [name, start, code] of expectations) {
      const response = await book(post(body(f, start)));
      expect(response.status, name).toBe(409);
      expect(await errorOf(response), name).toEqual({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
    // Three days' notice makes tomorrow's grid slots too close.
    await prisma.venue.update({ where: { id: f.venue.id }, data: { minNoticeMinutes: 3 * 24 * 60 } });
    const tooSoon = await book(post(body(f, f.slotOn(1))));
    expect(tooSoon.status).toBe(409);
    expect((await errorOf(tooSoon)).code).toBe("slot_unavailable");
    expect(await f.count()).toBe(before);
  });

  it("answers 409 too_many_bookings on a fourth upcoming booking for one phone", async () => {
    const f = await fixture();
    const phone = uniquePhone();
    for (const day of [0, 1, 2]) expect((await book(post(body(f, f.slot(day), { phone })))).status).toBe(201);
    const fourth = await book(post(body(f, f.slot(3), { phone })));
    expect(fourth.status).toBe(409);
    expect((await errorOf(fourth)).code).toBe("too_many_bookings");
    expect(await prisma.booking.count({ where: { phone } })).toBe(3);
  });

  it("keeps a booking exactly as it was when a move is refused", async () => {
    const f = await fixture();
    const mine = body(f, f.slot(0));
    const { code } = (await (await book(post(mine))).json()) as ApiBooking;
    expect((await book(post(body(f, f.slot(1))))).status).toBe(201);
    const snapshot = () => prisma.booking.findUniqueOrThrow({ where: { code } });
    const before = await snapshot();
    const apiBefore = await (await read(code, mine.phone)).json();

    const refusals: [Record<string, unknown>, number, string][] = [
      [{ start: toIsoOffset(f.slot(1)) }, 409, "slot_taken"],
      [{ start: toIsoOffset(f.slot(1, 9 * 60 + 10)) }, 409, "slot_unavailable"],
      [{ start: toIsoOffset(f.slot(2)), lawyerId: "no-such-lawyer" }, 400, "invalid_input"],
      [{ start: "next week" }, 400, "invalid_input"],
      [{ start: undefined }, 400, "invalid_input"],
    ];
    for (const [change, status, errorCode] of refusals) {
      const response = await reschedule(post({ phone: mine.phone, ...change }), params({ code }));
      expect(response.status, JSON.stringify(change)).toBe(status);
      expect((await errorOf(response)).code).toBe(errorCode);
    }
    expect(await snapshot()).toEqual(before);
    expect(await (await read(code, mine.phone)).json()).toEqual(apiBefore);
  });

  it("tells a phone that booked this very time already so, not that someone else took it (issue 25 item 4)", async () => {
    const f = await fixture();
    const mine = body(f, f.slot(4));
    expect((await book(post(mine))).status).toBe(201);
    const again = await book(post(mine));
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({
      code: "duplicate_booking",
      message: expect.stringContaining("已经预约了这个时间"),
    });
    // Someone else at that time is told it was taken.
    const other = await book(post({ ...mine, phone: uniquePhone() }));
    expect((await errorOf(other)).code).toBe("slot_taken");
    expect(await f.count()).toBe(1);
  });

  it("gives one 201 and nineteen 409 slot_taken to 20 concurrent requests for one slot", async () => {
    const f = await fixture();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => book(post(body(f, f.slot(5), { lawyerId: f.lawyers[0].id })))),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = responses.filter((r) => r.status === 409);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect((await errorOf(r)).code).toBe("slot_taken");
    expect(await f.count()).toBe(1);
  });

  it("gives exactly k bookings to k+n concurrent any-lawyer requests when k lawyers are free", async () => {
    const k = 4;
    const n = 6;
    const f = await fixture({ lawyers: k });
    const responses = await Promise.all(Array.from({ length: k + n }, () => book(post(body(f, f.slot(6))))));
    const won = responses.filter((r) => r.status === 201);
    expect(won).toHaveLength(k);
    const lawyers = await Promise.all(won.map(async (r) => ((await r.json()) as { lawyer: { id: string } }).lawyer.id));
    expect(new Set(lawyers).size).toBe(k);
    const refused = responses.filter((r) => r.status === 409);
    expect(refused).toHaveLength(n);
    for (const r of refused) expect((await errorOf(r)).code).toBe("slot_taken");
    expect(await f.count()).toBe(k);
  });

  it("answers an unexpected error with a generic 500 and no details", async () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => {});
    try {
      const response = await guarded(async () => {
        throw new Error("connect ECONNREFUSED 10.0.0.5:5432 password=secret");
      });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: expect.stringMatching(/请稍后再试/) } });
      expect(text).not.toMatch(/ECONNREFUSED|secret|at /);
      // The details go to the server's log, with the error's stack, and nowhere else.
      expect(error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), "route handler failed");
    } finally {
      error.mockRestore();
    }
  });
});

describe("limits on tries (429 with Retry-After)", () => {
  const from = (address: string, request: Request) => {
    const headers = new Headers(request.headers);
    headers.set("x-forwarded-for", address);
    return new Request(request, { headers });
  };
  const address = () => `203.0.113.${Math.floor(Math.random() * 250)}-${uniquePhone()}`;
  const readFrom = (where: string, code: string, phone: string) =>
    getBooking(from(where, new Request(`http://test/x?phone=${encodeURIComponent(phone)}`)), params({ code }));

  async function expectTooMany(response: Response) {
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    const error = await errorOf(response);
    expect(error.code).toBe("too_many_requests");
    expect(error.message).toMatch(/请 \d+ 分钟后再试/);
  }

  it("allows 10 look-ups that miss per phone number and address; the owner elsewhere still gets in", async () => {
    const f = await fixture();
    const input = body(f, f.slot(0));
    const { code } = (await (await book(post(input))).json()) as ApiBooking;
    // A stranger who knows the phone misses ten times from one address: the eleventh is stopped there…
    const stranger = address();
    for (let i = 0; i < 10; i++) expect((await readFrom(stranger, "ZZZZZZ", input.phone as string)).status).toBe(404);
    await expectTooMany(await readFrom(stranger, code, input.phone as string));
    await expectTooMany(await cancel(from(stranger, post({ phone: input.phone })), params({ code })));
    // …and the villager, on their own phone with the right code, is not locked out.
    expect((await readFrom(address(), code, input.phone as string)).status).toBe(200);
    expect((await readFrom(stranger, "ZZZZZZ", uniquePhone())).status).toBe(404);
    expect(await prisma.booking.count({ where: { code, status: "CONFIRMED" } })).toBe(1);
  });

  it("allows 30 misses a minute per address, counting a wrong code and a wrong phone alike", async () => {
    const where = address();
    const misses = await Promise.all(Array.from({ length: 40 }, () => readFrom(where, "ZZZZZZ", uniquePhone())));
    expect(misses.filter((r) => r.status === 404)).toHaveLength(30);
    expect(misses.filter((r) => r.status === 429)).toHaveLength(10);
    expect((await readFrom(address(), "ZZZZZZ", uniquePhone())).status).toBe(404);
  });

  it("does not count look-ups that find the booking", async () => {
    const f = await fixture();
    const input = body(f, f.slot(0));
    const { code } = (await (await book(post(input))).json()) as ApiBooking;
    const where = address();
    for (let i = 0; i < 35; i++) expect((await readFrom(where, code, input.phone as string)).status).toBe(200);
  });

  it("allows 100 bookings an hour from one address, then answers 429 and writes nothing", async () => {
    const f = await fixture();
    const where = address();
    for (let i = 0; i < 100; i++) await spend("bookingAddress", where);
    await expectTooMany(await book(from(where, post(body(f, f.slot(0))))));
    expect(await f.count()).toBe(0);
    expect((await book(from(address(), post(body(f, f.slot(0)))))).status).toBe(201);
  });
});

describe("hostile input", () => {
  const NUL = "\u0000";

  it("refuses a NUL byte or another control character in any text field with 400, writing nothing", async () => {
    const f = await fixture();
    const before = await f.count();
    const cases: [string, Record<string, unknown>, string][] = [
      ["NUL in name", { name: `村民${NUL}甲` }, "name"],
      ["NUL in village", { village: `测试村${NUL}` }, "village"],
      ["NUL in description", { description: `邻居${NUL}占地` }, "description"],
      ["NUL in venue", { venue: `${f.venue.slug}${NUL}` }, "venue"],
      ["NUL in topic", { topic: `marriage${NUL}` }, "topic"],
      ["NUL in lawyerId", { lawyerId: `${f.lawyers[0].id}${NUL}` }, "lawyerId"],
      ["NUL in onBehalfOf.name", { onBehalfOf: { name: `村民${NUL}乙`, relation: "子女" } }, "onBehalfOf.name"],
      ["NUL in onBehalfOf.relation", { onBehalfOf: { name: "村民乙", relation: `子${NUL}女` } }, "onBehalfOf.relation"],
      ["an escape sequence in name", { name: "村民\u001b[31m甲" }, "name"],
      ["a line break inside a name", { name: "村民\n甲" }, "name"],
      ["DEL in village", { village: "测试\u007f村" }, "village"],
      ["a lone surrogate in name", { name: "村民\ud800" }, "name"],
    ];
    for (const [name, change, field] of cases) {
      const response = await book(post({ ...body(f, f.slot(0)), ...change }));
      expect(response.status, name).toBe(400);
      const error = await errorOf(response);
      expect(error.code, name).toBe("invalid_input");
      expect(error.fields, name).toEqual({ [field]: "请删去看不见的特殊字符后再提交。" });
    }
    const phone = await book(post({ ...body(f, f.slot(0)), phone: `1381234${NUL}5678` }));
    expect(phone.status).toBe(400);
    expect(Object.keys((await errorOf(phone)).fields ?? {})).toEqual(["phone"]);
    expect(await f.count()).toBe(before);

    // A note keeps its line breaks (a form sends them as \r\n) and tabs.
    const input = body(f, f.slot(0), { description: "第一行\r\n第二行\t完" });
    const created = await book(post(input));
    expect(created.status).toBe(201);
    const { code } = (await created.json()) as ApiBooking;
    const moves: [string, Record<string, unknown>, string][] = [
      ["NUL in lawyerId", { start: toIsoOffset(f.slot(1)), lawyerId: `${f.lawyers[0].id}${NUL}` }, "lawyerId"],
      ["NUL in phone", { start: toIsoOffset(f.slot(1)), phone: `${input.phone}${NUL}` }, "phone"],
    ];
    for (const [name, change, field] of moves) {
      const response = await reschedule(post({ phone: input.phone, ...change }), params({ code }));
      expect(response.status, name).toBe(400);
      expect(Object.keys((await errorOf(response)).fields ?? {}), name).toEqual([field]);
    }
    const refused = await cancel(post({ phone: input.phone, reason: `不去了${NUL}` }), params({ code }));
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).fields).toEqual({ reason: "请删去看不见的特殊字符后再提交。" });
    expect(await (await read(code, input.phone)).json()).toMatchObject({ status: "confirmed", start: input.start });
    expect(await f.count()).toBe(before + 1);
  });

  it("answers a venue slug or booking code with a control character as not found", async () => {
    const f = await fixture();
    for (const slug of [`${f.venue.slug}${NUL}`, NUL, `\u001f${f.venue.slug}`]) {
      const response = await listSlots(slug);
      expect(response.status, JSON.stringify(slug)).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found");
    }
    const { code } = (await (await book(post(body(f, f.slot(0))))).json()) as ApiBooking;
    for (const wrong of [`${code}${NUL}`, `${NUL}${code}`]) {
      const response = await read(wrong, uniquePhone());
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found");
    }
  });

  it("refuses a start before 2000 or after 2100, and such dates in a slots query, as invalid input", async () => {
    const f = await fixture();
    const before = await f.count();
    for (const start of [
      "0500-06-01T09:00:00+08:00",
      "0999-12-31T23:59:59Z",
      "1999-12-31T09:00:00+08:00",
      "2101-01-01T09:00:00+08:00",
      "9999-12-31T09:00:00+08:00",
    ]) {
      const response = await book(post(body(f, f.slot(0), { start })));
      expect(response.status, start).toBe(400);
      const error = await errorOf(response);
      expect(error.code, start).toBe("invalid_input");
      expect(Object.keys(error.fields ?? {}), start).toEqual(["start"]);
      expect(error.fields?.start, start).toMatch(/2000.*2100/);
    }
    const input = body(f, f.slot(0));
    const { code } = (await (await book(post(input))).json()) as ApiBooking;
    const moved = await reschedule(post({ phone: input.phone, start: "0500-06-01T09:00:00+08:00" }), params({ code }));
    expect(moved.status).toBe(400);
    expect(Object.keys((await errorOf(moved)).fields ?? {})).toEqual(["start"]);
    for (const [query, field] of [
      ["from=0500-06-01", "from"],
      ["to=0500-06-01", "to"],
      ["from=2101-01-01", "from"],
      ["to=9999-12-31", "to"],
    ]) {
      const response = await listSlots(f.venue.slug, query);
      expect(response.status, query).toBe(400);
      expect(Object.keys((await errorOf(response)).fields ?? {}), query).toEqual([field]);
    }
    expect(await f.count()).toBe(before + 1);
  });
});

describe("unknown paths and methods", () => {
  const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
  it("answers an unknown /api/v1 path with a JSON 404 whatever the method", async () => {
    const route = (await import("./[...path]/route")) as unknown as RouteModule;
    for (const method of METHODS) {
      for (const segments of [["nothing-here"], ["bookings", "ABC123", "delete"], ["venues", "station"]]) {
        const handler = route[method];
        expect(handler, method).toBeTypeOf("function");
        const request = new Request(`http://test/api/v1/${segments.join("/")}`, { method });
        const response = await handler(request, params({ path: segments }));
        expect(response.status, `${method} ${segments.join("/")}`).toBe(404);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        expect(response.headers.get("cache-control")).toBe("no-store");
        expect(await response.json()).toEqual({
          error: { code: "not_found", message: expect.stringMatching(/接口说明.*\/api\/v1\/openapi\.json/) },
        });
      }
    }
  });

  it("answers an /api path outside v1 (/api/v2/venues, /api/venues) with the same JSON 404", async () => {
    const route = (await import("../[...path]/route")) as unknown as RouteModule;
    for (const method of METHODS) {
      for (const segments of [["v2", "venues"], ["venues"], ["v1x", "bookings"]]) {
        const response = await route[method](
          new Request(`http://test/api/${segments.join("/")}`, { method }),
          params({ path: segments }),
        );
        expect(response.status, `${method} /api/${segments.join("/")}`).toBe(404);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        expect((await response.json()).error.code).toBe("not_found");
      }
    }
  });

  it("answers a method a route does not take with a JSON 405 naming, in Allow, the methods it takes", async () => {
    const doc = JSON.parse(await (await openapi(new Request("http://localhost/api/v1/openapi.json"))).text()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = await routeModules();
    expect(Object.keys(routes).length).toBeGreaterThan(5);
    for (const [route, module] of Object.entries(routes)) {
      // HEAD and OPTIONS are documented too (issue 25 item 5): what a route takes are the others.
      const taken =
        route === "/openapi.json"
          ? ["GET"]
          : Object.keys(doc.paths[route] ?? {})
              .filter((m) => m !== "head" && m !== "options")
              .map((m) => m.toUpperCase());
      const allow = [...taken, ...(taken.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
      for (const method of METHODS.filter((m) => !taken.includes(m) && !(m === "HEAD" && taken.includes("GET")))) {
        const name = `${method} ${route}`;
        expect(module[method], name).toBeTypeOf("function");
        const response = await module[method](new Request(`http://test/api/v1${route}`, { method }), params({}));
        expect(response.headers.get("allow"), name).toBe(allow);
        if (method === "OPTIONS") {
          expect(response.status, name).toBe(204);
          continue;
        }
        expect(response.status, name).toBe(405);
        expect(response.headers.get("cache-control")).toBe("no-store");
        expect(await response.json(), name).toEqual({
          error: {
            code: "method_not_allowed",
            message: expect.stringMatching(new RegExp(`不支持 ${method}.*${taken.join("|")}`)),
          },
        });
      }
    }
  });
});

describe("GET /api/v1/openapi.json", () => {
  type Doc = { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Schema> } };
  type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[] };

  async function loadDocument(): Promise<Doc> {
    const response = await openapi(new Request("http://localhost/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    return JSON.parse(await response.text()) as Doc;
  }

  it("names the server and the terms by the site's public address, absolutely", async () => {
    const doc = (await loadDocument()) as unknown as { servers: { url: string }[]; info: { license: { url: string } } };
    // Whatever the address is now (another test file may set one in the console meanwhile): absolute, and one for both.
    const server = doc.servers[0].url;
    expect(server).toMatch(/^https?:\/\/[^/]+(\/.*)?\/api\/v1$/);
    expect(doc.info.license.url).toBe(server.replace(/\/api\/v1$/, "/privacy"));
  });

  it("is titled as the site names itself: its town's, or the district's (issue 23)", async () => {
    const doc = (await loadDocument()) as unknown as { info: { title: string } };
    expect(doc.info.title).toBe(`${(await siteIdentity()).title} API`);
  });

  it("describes every route under app/api/v1 with the methods it takes", async () => {
    const doc = await loadDocument();
    expect(doc.openapi).toBe("3.1.0");
    const routes: Record<string, string[]> = {};
    for (const [route, module] of Object.entries(await routeModules())) {
      if (route === "/openapi.json") continue;
      // What a route takes is what it says it takes (Allow); every other method answers 405 (tested above).
      const options = await module.OPTIONS(new Request(`http://test/api/v1${route}`, { method: "OPTIONS" }), params({}));
      const allowed = (options.headers.get("allow") ?? "").split(", ").filter((m) => m !== "HEAD" && m !== "OPTIONS");
      for (const method of allowed) expect(module[method], `${method} ${route}`).toBeTypeOf("function");
      routes[route] = allowed.map((m) => m.toLowerCase()).sort();
    }
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(routes).sort());
    type Documented = { responses: Record<string, { headers?: { Allow?: { schema: { const: string } } } }> };
    for (const [route, methods] of Object.entries(routes)) {
      const documented = Object.keys(doc.paths[route]).filter((m) => m !== "head" && m !== "options");
      expect(documented.sort(), route).toEqual(methods);
      // HEAD where GET is taken, and OPTIONS everywhere, saying the Allow the server gives.
      expect("head" in doc.paths[route], route).toBe(methods.includes("get"));
      const options = await (await routeModules())[route].OPTIONS(
        new Request(`http://test/api/v1${route}`, { method: "OPTIONS" }),
        params({}),
      );
      const allow = (doc.paths[route].options as Documented).responses["204"].headers?.Allow?.schema.const;
      expect(allow, route).toBe(options.headers.get("allow"));
    }
  });

  it("says the look-ups take the landline a booking was made with, and booking takes a mobile number", async () => {
    const doc = await loadDocument();
    type Operation = { parameters: { name: string; schema: { description: string } }[] };
    const lookUp = (doc.paths["/bookings/{code}"].get as Operation).parameters.find((p) => p.name === "phone");
    expect(lookUp?.schema.description).toMatch(/固定电话/);
    for (const name of ["CancelBooking", "RescheduleBooking"]) {
      expect(doc.components.schemas[name].properties?.phone.description, name).toMatch(/固定电话/);
    }
    expect(doc.components.schemas.CreateBooking.properties?.phone.description).not.toMatch(/固定电话/);
  });

  it("resolves every $ref", async () => {
    const doc = await loadDocument();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const name of refs) expect(doc.components.schemas[name], name).toBeDefined();
  });

  it("describes the request bodies exactly as the zod schemas accept them", async () => {
    const doc = await loadDocument();
    const essentials = (schema: Schema): unknown => ({
      type: schema.type,
      format: schema.format,
      minLength: schema.minLength,
      maxLength: schema.maxLength,
      enum: schema.enum,
      const: schema.const,
      required: schema.required ? [...schema.required].sort() : undefined,
      properties: schema.properties
        ? Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, essentials(v)]))
        : undefined,
    });
    const fromZod = (schema: z.ZodType) => essentials(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Schema);
    expect(essentials(doc.components.schemas.CreateBooking)).toEqual(fromZod(createBookingInput));
    expect(essentials(doc.components.schemas.CancelBooking)).toEqual(fromZod(cancelBookingInput.omit({ code: true })));
    expect(essentials(doc.components.schemas.RescheduleBooking)).toEqual(fromZod(rescheduleBookingInput.omit({ code: true })));
    expect(essentials(doc.components.schemas.JoinWaitlist)).toEqual(fromZod(waitlistBody));
    expect(essentials(doc.components.schemas.LeaveWaitlist)).toEqual(fromZod(waitlistEntryInput.pick({ phone: true })));
  });
});

describe("a body that is not UTF-8", () => {
  it("is refused with 400 in the v1 error shape, and nothing is stored with \ufffd in it", async () => {
    const f = await createVenueFixture();
    const phone = uniquePhone();
    const json = JSON.stringify({
      venue: f.venue.slug,
      start: toIsoOffset(f.slotOn(2)),
      name: "NAME",
      phone,
      topic: "marriage",
      consent: true,
    });
    const [before, after] = json.split("NAME");
    // "李" in GBK (C0 EE): two bytes that are no UTF-8.
    const body = Buffer.concat([Buffer.from(before), Buffer.from([0xc0, 0xee]), Buffer.from(after)]);
    const response = await book(
      new Request("http://test/api/v1/bookings", { method: "POST", headers: { "content-type": "application/json" }, body }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_input", message: expect.stringMatching(/UTF-8/) } });
    expect(await prisma.booking.count({ where: { phone } })).toBe(0);
  });
});
