// A second town beside the demo's 睦洲 for the scope specs: 对照镇, with an administrator (and,
// when asked, a staff account) of its own. The specs remove it again: left behind, it would turn
// every later spec's site into a district's.
import type pg from "pg";

export async function addComparisonTown(
  db: pg.Client,
  townId: string,
  accounts: { id: string; role: "ADMIN" | "STAFF"; passwordHash: string }[],
) {
  await db.query(
    `INSERT INTO town (id, slug, name, short_name, government, office_name, office_address, updated_at)
     VALUES ($1, $1, '对照镇', '对照', '对照镇人民政府', '对照司法所', '对照镇司法所', now())`,
    [townId],
  );
  for (const account of accounts)
    await db.query(
      `INSERT INTO app_user (id, username, display_name, password_hash, role, town_id, updated_at)
       VALUES ($1, $1, $2, $3, $4, $5, now())`,
      [account.id, account.role === "ADMIN" ? "对照镇管理员" : "对照镇工作人员", account.passwordHash, account.role, townId],
    );
}
