/**
 * The embedded default: one SQLite file, one connection, one process. Its better-sqlite3 statements
 * run synchronously, so an awaited query finishes before the await returns; a transaction, however,
 * spans awaits, and on a single connection anything another request ran in between would become
 * part of it. Transactions therefore take turns through a queue, and a transaction's callback awaits
 * nothing but the database (then it runs to its end within one turn of the event loop).
 */
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3, { type Statement } from "better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { SQLiteSelectBase } from "drizzle-orm/sqlite-core";
import { driverError, type Counter, type Counters, type Database, type Orm, type Tables, type VoteOutcome, type VoteRow } from "./database.server";
import { applyMigrations } from "./migrate.server";
import * as schema from "./schema";

export type SqliteDatabase = Database & {
  readonly dialect: "sqlite";
  /** The raw connection, for what only SQLite has (the WAL checkpointer, online backups, tests). */
  readonly sqlite: BetterSqlite3.Database;
  readonly file: string;
};

/*
 * `.for("update")` marks the row a PostgreSQL transaction must hold while it decides. SQLite's
 * IMMEDIATE transaction already holds the database's only write lock, so there it changes nothing;
 * drizzle's SQLite builder lacks the method, and this gives it one that returns the query as it is.
 */
const selectPrototype = SQLiteSelectBase.prototype as unknown as { for?: () => unknown };
selectPrototype.for ??= function (this: unknown) {
  return this;
};

/** One turn at a time for transactions on the single connection. */
class TurnQueue {
  private tail: Promise<void> = Promise.resolve();
  private busy = false;

  get taken(): boolean {
    return this.busy;
  }

  async run<T>(fn: () => Promise<T> | T): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.busy = true;
    try {
      return await fn();
    } finally {
      this.busy = false;
      release();
    }
  }
}

/** Fixed windows and back-offs in memory: SQLite means one server process, which sees every request. */
class MemoryCounters implements Counters {
  private readonly entries = new Map<string, Counter>();

  async peek(key: string, now: number): Promise<Counter | undefined> {
    return this.live(key, now);
  }

  async hit(key: string, now: number, ttlMs: number, extend: boolean): Promise<Counter> {
    return this.hitNow(key, now, ttlMs, extend);
  }

  /** The synchronous core, for the phone lane's hot path. */
  hitNow(key: string, now: number, ttlMs: number, extend: boolean): Counter {
    const existing = this.live(key, now);
    const counter = existing
      ? { count: existing.count + 1, expiresAt: extend ? now + ttlMs : existing.expiresAt }
      : { count: 1, expiresAt: now + ttlMs };
    this.entries.set(key, counter);
    if (this.entries.size > 50_000) {
      for (const [k, c] of this.entries) if (c.expiresAt <= now) this.entries.delete(k);
    }
    return counter;
  }

  live(key: string, now: number): Counter | undefined {
    const counter = this.entries.get(key);
    if (counter && counter.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return counter;
  }

  async clear(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async reset(): Promise<void> {
    this.entries.clear();
  }
}

type VoteStatements = { status: Statement<[string], { status: string }>; upsert: Statement<unknown[]> };

/** Opens (and creates) a SQLite file with the settings every connection of ours uses. */
export function openSqlite(file: string, { busyTimeoutMs = 5000 } = {}): SqliteDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  // WAL + NORMAL survives a process crash without corruption and lets readers run beside a writer.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // How long a write waits, blocking its thread, for another connection's write lock. Scripts wait
  // the default 5 s; the server waits far less and answers 503 (app/server/busy.server.ts).
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const orm: BetterSQLite3Database<typeof schema> = drizzle(sqlite, { schema });
  const turns = new TurnQueue();
  const counters = new MemoryCounters();
  let votes: VoteStatements | undefined;

  const transaction = <T>(fn: () => Promise<T>): Promise<T> =>
    turns.run(async () => {
      sqlite.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn();
        sqlite.exec("COMMIT");
        return result;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
        throw error;
      }
    });

  /*
   * The vote path is the hottest write of a workshop (200 phones at once), so it uses statements
   * prepared once: building the same SQL through the query builder per post was a third of its CPU
   * time. It is synchronous, so it needs a turn only while a transaction holds one.
   */
  const saveVotesNow = (participantId: string, assessmentId: string, rows: readonly VoteRow[], now: number): VoteOutcome => {
    votes ??= {
      status: sqlite.prepare("select status from assessments where id = ?"),
      upsert: sqlite.prepare(
        `insert into ratings (participant_id, capability_key, current, ideal, comment, updated_at)
         values (?, ?, ?, ?, ?, ?)
         on conflict (participant_id, capability_key) do update set
           current = excluded.current, ideal = excluded.ideal, comment = excluded.comment, updated_at = excluded.updated_at`,
      ),
    };
    const s = votes;
    return sqlite
      .transaction((): VoteOutcome => {
        if (s.status.get(assessmentId)?.status !== "open") return "locked";
        for (const r of rows) s.upsert.run(participantId, r.capabilityKey, r.current, r.ideal, r.comment, now);
        return "saved";
      })
      .immediate();
  };

  return {
    dialect: "sqlite",
    sqlite,
    file,
    orm: orm as unknown as Orm,
    t: schema as unknown as Tables,
    counters,
    transaction: (fn) => transaction(() => fn(orm as unknown as Orm)),
    async rows<T>(query: SQL): Promise<T[]> {
      return orm.all<T>(query);
    },
    isUniqueViolation(error) {
      const code = driverError(error)?.code;
      return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
    },
    async saveVotes(participantId, assessmentId, rows, now) {
      if (!turns.taken) return saveVotesNow(participantId, assessmentId, rows, now);
      return turns.run(() => saveVotesNow(participantId, assessmentId, rows, now));
    },
    // One process serves a SQLite file: nobody else runs the job.
    exclusive: (_name, fn) => fn(),
    async ping() {
      try {
        orm.get(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (sqlite.open) sqlite.close();
    },
  };
}

/** Resolved from the working directory: after bundling, this code lives in build/server/. */
export const sqliteMigrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Applies pending migrations without ever losing rows (see migrate.server.ts); returns how many ran. */
export function migrateSqlite(db: SqliteDatabase, folder = sqliteMigrationsFolder): number {
  return applyMigrations(db.sqlite, folder);
}
