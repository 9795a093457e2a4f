// The public address npm start announces, decided as the app decides it (lib/env.ts
// resolvePublicAddress): the stored one read with one plain query, so that the launcher, which
// stays up, does not load the Prisma client.
import pg from "pg";
import { configuredPublicBase, type PublicAddress, resolvePublicAddress } from "../../lib/env.ts";

export async function startupPublicAddress(databaseUrl: string): Promise<PublicAddress> {
  if (configuredPublicBase()) return resolvePublicAddress(null);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ value: string }>("SELECT value FROM site_setting WHERE key = 'public_base_url'");
    return resolvePublicAddress(rows[0]?.value ?? null);
  } finally {
    await client.end();
  }
}
