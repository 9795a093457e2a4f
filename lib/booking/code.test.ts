import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, CODE_LENGTH, generateBookingCode } from "./code";

describe("generateBookingCode", () => {
  it("uses only characters that cannot be mistaken for one another", () => {
    for (const confusable of "0O1IL2Z5S6G8B") expect(CODE_ALPHABET).not.toContain(confusable);
  });

  it("gives codes of the fixed length from the alphabet, and rarely repeats", () => {
    const codes = Array.from({ length: 2000 }, generateBookingCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBeGreaterThan(1990);
  });
});
