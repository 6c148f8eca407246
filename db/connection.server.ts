import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { applyMigrations } from "./migrate.server";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens (and creates) a SQLite file with the settings every connection of ours uses. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL + NORMAL survives a process crash without corruption and lets readers run beside a writer.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema });
}

/** Resolved from the working directory: after bundling, this code lives in build/server/. */
export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Applies pending migrations without ever losing rows (see migrate.server.ts); returns how many ran. */
export function migrateDatabase(db: Db, folder = migrationsFolder): number {
  return applyMigrations(db.$client, folder);
}

declare global {
  var __maduraDb: Db | undefined;
}

/**
 * The process-wide connection. server.ts and the Remix bundle each carry a copy of this module,
 * so the connection lives on globalThis to keep it single (and closable last on shutdown).
 */
export function getDb(): Db {
  if (!globalThis.__maduraDb) {
    throw new Error("The database is not open: call setDb() at start-up.");
  }
  return globalThis.__maduraDb;
}

export function setDb(db: Db | undefined): void {
  globalThis.__maduraDb = db;
}
