import { randomInt } from "node:crypto";

// No look-alikes (0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B): easy to read aloud over the phone and to type.
export const CODE_ALPHABET = "ACDEFHJKMNPQRTUVWXY3479";
export const CODE_LENGTH = 6;

/** A random booking code, e.g. "K7MPXA": 23^6 ≈ 148 million possibilities. */
export function generateBookingCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
