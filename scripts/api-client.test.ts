// npm run api:client: register, rotate and revoke an API client from the command line.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findClientByKey } from "@/lib/api-clients/queries";
import { hashApiKey } from "@/lib/api-clients/rules";
import { createTownFixture, prisma } from "@/lib/testing/fixtures";
import { ROOT } from "./lib/migrations.ts";

function apiClient(args: string[]) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/api-client.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env },
  });
}

const lastLine = (text: string) => text.trim().split("\n").at(-1) ?? "";

describe("api:client", () => {
  it("creates a client and prints its key on the last line; only the key's hash is stored", async () => {
    const name = `平台-${randomBytes(3).toString("hex")}`;
    const result = apiClient([
      "create",
      "--name",
      name,
      "--webhook",
      "https://example.org/hooks",
      "--origin",
      "https://a.example.org",
      "--origin",
      "https://b.example.org/",
    ]);
    expect(result.status, result.stderr).toBe(0);
    const key = lastLine(result.stdout);
    expect(key).toMatch(/^mz_live_[A-Za-z0-9_-]{43}$/);
    expect(result.stdout).toMatch(/Webhook signing secret: whsec_/);
    const row = await prisma.apiClient.findUniqueOrThrow({ where: { keyHash: hashApiKey(key) } });
    expect(row).toMatchObject({
      name,
      townId: null,
      mode: "LIVE",
      webhookUrl: "https://example.org/hooks",
      origins: ["https://a.example.org", "https://b.example.org"],
      personalData: false,
    });
    expect(await prisma.auditLog.count({ where: { subjectId: row.id, kind: "api_client", action: "create" } })).toBe(1);
  });

  it("makes a test client of a town with --test --town, then rotates and revokes it by id", async () => {
    const town = await createTownFixture();
    const created = apiClient(["create", "--name", "测试客户端", "--test", "--town", town.slug]);
    expect(created.status, created.stderr).toBe(0);
    const key = lastLine(created.stdout);
    expect(key).toMatch(/^mz_test_/);
    const holder = await findClientByKey(key);
    expect(holder).toMatchObject({ townId: town.id, mode: "TEST" });
    const id = holder?.id as string;

    const rotated = apiClient(["rotate", id]);
    expect(rotated.status, rotated.stderr).toBe(0);
    const fresh = lastLine(rotated.stdout);
    expect(fresh).toMatch(/^mz_test_/);
    expect(await findClientByKey(key)).toBeNull();
    expect(await findClientByKey(fresh)).toMatchObject({ id });

    expect(apiClient(["revoke", id]).status).toBe(0);
    expect(await findClientByKey(fresh)).toBeNull();
    expect(apiClient(["revoke", id]).status).not.toBe(0);
  });

  it("refuses a webhook that is not http(s), an unknown town and a missing name, creating nothing", async () => {
    const name = `坏-${randomBytes(3).toString("hex")}`;
    const ftp = apiClient(["create", "--name", name, "--webhook", "ftp://example.org/in"]);
    expect(ftp.status).not.toBe(0);
    expect(ftp.stderr).toMatch(/webhookUrl: 只接受 http/);
    const town = apiClient(["create", "--name", name, "--town", "nowhere"]);
    expect(town.stderr).toContain("There is no town nowhere");
    const unnamed = apiClient(["create"]);
    expect(unnamed.status).toBe(2);
    expect(unnamed.stderr).toContain("--name");
    expect(await prisma.apiClient.count({ where: { name } })).toBe(0);
  });
});
