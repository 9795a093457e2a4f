import fc from "fast-check";
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

describe("safeCallbackPath on generated values", () => {
  // Pieces attackers combine: dot segments, slashes in every spelling, percent-encodings, controls.
  const piece = fc.constantFrom(
    "/",
    "//",
    "\\",
    ".",
    "..",
    "./",
    "../",
    "%2e",
    "%2E",
    "%2f",
    "%2F",
    "%5c",
    "%5C",
    "%09",
    "%0a",
    "%00",
    "\t",
    "\n",
    "\r",
    " ",
    "\u3000",
    "／",
    "＼",
    "\u2215",
    "\u2044",
    "\u29f8",
    "。",
    "@",
    ":",
    "?",
    "#",
    ";",
    "evil.example",
    "EVIL.example",
    "http:",
    "https:",
    "javascript:",
    "staff",
    "lawyer",
    "a",
    "%",
    "%%",
    "\u0000",
  );
  const value = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
  const withLeadingSlash = value.map((v) => `/${v}`);

  it("answers only paths that stay on this site from any page they are resolved against", () => {
    fc.assert(
      fc.property(fc.oneof(value, withLeadingSlash), (input) => {
        const path = safeCallbackPath(input);
        if (path === null) return;
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        expect(path).not.toContain("\\");
        for (const base of [
          "https://site.invalid/",
          "http://127.0.0.1:3000/staff/bookings?x=1",
          "https://muzhou.example/a/b/c",
        ]) {
          const from = new URL(base);
          expect(new URL(path, from).origin).toBe(from.origin);
        }
        // The answer is its own answer: nothing left to normalise into something else.
        expect(safeCallbackPath(path)).toBe(path);
      }),
      { numRuns: 5_000, seed: 20_261_207 },
    );
  });

  it("refuses the dot-segment bypasses found from outside", () => {
    for (const v of [
      "/.//evil.example/phish",
      "/..//evil.example",
      "/%2e//evil.example",
      "/a/..//evil.example",
      "/staff/../..//evil.example",
    ]) {
      expect(safeCallbackPath(v), v).toBeNull();
    }
  });
});
