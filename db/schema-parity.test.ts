import { getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as pg from "./schema.pg";
import * as sqlite from "./schema";

/**
 * The two schemas describe one database: models are written once against either. This reads both
 * through drizzle and compares what a model relies on: tables, columns (name, JavaScript type,
 * nullability, default, uniqueness), primary keys, foreign keys with their ON DELETE, indexes
 * (columns, uniqueness, partial or not) and named checks.
 */
type Shape = Record<string, unknown>;

/** Which JavaScript value a column gives a model, whatever the SQL type behind it. */
function jsKind(column: { dataType: string; columnType: string }): string {
  if (column.columnType === "SQLiteTimestamp" || column.columnType === "PgTimestamp") return "date";
  return column.dataType;
}

type AnyConfig = ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>;

function shapeOf(config: AnyConfig): Shape {
  const columns = Object.fromEntries(
    config.columns.map((c) => [
      c.name,
      { kind: jsKind(c), notNull: c.notNull, primary: c.primary, hasDefault: c.hasDefault, unique: c.isUnique, enum: c.enumValues ?? null },
    ]),
  );
  const names = (cols: { name: string }[]) => cols.map((c) => c.name);
  return {
    columns,
    primaryKeys: config.primaryKeys.map((pk) => names(pk.columns)),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return { columns: names(ref.columns), to: names(ref.foreignColumns), onDelete: fk.onDelete ?? "no action" };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    indexes: config.indexes
      .map((i) => ({ name: i.config.name, columns: i.config.columns.map((c) => ("name" in c ? c.name : "expr")), unique: i.config.unique, partial: Boolean(i.config.where) }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    checks: config.checks.map((c) => c.name).sort(),
  };
}

const sqliteTables = (Object.values(sqlite) as unknown[]).filter((value): value is SQLiteTable => value instanceof SQLiteTable);
const pgTables = (Object.values(pg) as unknown[]).filter((value): value is PgTable => value instanceof PgTable);

describe("the SQLite and PostgreSQL schemas", () => {
  it("have the same tables", () => {
    const tableNames = (configs: AnyConfig[]) => configs.map((c) => c.name).sort();
    expect(tableNames(pgTables.map(pgTableConfig))).toEqual(tableNames(sqliteTables.map(sqliteTableConfig)));
    expect(sqliteTables.length).toBeGreaterThan(5);
  });

  it.each(sqliteTables.map((table) => [sqliteTableConfig(table).name, table] as const))("agree on %s", (name, table) => {
    const twin = pgTables.find((candidate) => pgTableConfig(candidate).name === name);
    expect(twin, `PostgreSQL has a table ${name}`).toBeInstanceOf(PgTable);
    expect(shapeOf(pgTableConfig(twin!))).toEqual(shapeOf(sqliteTableConfig(table)));
  });
});
