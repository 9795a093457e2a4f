// No lost updates (issue 25 item 3): a booking's ETag is its version, which every change raises;
// a reschedule or cancel with If-Match changes only the booking as the caller read it, and of two
// parallel moves made from the same reading exactly one lands (the other answers 412).
import { describe, expect, it } from "vitest";
import { createBooking } from "@/lib/booking/mutations";
import { loadHolidayCalendar } from "@/lib/holidays/queries";
import { bookingInput, createVenueFixture, prisma } from "@/lib/testing/fixtures";
import { addDays, toIsoOffset } from "@/lib/time";
import { POST as cancel } from "./bookings/[code]/cancel/route";
import { POST as reschedule } from "./bookings/[code]/reschedule/route";
import { GET as getBooking } from "./bookings/[code]/route";

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const post = (body: unknown, ifMatch?: string) =>
  new Request("http://test/api", {
    method: "POST",
    headers: { "content-type": "application/json", ...(ifMatch === undefined ? {} : { "if-match": ifMatch }) },
    body: JSON.stringify(body),
  });
const read = (code: string, phone: string) => getBooking(new Request(`http://test/x?phone=${phone}`), params({ code }));

async function booked() {
  const f = await createVenueFixture({ lawyers: 2 });
  const calendar = await loadHolidayCalendar();
  const days = Array.from({ length: 20 }, (_, i) => i + 1).filter((d) => calendar.dayKind(addDays(f.today, d)) !== "holiday");
  const input = bookingInput(f.venue.slug, f.slotOn(days[0]));
  const made = await createBooking(input);
  if (!made.ok) throw new Error(made.message);
  return { f, days, input, code: made.booking.code };
}

describe("ETag and If-Match on a booking", () => {
  it("gives the version as ETag, raised by every change, and refuses a stale If-Match with 412, changing nothing", async () => {
    const { f, days, input, code } = await booked();
    const first = await read(code, input.phone);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"\d+"$/);

    const moved = await reschedule(
      post({ phone: input.phone, start: toIsoOffset(f.slotOn(days[1])) }, etag ?? ""),
      params({ code }),
    );
    expect(moved.status).toBe(200);
    const movedTag = moved.headers.get("etag");
    expect(movedTag).not.toBe(etag);
    expect((await read(code, input.phone)).headers.get("etag")).toBe(movedTag);

    // The first reading is stale now: neither a move nor a cancel made from it changes anything.
    const before = await prisma.booking.findUniqueOrThrow({ where: { code } });
    const staleMove = await reschedule(
      post({ phone: input.phone, start: toIsoOffset(f.slotOn(days[2])) }, etag ?? ""),
      params({ code }),
    );
    expect(staleMove.status).toBe(412);
    expect((await staleMove.json()).error).toMatchObject({
      code: "booking_changed",
      message: expect.stringMatching(/已经有了变动/),
    });
    const staleCancel = await cancel(post({ phone: input.phone }, etag ?? ""), params({ code }));
    expect(staleCancel.status).toBe(412);
    expect(await prisma.booking.findUniqueOrThrow({ where: { code } })).toEqual(before);

    // Without If-Match, or with *, as before; a malformed one is refused.
    expect((await cancel(post({ phone: input.phone }, 'W/"1"'), params({ code }))).status).toBe(400);
    const done = await cancel(post({ phone: input.phone }, "*"), params({ code }));
    expect(done.status).toBe(200);
    expect((await done.json()).status).toBe("cancelled");
  });

  it("lets exactly one of two parallel moves from the same reading land", async () => {
    const { f, days, input, code } = await booked();
    const etag = (await read(code, input.phone)).headers.get("etag") ?? "";
    const answers = await Promise.all(
      [days[1], days[2]].map((d) =>
        reschedule(post({ phone: input.phone, start: toIsoOffset(f.slotOn(d)) }, etag), params({ code })),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const landed = answers.find((a) => a.status === 200);
    if (!landed) throw new Error("no move landed");
    const row = await prisma.booking.findUniqueOrThrow({ where: { code } });
    expect(toIsoOffset(row.startsAt)).toBe(((await landed.json()) as { start: string }).start);
  });
});
