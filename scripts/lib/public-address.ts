// The public address npm start announces (lib/site/queries.ts decides it for the app): read with
// one plain query, so that the launcher, which stays up, does not load the Prisma client.
import pg from "pg";
import { configuredPublicBase, DEFAULT_PUBLIC_BASE_URL, isOwnMachine } from "../../lib/env.ts";

export async function startupPublicAddress(
  databaseUrl: string,
): Promise<{ base: string; source: "environment" | "console" | "default"; real: boolean }> {
  const configured = configuredPublicBase();
  if (configured) return { base: configured, source: "environment", real: !isOwnMachine(configured) };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ value: string }>("SELECT value FROM site_setting WHERE key = 'public_base_url'");
    if (rows[0]) return { base: rows[0].value, source: "console", real: !isOwnMachine(rows[0].value) };
  } finally {
    await client.end();
  }
  return { base: DEFAULT_PUBLIC_BASE_URL, source: "default", real: false };
}
