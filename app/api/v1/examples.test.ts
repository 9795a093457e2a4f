// The OpenAPI document's error examples say what the server says (issue 25 item 5): each example
// below is compared with the answer the route gives in that case. A minute count in a 429 varies
// with the window, so numbers are compared as "N".
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { LIMITS, spend } from "@/lib/rate-limit";
import { bookingInput, createVenueFixture, uniquePhone } from "@/lib/testing/fixtures";
import { toIsoOffset } from "@/lib/time";
import { POST as cancelBooking } from "./bookings/[code]/cancel/route";
import { GET as getBooking } from "./bookings/[code]/route";
import { POST as book } from "./bookings/route";
import { GET as slots } from "./venues/[slug]/slots/route";
import { POST as joinWaitlist } from "./venues/[slug]/waitlist/route";
import { GET as venues } from "./venues/route";
import { POST as cancelEntry } from "./waitlist/[id]/cancel/route";
import { GET as readEntry } from "./waitlist/[id]/route";

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<
          string,
          { content?: Record<string, { examples?: Record<string, { value: { error: { message: string } } }> }> }
        >;
      }
    >
  >;
};
const doc = openApiDocument as unknown as Doc;

function example(method: string, path: string, status: number, code: string): string {
  const found = doc.paths[path]?.[method]?.responses?.[String(status)]?.content?.["application/json"]?.examples?.[code];
  if (!found) throw new Error(`no ${code} example for ${method} ${path} ${status}`);
  return found.value.error.message;
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://test/x", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const same = (text: string) => text.replace(/\d+/g, "N");
const address = () => `203.0.113.${Math.floor(Math.random() * 250)}-${uniquePhone()}`;

async function answer(response: Response) {
  return { status: response.status, ...((await response.json()) as { error: { code: string; message: string } }).error };
}

describe("the OpenAPI document's error examples", () => {
  it("say what the server answers, operation by operation", async () => {
    const f = await createVenueFixture();
    const cases: [method: string, path: string, got: Promise<Response>][] = [
      ["get", "/venues", venues(new Request("http://test/x?town=nowhere"))],
      ["get", "/venues/{slug}/slots", slots(new Request("http://test/x"), params({ slug: "nowhere" }))],
      ["get", "/bookings/{code}", getBooking(new Request("http://test/x?phone=13800000000"), params({ code: "ZZZZZZ" }))],
      ["post", "/bookings/{code}/cancel", cancelBooking(json({ phone: "13800000000" }), params({ code: "ZZZZZZ" }))],
      [
        "post",
        "/venues/{slug}/waitlist",
        joinWaitlist(
          json({ name: "测试", phone: uniquePhone(), topic: "marriage", from: f.dateOn(1), to: f.dateOn(2), consent: true }),
          params({ slug: "nowhere" }),
        ),
      ],
      ["get", "/waitlist/{id}", readEntry(new Request("http://test/x?phone=13800000000"), params({ id: "ZZZZZZZZ" }))],
      ["post", "/waitlist/{id}/cancel", cancelEntry(json({ phone: "13800000000" }), params({ id: "ZZZZZZZZ" }))],
      ["post", "/bookings", book(json({}))],
      ["get", "/venues", venues(new Request("http://test/x", { headers: { authorization: "Bearer mz_live_wrong" } }))],
    ];
    for (const [method, path, got] of cases) {
      const { status, code, message } = await answer(await got);
      expect(message, `${method} ${path} ${status} ${code}`).toBe(example(method, path, status, code));
    }
  });

  it("say what a refused booking (429) answers, but for how many minutes", async () => {
    const f = await createVenueFixture();
    const from = address();
    for (let i = 0; i < LIMITS.bookingAddress.points; i++) await spend("bookingAddress", from);
    const body = { ...bookingInput(f.venue.slug, f.slotOn(2)), start: toIsoOffset(f.slotOn(2)) };
    const { status, code, message } = await answer(await book(json(body, { "x-forwarded-for": from })));
    expect(status).toBe(429);
    expect(same(message)).toBe(same(example("post", "/bookings", 429, code)));
  });
});
