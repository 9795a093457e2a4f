// npm run user:create: the first ADMIN of a production database, password from standard input.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { prisma } from "@/lib/testing/fixtures";
import { ROOT } from "./lib/migrations.ts";

function userCreate(args: string[], input: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/user-create.ts", ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { ...process.env },
  });
}

describe("user:create", () => {
  it("creates an ADMIN whose password (read from standard input) signs in, stored only as a hash", async () => {
    const username = `admin-${randomBytes(3).toString("hex")}`;
    const result = userCreate([username], "a-long-secret-2026\n");
    expect(result.status, result.stderr).toBe(0);
    const user = await prisma.user.findUniqueOrThrow({ where: { username } });
    expect(user.role).toBe("ADMIN");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await signInWithPassword(username, "a-long-secret-2026", "test")).toMatchObject({ ok: true, user: { role: "ADMIN" } });
  });

  it("refuses a short password and an existing name, creating nothing", async () => {
    const username = `admin-${randomBytes(3).toString("hex")}`;
    const short = userCreate([username], "short\n");
    expect(short.status).not.toBe(0);
    expect(short.stderr).toContain("at least 10 characters");
    expect(await prisma.user.count({ where: { username } })).toBe(0);
    expect(userCreate([username], "a-long-secret-2026\n").status).toBe(0);
    const again = userCreate([username], "another-secret-2026\n");
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain("already exists");
  });
});
