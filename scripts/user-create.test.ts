// npm run user:create: the first ADMIN of a production database, password from standard input.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createTownFixture, prisma, testTownId } from "@/lib/testing/fixtures";
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
  it("creates an ADMIN of the named town whose password (read from standard input) signs in, stored only as a hash", async () => {
    const townId = await testTownId();
    const username = `admin-${randomBytes(3).toString("hex")}`;
    const result = userCreate([username, "--town", "test-town"], "a-long-secret-2026\n");
    expect(result.status, result.stderr).toBe(0);
    const user = await prisma.user.findUniqueOrThrow({ where: { username } });
    expect(user.role).toBe("ADMIN");
    expect(user.townId).toBe(townId);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await signInWithPassword(username, "a-long-secret-2026", "test")).toMatchObject({ ok: true, user: { role: "ADMIN" } });
  });

  it("creates the district's account with --district, with no town", async () => {
    const username = `district-${randomBytes(3).toString("hex")}`;
    expect(userCreate([username, "--district"], "a-long-secret-2026\n").status).toBe(0);
    expect(await prisma.user.findUniqueOrThrow({ where: { username } })).toMatchObject({ role: "DISTRICT", townId: null });
  });

  it("asks which town when there are several, and refuses a town that does not exist, creating nothing", async () => {
    await testTownId();
    await createTownFixture();
    const username = `admin-${randomBytes(3).toString("hex")}`;
    const unnamed = userCreate([username], "a-long-secret-2026\n");
    expect(unnamed.status).not.toBe(0);
    expect(unnamed.stderr).toContain("--town <slug>");
    const unknown = userCreate([username, "--town", "nowhere"], "a-long-secret-2026\n");
    expect(unknown.stderr).toContain("There is no town nowhere");
    expect(await prisma.user.count({ where: { username } })).toBe(0);
  });

  it("refuses a short password and an existing name, creating nothing", async () => {
    await testTownId();
    const username = `admin-${randomBytes(3).toString("hex")}`;
    const short = userCreate([username, "--town", "test-town"], "short\n");
    expect(short.status).not.toBe(0);
    expect(short.stderr).toContain("at least 10 characters");
    expect(await prisma.user.count({ where: { username } })).toBe(0);
    expect(userCreate([username, "--town", "test-town"], "a-long-secret-2026\n").status).toBe(0);
    const again = userCreate([username, "--town", "test-town"], "another-secret-2026\n");
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain("already exists");
  });
});
