// How the site and a venue's pages name their town, from the towns' rows. Against the real
// PostgreSQL, which other tests share: it always holds several towns, so the one-town identity is
// checked in rules.test.ts (nameSite) and here only the district's.
import { describe, expect, it } from "vitest";
import { createTownFixture, createVenueFixture, prisma } from "@/lib/testing/fixtures";
import { siteIdentity, townOfVenue, venueTowns } from "./queries";

describe("siteIdentity", () => {
  it("names the district, and no town, when the deployment has several towns", async () => {
    await Promise.all([createTownFixture("甲镇"), createTownFixture("乙镇")]);
    const site = await siteIdentity();
    expect(site.town).toBeNull();
    expect(site.towns).toBe(await prisma.town.count());
    expect(site.towns).toBeGreaterThanOrEqual(2);
    expect(site.title).toMatch(/公共法律服务预约$/);
    expect(site.office).toBe("所在镇（街道）司法所");
    expect(site.controller).toContain("司法局");
  });
});

describe("venueTowns", () => {
  it("names each venue's own town, with the town's station when villagers can book there", async () => {
    const [a, b] = await Promise.all([createTownFixture("甲镇"), createTownFixture("乙镇")]);
    const { venue: inA } = await createVenueFixture({ townId: a.id, lawyers: 0 });
    const { venue: inB } = await createVenueFixture({ townId: b.id, lawyers: 0 });
    const station = await prisma.venue.create({
      data: {
        slug: `${a.slug}-station`,
        kind: "STATION",
        name: `${a.name}公共法律服务工作站`,
        address: "测试地址",
        townId: a.id,
      },
    });

    const towns = await venueTowns([inA.slug, inB.slug, "no-such-venue"]);
    expect(towns.size).toBe(2);
    expect(towns.get(inA.slug)).toMatchObject({
      id: a.id,
      name: a.name,
      officeName: a.officeName,
      government: a.government,
      stationName: station.name,
      stationSlug: station.slug,
    });
    // B has no station in the data: its usual name, and no page to link to.
    expect(towns.get(inB.slug)).toMatchObject({ id: b.id, officeName: b.officeName, stationName: `${b.name}公共法律服务工作站` });
    expect(towns.get(inB.slug)?.stationSlug).toBeNull();
  });

  it("links no station that villagers cannot book at", async () => {
    const town = await createTownFixture();
    const { venue } = await createVenueFixture({ townId: town.id, lawyers: 0 });
    await prisma.venue.create({
      data: {
        slug: `${town.slug}-station`,
        kind: "STATION",
        name: "停用的工作站",
        address: "测试地址",
        townId: town.id,
        active: false,
      },
    });
    expect(await townOfVenue(venue.slug)).toMatchObject({ stationName: `${town.name}公共法律服务工作站`, stationSlug: null });
    expect(await townOfVenue("no-such-venue")).toBeNull();
  });
});
