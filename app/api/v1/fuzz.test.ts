// Property-based fuzzing of the JSON API v1 route handlers (issue 11): generated malformed bodies,
// query strings and path parameters (NUL and other control characters, huge strings, wrong types,
// arrays, nested objects, dates before year 1000 and after 2100, %-encoded junk, unknown paths,
// wrong methods) never get a 5xx, always get the JSON error shape when refused, and write nothing.
//
// Bounded: a fixed seed (a failure replays the same way; change SEED to explore further), RUNS
// requests per property (2,250 in all) and a time limit per property that counts as a failure when
// hit, so a slow run cannot pass by trying less. The file runs on a throwaway database of its own,
// so that every table can be counted exactly before and after while other test files run.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toIsoOffset } from "@/lib/time";
import { createTestDatabase, type TestDatabase } from "@/scripts/lib/test-database";
import { POST as cancel } from "./bookings/[code]/cancel/route";
import { POST as reschedule } from "./bookings/[code]/reschedule/route";
import { GET as getBooking } from "./bookings/[code]/route";
import { POST as book } from "./bookings/route";
import { GET as slots } from "./venues/[slug]/slots/route";

const SEED = 20_261_111;
const RUNS = { create: 700, change: 500, read: 300, slots: 450, paths: 300 };
const TIME_LIMIT_MS = 60_000;
const settings = (numRuns: number) => ({
  numRuns,
  seed: SEED,
  interruptAfterTimeLimit: TIME_LIMIT_MS,
  markInterruptAsFailure: true,
});

// ---------------------------------------------------------------------------------------------
// The hostile values.

/** Characters refused in every text field, a multi-line note included, wherever they stand. */
const control = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\u0007",
  "\u0008",
  "\u000b",
  "\u000c",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u009f",
  "\ud800",
  "\udfff",
);
/** Anything at all, with at least one such character inside (an "x" each side keeps it off the edges trim removes). */
const withControl = fc
  .tuple(fc.string({ unit: "grapheme", maxLength: 12 }), control, fc.string({ maxLength: 12 }))
  .map(([before, c, after]) => `${before}x${c}x${after}`);
/** Percent-encoded junk, as a path or query string may carry it. */
/** Every UTF-8 byte as %XX (a lone surrogate becomes U+FFFD, as a browser would send it). */
const percentEncoded = (text: string) =>
  [...new TextEncoder().encode(text)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
const percentJunk = fc
  .array(
    fc.constantFrom(
      "%ZZ",
      "%",
      "%0",
      "%00",
      "%C0%AF",
      "%E4%B8",
      "%FF",
      "%2F",
      "%5C",
      "%25",
      "%u0000",
      "%%",
      "..%2F",
      "%0A",
      "%0D%0A",
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => parts.join("x"));
const huge = fc.constantFrom("村".repeat(100_000), "A".repeat(1_000_000), "1".repeat(50_000), "\u0000".repeat(10_000));
const anyText = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 }), percentJunk, withControl);
/** Values of the wrong type for a text field. */
const notText = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyText, { maxLength: 3 }),
  fc.dictionary(anyText, anyText, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v !== "string"),
);
const deep = fc.integer({ min: 50, max: 2_000 }).map((depth) => {
  let value: unknown = "底";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
});

