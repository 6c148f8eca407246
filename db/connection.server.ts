import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { applyMigrations } from "./migrate.server";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens (and creates) a SQLite file with the settings every connection of ours uses. */
export function openDatabase(file: string, { busyTimeoutMs = 5000 } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL + NORMAL survives a process crash without corruption and lets readers run beside a writer.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // How long a write waits, blocking its thread, for another connection's write lock. Scripts wait
  // the default 5 s; the server waits far less and answers 503 (app/server/busy.server.ts).
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  return drizzle(sqlite, { schema });
}

/** Resolved from the working directory: after bundling, this code lives in build/server/. */
export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Applies pending migrations without ever losing rows (see migrate.server.ts); returns how many ran. */
export function migrateDatabase(db: Db, folder = migrationsFolder): number {
  return applyMigrations(db.$client, folder);
}

let current: Db | undefined;

/**
 * The process-wide connection, opened by the app's start (app/server/app.server.ts) or a test's
 * setup. Only the server build holds this module (server.ts reaches it through the build's entry),
 * so a module variable is the single connection.
 */
export function getDb(): Db {
  if (!current) {
    throw new Error("The database is not open: call setDb() at start-up.");
  }
  return current;
}

export function setDb(db: Db | undefined): void {
  current = db;
}
