import { describe, expect, it } from "vitest";
import { can } from "./can";

describe("can.manageAccount", () => {
  it("lets an administrator manage every account", () => {
    for (const target of ["ADMIN", "STAFF", "LAWYER"] as const) expect(can.manageAccount({ role: "ADMIN" }, target)).toBe(true);
  });

  it("lets staff manage lawyers' accounts only", () => {
    expect(can.manageAccount({ role: "STAFF" }, "LAWYER")).toBe(true);
    expect(can.manageAccount({ role: "STAFF" }, "STAFF")).toBe(false);
    expect(can.manageAccount({ role: "STAFF" }, "ADMIN")).toBe(false);
  });

  it("lets a lawyer manage nobody's", () => {
    for (const target of ["ADMIN", "STAFF", "LAWYER"] as const) expect(can.manageAccount({ role: "LAWYER" }, target)).toBe(false);
  });
});
