import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Forbidden } from "@/lib/auth/can";
import { type DistrictScope, districtScope, townScope } from "@/lib/auth/scope";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { prisma, testTownId } from "@/lib/testing/fixtures";
import { addWorkroom, createTown, createTownAdmin, recordActing } from "./mutations";
import { townInput } from "./schema";

async function district(): Promise<DistrictScope> {
  const user = await prisma.user.create({
    data: {
      username: `district-${randomBytes(4).toString("hex")}`,
      displayName: "区司法局测试",
      role: "DISTRICT",
      passwordHash: "-",
    },
  });
  return districtScope({ ...user, lawyerId: null }) as DistrictScope;
}

function townForm(tag = randomBytes(3).toString("hex")) {
  return townInput.parse({
    slug: `t${tag}`,
    name: `新${tag}镇`,
    government: `江门市新会区新${tag}镇人民政府`,
    officeName: `新${tag}司法所`,
    officeAddress: "江门市新会区新镇路 1 号",
    officePhone: "",
    village: "新村",
    villageAddress: "新村村委会",
    adminUsername: `admin-${tag}`,
    adminName: "新镇管理员",
  });
}

describe("createTown", () => {
  it("creates the town with its station, first workroom and an administrator of that town, all audited", async () => {
    const scope = await district();
    const input = townForm();
    const result = await createTown(scope, input);
    if (!result.ok) throw new Error(result.message);
    const town = await prisma.town.findUniqueOrThrow({
      where: { id: result.townId },
      include: { venues: { orderBy: { sortOrder: "asc" } } },
    });
    expect(town).toMatchObject({ slug: input.slug, name: input.name, shortName: input.name.replace(/镇$/, "") });
    expect(town.venues.map((v) => [v.slug, v.kind, v.name])).toEqual([
      [`${input.slug}-station`, "STATION", `${input.name}公共法律服务工作站`],
      [`${input.slug}-1`, "WORKROOM", "新村公共法律服务工作室"],
    ]);
    const admin = await prisma.user.findUniqueOrThrow({ where: { username: input.adminUsername } });
    expect(admin).toMatchObject({ role: "ADMIN", townId: town.id, mustChangePassword: true });
    expect((await signInWithPassword(input.adminUsername, result.password, "test")).ok).toBe(true);
    const audit = await prisma.auditLog.findMany({ where: { actorId: scope.actor.id } });
    expect(audit.map((a) => `${a.kind} ${a.action}`).sort()).toEqual(["account create", "town create"]);
  });

  it("refuses a slug or administrator name in use with the field to change, creating nothing", async () => {
    const scope = await district();
    const first = townForm();
    expect((await createTown(scope, first)).ok).toBe(true);
    const before = await prisma.town.count();
    const sameSlug = await createTown(scope, { ...townForm(), slug: first.slug });
    expect(sameSlug).toMatchObject({ ok: false, fields: { slug: expect.stringContaining("网址简称") } });
    const sameAdmin = await createTown(scope, { ...townForm(), adminUsername: first.adminUsername });
    expect(sameAdmin).toMatchObject({ ok: false, fields: { adminUsername: expect.any(String) } });
    expect(await prisma.town.count()).toBe(before);
  });

  it("is the district's alone", async () => {
    const staff = townScope({ id: "x", role: "ADMIN", displayName: "镇管理员", lawyerId: null, townId: await testTownId() });
    await expect(createTown(staff as unknown as DistrictScope, townForm())).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("addWorkroom and createTownAdmin", () => {
  it("number a town's workrooms in turn, and give it more administrators", async () => {
    const scope = await district();
    const input = townForm();
    const created = await createTown(scope, input);
    if (!created.ok) throw new Error(created.message);
    const added = await Promise.all(
      ["东村", "西村"].map((village) => addWorkroom(scope, { townId: created.townId, village, address: `${village}村委会` })),
    );
    expect(added.map((a) => (a.ok ? a.slug : a.message)).sort()).toEqual([`${input.slug}-2`, `${input.slug}-3`]);
    const admin = await createTownAdmin(scope, {
      townId: created.townId,
      adminUsername: `more-${input.slug}`,
      adminName: "第二位管理员",
    });
    expect(admin.ok).toBe(true);
    expect(await prisma.user.count({ where: { townId: created.townId, role: "ADMIN" } })).toBe(2);
  });

  it("answer an unknown town with not found", async () => {
    const scope = await district();
    expect(await addWorkroom(scope, { townId: "nowhere", village: "东村", address: "地址" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await createTownAdmin(scope, { townId: "nowhere", adminUsername: "nobody-x", adminName: "无" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});

describe("recordActing", () => {
  it("writes when the district starts and stops acting for a town", async () => {
    const scope = await district();
    const townId = await testTownId();
    expect(await recordActing(scope, townId)).toEqual({ ok: true, townId });
    expect(await recordActing(scope, null)).toEqual({ ok: true, townId: null });
    expect(await recordActing(scope, "nowhere")).toMatchObject({ ok: false, code: "not_found" });
    const audit = await prisma.auditLog.findMany({ where: { actorId: scope.actor.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["act_as", "stop_acting"]);
  });
});
