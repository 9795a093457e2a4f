import { describe, expect, it } from "vitest";
import { createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { createCallbackRequest, recordVenueLookup } from "./mutations";
import { callbackRequestInput } from "./schema";

describe("unmet demand", () => {
  it("records looks at a venue with whether anything was free", async () => {
    const { venue } = await createVenueFixture();
    await recordVenueLookup(venue.id, false);
    await recordVenueLookup(venue.id, true);
    const rows = await prisma.venueLookup.findMany({ where: { venueId: venue.id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => r.hadFreeSlot)).toEqual([false, true]);
  });

  it("keeps a call-back request only with consent and a valid mobile number", async () => {
    const { venue } = await createVenueFixture();
    expect(callbackRequestInput.safeParse({ name: "黄姨", phone: "12345" }).success).toBe(false);
    const phone = uniquePhone();
    await createCallbackRequest(callbackRequestInput.parse({ venue: venue.slug, name: "黄姨", phone, consent: true }));
    expect(await prisma.callbackRequest.findFirst({ where: { phone } })).toMatchObject({
      venueId: venue.id,
      name: "黄姨",
      handledAt: null,
    });
  });
});
