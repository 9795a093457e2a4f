import { randomInt } from "node:crypto";

// No 0/o, 1/l/i: read aloud or copied from paper by someone in a hurry, these get mixed up.
export const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * A password to hand over once, e.g. "k7mq-x3pa-9tfh-w2cz": 16 characters from 31 (about 79 bits),
 * in groups of four so it can be read out and typed on a phone. The holder should change it.
 */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = "";
    for (let i = 0; i < 4; i++) group += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}
