import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
 * `test` (the default): every test starts on an empty database. `file`: one database for the whole
 * file, emptied only before its first test, for files whose tests read the same expensive rows
 * (built in a beforeAll) and never change what another test reads.
 */
export type TestDatabaseScope = "test" | "file";

/**
 * Gives every test of the calling file an empty migrated database, installed as the app's (getDb()):
 * on SQLite a copy of the run's migrated base file per test; on PostgreSQL a database per file,
 * cloned from the run's migrated template, emptied between tests. Read `.db` inside a test.
 * With `{ scope: "file" }` the tests of the file share one (see TestDatabaseScope).
 */
export function useTestDatabase(options: { scope?: TestDatabaseScope } = {}): TestDatabase {
  const scope = options.scope ?? "test";
  return testDialect === "postgres" ? usePostgres(scope) : useSqlite(scope);
}

function useSqlite(scope: TestDatabaseScope): TestDatabase {
  let dir = "";
  let db: SqliteDatabase | undefined;
  const [open, close] = scope === "file" ? [beforeAll, afterAll] : [beforeEach, afterEach];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "madura-test-"));
  });

  open(() => {
    const file = path.join(dir, `${crypto.randomUUID()}.db`);
    fs.copyFileSync(inject("baseDatabasePath"), file);
    // getEnv() keeps a session secret beside DATABASE_URL unless one is given: keep both out of ./data.
    vi.stubEnv("DATABASE_URL", file);
    vi.stubEnv("SESSION_SECRET", "test-session-secret");
    db = openSqlite(file);
    setDb(db);
  });

  close(async () => {
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

/**
 * The statements that empty every table: a DELETE each, children before the tables they reference
 * (one round trip). On tables of a few rows that is ~5 ms, where one TRUNCATE of them all took
 * ~80-100 ms (it replaces every table's files), paid before each of the PostgreSQL project's tests.
 */
async function emptyingStatements(db: PostgresDatabase): Promise<string> {
  const { rows: tables } = await db.pool.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public'");
  const { rows: references } = await db.pool.query<{ child: string; parent: string }>(
    `select child.relname as child, parent.relname as parent from pg_constraint c
       join pg_class child on child.oid = c.conrelid join pg_class parent on parent.oid = c.confrelid
       join pg_namespace n on n.oid = c.connamespace
     where c.contype = 'f' and n.nspname = 'public' and c.conrelid <> c.confrelid`,
  );
  const left = new Set(tables.map((table) => table.name));
  const order: string[] = [];
  while (left.size > 0) {
    // A table no remaining table references can go now (a reference to itself empties with it).
    const free = [...left].filter((table) => !references.some((r) => r.parent === table && left.has(r.child)));
    if (free.length === 0) throw new Error(`useTestDatabase(): the foreign keys among ${[...left].join(", ")} form a cycle`);
    for (const table of free.sort()) {
      order.push(table);
      left.delete(table);
    }
  }
  return order.map((table) => `delete from "${table}"`).join("; ");
}

function usePostgres(scope: TestDatabaseScope): TestDatabase {
  const name = `test_${crypto.randomBytes(6).toString("hex")}`;
  const server = inject("postgresUrl");
  let db: PostgresDatabase | undefined;
  let empty = "";
  const [open, close] = scope === "file" ? [beforeAll, afterAll] : [beforeEach, afterEach];

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
    empty = await emptyingStatements(db);
  });

  open(async () => {
    vi.stubEnv("DATABASE_URL", "./tests/.artifacts/unused.db");
    vi.stubEnv("SESSION_SECRET", "test-session-secret");
    await db!.pool.query(empty);
    setDb(db);
  });

  close(() => {
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
