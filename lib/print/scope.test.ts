// Printing in a town scope (issue 23): posters, contact cards and day sheets of the town's own
// venues and lawyers only; a card without a village sends to the town's own station. Real PostgreSQL.
import { describe, expect, it } from "vitest";
import { createTownFixture, createVenueFixture, prisma, staffScopeOf } from "@/lib/testing/fixtures";
import { getCardSheet, getDaySheet, listCardSheets, listSheetVenues, listVenuePosters } from "./queries";

const staffOf = staffScopeOf;

async function station(townId: string, name: string) {
  return prisma.venue.create({
    data: { slug: `station-${townId}`, kind: "STATION", name, address: "测试地址", townId },
  });
}

async function twoTowns() {
  const [townA, townB] = [await createTownFixture("甲镇"), await createTownFixture("乙镇")];
  const fa = await createVenueFixture({ townId: townA.id });
  const fb = await createVenueFixture({ townId: townB.id });
  const stations = [await station(townA.id, "甲镇司法所"), await station(townB.id, "乙镇司法所")];
  return { a: staffOf(townA.id), b: staffOf(townB.id), fa, fb, stations };
}

describe("printing in a town scope", () => {
  it("posters, cards and day sheets of another town's venues and lawyers are none of a town's", async () => {
    const { a, b, fa } = await twoTowns();
    const lawyer = fa.lawyers[0];
    const date = fa.dateOn(1);
    expect((await listVenuePosters(b)).map((p) => p.venue.slug)).not.toContain(fa.venue.slug);
    expect((await listVenuePosters(a)).map((p) => p.venue.slug)).toContain(fa.venue.slug);
    expect(await getCardSheet(b, lawyer.id)).toBeNull();
    expect(await getCardSheet(a, lawyer.id)).toMatchObject({ lawyer: { id: lawyer.id } });
    expect((await listCardSheets(b))?.map((s) => s.lawyer.id)).not.toContain(lawyer.id);
    expect((await listCardSheets(a))?.map((s) => s.lawyer.id)).toEqual([lawyer.id]);
    expect(await getDaySheet(b, { venue: fa.venue.slug, date })).toBeNull();
    expect(await getDaySheet(a, { venue: fa.venue.slug, date })).toMatchObject({ venue: { id: fa.venue.id } });
    expect((await listSheetVenues(b)).map((v) => v.slug)).not.toContain(fa.venue.slug);
  });

  it("a lawyer with no village of the town has cards that open the town's own station", async () => {
    const { b, stations } = await twoTowns();
    const lawyer = await prisma.lawyer.create({
      data: { name: "乙镇新律师", firm: "测试律师事务所", publicPhone: "13800000001", townId: b.townId },
    });
    const sheet = await getCardSheet(b, lawyer.id);
    const targets = new Set(sheet?.cards.map((c) => c.face.target?.url));
    expect([...targets]).toHaveLength(1);
    expect([...targets][0]).toContain(`/venues/${stations[1].slug}`);
  });
});
