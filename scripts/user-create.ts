// npm run user:create -- <username> [display name] — creates an ADMIN account; the password is
// read from standard input (`echo "$PASSWORD" | npm run user:create -- admin`), never from argv.
import "./lib/load-settings.ts";
import { text } from "node:stream/consumers";
import { hashPassword } from "../lib/auth/password.ts";
import { createPrismaClient } from "../lib/db-client.ts";
import { runWithDatabase } from "./lib/database.ts";

const [rawUsername = "", displayName = "系统管理员"] = process.argv.slice(2);
const username = rawUsername.trim().toLowerCase();
if (!username || !/^[A-Za-z0-9_.-]{3,40}$/.test(username)) {
  console.error("Usage: npm run user:create -- <username> [display name]   (3–40 letters, digits, _ . -)");
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
    await prisma.user.create({ data: { username, displayName, role: "ADMIN", passwordHash: await hashPassword(password) } });
    console.log(`Created ADMIN account ${username}.`);
  } finally {
    await prisma.$disconnect();
  }
});
