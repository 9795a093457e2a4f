// Slots read the same holiday calendar as everything else, including years chinese-days has no notice for yet.
import { describe, expect, it } from "vitest";
import { createVenueFixture } from "@/lib/testing/fixtures";
import type { DateString } from "@/lib/time";
import { listVenueSlots } from "./queries";

describe("listVenueSlots in a year without a published holiday notice", () => {
  it("offers no weekly-session slots on 2027-01-01 (元旦, a Friday)", async () => {
    // Three weeks before: 2027-01-01 is inside the 28-day horizon.
    const now = new Date("2026-12-10T09:00:00+08:00");
    const f = await createVenueFixture({ now });
    const startsOn = async (date: DateString) =>
      (await listVenueSlots(f.venue.slug, { from: date, to: date, now }))?.slots.map((s) => s.start) ?? [];

    expect(await startsOn("2027-01-01")).toEqual([]);
    // The days around it keep their 09:00–12:00 duty: six 30-minute slots each.
    expect(await startsOn("2026-12-31")).toHaveLength(6);
    expect(await startsOn("2027-01-06")).toHaveLength(6);
  });
});
