import { describe, expect, it } from "vitest";
import { canManageAccount } from "./rules";

describe("canManageAccount", () => {
  it("lets an administrator manage every account", () => {
    for (const target of ["ADMIN", "STAFF", "LAWYER"] as const) expect(canManageAccount({ role: "ADMIN" }, target)).toBe(true);
  });

  it("lets staff manage lawyers' accounts only", () => {
    expect(canManageAccount({ role: "STAFF" }, "LAWYER")).toBe(true);
    expect(canManageAccount({ role: "STAFF" }, "STAFF")).toBe(false);
    expect(canManageAccount({ role: "STAFF" }, "ADMIN")).toBe(false);
  });

  it("lets a lawyer manage nobody's", () => {
    for (const target of ["ADMIN", "STAFF", "LAWYER"] as const) expect(canManageAccount({ role: "LAWYER" }, target)).toBe(false);
  });
});
