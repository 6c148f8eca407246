import { isPostgresUrl, type Database } from "./database.server";
import { migratePostgres, openPostgres } from "./postgres.server";
import { migrateSqlite, openSqlite } from "./sqlite.server";

export type { Database } from "./database.server";

/**
 * Opens the database `url` names: `postgres://…` is PostgreSQL; anything else is a SQLite file
 * (`file:` prefix or a plain path, resolved by the caller). `busyTimeoutMs` is SQLite's wait for
 * another process's write lock.
 */
export function openDatabase(url: string, options: { busyTimeoutMs?: number } = {}): Database {
  return isPostgresUrl(url) ? openPostgres(url) : openSqlite(url, options);
}

/** Applies pending migrations of the database's dialect. */
export async function migrateDatabase(db: Database): Promise<void> {
  if (db.dialect === "postgres") await migratePostgres(db as ReturnType<typeof openPostgres>);
  else migrateSqlite(db as ReturnType<typeof openSqlite>);
}

let current: Database | undefined;

/**
 * The process-wide database, opened by the app's start (app/server/app.server.ts), a command or a
 * test's setup. Only the server build holds this module (server.ts reaches it through the build's
 * entry), so a module variable is the single connection.
 */
export function getDb(): Database {
  if (!current) {
    throw new Error("The database is not open: call setDb() at start-up.");
  }
  return current;
}

export function setDb(db: Database | undefined): void {
  current = db;
}
