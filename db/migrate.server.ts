import { readMigrationFiles } from "drizzle-orm/migrator";
import type Database from "better-sqlite3";

/** drizzle's own bookkeeping table, kept as its migrator writes it so installs upgrade in place. */
const JOURNAL_TABLE = "__drizzle_migrations";

export class ForeignKeyViolation extends Error {}

/**
 * Applies pending drizzle-kit migrations so that no table rebuild can lose rows.
 *
 * drizzle's migrator runs every migration inside one transaction, where SQLite ignores
 * `PRAGMA foreign_keys=OFF`: drizzle-kit's rebuild of a referenced table (`CREATE __new_x; INSERT;
 * DROP TABLE x; RENAME`) then fires `ON DELETE CASCADE` on the DROP and silently empties the child
 * tables (drizzle-orm #4938, #5782). Here foreign keys are switched off outside the transaction,
 * as SQLite's own twelve-step recipe for altering tables says, `PRAGMA foreign_key_check` must come
 * back empty before the transaction commits (any violation rolls every pending migration back),
 * and foreign keys are switched on again whatever happened.
 */
export function applyMigrations(sqlite: Database.Database, migrationsFolder: string): number {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS "${JOURNAL_TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
  const last = sqlite.prepare(`SELECT created_at FROM "${JOURNAL_TABLE}" ORDER BY created_at DESC LIMIT 1`).get() as
    | { created_at: number | string }
    | undefined;
  const pending = readMigrationFiles({ migrationsFolder }).filter((migration) => !last || Number(last.created_at) < migration.folderMillis);
  if (pending.length === 0) return 0;

  const foreignKeysWereOn = sqlite.pragma("foreign_keys", { simple: true }) === 1;
  sqlite.pragma("foreign_keys = OFF");
  try {
    const record = sqlite.prepare(`INSERT INTO "${JOURNAL_TABLE}" ("hash", "created_at") VALUES (?, ?)`);
    sqlite
      .transaction(() => {
        for (const migration of pending) {
          for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
          record.run(migration.hash, migration.folderMillis);
        }
        const violations = sqlite.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
        if (violations.length > 0) {
          const sample = violations
            .slice(0, 5)
            .map((v) => `${v.table} row ${v.rowid} → ${v.parent}`)
            .join(", ");
          throw new ForeignKeyViolation(`Migration aborted, nothing applied: ${violations.length} rows would break a foreign key (${sample}).`);
        }
      })
      .immediate();
  } finally {
    if (foreignKeysWereOn) sqlite.pragma("foreign_keys = ON");
  }
  return pending.length;
}