const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** Instants before year 1000 and after 2100, malformed ones, and extended years. */
const badInstant = fc.oneof(
  fc
    .record({
      year: fc.integer({ min: 0, max: 999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
    })
    .map(({ year, month, day, hour }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:00:00+08:00`),
  fc
    .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("1999-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc
    .date({ min: new Date("2101-01-02T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    "0500-06-01T09:00:00+08:00",
    "0000-01-01T00:00:00Z",
    "+010000-01-01T00:00:00Z",
    "-000001-01-01T00:00:00Z",
    "275760-09-13T00:00:00Z",
    "2026-13-01T09:00:00+08:00",
    "2026-02-30T09:00:00+08:00",
    "2026-12-01T25:00:00+08:00",
    "2026-12-01T09:00:00",
    "2026-12-01",
    "明天上午",
  ),
  withControl,
  percentJunk,
  notText,
  huge,
);
/** Calendar dates a query string may carry: before 1000, after 2100, impossible, junk. */
const badDate = fc.oneof(
  fc.integer({ min: 0, max: 999 }).map((y) => `${pad(y, 4)}-06-01`),
  fc.integer({ min: 2101, max: 9999 }).map((y) => `${y}-01-01`),
  fc.constantFrom("0500-06-01", "9999-12-31", "+10000-01-01", "2026-02-30", "2026-00-10", "2026-1-1", "%00", "%ZZ"),
  withControl,
  percentJunk,
);

/** A value that no text field can take: a control character, the wrong type, or far too long. */
const badText = fc.oneof(withControl, notText, huge, deep);
const badPhone = fc.oneof(
  badText,
  fc.constantFrom("", "12345", "1381234567", "138123456789", "+87 13812345678", "%2B8613812345678"),
  fc.integer({ min: 0, max: 99_999_999_999 }),
);
/** Booking codes and slugs that name nothing: every path parameter an attacker might send. */
const badCode = fc.oneof(
  withControl,
  percentJunk,
  huge,
  fc.constantFrom("", "no!", "../..", "ABC/DEF", "ABC?x=1", "ABC#1", "ＡＢＣ１２３", "abc 123", "A".repeat(13), "AAA"),
);

// ---------------------------------------------------------------------------------------------
// Requests and what every answer must look like.

type Setup = { slug: string; start: string; code: string; phone: string };
let setup: Setup;
let database: TestDatabase;
let prisma: typeof import("@/lib/testing/fixtures")["prisma"];
const previousUrl = process.env.DATABASE_URL;
let sent = 0;

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/problem+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "APPLICATION/JSON",
  "application/jsonp",
  "",
];

/** A body as raw text: JSON of a value, or text that is not JSON at all. */
const rawBody = (value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 6, arbitrary: value.map((v) => JSON.stringify(v)) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.constantFrom(
          "",
          "{",
          "{not json",
          "[1,2]",
          "null",
          "42",
          '"预约"',
          "\u0000",
          '{"name":"\\u0000"',
          "{}".repeat(10_000),
        ),
      ),
    },
  );

function post(body: string, contentType: string | null): Request {
  return new Request("http://test/api/v1", {
    method: "POST",
    headers: contentType === null ? {} : { "content-type": contentType },
    body,
  });
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });

/** Never a 5xx; a refusal is `{ error: { code, message[, fields] } }` in JSON with a Chinese message. */
async function expectWellRefused(response: Response, { ok = false }: { ok?: boolean } = {}): Promise<void> {
  sent++;
  expect(response.status).toBeLessThan(500);
  if (ok && response.status < 300) return;
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toEqual({
    code: expect.stringMatching(/^[a-z_]+$/),
    message: expect.stringMatching(/[\u4e00-\u9fff]/),
    ...("fields" in body.error && { fields: expect.any(Object) }),
  });
  for (const message of Object.values((body.error.fields as Record<string, unknown>) ?? {}))
    expect(message).toMatch(/[\u4e00-\u9fff]/);
}

/**
 * Rows in every table of this file's database, aside from the migrations' own bookkeeping and the
 * counters of tries (rate_limit), which hostile requests are meant to raise: that is how they are slowed.
 */
async function countRows(): Promise<Record<string, number>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'rate_limit')`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`);
    counts[name] = Number(row.n);
  }
  return counts;
}

let before: Record<string, number>;
let bookingBefore: unknown;
const bookingRow = () => prisma.booking.findFirstOrThrow({ where: { code: setup.code } });

beforeAll(async () => {
  database = await createTestDatabase("fuzz");
  process.env.DATABASE_URL = database.url;
  const fixtures = await import("@/lib/testing/fixtures");
  prisma = fixtures.prisma;
  const f = await fixtures.createVenueFixture({ lawyers: 2 });
  const phone = fixtures.uniquePhone();
  // Booked through the API itself, which proves the handlers talk to this file's database.
  const created = await book(
    post(
      JSON.stringify({ ...fixtures.bookingInput(f.venue.slug, f.slotOn(1)), phone, start: toIsoOffset(f.slotOn(1)) }),
      "application/json",
    ),
  );
  expect(created.status).toBe(201);
  const { code } = (await created.json()) as { code: string };
  setup = { slug: f.venue.slug, start: toIsoOffset(f.slotOn(2)), code, phone };
  before = await countRows();
  bookingBefore = await bookingRow();
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  // The app's own client is left connected: the drop ends its connections, and its pool expects that.
  await database?.drop();
  if (previousUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = previousUrl;
});

// ---------------------------------------------------------------------------------------------
// The properties.

/** A field name of `base` and a value it cannot take; at least one per request, so nothing may succeed. */
function broken<K extends string>(hostile: Record<K, fc.Arbitrary<unknown>>) {
  return fc
    .uniqueArray(fc.constantFrom(...(Object.keys(hostile) as K[])), { minLength: 1, maxLength: 3 })
    .chain((keys) => fc.tuple(...keys.map((k) => hostile[k].map((v) => [k, v] as const))));
}
/** Fields a request may carry beside the broken ones: unknown names, odd values that may even be valid. */
const noise = fc.dictionary(
  fc.oneof(fc.constantFrom("__proto__", "constructor", "extra", "village", "priorityGroup", "description"), anyText),
  fc.oneof(anyText, notText),
  { maxKeys: 3 },
);

describe("the API v1 under fuzzing", () => {
  it("POST /bookings: hostile bodies are refused with the error shape", async () => {
    const valid = () => ({
      venue: setup.slug,
      start: setup.start,
      name: "村民甲",
      phone: "13912345678",
      topic: "marriage",
      consent: true,
    });
    const hostile = {
      venue: fc.oneof(badText, fc.constant("")),
      start: badInstant,
      lawyerId: fc.oneof(badText, fc.constant("")),
      name: fc.oneof(badText, fc.constantFrom("", "   ")),
      phone: badPhone,
      village: badText,
      topic: fc.oneof(badText, fc.constant("")),
      description: badText,
      onBehalfOf: fc.oneof(
        notText.filter((v) => typeof v !== "object" || v === null || Array.isArray(v)),
        fc.record({ name: badText, relation: anyText }),
        fc.record({ name: fc.constant("村民乙"), relation: badText }),
      ),
      priorityGroup: fc.oneof(badText, fc.constantFrom("vip", "")),
      consent: fc.oneof(fc.constantFrom(false, "true", "on", 1, null), notText).filter((v) => v !== true),
    };
    const body = fc.oneof(
      {
        weight: 8,
        arbitrary: fc
          .tuple(noise, broken(hostile))
          .map(([extra, fields]) => ({ ...valid(), ...extra, ...Object.fromEntries(fields) })),
      },
      { weight: 1, arbitrary: fc.oneof(fc.array(anyText, { maxLength: 3 }), notText, deep, anyText) },
    );
    await fc.assert(
      fc.asyncProperty(rawBody(body), fc.constantFrom(...CONTENT_TYPES, null), async (text, type) => {
        const response = await book(post(text, type));
        expect(response.status).not.toBe(201);
        await expectWellRefused(response);
      }),
      settings(RUNS.create),
    );
  }, 120_000);

  it("POST /bookings/{code}/cancel and /reschedule: hostile codes and bodies are refused with the error shape", async () => {
    const realCode = fc.constantFrom(setup.code, setup.code.toLowerCase(), ` ${setup.code} `);
    const hostileCancel = { phone: badPhone, reason: badText };
    const hostileMove = { phone: badPhone, start: badInstant, lawyerId: fc.oneof(badText, fc.constant("")) };
    const request = fc.oneof(
      // The right code with a body that cannot succeed...
      fc.record({
        route: fc.constant("cancel" as const),
        code: realCode,
        body: rawBody(
          fc.tuple(noise, broken(hostileCancel)).map(([e, f]) => ({ phone: setup.phone, ...e, ...Object.fromEntries(f) })),
        ),
      }),
      fc.record({
        route: fc.constant("reschedule" as const),
        code: realCode,
        body: rawBody(
          fc
            .tuple(noise, broken(hostileMove))
            .map(([e, f]) => ({ phone: setup.phone, start: setup.start, ...e, ...Object.fromEntries(f) })),
        ),
      }),
      // ...or a code that names nothing, with any body at all, even the right phone.
      fc.record({
        route: fc.constantFrom("cancel" as const, "reschedule" as const),
        code: badCode,
        body: rawBody(
          fc.oneof(
            fc.constant({ phone: setup.phone, start: setup.start }),
            noise,
            fc.tuple(noise, broken(hostileMove)).map(([e, f]) => ({ ...e, ...Object.fromEntries(f) })),
          ),
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, fc.constantFrom(...CONTENT_TYPES), async ({ route, code, body }, type) => {
        const handler = route === "cancel" ? cancel : reschedule;
        await expectWellRefused(await handler(post(body, type), params({ code })));
      }),
      settings(RUNS.change),
    );
  }, 120_000);

  it("GET /bookings/{code}: hostile codes and query strings are refused with the error shape", async () => {
    const code = fc.oneof(badCode, fc.constantFrom(setup.code, setup.code.toLowerCase()));
    const phone = fc.oneof(
      percentJunk,
      fc.string({ unit: "binary", maxLength: 20 }).map(percentEncoded),
      withControl.map(percentEncoded),
    );
    const query = fc.oneof(
      phone.map((p) => `phone=${p}`),
      fc.tuple(phone, phone).map(([a, b]) => `phone=${a}&phone=${b}`),
      fc.constantFrom("", "phone", "phone=", "phone[]=13812345678", "%ZZ=1", "&&==", "phone=%ZZ", "phone=%00"),
      percentJunk,
    );
    await fc.assert(
      fc.asyncProperty(code, query, async (c, q) => {
        const response = await getBooking(new Request(`http://test/api/v1/bookings/x?${q}`), params({ code: c }));
        expect(response.status).not.toBe(200);
        await expectWellRefused(response);
      }),
      settings(RUNS.read),
    );
  }, 120_000);

  it("GET /venues/{slug}/slots: hostile slugs and dates are refused with the error shape", async () => {
    const slug = fc.oneof(badCode, fc.string({ unit: "binary", maxLength: 30 }), fc.constant(setup.slug));
    const date = fc.oneof(
      badDate.map((d) => (d.includes("%") ? d : percentEncoded(d))),
      fc.constant("2026-12-01"),
    );
    const query = fc.oneof(
      fc
        .record({ from: fc.option(date), to: fc.option(date) })
        .map(({ from, to }) => [from === null ? "" : `from=${from}`, to === null ? "" : `to=${to}`].filter(Boolean).join("&")),
      percentJunk,
      fc.constantFrom("from", "from=&to=", "from[]=2026-12-01", "from=2026-12-01&from=0500-01-01"),
    );
    await fc.assert(
      fc.asyncProperty(slug, query, async (s, q) => {
        await expectWellRefused(await slots(new Request(`http://test/api/v1/venues/x/slots?${q}`), params({ slug: s })), {
          ok: s === setup.slug,
        });
      }),
      settings(RUNS.slots),
    );
  }, 120_000);

  it("unknown paths and methods a route does not take answer the error shape", async () => {
    const unknown = (await import("./[...path]/route")) as Record<
      string,
      (r: Request, c: unknown) => Promise<Response> | Response
    >;
    const routes = {
      bookings: await import("./bookings/route"),
      booking: await import("./bookings/[code]/route"),
      cancel: await import("./bookings/[code]/cancel/route"),
      venues: await import("./venues/route"),
      slots: await import("./venues/[slug]/slots/route"),
    } as unknown as Record<string, Record<string, (r: Request, c: unknown) => Promise<Response> | Response>>;
    const TAKEN: Record<string, string> = { bookings: "POST", booking: "GET", cancel: "POST", venues: "GET", slots: "GET" };
    const method = fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    const segment = fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 20 }), percentJunk, withControl, badCode);
    const request = fc.oneof(
      fc.record({
        kind: fc.constant("unknown" as const),
        method,
        path: fc.array(segment, { minLength: 1, maxLength: 5 }),
        route: fc.constant(""),
      }),
      fc.record({
        kind: fc.constant("method" as const),
        route: fc.constantFrom(...Object.keys(routes)),
        method,
        path: fc.constant([] as string[]),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, rawBody(noise), async ({ kind, method: m, path, route }, body) => {
        if (kind === "method" && (m === TAKEN[route] || (m === "HEAD" && TAKEN[route] === "GET"))) return;
        const handler = kind === "unknown" ? unknown[m] : routes[route][m];
        expect(handler, `${m} ${route || path.join("/")}`).toBeTypeOf("function");
        const init = m === "GET" || m === "HEAD" ? { method: m } : { method: m, body };
        const response = await handler(new Request("http://test/api/v1/x", init), params({ path, code: "ABC123", slug: "x" }));
        expect(response.status).toBe(kind === "unknown" ? 404 : 405);
        await expectWellRefused(response);
      }),
      settings(RUNS.paths),
    );
  }, 120_000);

  it(`sent at least 2,000 requests and wrote nothing: no row in any table, the booking unchanged`, async () => {
    expect(sent).toBeGreaterThanOrEqual(2_000);
    const after = await countRows();
    expect(after.booking).toBe(1);
    expect(after).toEqual(before);
    expect(await bookingRow()).toEqual(bookingBefore);
  });
});
