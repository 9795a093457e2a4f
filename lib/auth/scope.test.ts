import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { atVenuesIn, auditActorOf, districtScope, lawyersIn, townInScope, townScope, venuesIn } from "./scope";

const person = (role: Role, townId: string | null = null, extra = {}) => ({
  id: `u-${role}`,
  role,
  displayName: role,
  lawyerId: role === "LAWYER" ? "l1" : null,
  townId,
  ...extra,
});

describe("townScope", () => {
  it("gives staff and admins their own town, whatever town they ask to act for", () => {
    fc.assert(
      fc.property(fc.constantFrom<Role>("STAFF", "ADMIN"), fc.string(), fc.option(fc.string()), (role, own, asked) => {
        fc.pre(own.length > 0);
        const scope = townScope(person(role, own), asked);
        expect(scope?.townId).toBe(own);
        expect(scope?.acting).toBe(false);
      }),
      { seed: 23 },
    );
  });

  it("gives a district account the town it acts for, marked as acting, and nothing without one", () => {
    const scope = townScope(person("DISTRICT"), "t2");
    expect(scope).toMatchObject({ kind: "town", townId: "t2", acting: true });
    expect(townScope(person("DISTRICT"), null)).toBeNull();
    expect(auditActorOf(scope as NonNullable<typeof scope>).role).toBe("DISTRICT（代镇工作）");
  });

  it("gives lawyers, staff without a town and accounts on a first password no town scope", () => {
    expect(townScope(person("LAWYER"), "t1")).toBeNull();
    expect(townScope(person("STAFF", null))).toBeNull();
    expect(townScope(person("STAFF", "t1", { mustChangePassword: true }))).toBeNull();
    expect(townScope(person("DISTRICT", null, { mustChangePassword: true }), "t1")).toBeNull();
  });

  it("cannot be changed once minted", () => {
    const scope = townScope(person("STAFF", "t1")) as unknown as { townId: string };
    expect(() => {
      scope.townId = "t2";
    }).toThrow();
  });
});

describe("districtScope", () => {
  it("is the district account's alone", () => {
    expect(districtScope(person("DISTRICT"))).toMatchObject({ kind: "district", townId: null });
    for (const role of ["STAFF", "ADMIN", "LAWYER"] as const) expect(districtScope(person(role, "t1"))).toBeNull();
  });
});

describe("filters", () => {
  it("narrow a town's queries to it and leave the district's open", () => {
    const town = townScope(person("STAFF", "t1"));
    const district = districtScope(person("DISTRICT"));
    if (!town || !district) throw new Error("no scope");
    expect(venuesIn(town)).toEqual({ townId: "t1" });
    expect(atVenuesIn(town)).toEqual({ venue: { townId: "t1" } });
    expect(lawyersIn(town)).toEqual({ OR: [{ townId: "t1" }, { venues: { some: { venue: { townId: "t1" } } } }] });
    expect(venuesIn(district)).toEqual({});
    expect(lawyersIn(district)).toEqual({});
    expect(townInScope(town, "t2")).toBe(false);
    expect(townInScope(district, "t2")).toBe(true);
  });
});
