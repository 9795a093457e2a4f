import { describe, expect, it } from "vitest";
import { newPassword } from "@/lib/auth/schema";
import { generateOneTimePassword, PASSWORD_ALPHABET } from "./one-time-password";

describe("generateOneTimePassword", () => {
  it("gives four groups of four unambiguous characters that pass the password rules", () => {
    const password = generateOneTimePassword();
    expect(password).toMatch(new RegExp(`^[${PASSWORD_ALPHABET}]{4}(-[${PASSWORD_ALPHABET}]{4}){3}$`));
    expect(password).not.toMatch(/[01ilo]/);
    expect(newPassword.safeParse(password).success).toBe(true);
  });

  it("differs each time", () => {
    const passwords = new Set(Array.from({ length: 200 }, generateOneTimePassword));
    expect(passwords.size).toBe(200);
  });
});
