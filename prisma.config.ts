import { defineConfig } from "prisma/config";

// The Prisma CLI is used here only for `prisma generate`; migrations run through
// scripts/db-migrate.ts (see docs/migrations.md), so no URL is needed at generate time.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
