// npm run user:create -- <username> [display name] [--town <slug> | --district] — creates an ADMIN
// account of a town (the only town when there is one), or with --district the district's account
// (区司法局). The password is read from standard input (`echo "$PASSWORD" | npm run user:create --
// admin`), never from argv.
import "./lib/load-settings.ts";
import { text } from "node:stream/consumers";
import { hashPassword } from "../lib/auth/password.ts";
import { createPrismaClient } from "../lib/db-client.ts";
import { runWithDatabase } from "./lib/database.ts";

const args = process.argv.slice(2);
const district = args.includes("--district");
const townAt = args.indexOf("--town");
const townSlug = townAt >= 0 ? args[townAt + 1] : undefined;
const positional = args.filter((a, i) => !a.startsWith("--") && (townAt < 0 || i !== townAt + 1));
const [rawUsername = "", displayName = district ? "区司法局管理员" : "系统管理员"] = positional;
const username = rawUsername.trim().toLowerCase();
if (!username || !/^[A-Za-z0-9_.-]{3,40}$/.test(username)) {
  console.error(
    "Usage: npm run user:create -- <username> [display name] [--town <slug> | --district]   (3–40 letters, digits, _ . -)",
  );
  process.exit(2);
}
if (process.stdin.isTTY) console.error("Password (at least 10 characters), then Enter and Ctrl-D:");
const password = (await text(process.stdin)).split("\n")[0]?.trim() ?? "";
if (password.length < 10) {
  console.error("The password must be at least 10 characters.");
  process.exit(2);
}

await runWithDatabase(async ({ url }) => {
  const prisma = createPrismaClient(url);
  try {
    const existing = await prisma.user.findUnique({ where: { username }, select: { id: true } });
    if (existing) throw new Error(`An account named ${username} already exists.`);
    const passwordHash = await hashPassword(password);
    if (district) {
      await prisma.user.create({ data: { username, displayName, role: "DISTRICT", passwordHash } });
      console.log(`Created DISTRICT account ${username}.`);
      return;
    }
    const towns = await prisma.town.findMany({
      where: townSlug ? { slug: townSlug } : {},
      take: 2,
      select: { id: true, name: true },
    });
    if (townSlug && towns.length === 0) throw new Error(`There is no town ${townSlug}; npm run db:seed creates the first.`);
    if (towns.length === 0) throw new Error("There is no town yet: run npm run db:seed first.");
    if (towns.length > 1) throw new Error("There are several towns: name one with --town <slug>, or give --district.");
    await prisma.user.create({ data: { username, displayName, role: "ADMIN", townId: towns[0].id, passwordHash } });
    console.log(`Created ADMIN account ${username} of ${towns[0].name}.`);
  } finally {
    await prisma.$disconnect();
  }
});
