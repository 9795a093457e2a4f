// What a backup covers, read from PostgreSQL's catalogue so that a table added by a later
// migration is backed up with no change here: the ordinary tables and the sequences of the app's
// schema (current_schema(), "public" unless DATABASE_URL says otherwise). Objects that belong to an
// extension (btree_gist) are the extension's; the migrations create them again.
import type pg from "pg";

/** Prisma's bookkeeping: recorded in the backup's header, rebuilt by the migrations, not copied. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

export type TableInfo = {
  name: string;
  /** Every column, in table order. */
  columns: string[];
  /** The columns an INSERT may write (not GENERATED ... STORED). */
  insertable: string[];
  /** Other tables of the schema this one has foreign keys to. */
  references: string[];
};

export type MigrationRecord = { name: string; checksum: string };

const notInExtension = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

/** The schema's tables, each after the tables it references, so rows load in this order. */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<TableInfo>(
    `SELECT c.relname::text AS name,
       array(SELECT a.attname::text FROM pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS columns,
       array(SELECT a.attname::text FROM pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum) AS insertable,
       array(SELECT DISTINCT f.relname::text FROM pg_constraint k JOIN pg_class f ON f.oid = k.confrelid
             WHERE k.conrelid = c.oid AND k.contype = 'f' AND f.oid <> c.oid AND f.relnamespace = c.relnamespace) AS references
     FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname <> $1
       AND ${notInExtension("pg_class", "c.oid")}
     ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  return orderByReferences(rows);
}

function orderByReferences(tables: TableInfo[]): TableInfo[] {
  const names = new Set(tables.map((t) => t.name));
  const placed = new Set<string>();
  const ordered: TableInfo[] = [];
  let pending = tables;
  while (pending.length) {
    const ready = pending.filter((t) => t.references.every((r) => placed.has(r) || !names.has(r)));
    if (!ready.length) {
      // Foreign keys are checked as each INSERT ends: a cycle of tables has no order that loads.
      throw new Error(
        `Tables ${pending.map((t) => t.name).join(", ")} reference each other in a cycle; a backup cannot order them.`,
      );
    }
    for (const t of ready) placed.add(t.name);
    ordered.push(...ready);
    pending = pending.filter((t) => !placed.has(t.name));
  }
  return ordered;
}

export async function listSequences(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S' AND ${notInExtension("pg_class", "c.oid")}
     ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** The migrations applied to the database, or null when it has no migration bookkeeping at all. */
export async function listAppliedMigrations(client: pg.ClientBase): Promise<MigrationRecord[] | null> {
  const found = await client.query<{ ok: boolean }>("SELECT to_regclass($1) IS NOT NULL AS ok", [
    client.escapeIdentifier(MIGRATIONS_TABLE),
  ]);
  if (!found.rows[0]?.ok) return null;
  const { rows } = await client.query<MigrationRecord>(
    `SELECT migration_name AS name, checksum FROM ${client.escapeIdentifier(MIGRATIONS_TABLE)}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

/** Row counts of the tables that have rows (all tables of the schema but the bookkeeping). */
export async function countRows(client: pg.ClientBase, tables: TableInfo[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ONLY ${client.escapeIdentifier(table.name)}`);
    counts.set(table.name, Number(rows[0]?.n ?? 0));
  }
  return counts;
}

/**
 * Drops every object of the schema that is not an extension's (tables, views, sequences,
 * functions, types), in one transaction, so that the migrations can build it again from nothing.
 */
export async function emptySchema(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ statement: string }>(
    `SELECT format('DROP %s IF EXISTS %s CASCADE', kind, name) AS statement FROM (
       SELECT 1 AS step, CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                                        WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind, c.oid::regclass::text AS name
       FROM pg_class c
       WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
         AND ${notInExtension("pg_class", "c.oid")}
       UNION ALL
       SELECT 2, CASE p.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END, p.oid::regprocedure::text
       FROM pg_proc p
       WHERE p.pronamespace = current_schema()::regnamespace AND ${notInExtension("pg_proc", "p.oid")}
       UNION ALL
       SELECT 3, CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype::text
       FROM pg_type t
       WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('e', 'd', 'r', 'c')
         AND (t.typtype <> 'c' OR EXISTS (SELECT 1 FROM pg_class r WHERE r.oid = t.typrelid AND r.relkind = 'c'))
         AND ${notInExtension("pg_type", "t.oid")}
     ) AS objects ORDER BY step, name`,
  );
  await client.query("BEGIN");
  try {
    for (const { statement } of rows) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
