import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, vi } from "vitest";
import { setDb } from "../../db/connection.server";
import { driverError, type Database, type Tables } from "../../db/database.server";
import * as pgSchema from "../../db/schema.pg";
import * as sqliteSchema from "../../db/schema";
import { openPostgres, type PostgresDatabase } from "../../db/postgres.server";
import { openSqlite, type SqliteDatabase } from "../../db/sqlite.server";

/**
 * The dialect this run of the model and integration tests uses: vite.config.ts runs them once on
 * SQLite (the default project) and once on PostgreSQL (the `postgres` project sets this).
 */
export const testDialect: Database["dialect"] = process.env.MADURA_TEST_DIALECT === "postgres" ? "postgres" : "sqlite";

export type TestDatabase = { readonly db: Database; readonly sqlite: SqliteDatabase | undefined };

/**
 * Gives every test of the calling file an empty migrated database, installed as the app's (getDb()):
 * on SQLite a copy of the run's migrated base file per test; on PostgreSQL a database per file,
 * cloned from the run's migrated template, emptied between tests. Read `.db` inside a test.
 */
export function useTestDatabase(): TestDatabase {
  return testDialect === "postgres" ? usePostgres() : useSqlite();
}

function useSqlite(): TestDatabase {
  let dir = "";
  let db: SqliteDatabase | undefined;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "madura-test-"));
  });

  beforeEach(() => {
    const file = path.join(dir, `${crypto.randomUUID()}.db`);
    fs.copyFileSync(inject("baseDatabasePath"), file);
    // getEnv() keeps a session secret beside DATABASE_URL unless one is given: keep both out of ./data.
    vi.stubEnv("DATABASE_URL", file);
    vi.stubEnv("SESSION_SECRET", "test-session-secret");
    db = openSqlite(file);
    setDb(db);
  });

  afterEach(async () => {
    setDb(undefined);
    await db?.close();
    db = undefined;
    vi.unstubAllEnvs();
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  return {
    get db() {
      if (!db) throw new Error("useTestDatabase(): the database is open only inside a test.");
      return db;
    },
    get sqlite() {
      return db;
    },
  };
}

function usePostgres(): TestDatabase {
  const name = `test_${crypto.randomBytes(6).toString("hex")}`;
  const server = inject("postgresUrl");
  let db: PostgresDatabase | undefined;
  let tables: string[] = [];

  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin((client) => client.query(`create database ${name} template ${inject("postgresTemplate")}`));
    const url = new URL(server);
    url.pathname = `/${name}`;
    db = openPostgres(url.href, { max: 4 });
    const { rows } = await db.pool.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public'");
    tables = rows.map((row) => row.tablename);
  });

  beforeEach(async () => {
    vi.stubEnv("DATABASE_URL", "./tests/.artifacts/unused.db");
    vi.stubEnv("SESSION_SECRET", "test-session-secret");
    await db!.orm.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(", ")} cascade`));
    setDb(db);
  });

  afterEach(() => {
    setDb(undefined);
    vi.unstubAllEnvs();
  });

  afterAll(async () => {
    await db?.close();
    await admin((client) => client.query(`drop database if exists ${name}`));
  });

  return {
    get db() {
      if (!db) throw new Error("useTestDatabase(): the database is open only inside a test.");
      return db;
    },
    sqlite: undefined,
  };
}

/**
 * Asserts that the database refused a write for breaking one of its constraints, on either engine
 * (SQLite says "CHECK constraint failed", PostgreSQL "violates check constraint"; drizzle may wrap
 * either in an error of its own).
 */
export async function expectConstraintError(write: Promise<unknown>, kind: "check" | "foreign key" | "unique"): Promise<void> {
  const error = await write.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, `the write should have broken a ${kind} constraint`).toBeDefined();
  const message = String(driverError(error)?.message ?? (error as Error).message);
  expect(message).toMatch(new RegExp(`${kind} constraint|${kind === "unique" ? "duplicate key" : kind}`, "i"));
}

/** The tables of this run's dialect, for tests that read rows past the models. */
export const t: Tables = (testDialect === "postgres" ? pgSchema : sqliteSchema) as unknown as Tables;

/**
 * Counts the statements the app sends to the database from now on: SQLite statements prepared
 * (drizzle prepares each query it runs), PostgreSQL queries sent through the pool.
 */
export function countStatements(db: Database): { readonly count: number; reset(): void; restore(): void } {
  const spy =
    db.dialect === "postgres" ? vi.spyOn((db as PostgresDatabase).pool, "query") : vi.spyOn((db as SqliteDatabase).sqlite, "prepare");
  return {
    get count() {
      return spy.mock.calls.length;
    },
    reset: () => spy.mockClear(),
    restore: () => spy.mockRestore(),
  };
}
