// Unit and integration tests share one throwaway PostgreSQL database for the run; the
// test processes inherit DATABASE_URL, so lib/db.ts talks to it like the app does.
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

let database: TestDatabase | null = null;

export async function setup() {
  database = await createTestDatabase("unit");
  process.env.DATABASE_URL = database.url;
}

export async function teardown() {
  await database?.drop();
}
