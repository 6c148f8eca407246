/**
 * The one interface between the app and its database, whichever engine holds it. Models, services
 * and routes are written once against it and know no dialect:
 *
 * - `orm` is drizzle's query builder, typed as PostgreSQL's (every query is awaited); on SQLite the
 *   same calls run on better-sqlite3 with SQLite's twin tables (db/schema.ts), which `t` holds then.
 *   Write `const { orm, t } = getDb()` and build queries from `t`, never from a schema module.
 * - `transaction(fn)` runs `fn` in one write transaction: IMMEDIATE on SQLite (the single write lock,
 *   taken up front), READ COMMITTED on PostgreSQL, where a row that decides the outcome is read
 *   `.for("update")` (a no-op on SQLite, whose transaction already holds the only write lock).
 * - What differs by engine and is worth the difference lives here too: the vote statements prepared
 *   once, raw rows, the shared counters behind the rate limits, exclusive jobs, health.
 */
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type * as schema from "./schema.pg";

export type Dialect = "sqlite" | "postgres";
export type Schema = typeof schema;
/** Every table, typed as PostgreSQL's; at run time the tables of the open database's dialect. */
export type Tables = Schema;
export type Orm = NodePgDatabase<Schema>;
/** What a transaction's callback may use: the same builder, bound to the transaction. */
export type Tx = Pick<Orm, "select" | "selectDistinct" | "insert" | "update" | "delete" | "$count">;

export type VoteRow = { capabilityKey: string; current: number | null; ideal: number | null; comment: string };
export type VoteOutcome = "saved" | "locked";

/** A counter that lives until `expiresAt` (ms): the rate limits' fixed windows and login back-offs. */
export type Counter = { count: number; expiresAt: number };

export interface Counters {
  /** The live counter under `key`, if any. */
  peek(key: string, now: number): Promise<Counter | undefined>;
  /**
   * Adds one. A counter past its expiry starts again at 1. `extend` moves the expiry to now + ttl on
   * every hit (a back-off forgotten some time after the last failure); otherwise it stays where the
   * window's first hit put it.
   */
  hit(key: string, now: number, ttlMs: number, extend: boolean): Promise<Counter>;
  clear(key: string): Promise<void>;
  /** Forgets everything (tests). */
  reset(): Promise<void>;
}

export interface Database {
  readonly dialect: Dialect;
  readonly orm: Orm;
  readonly t: Tables;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Rows of a raw statement (kept to what both engines read alike; columns come back as the driver gives them). */
  rows<T>(query: SQL): Promise<T[]>;
  /** A unique key or primary key refused the write. */
  isUniqueViolation(error: unknown): boolean;
  /** The hot path of a workshop: the lock check and a participant's upserts in one transaction. */
  saveVotes(participantId: string, assessmentId: string, votes: readonly VoteRow[], now: number): Promise<VoteOutcome>;
  /**
   * Runs `fn` unless another process is running the job `name` right now (then returns undefined):
   * a job that must run in one process at a time when several servers share the database.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T | undefined>;
  readonly counters: Counters;
  /** A real round trip: true when the database answered. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The error a driver threw, under drizzle's DrizzleQueryError wrapper when there is one. */
export function driverError(error: unknown): { code?: unknown; message?: unknown } | null {
  let current = error as { code?: unknown; cause?: unknown } | null;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (typeof current.code === "string") return current;
    current = (current.cause ?? null) as typeof current;
  }
  return null;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** `file:./data/madura.db` and `./data/madura.db` both name the same file; a PostgreSQL URL stays as it is. */
export function resolveDatabaseUrl(url: string): string {
  if (isPostgresUrl(url)) return url;
  const plain = url.startsWith("file:") ? url.slice("file:".length) : url;
  return path.resolve(process.cwd(), plain);
}
