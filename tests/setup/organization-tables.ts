/**
 * Which tables of db/schema.ts belong to an organization, found from the foreign keys: a table
 * that references `organizations`, or a table that belongs to one (an assessment's participants, a
 * participant's ratings…). For the export's coverage test and the import's row counts.
 */
import { sql, type SQL } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "../../db/schema";
import { getDb } from "../../db/connection.server";

type Step = { column: string; parent: string; parentColumn: string };

const tables = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => value instanceof SQLiteTable).map((table) => getTableConfig(table));

export const SCHEMA_TABLES: string[] = tables.map((table) => table.name);

/** For each table that belongs to an organization, one foreign key on a path to `organizations` (none for `organizations`). */
function organizationPaths(): Map<string, Step | null> {
  const paths = new Map<string, Step | null>([["organizations", null]]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const table of tables) {
      if (paths.has(table.name)) continue;
      for (const fk of table.foreignKeys) {
        const reference = fk.reference();
        const parent = getTableConfig(reference.foreignTable).name;
        if (!paths.has(parent)) continue;
        paths.set(table.name, { column: reference.columns[0]!.name, parent, parentColumn: reference.foreignColumns[0]!.name });
        grew = true;
        break;
      }
    }
  }
  return paths;
}

const PATHS = organizationPaths();

/** Tables whose rows belong to an organization, `organizations` included. */
export const ORGANIZATION_TABLES: string[] = [...PATHS.keys()];

/** `where` of the rows of `table` that belong to `organizationId` (nested `in` subqueries, alike on both engines). */
function belongsTo(table: string, organizationId: string): SQL {
  const step = PATHS.get(table);
  if (step === undefined) throw new Error(`${table} does not belong to an organization`);
  if (step === null) return sql`${sql.identifier("id")} = ${organizationId}`;
  return sql`${sql.identifier(step.column)} in (select ${sql.identifier(step.parentColumn)} from ${sql.identifier(step.parent)} where ${belongsTo(step.parent, organizationId)})`;
}

/** How many rows of each of `names` belong to the organization. */
export async function countOrganizationRows(organizationId: string, names: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of names) {
    const [row] = await getDb().rows<{ n: number | string }>(sql`select count(*) as n from ${sql.identifier(name)} where ${belongsTo(name, organizationId)}`);
    counts[name] = Number(row!.n);
  }
  return counts;
}
