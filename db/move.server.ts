/**
 * Moves an install from its SQLite file to a PostgreSQL database: every row of every table, in an
 * order that satisfies the foreign keys, inside one PostgreSQL transaction (all of it or nothing).
 * The target is migrated first and must be empty, so a move can never mix two installs.
 */
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { drizzle } from "drizzle-orm/node-postgres";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migratePostgres, openPostgres } from "./postgres.server";
import * as pgSchema from "./schema.pg";
import * as sqliteSchema from "./schema";
import { migrateSqlite, openSqlite } from "./sqlite.server";

/** Rows of the in-memory rate limits are not worth moving; everything else is. */
const SKIPPED = new Set(["limit_counters"]);
const BATCH = 500;

/** The tables in an order where each comes after every table it references. */
export function tablesInDependencyOrder(): PgTable[] {
  const tables = (Object.values(pgSchema) as unknown[]).filter((value): value is PgTable => value instanceof PgTable);
  const byName = new Map(tables.map((table) => [getTableConfig(table).name, table]));
  const ordered: PgTable[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const table = byName.get(name)!;
    for (const fk of getTableConfig(table).foreignKeys) {
      const parent = getTableConfig(fk.reference().foreignTable).name;
      if (parent !== name) visit(parent);
    }
    ordered.push(table);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return ordered;
}

export type MoveReport = { table: string; rows: number }[];

export async function moveSqliteToPostgres(sqliteFile: string, postgresUrl: string, log: (line: string) => void = () => {}): Promise<MoveReport> {
  const source = openSqlite(sqliteFile);
  const target = openPostgres(postgresUrl, { max: 2 });
  try {
    migrateSqlite(source);
    await migratePostgres(target);
    const sqliteTables = new Map(
      (Object.values(sqliteSchema) as unknown[]).filter((value): value is SQLiteTable => value instanceof SQLiteTable).map((table) => [sqliteTableConfig(table).name, table]),
    );
    const read = drizzleSqlite(source.sqlite);
    const client = await target.pool.connect();
    const report: MoveReport = [];
    try {
      await client.query("begin");
      const write = drizzle({ client });
      for (const table of tablesInDependencyOrder()) {
        const name = getTableConfig(table).name;
        if (SKIPPED.has(name)) continue;
        const { rows } = await client.query<{ n: string }>(`select count(*) as n from "${name}"`);
        if (Number(rows[0]!.n) > 0) throw new Error(`The PostgreSQL database is not empty (table ${name} has rows): move into a new, empty database.`);
        // Read through SQLite's table (its column modes give JavaScript values), write through PostgreSQL's.
        const all = read.select().from(sqliteTables.get(name)!).all();
        for (let i = 0; i < all.length; i += BATCH) await write.insert(table).values(all.slice(i, i + BATCH));
        report.push({ table: name, rows: all.length });
        log(`${name}: ${all.length} rows`);
      }
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return report;
  } finally {
    await source.close();
    await target.close();
  }
}
