// The waitlist's JSON API against the real PostgreSQL: join, read, cancel in the documented shapes,
// with the same error shape and codes as the rest of v1, and nothing written on a refused request.
import { describe, expect, it } from "vitest";
import { cancelBooking, createBooking } from "@/lib/booking/mutations";
import { bookingInput, createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { todayInShanghai, zonedInstant } from "@/lib/time";
import { offerFreedSlots } from "@/lib/waitlist/mutations";
import { POST as join } from "./venues/[slug]/waitlist/route";
import { POST as cancel } from "./waitlist/[id]/cancel/route";
import { GET as read } from "./waitlist/[id]/route";

const post = (body: unknown) =>
  new Request("http://test/api", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
type ApiError = { error: { code: string; message: string; fields?: Record<string, string> } };

describe("POST /api/v1/venues/{slug}/waitlist", () => {
  it("joins with 201 and the documented shape; reads and cancels with the phone", async () => {
    // No lawyer, so no free time: a venue with free times answers "book instead" (below).
    const f = await createVenueFixture({ lawyers: 0 });
    const phone = uniquePhone();
    const from = f.dateOn(2);
    const to = f.dateOn(9);
    const response = await join(
      post({ name: "李阿姨", phone, topic: "marriage", from, to, consent: true }),
      params({ slug: f.venue.slug }),
    );
    expect(response.status).toBe(201);
    const entry = (await response.json()) as { id: string };
    expect(entry).toEqual({
      id: expect.any(String),
      status: "waiting",
      venue: { slug: f.venue.slug, name: f.venue.name },
      from,
      to,
    });

    const seen = await read(new Request(`http://test/x?phone=${phone}`), params({ id: entry.id }));
    expect(seen.status).toBe(200);
    expect(await seen.json()).toEqual(entry);
    const wrong = await read(new Request(`http://test/x?phone=${uniquePhone()}`), params({ id: entry.id }));
    expect(wrong.status).toBe(404);
    const malformed = await read(new Request(`http://test/x?phone=${phone}`), params({ id: "../etc" }));
    expect(((await malformed.json()) as ApiError).error.code).toBe("not_found");

    const left = await cancel(post({ phone }), params({ id: entry.id }));
    expect(left.status).toBe(200);
    expect(await left.json()).toMatchObject({ id: entry.id, status: "cancelled" });
    const again = await cancel(post({ phone }), params({ id: entry.id }));
    expect(again.status).toBe(409);
    expect(((await again.json()) as ApiError).error.code).toBe("waitlist_ended");
  });

  it("defaults the dates to the venue's horizon and takes the path's venue over the body's", async () => {
    const f = await createVenueFixture({ lawyers: 0 });
    const other = await createVenueFixture();
    const phone = uniquePhone();
    const response = await join(
      post({ name: "陈伯", phone, topic: "marriage", venue: other.venue.slug, consent: true }),
      params({ slug: f.venue.slug }),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { venue: { slug: string }; from: string; to: string };
    expect(body.venue.slug).toBe(f.venue.slug);
    expect(body.from).toBe(f.today);
    expect(body.to > f.dateOn(20)).toBe(true);
  });

  it("tells a caller to book when the venue has free times on the dates, holding nothing", async () => {
    const f = await createVenueFixture();
    const phone = uniquePhone();
    const response = await join(
      post({ name: "李阿姨", phone, topic: "marriage", from: f.dateOn(2), to: f.dateOn(3), consent: true }),
      params({ slug: f.venue.slug }),
    );
    expect(response.status).toBe(409);
    expect(((await response.json()) as ApiError).error.message).toMatch(/直接选择时间预约/);
    expect(await prisma.waitlistEntry.count({ where: { phone } })).toBe(0);
    expect(await prisma.booking.count({ where: { phone } })).toBe(0);
  });

  it("refuses bad input with the v1 error shape in Chinese, writing nothing", async () => {
    const f = await createVenueFixture();
    const phone = uniquePhone();
    const cases: [unknown, string][] = [
      [{ name: "李", phone, topic: "marriage" }, "consent"],
      [{ name: "李", phone: "0750-6612345", topic: "marriage", consent: true }, "phone"],
      [{ name: "", phone, topic: "marriage", consent: true }, "name"],
      [{ name: "李", phone, topic: "marriage", from: f.dateOn(5), to: f.dateOn(2), consent: true }, "to"],
      [{ name: "李", phone, topic: "marriage", from: "2026-02-30", consent: true }, "from"],
      [{ name: "李", phone, topic: "marriage", to: f.dateOn(45), consent: true }, "to"],
      [{ name: "李", phone, topic: "nonexistent", consent: true }, "topic"],
    ];
    for (const [body, field] of cases) {
      const response = await join(post(body), params({ slug: f.venue.slug }));
      expect(response.status, JSON.stringify(body)).toBe(400);
      const { error } = (await response.json()) as ApiError;
      expect(error.code).toBe("invalid_input");
      expect(error.fields?.[field], field).toMatch(/[\u4e00-\u9fff]/);
    }
    const notJson = await join(post("name=李"), params({ slug: f.venue.slug }));
    expect(notJson.status).toBe(400);
    const noVenue = await join(post({ name: "李", phone, topic: "marriage", consent: true }), params({ slug: "no-such-place" }));
    expect(noVenue.status).toBe(404);
    expect(await prisma.waitlistEntry.count({ where: { phone } })).toBe(0);
  });

  it("a freed slot shows as the entry's offer", async () => {
    const f = await createVenueFixture();
    const date = f.dateOn(3);
    const taken = [];
    for (let minute = 9 * 60; minute < 12 * 60; minute += 30) {
      const input = bookingInput(f.venue.slug, f.slotOn(3, minute));
      const r = await createBooking(input);
      if (r.ok) taken.push({ code: r.booking.code, phone: input.phone });
    }
    const phone = uniquePhone();
    const response = await join(
      post({ name: "李阿姨", phone, topic: "marriage", from: date, to: date, consent: true }),
      params({ slug: f.venue.slug }),
    );
    const { id } = (await response.json()) as { id: string };
    await cancelBooking(taken[0]);
    await offerFreedSlots(zonedInstant(todayInShanghai(), 12 * 60));
    const seen = (await (await read(new Request(`http://test/x?phone=${phone}`), params({ id }))).json()) as {
      status: string;
      offer?: { code: string; start: string; heldUntil: string };
    };
    expect(seen.status).toBe("offered");
    expect(seen.offer?.start).toBe(`${date}T09:00:00+08:00`);
    expect(seen.offer?.heldUntil).toMatch(/\+08:00$/);
  });
});
