/**
 * PostgreSQL, for several app servers on one shared database. A pool per process; everything that
 * must hold across processes (the vote lock check, counters, exclusive jobs, migrations at start)
 * is decided by the database, never by one process's memory.
 */
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { driverError, type Counters, type Database, type Orm, type Tables, type VoteOutcome } from "./database.server";
import * as schema from "./schema.pg";

export type PostgresDatabase = Database & { readonly dialect: "postgres"; readonly pool: pg.Pool };

/** A fixed number for pg_advisory_lock while migrating, so servers starting together take turns. */
const MIGRATION_LOCK = 7_326_001;

/** Keys of pg_try_advisory_lock for exclusive jobs: a stable 31-bit hash of the job's name. */
function jobLockKey(name: string): number {
  let hash = 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash & 0x7fffffff;
}

const VOTE_STATUS = "select status from assessments where id = $1 for share";
/*
 * One statement for a participant's votes, however many: the arrays become rows. FOR SHARE above
 * holds the assessment while the votes go in, so a lock (an UPDATE of that row) waits for votes in
 * flight and every vote that got its answer is in before the lock's snapshot.
 */
const VOTE_UPSERT = `insert into ratings (participant_id, capability_key, current, ideal, comment, updated_at)
  select $1, v.k, v.c, v.i, v.m, $6 from unnest($2::text[], $3::int[], $4::int[], $5::text[]) as v(k, c, i, m)
  on conflict (participant_id, capability_key) do update set
    current = excluded.current, ideal = excluded.ideal, comment = excluded.comment, updated_at = excluded.updated_at`;

function counters(pool: pg.Pool): Counters {
  const toCounter = (row: { count: number; expires_at: string | number }) => ({ count: Number(row.count), expiresAt: Number(row.expires_at) });
  return {
    async peek(key, now) {
      const { rows } = await pool.query({ name: "counter-peek", text: "select count, expires_at from limit_counters where key = $1 and expires_at > $2::bigint", values: [key, now] });
      return rows[0] ? toCounter(rows[0]) : undefined;
    },
    async hit(key, now, ttlMs, extend) {
      const { rows } = await pool.query({
        name: "counter-hit",
        text: `insert into limit_counters (key, count, expires_at) values ($1, 1, $2::bigint + $3::bigint)
          on conflict (key) do update set
            count = case when limit_counters.expires_at <= $2::bigint then 1 else limit_counters.count + 1 end,
            expires_at = case when limit_counters.expires_at <= $2::bigint or $4::boolean then $2::bigint + $3::bigint else limit_counters.expires_at end
          returning count, expires_at`,
        values: [key, now, ttlMs, extend],
      });
      // Now and then, forget what has expired.
      if (Math.random() < 0.001) await pool.query("delete from limit_counters where expires_at <= $1", [now]);
      return toCounter(rows[0]);
    },
    async clear(key) {
      await pool.query("delete from limit_counters where key = $1", [key]);
    },
    async reset() {
      await pool.query("delete from limit_counters");
    },
  };
}

export function openPostgres(url: string, { max = Number(process.env.PG_POOL_SIZE) || 10 } = {}): PostgresDatabase {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client's error (the server restarted) must not take the process down; the pool drops it.
  pool.on("error", (error) => console.error("PostgreSQL connection lost:", error.message));
  const orm = drizzle({ client: pool, schema });

  return {
    dialect: "postgres",
    pool,
    orm: orm as unknown as Orm,
    t: schema as unknown as Tables,
    counters: counters(pool),
    transaction: (fn) => orm.transaction((tx) => fn(tx as unknown as Orm)),
    async rows<T>(query: SQL): Promise<T[]> {
      return (await orm.execute(query)).rows as T[];
    },
    isUniqueViolation: (error) => driverError(error)?.code === "23505",
    async saveVotes(participantId, assessmentId, votes, now): Promise<VoteOutcome> {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const { rows } = await client.query<{ status: string }>({ name: "vote-status", text: VOTE_STATUS, values: [assessmentId] });
        if (rows[0]?.status !== "open") {
          await client.query("rollback");
          return "locked";
        }
        await client.query({
          name: "vote-upsert",
          text: VOTE_UPSERT,
          values: [participantId, votes.map((v) => v.capabilityKey), votes.map((v) => v.current), votes.map((v) => v.ideal), votes.map((v) => v.comment), new Date(now)],
        });
        await client.query("commit");
        return "saved";
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exclusive(name, fn) {
      const client = await pool.connect();
      try {
        const { rows } = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1) as ok", [jobLockKey(name)]);
        if (!rows[0]?.ok) return undefined;
        try {
          return await fn();
        } finally {
          await client.query("select pg_advisory_unlock($1)", [jobLockKey(name)]);
        }
      } finally {
        client.release();
      }
    },
    async ping() {
      try {
        await orm.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pool.end();
    },
  };
}

export const postgresMigrationsFolder = path.resolve(process.cwd(), "db/migrations-pg");

/** Applies pending migrations; servers starting at once wait for each other on an advisory lock. */
export async function migratePostgres(db: PostgresDatabase, folder = postgresMigrationsFolder): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: folder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
