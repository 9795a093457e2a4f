// Towns (issue 23): a town's audit page shows its accounts' entries and those about its own venues,
// bookings, lawyers and accounts (a district account acting for it included), and what concerns the
// whole deployment; never another town's. Against the real PostgreSQL, on a day no other test writes.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type DistrictScope, districtScope, type TownScope, townScope } from "@/lib/auth/scope";
import { generateBookingCode } from "@/lib/booking/code";
import { createTownFixture, createVenueFixture, prisma, uniquePhone } from "@/lib/testing/fixtures";
import { listAuditActors, listAuditEntries } from "./queries";
import { auditSearchInput } from "./schema";

const DAY = "2034-02-03";

async function staffOf(townId: string) {
  const tag = randomBytes(4).toString("hex");
  const user = await prisma.user.create({
    data: { username: `audit-scope-${tag}`, displayName: `工作人员${tag}`, passwordHash: "x", role: "STAFF", townId },
  });
  const scope = townScope({ id: user.id, role: "STAFF", displayName: user.displayName, lawyerId: null, townId }, null);
  return { user, scope: scope as TownScope };
}

async function fixture() {
  const tag = randomBytes(4).toString("hex");
  const [townA, townB] = await Promise.all([createTownFixture("甲镇"), createTownFixture("乙镇")]);
  const a = await createVenueFixture({ townId: townA.id });
  const b = await createVenueFixture({ townId: townB.id });
  const [staffA, staffB] = await Promise.all([staffOf(townA.id), staffOf(townB.id)]);
  const booking = await prisma.booking.create({
    data: {
      code: generateBookingCode(),
      venueId: a.venue.id,
      lawyerId: a.lawyers[0].id,
      topicId: a.topic.id,
      startsAt: new Date(`${DAY}T01:00:00Z`),
      endsAt: new Date(`${DAY}T01:30:00Z`),
      name: "测试村民",
      phone: uniquePhone(),
      consentAt: new Date(),
    },
  });
  const at = new Date(`${DAY}T02:00:00Z`);
  const entry = (actorId: string | null, actorRole: string, kind: string, subjectId: string | null, what: string) => ({
    actorId,
    actorName: "测试",
    actorRole,
    kind,
    action: "update",
    subjectId,
    summary: `${tag} ${what}`,
    at,
  });
  await prisma.auditLog.createMany({
    data: [
      entry(staffA.user.id, "STAFF", "venue", a.venue.id, "甲镇工作人员改甲镇地点"),
      entry("district-user", "DISTRICT（代镇工作）", "booking", booking.id, "区司法局代甲镇改预约"),
      entry(null, "LAWYER", "lawyer", a.lawyers[0].id, "关于甲镇律师"),
      entry("district-user", "DISTRICT（代镇工作）", "personal_data", `callback_list:town:${townA.id}`, "甲镇回电名单"),
      entry("district-user", "DISTRICT（代镇工作）", "personal_data", `day_sheet:${a.venue.id}:${DAY}`, "甲镇签到表"),
      entry(staffB.user.id, "STAFF", "venue", b.venue.id, "乙镇工作人员改乙镇地点"),
      entry("district-user", "DISTRICT（代镇工作）", "booking", "no-such-booking", "不属于任何镇"),
      entry(staffB.user.id, "ADMIN", "site", "public_address", "网站设置"),
    ],
  });
  return { tag, townA, staffA, staffB };
}

const summaries = async (scope: TownScope | DistrictScope, tag: string) =>
  (await listAuditEntries(scope, auditSearchInput.parse({ from: DAY, to: DAY }))).entries
    .map((e) => e.summary)
    .filter((s) => s.startsWith(tag))
    .map((s) => s.slice(tag.length + 1))
    .sort();

describe("a town's audit log", () => {
  it("has its accounts' entries and those about its venues, bookings, lawyers and lists, and the deployment's", async () => {
    const { tag, staffA, staffB } = await fixture();
    expect(await summaries(staffA.scope, tag)).toEqual(
      ["甲镇工作人员改甲镇地点", "区司法局代甲镇改预约", "关于甲镇律师", "甲镇回电名单", "甲镇签到表", "网站设置"].sort(),
    );
    expect(await summaries(staffB.scope, tag)).toEqual(["乙镇工作人员改乙镇地点", "网站设置"].sort());
    // The "who" list of town B names none of town A's staff.
    const actorsOfB = (await listAuditActors(staffB.scope)).map((a) => a.id);
    expect(actorsOfB).toContain(staffB.user.id);
    expect(actorsOfB).not.toContain(staffA.user.id);
    // Filtering by town A's account in B's scope finds nothing of A's.
    const byA = await listAuditEntries(staffB.scope, auditSearchInput.parse({ actor: staffA.user.id }));
    expect(byA.total).toBe(0);
  });

  it("is every entry for the district, or one town's when it asks", async () => {
    const { tag, townA } = await fixture();
    const district = districtScope({ id: "audit-district", role: "DISTRICT", displayName: "区司法局", lawyerId: null });
    expect(await summaries(district as DistrictScope, tag)).toHaveLength(8);
    const oneTown = await listAuditEntries(
      district as DistrictScope,
      auditSearchInput.parse({ from: DAY, to: DAY, town: townA.id }),
    );
    expect(oneTown.entries.filter((e) => e.summary.startsWith(tag))).toHaveLength(6);
  });
});
