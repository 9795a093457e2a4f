import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback";

describe("safeCallbackPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackPath("/staff/bookings?venue=nanzhen#list")).toBe("/staff/bookings?venue=nanzhen#list");
    expect(safeCallbackPath("/lawyer")).toBe("/lawyer");
    // An encoded backslash stays an ordinary character of a path on this site.
    expect(safeCallbackPath("/%5Cevil.example")).toBe("/%5Cevil.example");
  });

  it("refuses everything a browser would take to another site", () => {
    const attacks = [
      "//evil.example",
      "/\\evil.example", // what /login?callbackUrl=/%5Cevil.example decodes to
      "/\t/evil.example", // /%09/evil.example
      "/\n/evil.example",
      "/\r/evil.example",
      "/\\/evil.example",
      "\\/evil.example",
      "https://evil.example/",
      "http:evil.example",
      "javascript:alert(1)",
      " /evil",
      "/\u0000/evil.example",
      "",
      "evil.example",
    ];
    for (const value of attacks) expect(safeCallbackPath(value), JSON.stringify(value)).toBeNull();
    expect(safeCallbackPath(["/staff"])).toBeNull();
    expect(safeCallbackPath(undefined)).toBeNull();
  });
});
