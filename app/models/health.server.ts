import { sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";

/** A real round trip to the database: true when it answered. */
export function databaseAnswers(): boolean {
  try {
    getDb().get(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
